import Foundation
import RendementsDomain

/// The outcome of reading a price-list folder: the list (bad rows left out) and every problem found.
public struct PriceListReadResult: Sendable {
    public let priceList: PriceList?
    public let problems: [Problem]

    public var errors: [Problem] { problems.filter { $0.severity == .error } }
}

/// Reads a price list from a folder of spreadsheet-editable CSV files.
///
/// | file | columns |
/// |---|---|
/// | `info.csv` | sleutel, waarde (naam, versie) |
/// | `wetten.csv` | code, naam, financier |
/// | `prijzen.csv` | code, wet, categorie, omschrijving, eenheid, prijs, prijsjaar, bron, betrouwbaarheid, soort, synoniemen, prijs_laag, prijs_hoog |
/// | `uurtarieven.csv` | code, omschrijving, uurtarief, prijsjaar, bron |
/// | `index.csv` | jaar, mutatie_procent, bron |
/// | `uitsluitingen.csv` (optional) | code, sluit_uit, reden |
public enum PriceListReader {
    public static let itemColumns = ["code", "wet", "categorie", "omschrijving", "eenheid", "prijs", "prijsjaar", "bron", "betrouwbaarheid", "soort"]

    /// The files a price list consists of, required and optional.
    public static let fileNames = ["info.csv", "wetten.csv", "prijzen.csv", "uurtarieven.csv", "index.csv", "uitsluitingen.csv"]

    public static func read(folder: URL) -> PriceListReadResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return PriceListReadResult(priceList: nil, problems: [Problem(file: folder.path, message:
                "de prijslijstmap bestaat niet; geef een bestaande map op met --price-list MAP of zet RENDEMENTSMETER_PRICE_LIST")])
        }
        return read(source: .folder(folder))
    }

    /// Reads a price list from any source; the folder version checks the folder first.
    public static func read(source: PriceListSource) -> PriceListReadResult {
        let folder = source
        var problems: [Problem] = []
        let info = readInfo(folder, problems: &problems)
        let laws = readLaws(folder, problems: &problems)
        let items = readItems(folder, laws: laws, problems: &problems)
        let rates = readHourlyRates(folder, problems: &problems)
        let index = readIndex(folder, problems: &problems)
        guard let laws, let items else { return PriceListReadResult(priceList: nil, problems: problems) }
        let exclusions = readExclusions(folder, items: items, problems: &problems)
        let list = PriceList(name: info["naam"] ?? folder.name, version: info["versie"] ?? "onbekend",
                             laws: laws, items: items, hourlyRates: rates, index: index, exclusions: exclusions)
        return PriceListReadResult(priceList: list, problems: problems)
    }

    private static func readInfo(_ folder: PriceListSource, problems: inout [Problem]) -> [String: String] {
        guard let file = CSVFileReader.open(folder, "info.csv", required: ["sleutel", "waarde"], problems: &problems) else { return [:] }
        var info: [String: String] = [:]
        for row in file.rows(problems: &problems) { info[row.text("sleutel").lowercased()] = row.text("waarde") }
        if info["versie", default: ""].isEmpty {
            problems.append(Problem(file: file.fileName, message: "de sleutel 'versie' ontbreekt; elke prijslijst heeft een versie, zodat casussen weten waarmee ze zijn berekend"))
        }
        return info
    }

    private static func readLaws(_ folder: PriceListSource, problems: inout [Problem]) -> [Law]? {
        guard let file = CSVFileReader.open(folder, "wetten.csv", required: ["code", "naam", "financier"], problems: &problems) else { return nil }
        var laws: [Law] = []
        for row in file.rows(problems: &problems) {
            guard let code = row.required("code", "code", problems: &problems),
                  let name = row.required("naam", "naam", problems: &problems),
                  let financier = row.required("financier", "financier", problems: &problems) else { continue }
            if laws.contains(where: { $0.code == code.lowercased() }) {
                problems.append(row.problem("code", "wet '\(code)' staat er twee keer in; geef elke wet één regel"))
                continue
            }
            laws.append(Law(code: code.lowercased(), name: name, financier: financier))
        }
        for required in Law.requiredCodes where !laws.contains(where: { $0.code == required }) {
            problems.append(Problem(file: file.fileName, message: "de wet '\(required)' ontbreekt; Wmo, Zvw, Wlz en Jeugdwet zijn altijd nodig"))
        }
        return laws
    }

    private static func readItems(_ folder: PriceListSource, laws: [Law]?, problems: inout [Problem]) -> [PriceItem]? {
        guard let file = CSVFileReader.open(folder, "prijzen.csv", required: itemColumns, problems: &problems) else { return nil }
        let lawCodes = Set((laws ?? []).map(\.code))
        var items: [PriceItem] = []
        var firstLine: [String: Int] = [:]
        for row in file.rows(problems: &problems) {
            let before = problems.count
            let code = row.required("code", "code", problems: &problems)
            if let code, let earlier = firstLine[code] {
                problems.append(row.problem("code", "code '\(code)' komt al voor op regel \(earlier); geef elk item een eigen code"))
                continue
            }
            let law = row.text("wet").lowercased()
            if law.isEmpty {
                problems.append(row.problem("wet", "wet ontbreekt; vul een code uit wetten.csv in (\(lawCodes.sorted().joined(separator: ", ")))"))
            } else if laws != nil && !lawCodes.contains(law) {
                problems.append(row.problem("wet", "wet '\(law)' is onbekend; gebruik een code uit wetten.csv (\(lawCodes.sorted().joined(separator: ", ")))"))
            }
            let description = row.required("omschrijving", "omschrijving", problems: &problems)
            let unit = row.required("eenheid", "eenheid", problems: &problems)
            let price = row.money("prijs", "prijs", problems: &problems)
            let year = row.year("prijsjaar", problems: &problems)
            let source = row.text("bron")
            if source.isEmpty {
                problems.append(row.problem("bron", "bron ontbreekt; een prijs zonder bron hoort niet in de prijslijst"))
            }
            let grade = ConfidenceGrade(rawValue: row.text("betrouwbaarheid").lowercased())
            if grade == nil {
                problems.append(row.problem("betrouwbaarheid", "betrouwbaarheid '\(row.text("betrouwbaarheid"))' is onbekend; kies groen, oranje of rood"))
            }
            let kind = PriceKind(rawValue: row.text("soort").lowercased())
            if kind == nil {
                problems.append(row.problem("soort", "soort '\(row.text("soort"))' is onbekend; kies kosten of transfer"))
            }
            let low = row.money("prijs_laag", "lage prijs", optional: true, problems: &problems)
            let high = row.money("prijs_hoog", "hoge prijs", optional: true, problems: &problems)
            guard problems.count == before, let code, let description, let unit, let price, let year, let grade, let kind else { continue }
            if let low, let high, !(low <= price && price <= high) {
                problems.append(row.problem("prijs", "prijs ligt niet tussen prijs_laag en prijs_hoog; controleer de drie bedragen"))
                continue
            }
            firstLine[code] = row.line
            let synonyms = row.text("synoniemen").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            items.append(PriceItem(code: code, lawCode: law, category: row.text("categorie"), description: description, unit: unit,
                                   price: price, priceYear: year, source: source, grade: grade, kind: kind,
                                   synonyms: synonyms.filter { !$0.isEmpty }, lowPrice: low, highPrice: high))
        }
        return items
    }

    private static func readHourlyRates(_ folder: PriceListSource, problems: inout [Problem]) -> [HourlyRate] {
        guard let file = CSVFileReader.open(folder, "uurtarieven.csv", required: ["code", "omschrijving", "uurtarief", "prijsjaar", "bron"], problems: &problems) else { return [] }
        var rates: [HourlyRate] = []
        for row in file.rows(problems: &problems) {
            let before = problems.count
            let code = row.required("code", "code", problems: &problems)
            let description = row.required("omschrijving", "omschrijving", problems: &problems)
            let rate = row.money("uurtarief", "uurtarief", problems: &problems)
            let year = row.year("prijsjaar", problems: &problems)
            let source = row.required("bron", "bron", problems: &problems)
            guard problems.count == before, let code, let description, let rate, let year, let source else { continue }
            if rates.contains(where: { $0.code == code }) {
                problems.append(row.problem("code", "uurtarief '\(code)' staat er twee keer in"))
                continue
            }
            rates.append(HourlyRate(code: code, description: description, rate: rate, priceYear: year, source: source))
        }
        return rates
    }

    private static func readExclusions(_ folder: PriceListSource, items: [PriceItem], problems: inout [Problem]) -> [Exclusion] {
        if case .missing = folder.content("uitsluitingen.csv") { return [] }
        guard let file = CSVFileReader.open(folder, "uitsluitingen.csv", required: ["code", "sluit_uit", "reden"], problems: &problems) else { return [] }
        let codes = Set(items.map(\.code))
        var exclusions: [Exclusion] = []
        for row in file.rows(problems: &problems) {
            let unknown = ["code", "sluit_uit"].filter { !codes.contains(row.text($0)) }
            guard unknown.isEmpty else {
                for column in unknown { problems.append(row.problem(column, "item '\(row.text(column))' staat niet in prijzen.csv")) }
                continue
            }
            exclusions.append(Exclusion(code: row.text("code"), excludes: row.text("sluit_uit"), reason: row.text("reden")))
        }
        return exclusions
    }

    private static func readIndex(_ folder: PriceListSource, problems: inout [Problem]) -> [IndexYear] {
        guard let file = CSVFileReader.open(folder, "index.csv", required: ["jaar", "mutatie_procent", "bron"], problems: &problems) else { return [] }
        var years: [IndexYear] = []
        for row in file.rows(problems: &problems) {
            guard let year = Int(row.text("jaar")) else {
                problems.append(row.problem("jaar", "jaar '\(row.text("jaar"))' is geen jaartal"))
                continue
            }
            guard let change = DutchNumber.parse(row.text("mutatie_procent")), change > -100, change < 100 else {
                problems.append(row.problem("mutatie_procent", "mutatie '\(row.text("mutatie_procent"))' is geen percentage, zoals 3,8"))
                continue
            }
            if years.contains(where: { $0.year == year }) {
                problems.append(row.problem("jaar", "jaar \(year) staat er twee keer in"))
                continue
            }
            years.append(IndexYear(year: year, changePercent: change, source: row.text("bron")))
        }
        return years.sorted { $0.year < $1.year }
    }
}
