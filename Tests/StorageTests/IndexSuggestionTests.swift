import Foundation
import Testing
@testable import RendementsDomain
@testable import RendementsStorage

/// Issue 14: suggestions come from the index's lines of approved cases, and equal the
/// statistics taken straight from the files.
@Suite("Suggestions from the index equal the approved cases on disk", .serialized)
struct IndexSuggestionTests {
    static let query = SuggestionQuery(intervention: "Sociaal Recept", lifeDomains: [.zingeving], ageBand: "65-74",
                                       household: "alleenstaand", avoided: true)

    /// The same suggestions worked out from the files, as the domain defines them.
    static func fromFiles(_ folder: TemporaryFolder, _ query: SuggestionQuery) throws -> [Suggestion] {
        CaseLessons.suggestions(try CaseStore(folder: folder.url).loadAll().records, for: query)
    }

    @Test("avoided and deployed care: the index's suggestions are the files' (only approved cases, 5 or more)")
    func sameAsFiles() throws {
        let folder = try CaseIndexTests.business(60)
        // Six more approved cases that all avoided the same care, in different amounts and likelihoods:
        // sorted 1,5 1,5 3,5 4,5 5,5 9,5 (median 4) and 25 50 62,5 75 90 100 (median 68,75).
        for (units, likelihood) in [("3.5", "62.5"), ("1.5", "75"), ("4.5", "50"), ("1.5", "90"), ("5.5", "25"), ("9.5", "100")] {
            try CaseStore(folder: folder.url).create { id in
                var record = CaseStoreTests.submittedSample(id)
                record.avoided[0].quantity = .count(Decimal(string: units)!)
                record.avoided[0].likelihood = Percentage(Decimal(string: likelihood)!)!
                try? record.move(to: .goedgekeurd, by: "bo", at: "2026-01-06T00:00:00Z", reason: "")
                return record
            }
        }
        let index = CaseIndex(casesFolder: folder.url)
        #expect(index.suggestions(for: Self.query).isEmpty, "no index yet: nothing, and no error")
        _ = try index.lawTotals(options: CaseIndexTests.options(), filter: CaseFilter())
        let suggested = index.suggestions(for: Self.query)
        #expect(suggested == (try Self.fromFiles(folder, Self.query)))
        // 26 of the 66 cases are approved (every third of 60, and the six); the generated items each sit in few of them.
        #expect(suggested.map(\.code) == ["ZVW-FYSIO"])
        #expect(suggested.first?.dutchEvidence == "6 van 26 casussen, mediaan 4 ×, kans 68,75 %")
        let deployed = SuggestionQuery(intervention: "Sociaal Recept", lifeDomains: [.zingeving], ageBand: "65-74", household: "alleenstaand", avoided: false)
        let deployedSuggestions = index.suggestions(for: deployed)
        #expect(deployedSuggestions == (try Self.fromFiles(folder, deployed)))
        #expect(deployedSuggestions.map(\.code) == ["ZVW-FYSIO"])
        #expect(deployedSuggestions.first?.cases == 26)
        #expect(deployedSuggestions.first?.medianLikelihood == nil)
    }

    @Test("comparable lines: the other approved cases' avoided lines of an item in the intervention, never the case's own")
    func comparable() throws {
        let folder = try CaseIndexTests.business(30)
        for _ in 0..<5 {
            try CaseStore(folder: folder.url).create { id in
                var record = CaseStoreTests.submittedSample(id)
                try? record.move(to: .goedgekeurd, by: "bo", at: "2026-01-06T00:00:00Z", reason: "")
                return record
            }
        }
        let index = CaseIndex(casesFolder: folder.url)
        _ = try index.lawTotals(options: CaseIndexTests.options(), filter: CaseFilter())
        let approved = try CaseStore(folder: folder.url).loadAll().records.filter { $0.status == .goedgekeurd }
        let own = try #require(approved.last)
        let codes = own.avoided.map(\.item.code) + ["ONBEKEND"]
        let found = index.comparableLines(intervention: "Sociaal Recept", codes: codes, excludingCase: own.id)
        for code in codes {
            let others = approved.filter { $0.id != own.id }
            let lines = others.flatMap(\.avoided).filter { $0.item.code == code }
            let cases = others.filter { $0.avoided.contains { $0.item.code == code } }.count
            #expect(found[code] == ComparableLines(units: lines.map(\.quantity.units), likelihoods: lines.map(\.likelihood.value), cases: cases),
                    "\(code)")
        }
        #expect(found == CaseLessons.comparableLines(approved, intervention: "Sociaal Recept", codes: codes, excludingCase: own.id),
                "the server's way, from whole cases, is the index's")
        #expect(found["ZVW-FYSIO"]?.units == [15, 15, 15, 15], "four other cases: the case's own line is left out")
        #expect(found["ZVW-FYSIO"]?.cases == 4)
        #expect(found["ONBEKEND"]?.units == [])
    }

    @Test("a case approved later joins the suggestions on the next read; an unknown intervention has none")
    func followsApprovals() throws {
        let folder = try CaseIndexTests.business(12)
        let index = CaseIndex(casesFolder: folder.url)
        _ = try index.lawTotals(options: CaseIndexTests.options(), filter: CaseFilter())
        let deployed = SuggestionQuery(intervention: "Sociaal Recept", lifeDomains: [], ageBand: "", household: "", avoided: false)
        #expect(index.suggestions(for: deployed).isEmpty, "4 approved cases: below 5, nothing is suggested")
        let store = CaseStore(folder: folder.url)
        var record = try store.load(id: "C-0002").get()
        try record.move(to: .goedgekeurd, by: "bo", at: "2026-02-01T00:00:00Z", reason: "")
        try store.save(record)
        _ = try index.lawTotals(options: CaseIndexTests.options(), filter: CaseFilter())
        #expect(index.suggestions(for: deployed).map(\.dutchEvidence) == ["5 van 5 casussen, mediaan 2 ×"])
        let other = SuggestionQuery(intervention: "Schuldhulp", lifeDomains: [], ageBand: "", household: "", avoided: true)
        #expect(index.suggestions(for: other).isEmpty)
    }

    @Test("the index's count of cases per item follows every change: an approval, a case with an item twice, a deleted file, a hand edit (index format 9)")
    func itemCountsFollowEveryChange() throws {
        let folder = try CaseIndexTests.business(12)
        let store = CaseStore(folder: folder.url)
        let index = CaseIndex(casesFolder: folder.url)
        let queries = [true, false].map { SuggestionQuery(intervention: "Sociaal Recept", lifeDomains: [], ageBand: "", household: "", avoided: $0) }
        func agrees(_ step: String, cases: Int?) throws {
            _ = try index.lawTotals(options: CaseIndexTests.options(), filter: CaseFilter())
            for query in queries {
                #expect(index.suggestions(for: query) == (try Self.fromFiles(folder, query)), "\(step), avoided: \(query.avoided)")
            }
            #expect(index.suggestions(for: queries[1]).first?.cases == cases, "\(step)")
        }
        try agrees("built", cases: nil)
        var record = try store.load(id: "C-0002").get()
        try record.move(to: .goedgekeurd, by: "bo", at: "2026-02-01T00:00:00Z", reason: "")
        try store.save(record)
        try agrees("approved", cases: 5)
        let twice = try store.create { id in
            var record = CaseStoreTests.submittedSample(id)
            record.avoided.append(record.avoided[0])
            record.deployed.append(record.deployed[0])
            try? record.move(to: .goedgekeurd, by: "bo", at: "2026-01-06T00:00:00Z", reason: "")
            return record
        }
        try agrees("an item twice in one case counts one case", cases: 6)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("\(twice.id).json"))
        try agrees("deleted", cases: 5)
        let path = folder.url.appendingPathComponent("C-0002.json")
        let edited = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "\"status\" : \"goedgekeurd\"", with: "\"status\" : \"ingediend\"")
        try edited.write(to: path, atomically: true, encoding: .utf8)
        try agrees("edited by hand back to submitted", cases: nil)
    }

    @Test("calibration: the index's reviewed lines are the files' (estimated and approved, with reasons), also after a review is approved")
    func reviewedLinesAsFiles() throws {
        let folder = try CaseIndexTests.business(30)
        let store = CaseStore(folder: folder.url)
        for number in 0..<3 {
            try store.create { id in
                var record = CaseStoreTests.submittedSample(id)
                try? record.review(.likelihood(line: 1, Percentage(Decimal(25 * number))!), by: "bo", at: "2026-01-06T00:00:00Z",
                                   reason: "Reden \(number), met ; en \"")
                try? record.move(to: .goedgekeurd, by: "bo", at: "2026-01-06T00:00:00Z", reason: "")
                return record
            }
        }
        let index = CaseIndex(casesFolder: folder.url)
        func fromFiles() throws -> [ReviewedLine] { try store.loadAll().records.flatMap(ReviewedLine.lines(of:)) }
        #expect(index.reviewedLines() == nil, "no index yet: nothing, and no error")
        _ = try index.lawTotals(options: CaseIndexTests.options(), filter: CaseFilter())
        let indexed = try #require(index.reviewedLines())
        #expect(indexed == (try fromFiles()))
        #expect(indexed.filter(\.reviewChanged).count == 13, "ten generated reviews and these three")
        let added = indexed.filter { $0.reviewChanged && $0.caseID > "C-0030" }
        #expect(added.map(\.reasons) == [["Reden 0, met ; en \""], ["Reden 1, met ; en \""], ["Reden 2, met ; en \""]])
        #expect(added.map(\.approved?.likelihood) == [0, 25, 50])

        var record = try store.load(id: "C-0002").get()
        try record.review(.quantity(line: 1, .count(7)), by: "bo", at: "2026-02-01T00:00:00Z", reason: "Zeven keer.")
        try record.move(to: .goedgekeurd, by: "bo", at: "2026-02-01T00:00:00Z", reason: "")
        try store.save(record)
        _ = try index.lawTotals(options: CaseIndexTests.options(), filter: CaseFilter())
        let after = try #require(index.reviewedLines())
        #expect(Set(after) == Set(try fromFiles()))
        #expect(after.filter { $0.caseID == "C-0002" && $0.reviewChanged }.map(\.reasons) == [["Zeven keer."]])
    }
}
