import Foundation
import RendementsDomain
import RendementsStorage

/// `bench-genereer MAP AANTAL [ZAAD]`: writes a realistic, fictional business case of
/// AANTAL cases in the app's own format (schema 2, valid hash-chained histories), for
/// the benchmark. Deterministic for a seed. Not a user command; files are written
/// without fsync, because this is test data.
@main
struct Generate {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3, let count = Int(arguments[2]), count > 0 else {
            FileHandle.standardError.write(Data("gebruik: bench-genereer MAP AANTAL [ZAAD] [PRIJSLIJST]\n".utf8))
            exit(2)
        }
        let folder = URL(fileURLWithPath: arguments[1])
        var random = SplitMix(seed: arguments.count > 3 ? UInt64(arguments[3]) ?? 1 : 1)
        let listFolder = URL(fileURLWithPath: arguments.count > 4 ? arguments[4] : "price-lists/standaard")
        guard let list = PriceListReader.read(folder: listFolder).priceList else {
            FileHandle.standardError.write(Data("prijslijst onleesbaar: \(listFolder.path)\n".utf8))
            exit(2)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // BENCH_REAL=1 marks the cases real, so their approved lines feed the suggestions (fictional examples never do).
        let real = ProcessInfo.processInfo.environment["BENCH_REAL"] == "1"
        let settings = BusinessCaseSettings(name: real ? "Benchmark (gegenereerd)" : "Benchmark (gegenereerd, fictief)", organisation: "Benchmark",
                                            fictionalExamples: !real)
        try JSONEncoder().encode(settings).write(to: folder.appendingPathComponent(CaseStore.settingsFileName))
        let costs = list.items.filter { $0.kind == .kosten }
        let wmo = list.items.filter { $0.lawCode == "wmo" && $0.kind == .kosten }
        let rate = list.hourlyRates.first { $0.code == "sociaal-werker" } ?? list.hourlyRates[0]
        for number in 1...count {
            guard let id = CaseID.make(number) else { break }
            var record = makeCase(id, &random, costs: costs, wmo: wmo, rate: rate, version: list.version)
            record.fictional = !real
            HistoryChain.seal(&record, now: Date(timeIntervalSince1970: 1_700_000_000))
            record.revision = 1
            try CaseCodec.encode(record).write(to: folder.appendingPathComponent("\(id).json"))
        }
        print("\(count) casussen in \(folder.path)")
    }

    static let teams = ["Team Noord", "Team Zuid", "Team Oost", "Team West", "Team Centrum", "Team Jeugd", "Team Wijk"]
    static let interventions = ["Sociaal Recept", "Mantelzorgondersteuning", "Schuldhulp vroegsignalering", "Opvoedondersteuning", "Buurtcoaching"]
    static let authors = (1...40).map { "sw-\($0)" }
    static let words = ["cliënt", "gesprek", "huisarts", "buurt", "schulden", "eenzaam", "mantelzorger", "steun", "plan", "week",
                        "vrijwilliger", "wijkteam", "zorgen", "thuis", "afspraak", "samen", "rust", "werk", "school", "gezin"]

    static func makeCase(_ id: String, _ random: inout SplitMix, costs: [PriceItem], wmo: [PriceItem], rate: HourlyRate, version: String) -> CaseRecord {
        let year = 2021 + random.below(5)
        let month = 1 + random.below(12)
        // Days up to 28 exist in every month of every year, so these dates are always valid.
        let start = CalendarDay(year: year, month: month, day: 1 + random.below(28)) ?? CalendarDay(year: 2023, month: 1, day: 1)
        let end = CalendarDay(year: year, month: min(12, month + random.below(6)), day: 28) ?? start
        guard let start, let end else { fatalError("a day up to 28 always exists") }
        let author = authors[random.below(authors.count)]
        func story() -> String { (0..<15).map { _ in words[random.below(words.count)] }.joined(separator: " ") + "." }
        func quantity() -> Quantity { .count(Decimal(1 + random.below(30))) }
        let avoided = (0..<(4 + random.below(11))).map { _ in
            AvoidedCareLine(item: PricedItem(costs[random.below(costs.count)]), quantity: quantity(),
                            likelihood: Percentage(Decimal(10 * (1 + random.below(10)))) ?? .full, reasoning: story().prefix(80).description)
        }
        let deployed = (0..<random.below(4)).map { _ in
            DeployedCareLine(item: PricedItem(wmo[random.below(wmo.count)]), quantity: quantity(), note: "")
        }
        var record = CaseRecord(
            id: id, fictional: true, status: .concept, author: author,
            context: CaseContext(intervention: interventions[random.below(interventions.count)], team: teams[random.below(teams.count)],
                                 municipality: "Voorbeeldstad", periodStart: start, periodEnd: max(start, end), referrer: "huisarts",
                                 ageBand: "25-44", household: "alleenstaand", lifeDomains: [LifeDomain.allCases[random.below(LifeDomain.allCases.count)]]),
            story: CaseStory(situation: story(), approach: story(), result: story()),
            effort: OwnEffort(workers: [WorkerHours(rateCode: rate.code, description: rate.description, hours: Decimal(4 + random.below(40)), hourlyRate: rate.rate)]),
            deployed: deployed, avoided: avoided, attribution: Percentage(Decimal(50 + 10 * random.below(6))) ?? .full, priceListVersion: version)
        let at = "\(end.iso)T09:00:00Z"
        try? record.move(to: .ingediend, by: author, at: at, reason: "ingediend")
        if random.below(2) == 0 {
            let reviewer = authors[((authors.firstIndex(of: author) ?? 0) + 1) % authors.count]
            try? record.review(.likelihood(line: 1, Percentage(Decimal(10 * (1 + random.below(10)))) ?? .full), by: reviewer, at: at,
                               reason: "Bijgesteld na overleg.")
            try? record.move(to: .goedgekeurd, by: reviewer, at: at, reason: "")
        }
        return record
    }
}

/// A small deterministic generator (SplitMix64), so a seed gives the same business case everywhere.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
