import Foundation
import Testing
@testable import RendementsCore
@testable import RendementsDomain

/// Issue 11: the browser filters and sorts by integer keys made once; its rows must be
/// exactly the rows the string comparisons gave.
@Suite("The browser's index: the same rows as filtering and sorting the figures directly")
struct BrowserIndexTests {
    /// 400 cases with a few authors, teams and interventions, every status, some not valued, ids out of order.
    static func cases() -> [CaseFigurePair] {
        var state: UInt64 = 5
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let ids = (1...400).map { String(format: "C-%04d", $0) }.sorted { BrowserIndexTests.hash($0) < BrowserIndexTests.hash($1) }
        return ids.map { id in
            let valued: Result<CaseFigures.Valued, ValuationError> = next(10) == 0
                ? .failure(.overflow(caseID: id, what: "X"))
                : .success(CaseFigures.Valued(perLaw: [:], total: Totals(avoided: Money(cents: Int64(next(5) * 1000)),
                                                                        deployed: Money(cents: Int64(next(3) * 700)),
                                                                        effort: Money(cents: Int64(next(4) * 300))), lines: []))
            let figures = CaseFigures(id: id, status: CaseStatus.allCases[next(CaseStatus.allCases.count)], author: ["an", "bo", "Cor", "éva"][next(4)],
                                      team: ["Noord", "Zuid", "Oost"][next(3)], intervention: ["Sociaal Recept", "Schuldhulp"][next(2)],
                                      periodEnd: CalendarDay(year: 2021 + next(5), month: 1 + next(12), day: 1 + next(28))!,
                                      lifeDomains: [], fictional: false, priceListVersion: "2026.1", valued: valued)
            return CaseFigurePair(current: figures, original: figures)
        }
    }

    static func hash(_ text: String) -> UInt64 { text.utf8.reduce(14_695_981_039_346_656_037) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 } }

    /// The rows as the browser made them before the index: string comparisons over every case.
    static func reference(_ state: BrowserState, _ cases: [CaseFigurePair]) -> [String] {
        let filter = state.filter
        let rows = cases.map(\.current).filter { figures in
            (filter.status.map { $0 == figures.status } ?? true)
                && (filter.author.map { $0 == figures.author } ?? true)
                && (filter.intervention.map { $0 == figures.intervention } ?? true)
                && (filter.team.map { $0 == figures.team } ?? true)
                && (filter.caseIDs.map { $0.contains(figures.id) } ?? true)
                && (state.matches.map { $0.contains(figures.id) } ?? true)
        }.map { CaseRow(figures: $0, totals: (try? $0.valued.get().total) ?? Totals()) }
        return rows.sorted { lhs, rhs in
            let ordered: Bool
            let left = lhs.figures, right = rhs.figures
            switch state.sort {
            case .id: ordered = (CaseID.number(left.id) ?? Int.max) < (CaseID.number(right.id) ?? Int.max)
            case .status: ordered = (left.status.rawValue, left.id) < (right.status.rawValue, right.id)
            case .author: ordered = (left.author, left.id) < (right.author, right.id)
            case .intervention: ordered = (left.intervention, left.id) < (right.intervention, right.id)
            case .end: ordered = (left.periodEnd, left.id) < (right.periodEnd, right.id)
            case .avoided: ordered = (lhs.totals.avoided, left.id) < (rhs.totals.avoided, right.id)
            case .net: ordered = (lhs.totals.net, left.id) < (rhs.totals.net, right.id)
            }
            return state.descending ? !ordered : ordered
        }.map(\.figures.id)
    }

    @Test("every sort, both directions, under filters, a drill-down, a search and a filter value no case has")
    func sameRows() {
        let cases = Self.cases()
        let index = BrowserIndex(cases)
        #expect(index.authors == ["Cor", "an", "bo", "éva"])
        var filters: [BrowserFilter] = [BrowserFilter()]
        var filter = BrowserFilter()
        filter.status = .ingediend
        filters.append(filter)
        filter.team = "Zuid"
        filters.append(filter)
        filter = BrowserFilter()
        filter.author = "éva"
        filter.intervention = "Schuldhulp"
        filters.append(filter)
        filter = BrowserFilter()
        filter.team = "West"
        filters.append(filter)
        filter = BrowserFilter()
        filter.caseIDs = Set(cases.prefix(50).map(\.current.id))
        filters.append(filter)
        var checked = 0
        for filter in filters {
            for matches in [nil, Set(cases.suffix(120).map(\.current.id))] {
                for sort in CaseSortKey.allCases {
                    for descending in [false, true] {
                        var state = BrowserState()
                        state.filter = filter
                        state.matches = matches
                        state.sort = sort
                        state.descending = descending
                        let rows = BrowserRows(cases: cases, order: index.order(state, cases))
                        #expect(rows.map(\.figures.id) == Self.reference(state, cases), "\(filter.dutchDescription) \(sort) \(descending)")
                        checked += rows.count
                    }
                }
            }
        }
        #expect(checked > 4_000, "the filters leave rows to compare: \(checked)")
    }

    @Test("ids sort by number: C-9999 comes before C-10000 and C-99989, either way the files come in")
    func idsByNumber() {
        for ids in [["C-10000", "C-99989", "C-9999"], ["C-9999", "C-99989", "C-10000"]] {
            let cases = ids.map { id in
                let figures = CaseFigures(id: id, status: .goedgekeurd, author: "an", team: "Noord", intervention: "Sociaal Recept",
                                          periodEnd: CalendarDay(year: 2025, month: 1, day: 1)!, lifeDomains: [], fictional: false,
                                          priceListVersion: "2026.1", valued: .failure(.overflow(caseID: id, what: "X")))
                return CaseFigurePair(current: figures, original: figures)
            }
            var state = BrowserState()
            state.sort = .id
            let rows = BrowserRows(cases: cases, order: BrowserIndex(cases).order(state, cases))
            #expect(rows.map(\.figures.id) == ["C-9999", "C-10000", "C-99989"])
            state.descending = true
            #expect(BrowserRows(cases: cases, order: BrowserIndex(cases).order(state, cases)).map(\.figures.id) == ["C-99989", "C-10000", "C-9999"])
        }
    }
}
