import Foundation
import Synchronization
import Testing
@testable import RendementsDomain
@testable import RendementsStorage

/// Issue 11: the law totals the index adds up in SQL (what `report` and the start screen
/// show) equal the totals of the files to the cent, for every filter, after every change.
@Suite("Index totals: SQL sums equal the files' figures", .serialized)
struct IndexTotalsTests {
    static let filters: [CaseFilter] = [
        CaseFilter(),
        CaseFilter(selection: .approvedOnly),
        CaseFilter(team: "Zuid"),
        CaseFilter(fromMonth: "2025-03", toMonth: "2025-08"),
        CaseFilter(selection: .approvedOnly, toMonth: "2025-05", team: "Noord"),
        CaseFilter(lifeDomain: .financien),
        CaseFilter(fromMonth: "2025-02", lifeDomain: .wonen),
        CaseFilter(intervention: "geen die bestaat"),
    ]

    /// The files' figures summed by the domain, in the shape the index returns.
    static func fromFiles(_ folder: TemporaryFolder, _ options: EstimateOptions, _ filter: CaseFilter,
                          original: Bool = false) throws -> SummedLawTotals {
        let pairs = try CaseIndexTests.direct(folder, options)
        let summary = BusinessCaseSummary(figures: pairs.map { original ? $0.original : $0.current }, filter: filter, options: options,
                                          detail: .lawTotals)
        var summed = SummedLawTotals()
        summed.statusCounts = summary.statusCounts
        summed.countedCases = summary.countedCases
        summed.total = summary.total
        summed.perLaw = summary.perLaw
        summed.failures = summary.failures
        return summed
    }

    static func expectSame(_ folder: TemporaryFolder, _ options: EstimateOptions, filters: [CaseFilter] = filters,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        for filter in filters {
            let indexed = try #require(try CaseIndex(casesFolder: folder.url).lawTotals(options: options, filter: filter),
                                       sourceLocation: sourceLocation)
            #expect(indexed.current == (try fromFiles(folder, options, filter)), "\(filter.dutchDescription)", sourceLocation: sourceLocation)
            #expect(indexed.original == (try fromFiles(folder, options, filter, original: true)), "\(filter.dutchDescription)",
                    sourceLocation: sourceLocation)
            // What an export writes: the counted cases, in file order.
            let counted = try #require(try CaseIndex(casesFolder: folder.url).countedIDs(options: options, filter: filter),
                                       sourceLocation: sourceLocation)
            let fromFiles = BusinessCaseSummary(figures: try CaseIndexTests.direct(folder, options).map(\.current), filter: filter,
                                                options: options, detail: .patterns).countedIDs
            #expect(counted == fromFiles, "\(filter.dutchDescription)", sourceLocation: sourceLocation)
        }
    }

    @Test("every filter, central and original, equals the files; so do the status counts and the versions")
    func sumsEqualFiles() throws {
        let folder = try CaseIndexTests.business(90)
        try Self.expectSame(folder, CaseIndexTests.options())
        let indexed = try #require(try CaseIndex(casesFolder: folder.url).lawTotals(options: CaseIndexTests.options(), filter: CaseFilter()))
        let files = try Self.fromFiles(folder, CaseIndexTests.options(), CaseFilter())
        // The business case of 90: 30 approved (every third), the rest submitted; reviews lowered a likelihood.
        #expect(indexed.current.statusCounts == [.ingediend: 60, .goedgekeurd: 30])
        #expect(indexed.current.countedCases == 90 && indexed.caseCount == 90)
        #expect(indexed.current.total != indexed.original.total, "a review changed the figures")
        #expect(indexed.current.total == files.total)
        #expect(indexed.versions.values.reduce(0, +) == 90)
    }

    @Test("another report year and other grade cuts: the sums are taken again, cases that cannot be valued are named")
    func otherSettings() throws {
        let folder = try CaseIndexTests.business(60)
        for year in [nil, 2019, 2025] {
            try Self.expectSame(folder, CaseIndexTests.options(year))
        }
        var cuts = CaseIndexTests.options()
        cuts.gradeCuts[.rood] = Percentage(90)
        try Self.expectSame(folder, cuts)
    }

    @Test("a team and an intervention typed with a separate accent are the same as typed composed: the index counts both, as the files do (helper-21)")
    func composedNames() throws {
        let folder = try CaseIndexTests.business(6)
        let composed = "Team Zu\u{EF}d", decomposed = "Team Zui\u{308}d"
        let store = CaseStore(folder: folder.url)
        for (team, intervention) in [(composed, "Schuldhulp e\u{301}e\u{301}n"), (decomposed, "Schuldhulp \u{E9}\u{E9}n")] {
            try store.create {
                var record = CaseStoreTests.submittedSample($0)
                record.context.team = team
                record.context.intervention = intervention
                return record
            }
        }
        let filters = [composed, decomposed].flatMap { [CaseFilter(team: $0), CaseFilter(intervention: "Schuldhulp \u{E9}\u{E9}n"),
                                                        CaseFilter(selection: .approvedOnly, team: $0)] }
        try Self.expectSame(folder, CaseIndexTests.options(), filters: filters)
        for team in [composed, decomposed] {
            let indexed = try #require(try CaseIndex(casesFolder: folder.url).lawTotals(options: CaseIndexTests.options(), filter: CaseFilter(team: team)))
            #expect(indexed.current.countedCases == 2, "both cases of the team, however its name was typed")
        }
    }

    @Test("an append, a hand edit, a deletion and a broken file are each in the next totals, with no snapshot between")
    func changes() throws {
        let folder = try CaseIndexTests.business(60)
        let options = CaseIndexTests.options()
        try Self.expectSame(folder, options, filters: [CaseFilter()])
        try CaseStore(folder: folder.url).create { CaseStoreTests.submittedSample($0) }
        try Self.expectSame(folder, options)

        let file = folder.url.appendingPathComponent("C-0007.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"attribution\" : \"70\"", with: "\"attribution\" : \"35\"").write(to: file, atomically: false, encoding: .utf8)
        try Self.expectSame(folder, options)

        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("C-0010.json"))
        try Self.expectSame(folder, options)

        try folder.write("C-0003.json", "{ kapot")
        let indexed = try #require(try CaseIndex(casesFolder: folder.url).lawTotals(options: options, filter: CaseFilter()))
        // The hand edit of C-0007 changed its numbers outside the history: it no longer counts, as with the files.
        #expect(indexed.problems.map(\.file) == ["C-0003.json", "C-0007.json"])
        #expect(indexed.caseCount == 58)
        try Self.expectSame(folder, options)
    }

    @Test("a snapshot (the app's read) between totals keeps both right; a corrupt index is rebuilt")
    func mixedReaders() throws {
        let folder = try CaseIndexTests.business(40)
        let options = CaseIndexTests.options()
        let index = CaseIndex(casesFolder: folder.url)
        let first = try index.snapshot(options: options)
        try CaseStore(folder: folder.url).create { CaseStoreTests.submittedSample($0) }
        _ = try index.snapshot(options: options, reusing: first)
        try Self.expectSame(folder, options)
        try Data("dit is geen database".utf8).write(to: index.url)
        try Self.expectSame(folder, options)
    }

    @Test("totals read while another process adds cases: no error, and the last totals equal the files")
    func concurrentTotals() throws {
        let folder = try CaseIndexTests.business(50)
        let url = folder.url
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for round in 0..<5 {
                do {
                    if worker == 0 {
                        try CaseStore(folder: url).create { CaseStoreTests.submittedSample($0) }
                    } else if try CaseIndex(casesFolder: url).lawTotals(options: CaseIndexTests.options(), filter: CaseFilter()) == nil {
                        errors.withLock { $0.append("worker \(worker) round \(round): the index was not used") }
                    }
                } catch {
                    errors.withLock { $0.append("worker \(worker) round \(round): \(error)") }
                }
            }
        }
        #expect(errors.withLock { $0 }.isEmpty)
        try Self.expectSame(folder, CaseIndexTests.options())
        let last = try #require(try CaseIndex(casesFolder: url).lawTotals(options: CaseIndexTests.options(), filter: CaseFilter()))
        #expect(last.caseCount == 55)
    }

    @Test("the recorded totals are the last checked ones: a change made since shows only after lawTotals")
    func recordedTotals() throws {
        let folder = try CaseIndexTests.business(30)
        let options = CaseIndexTests.options()
        let index = CaseIndex(casesFolder: folder.url)
        #expect(index.recordedTotals(options: options, filter: CaseFilter()) == nil, "no index yet")
        let checked = try #require(try index.lawTotals(options: options, filter: CaseFilter()))
        #expect(index.recordedTotals(options: options, filter: CaseFilter())?.current == checked.current)
        #expect(index.recordedTotals(options: CaseIndexTests.options(2025), filter: CaseFilter()) == nil, "other settings: none")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("C-0002.json"))
        #expect(index.recordedTotals(options: options, filter: CaseFilter())?.current.countedCases == 30)
        #expect(try index.lawTotals(options: options, filter: CaseFilter())?.current.countedCases == 29)
        #expect(index.recordedTotals(options: options, filter: CaseFilter())?.current.countedCases == 29)
    }
}
