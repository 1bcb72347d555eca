import Foundation
import Testing
@testable import RendementsDomain

@Suite("Business case aggregation in one pass")
struct SummaryTests {
    let cases = [
        Fixture.record(id: "C-0001", status: .goedgekeurd, intervention: "Sociaal Recept", team: "Noord", end: "2025-03-31",
                       domains: [.socialeRelaties, .zingeving], hours: 10,
                       avoided: [Fixture.avoided("ZVW-HA", law: "zvw", price: "30.00", count: 10, likelihood: 50)]),
        Fixture.record(id: "C-0002", status: .ingediend, intervention: "Schuldhulp", team: "Zuid", end: "2025-03-02",
                       domains: [.financien, .socialeRelaties], hours: 5,
                       avoided: [Fixture.avoided("WON-UIT", law: "wonen", price: "7500.00", count: 1, likelihood: 50),
                                 Fixture.avoided("ZVW-HA", law: "zvw", price: "30.00", count: 2, likelihood: 100)]),
        Fixture.record(id: "C-0003", status: .concept, intervention: "Schuldhulp", team: "Zuid", end: "2025-05-01", hours: 99,
                       avoided: [Fixture.avoided("WLZ-VPH", law: "wlz", price: "290.00", count: 100, likelihood: 100)]),
        Fixture.record(id: "C-0004", status: .teruggestuurd, hours: 3),
    ]

    @Test("submitted = ingediend + goedgekeurd; status counts include every case")
    func submitted() {
        let summary = BusinessCaseSummary(cases: cases)
        #expect(summary.countedCases == 2)
        #expect(summary.caseCount == 4)
        #expect(summary.statusCounts == [.goedgekeurd: 1, .ingediend: 1, .concept: 1, .teruggestuurd: 1])
        // avoided: 150 + 3750 + 60 = 3960; effort: (10 + 5) × 64 = 960
        #expect(summary.total.avoided == Fixture.money("3960.00"))
        #expect(summary.total.effort == Fixture.money("960.00"))
        #expect(summary.total.net == Fixture.money("3000.00"))
        #expect(summary.perLaw["zvw"]?.avoided == Fixture.money("210.00"))
        #expect(summary.perLaw["wonen"]?.avoided == Fixture.money("3750.00"))
        #expect(summary.perLaw["wmo"]?.effort == Fixture.money("960.00"))
        #expect(summary.perLaw["wlz"] == nil, "a concept is not counted")
    }

    @Test("summing the current figures of pairs in place equals summing them mapped out, with every grouping")
    func currentOfPairs() {
        let current = cases.map { CaseFigures($0, options: .plain) }
        // A reviewed case: its original differs, and must not be what is summed.
        let pairs = current.enumerated().map { CaseFigurePair(current: $1, original: current[($0 + 1) % current.count]) }
        for filter in [CaseFilter(), CaseFilter(team: "Zuid"), CaseFilter(selection: .approvedOnly)] {
            let inPlace = BusinessCaseSummary(currentOf: pairs, filter: filter, options: .plain, detail: .patterns)
            let mapped = BusinessCaseSummary(figures: pairs.lazy.map(\.current), filter: filter, options: .plain, detail: .patterns)
            #expect(inPlace.statusCounts == mapped.statusCounts && inPlace.countedCases == mapped.countedCases && inPlace.total == mapped.total)
            #expect(inPlace.perLaw == mapped.perLaw && inPlace.perMonth == mapped.perMonth && inPlace.perIntervention == mapped.perIntervention)
            #expect(inPlace.perTeam == mapped.perTeam && inPlace.perLifeDomain == mapped.perLifeDomain && inPlace.topItemsByValue(100) == mapped.topItemsByValue(100))
            #expect(inPlace.resultBands == mapped.resultBands && inPlace.countedIDs == mapped.countedIDs && inPlace.caseIDsPerLaw == mapped.caseIDsPerLaw)
        }
        #expect(BusinessCaseSummary(currentOf: pairs, filter: CaseFilter(), options: .plain, detail: .patterns).total.avoided == Fixture.money("3960.00"))
    }

    /// A business case with every kind of case the summary groups: statuses, teams, interventions,
    /// months over two years, repeated and absent life domains, several laws, one item twice in a
    /// case, and cases that cannot be valued.
    static func varied(_ count: Int) -> [CaseFigures] {
        let codes = [("ZVW-HA", "zvw"), ("WMO-HH", "wmo"), ("WLZ-VPH", "wlz"), ("JW-OND", "jeugdwet"), ("WON-UIT", "wonen")]
        let shared = codes.map { CaseFigures.ItemName(code: $0.0, description: "gedeeld \($0.0)", law: $0.1) }
        return (0..<count).map { number in
            let record = Fixture.record(
                id: String(format: "C-%05d", number), status: CaseStatus.allCases[number % 4], intervention: ["Sociaal Recept", "Schuldhulp", "Mantelzorg"][number % 3],
                team: ["Noord", "Zuid", "Oost", "West", "Centrum"][number % 5], end: String(format: "%d-%02d-15", 2024 + number % 2, 1 + number % 12),
                domains: [[], [.financien], [.zingeving, .zingeving, .wonen], LifeDomain.allCases][number % 4], hours: Decimal(number % 7),
                avoided: (0..<(number % 6)).map { line in
                    let (code, law) = codes[(number + line * 3) % codes.count]
                    // A count no sum can hold: the case cannot be valued and is left out of every total.
                    let count: Decimal = number % 97 == 5 ? 1_000_000_000_000_000 : Decimal(1 + line % 3)
                    return Fixture.avoided(code, law: law, price: "\(10 + (number * 7 + line) % 400).25", count: count,
                                           likelihood: Decimal(10 * (1 + (number + line) % 10)))
                })
            let figures = CaseFigures(record, options: .plain)
            // Half the cases name their items with one shared object each, as figures read from the index do.
            guard number % 2 == 0, case .success(let valued) = figures.valued else { return figures }
            let lines = valued.lines.map { line in CaseFigures.Line(item: shared[codes.firstIndex { $0.0 == line.code } ?? 0], value: line.value) }
            return CaseFigures(id: figures.id, status: figures.status, author: figures.author, team: figures.team, intervention: figures.intervention,
                               periodEnd: figures.periodEnd, lifeDomains: figures.lifeDomains, fictional: figures.fictional,
                               priceListVersion: figures.priceListVersion,
                               valued: .success(CaseFigures.Valued(lawTotals: valued.perLaw, total: valued.total, lines: lines)))
        }
    }

    static func expectEqual(_ one: BusinessCaseSummary, _ other: BusinessCaseSummary, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(one.statusCounts == other.statusCounts && one.countedCases == other.countedCases && one.total == other.total, sourceLocation: sourceLocation)
        #expect(one.perLaw == other.perLaw && one.caseIDsPerLaw == other.caseIDsPerLaw && one.failures == other.failures, sourceLocation: sourceLocation)
        #expect(one.perMonth == other.perMonth && one.perQuarter == other.perQuarter, sourceLocation: sourceLocation)
        #expect(one.perIntervention == other.perIntervention && one.perTeam == other.perTeam && one.perLifeDomain == other.perLifeDomain,
                sourceLocation: sourceLocation)
        #expect(one.topItemsByValue(100) == other.topItemsByValue(100) && one.topItemsByCount(100) == other.topItemsByCount(100),
                sourceLocation: sourceLocation)
        #expect(one.resultBands == other.resultBands && one.countedIDs == other.countedIDs, sourceLocation: sourceLocation)
        let financiers = { (summary: BusinessCaseSummary) in summary.perFinancier(nil).map { "\($0.financier) \($0.group)" } }
        #expect(financiers(one) == financiers(other), sourceLocation: sourceLocation)
    }

    @Test("a sum taken in parts on several cores equals one pass over the cases, order included, for every filter")
    func inParts() {
        let figures = Self.varied(5_000)
        let pairs = figures.map { CaseFigurePair(current: $0, original: $0) }
        let table = SummaryTable(currentOf: pairs)
        let failing = figures.filter { if case .failure = $0.valued { true } else { false } }.count
        #expect(failing == 43, "every 97th case from the 5th, unless it has no lines (every 6th)")
        for filter in [CaseFilter(), CaseFilter(selection: .approvedOnly), CaseFilter(fromMonth: "2024-03", toMonth: "2025-02", lifeDomain: .zingeving),
                       CaseFilter(team: "Oost", intervention: "Schuldhulp")] {
            let onePass = BusinessCaseSummary(figures: figures, filter: filter, options: .plain, detail: .patterns)
            for parts in [1, 2, 3, 7] {
                Self.expectEqual(BusinessCaseSummary(table: table, filter: filter, options: .plain, detail: .patterns, parts: parts), onePass)
            }
        }
        let all = BusinessCaseSummary(table: table, filter: CaseFilter(), options: .plain, detail: .patterns, parts: 2)
        // Statuses cycle over the cases; ingediend and goedgekeurd are counted unless they cannot be valued.
        #expect(all.statusCounts == [.concept: 1_250, .ingediend: 1_250, .goedgekeurd: 1_250, .teruggestuurd: 1_250])
        #expect(all.countedCases == 2_479 && all.failures.count == 21, "of the 43 that cannot be valued, 21 are ingediend or goedgekeurd")
        #expect(all.perLifeDomain[.zingeving]?.caseCount == all.perLifeDomain[.wonen]?.caseCount, "a domain named twice in a case counts once")
        #expect(all.topItemsByCount(100).count == 5, "shared and separate name objects of one code are one item")
    }

    @Test("the table keeps amounts of any size exactly, and a whole that is not the sum of its laws as it is")
    func tableAmounts() {
        let huge = Money(cents: 9_000_000_000_123)  // € 90 miljard: more than four bytes of cents
        var laws = Totals(avoided: huge, deployed: .zero, effort: Money(cents: -1))
        laws.avoidedLow = Money(cents: Int64(Int32.min))
        let big = CaseFigures(id: "C-0001", status: .ingediend, author: "a", team: "T", intervention: "I", periodEnd: Fixture.day("2025-01-31"),
                              lifeDomains: [], fictional: false, priceListVersion: "v",
                              valued: .success(CaseFigures.Valued(lawTotals: [CaseFigures.LawTotals(law: "zvw", totals: laws)], total: laws,
                                                                  lines: [CaseFigures.Line(code: "X", description: "x", law: "zvw", value: huge)])))
        var whole = Totals(avoided: Money(cents: 500), deployed: .zero, effort: .zero)
        whole.avoidedHigh = Money(cents: 7)
        let odd = CaseFigures(id: "C-0002", status: .goedgekeurd, author: "a", team: "T", intervention: "I", periodEnd: Fixture.day("2025-02-28"),
                              lifeDomains: [.wonen], fictional: false, priceListVersion: "v",
                              valued: .success(CaseFigures.Valued(lawTotals: [CaseFigures.LawTotals(law: "wmo", totals: Totals())], total: whole, lines: [])))
        let summary = BusinessCaseSummary(figures: [big, odd], filter: CaseFilter(), options: .plain, detail: .patterns)
        #expect(summary.perLaw["zvw"] == laws && summary.perLaw["wmo"] == Totals())
        #expect(summary.total.avoided == Money(cents: 9_000_000_000_623) && summary.total.avoidedHigh == Money(cents: 7 + 9_000_000_000_123))
        #expect(summary.total.avoidedLow == Money(cents: Int64(Int32.min) + 500) && summary.total.effort == Money(cents: -1))
        #expect(summary.topItemsByValue(1).first?.value == huge)
        #expect(summary.perMonth["2025-02"]?.totals == whole && summary.perLifeDomain[.wonen]?.totals.net == Money(cents: 500))
    }

    @Test("more laws than a byte can number are each summed apart")
    func manyLaws() {
        let figures = (0..<300).map { number in
            let totals = Totals(avoided: Money(cents: Int64(number + 1)), deployed: .zero, effort: .zero)
            return CaseFigures(id: "C-\(number)", status: .ingediend, author: "a", team: "T", intervention: "I", periodEnd: Fixture.day("2025-01-31"),
                               lifeDomains: [], fictional: false, priceListVersion: "v",
                               valued: .success(CaseFigures.Valued(lawTotals: [CaseFigures.LawTotals(law: "wet-\(number)", totals: totals)], total: totals, lines: [])))
        }
        let summary = BusinessCaseSummary(figures: figures, filter: CaseFilter(), options: .plain, detail: .patterns)
        #expect(summary.perLaw.count == 300)
        #expect(summary.perLaw["wet-0"]?.avoided == Money(cents: 1) && summary.perLaw["wet-256"]?.avoided == Money(cents: 257))
        #expect(summary.caseIDsPerLaw["wet-256"] == ["C-256"])
    }

    @Test("month bounds compare as numbers when they are months, and as text when they are not, as before")
    func monthBounds() {
        let days = ["2024-12-31", "2025-01-01", "2025-03-15", "2025-10-01", "2025-12-31"].map { Fixture.record(id: $0, end: $0) }
        let bounds: [String?] = [nil, "2025-01", "2025-03", "2025-10", "2025", "2025-3", "2025-13", "", "2025-1x", "x"]
        for from in bounds {
            for to in bounds {
                let filter = CaseFilter(fromMonth: from, toMonth: to)
                let text = days.filter { day in
                    let month = day.context.periodEnd.monthKey
                    return (from.map { month >= $0 } ?? true) && (to.map { month <= $0 } ?? true)
                }
                #expect(BusinessCaseSummary(cases: days, filter: filter).countedIDs == text.map(\.id), "\(String(describing: from)) t/m \(String(describing: to))")
            }
        }
    }

    @Test("approved only")
    func approvedOnly() {
        let summary = BusinessCaseSummary(cases: cases, selection: .approvedOnly)
        #expect(summary.countedCases == 1)
        #expect(summary.total.avoided == Fixture.money("150.00"))
    }

    @Test("groupings by month, intervention, team and life domain")
    func groupings() {
        let summary = BusinessCaseSummary(cases: cases)
        #expect(summary.perMonth.keys.sorted() == ["2025-03"])
        #expect(summary.perMonth["2025-03"]?.caseCount == 2)
        #expect(summary.perIntervention["Schuldhulp"]?.totals.avoided == Fixture.money("3810.00"))
        #expect(summary.perTeam["Noord"]?.totals.net == Fixture.money("-490.00"))
        // Overlapping domains: sociale relaties holds both cases, so domains do not add up to the total.
        #expect(summary.perLifeDomain[.socialeRelaties]?.caseCount == 2)
        #expect(summary.perLifeDomain[.zingeving]?.totals.avoided == Fixture.money("150.00"))
        #expect(summary.perLifeDomain[.financien]?.caseCount == 1)
    }

    @Test("top items by value and by count")
    func topItems() {
        let summary = BusinessCaseSummary(cases: cases)
        #expect(summary.topItemsByValue().map(\.code) == ["WON-UIT", "ZVW-HA"])
        #expect(summary.topItemsByCount().first?.code == "ZVW-HA")
        #expect(summary.topItemsByCount().first?.lineCount == 2)
        #expect(summary.topItemsByCount().first?.value == Fixture.money("210.00"))
    }
}

@Suite("Dashboard figures: filters, quarters, medians, result bands")
struct DashboardFigureTests {
    let cases = [
        Fixture.record(id: "C-0001", status: .goedgekeurd, team: "Noord", end: "2025-02-10", domains: [.zingeving], hours: 10,
                       avoided: [Fixture.avoided("A", law: "zvw", price: "100.00", count: 20, likelihood: 50)]),   // 1000 − 640 = 360
        Fixture.record(id: "C-0002", status: .ingediend, team: "Zuid", end: "2025-04-01", hours: 5,
                       avoided: [Fixture.avoided("B", law: "wlz", price: "290.00", count: 60, likelihood: 50)]),   // 8700 − 320 = 8380
        Fixture.record(id: "C-0003", status: .ingediend, team: "Noord", end: "2025-03-31", hours: 20),          // −1280
        Fixture.record(id: "C-0004", status: .goedgekeurd, team: "Noord", end: "2026-01-15", hours: 1,
                       avoided: [Fixture.avoided("A", law: "zvw", price: "100.00", count: 30, likelihood: 100)]),  // 3000 − 64 = 2936
    ]

    @Test("a team and a period narrow the cases; status counts follow the same context")
    func filters() {
        let noord = BusinessCaseSummary(cases: cases, filter: CaseFilter(team: "Noord"))
        #expect(noord.countedIDs == ["C-0001", "C-0003", "C-0004"])
        #expect(noord.total.net == Fixture.money("2016.00"))
        let year2025 = BusinessCaseSummary(cases: cases, filter: CaseFilter(fromMonth: "2025-01", toMonth: "2025-12"))
        #expect(year2025.countedIDs == ["C-0001", "C-0002", "C-0003"])
        let approved = BusinessCaseSummary(cases: cases, filter: CaseFilter(selection: .approvedOnly, team: "Noord", lifeDomain: .zingeving))
        #expect(approved.countedIDs == ["C-0001"])
        #expect(approved.statusCounts == [.goedgekeurd: 1])
        #expect(CaseFilter(selection: .approvedOnly, fromMonth: "2025-01", toMonth: "2025-12", team: "Noord").dutchDescription
                == "alleen goedgekeurde casussen · 2025-01 t/m 2025-12 · team Noord")
    }

    @Test("quarters fold months; medians take the middle (or the mean of the two middle) results")
    func quartersAndMedians() {
        let summary = BusinessCaseSummary(cases: cases)
        #expect(summary.perQuarter.keys.sorted() == ["2025-K1", "2025-K2", "2026-K1"])
        #expect(summary.perQuarter["2025-K1"]?.caseIDs.sorted() == ["C-0001", "C-0003"])
        // Noord: 360, −1280, 2936 → median 360; all four: −1280, 360, 2936, 8380 → (360 + 2936) / 2 = 1648
        #expect(summary.perTeam["Noord"]?.medianResult == Fixture.money("360.00"))
        #expect(GroupTotals(results: summary.perTeam.values.flatMap(\.results)).medianResult == Fixture.money("1648.00"))
    }

    @Test("result bands and the cases behind each law")
    func bands() {
        let summary = BusinessCaseSummary(cases: cases)
        #expect(summary.resultBands.map(\.caseIDs) == [["C-0003"], ["C-0001"], ["C-0004"], ["C-0002"], []])
        #expect(summary.resultBands.map(\.dutchLabel) == ["onder € 0", "€ 0 – € 1.000", "€ 1.000 – € 5.000", "€ 5.000 – € 10.000", "€ 10.000 of meer"])
        #expect(summary.caseIDsPerLaw["zvw"] == ["C-0001", "C-0004"])
        #expect(summary.topItemsByValue().first?.caseIDs == ["C-0002"])
    }
}

@Suite("Work spread over the cores")
struct ParallelMapTests {
    @Test("scratch states kept across calls: each core's state sees every element it mapped, in every call, and the results keep their order")
    func keptStates() {
        var states: [Int?] = []
        let first = Array(0..<1_000).parallelMap(keeping: &states, state: { 0 }) { seen, element in
            seen += 1
            return element * 2
        }
        let second = Array(0..<500).parallelMap(keeping: &states, state: { 0 }) { seen, element in
            seen += 1
            return element + 1
        }
        #expect(first == (0..<1_000).map { $0 * 2 } && second == (0..<500).map { $0 + 1 })
        #expect(states.count == ProcessInfo.processInfo.activeProcessorCount)
        #expect(states.reduce(0) { $0 + ($1 ?? 0) } == 1_500)
    }

    @Test("concurrentMap runs each element once, in order, also for one element and none")
    func concurrent() {
        #expect([3, 1, 2].concurrentMap { $0 * 10 } == [30, 10, 20])
        #expect([7].concurrentMap { $0 + 1 } == [8])
        #expect([Int]().concurrentMap { $0 } == [])
    }
}
