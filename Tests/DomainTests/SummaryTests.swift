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
        var all = GroupTotals()
        for group in summary.perTeam.values { all.add(group) }
        #expect(all.medianResult == Fixture.money("1648.00"))
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
