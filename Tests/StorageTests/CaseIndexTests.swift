import Foundation
import GRDB
import Synchronization
import Testing
@testable import RendementsDomain
@testable import RendementsStorage

/// Issue 11: the index is derived data; its figures equal the files' to the cent, always.
@Suite("The case index: figures from rows equal figures from files", .serialized)
struct CaseIndexTests {
    static let list = PriceListReader.read(folder: Repository.defaultPriceList).priceList

    /// A business case of varied cases (items, quantities, statuses, teams, reviews).
    static func business(_ count: Int) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let store = CaseStore(folder: folder.url)
        let items = (list?.items ?? []).filter { $0.kind == .kosten }
        for number in 0..<count {
            try store.create { id in
                var record = CaseStoreTests.sample(id)
                record.context.team = ["Noord", "Zuid", "Oost"][number % 3]
                record.context.periodEnd = CalendarDay(year: 2025, month: 1 + number % 12, day: 28)!
                record.context.periodStart = CalendarDay(year: 2025, month: 1, day: 1)!
                record.avoided = (0..<(1 + number % 5)).map { line in
                    AvoidedCareLine(item: PricedItem(items[(number * 7 + line) % items.count]), quantity: .count(Decimal(1 + (number + line) % 9)),
                                    likelihood: Percentage(Decimal(10 * (1 + line % 10)))!, reasoning: "r",
                                    horizonYears: number % 4 == 0 ? 3 : nil, dropOff: number % 4 == 0 ? Percentage(20) : nil)
                }
                record.status = .concept
                try? record.move(to: .ingediend, by: record.author, at: "2026-01-01T00:00:00Z", reason: "ingediend")
                if number % 3 == 0 {
                    try? record.review(.likelihood(line: 1, Percentage(5)!), by: "bo", at: "2026-01-02T00:00:00Z", reason: "lager")
                    try? record.move(to: .goedgekeurd, by: "bo", at: "2026-01-02T00:00:00Z", reason: "")
                }
                return record
            }
        }
        return folder
    }

    static func options(_ year: Int? = nil) -> EstimateOptions { EstimateOptions.from(list, reportYear: year) }

    /// The same figures straight from the files, the way the app valued them before the index.
    static func direct(_ folder: TemporaryFolder, _ options: EstimateOptions) throws -> [CaseFigurePair] {
        try CaseStore(folder: folder.url).loadAll().records.map { CaseFigurePair($0, options: options) }
    }

    static func expectSame(_ snapshot: CaseIndex.Snapshot, _ folder: TemporaryFolder, _ options: EstimateOptions,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        let files = try direct(folder, options)
        #expect(snapshot.figures == files, sourceLocation: sourceLocation)
        let fromIndex = BusinessCaseSummary(figures: snapshot.figures.map(\.current), filter: CaseFilter(), options: options, detail: .patterns)
        let fromFiles = BusinessCaseSummary(cases: try CaseStore(folder: folder.url).loadAll().records, filter: CaseFilter(), options: options)
        #expect(fromIndex.total == fromFiles.total, sourceLocation: sourceLocation)
        #expect(fromIndex.perLaw == fromFiles.perLaw, sourceLocation: sourceLocation)
        #expect(fromIndex.perMonth == fromFiles.perMonth, sourceLocation: sourceLocation)
        #expect(fromIndex.topItemsByValue(20) == fromFiles.topItemsByValue(20), sourceLocation: sourceLocation)
    }

    @Test("a first read builds the index, a second values nothing again, and both equal the files to the cent")
    func buildAndReuse() throws {
        let folder = try Self.business(300)
        let index = CaseIndex(casesFolder: folder.url)
        let first = try index.snapshot(options: Self.options())
        #expect(first.usedIndex && first.revalued == 300)
        try Self.expectSame(first, folder, Self.options())
        let second = try index.snapshot(options: Self.options())
        #expect(second.revalued == 0)
        try Self.expectSame(second, folder, Self.options())
        let mode = try FileManager.default.attributesOfItem(atPath: index.url.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test("reads without a usable index compared no file, so they are never 'unchanged' (helper-25: a read-only share kept deleted cases)")
    func unchangedNeedsTheIndex() throws {
        let folder = try Self.business(5)
        try folder.write(".index", "no folder here: the index cannot be made")
        let index = CaseIndex(casesFolder: folder.url)
        let first = try index.snapshot(options: Self.options())
        #expect(!first.usedIndex && first.figures.count == 5)
        let same = try index.snapshot(options: Self.options())
        #expect(!first.isUnchanged(in: same), "the same files, but nothing was compared")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("C-0002.json"))
        let second = try index.snapshot(options: Self.options(), reusing: first)
        #expect(second.figures.map(\.current.id) == ["C-0001", "C-0003", "C-0004", "C-0005"])
        #expect(!first.isUnchanged(in: second))
        // With the index, the same files read twice are unchanged.
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent(".index"))
        let indexed = try index.snapshot(options: Self.options())
        let again = try index.snapshot(options: Self.options())
        #expect(indexed.usedIndex && indexed.isUnchanged(in: again))
    }

    @Test("an append, a hand edit and a deletion are each picked up on the next read")
    func incremental() throws {
        let folder = try Self.business(120)
        let index = CaseIndex(casesFolder: folder.url)
        _ = try index.snapshot(options: Self.options())
        try CaseStore(folder: folder.url).create { CaseStoreTests.submittedSample($0) }
        let appended = try index.snapshot(options: Self.options())
        #expect(appended.revalued == 1)
        try Self.expectSame(appended, folder, Self.options())

        let file = folder.url.appendingPathComponent("C-0007.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"attribution\" : \"70\"", with: "\"attribution\" : \"35\"").write(to: file, atomically: false, encoding: .utf8)
        let edited = try index.snapshot(options: Self.options())
        #expect(edited.revalued == 1)
        try Self.expectSame(edited, folder, Self.options())

        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("C-0010.json"))
        let deleted = try index.snapshot(options: Self.options())
        #expect(deleted.revalued == 0)
        #expect(!deleted.figures.contains { $0.current.id == "C-0010" })
        try Self.expectSame(deleted, folder, Self.options())
    }

    @Test("another report year or price list rebuilds the figures; a broken file is named and stays named")
    func otherSettings() throws {
        let folder = try Self.business(60)
        let index = CaseIndex(casesFolder: folder.url)
        _ = try index.snapshot(options: Self.options())
        let in2025 = try index.snapshot(options: Self.options(2025))
        #expect(in2025.revalued == 60)
        try Self.expectSame(in2025, folder, Self.options(2025))
        var cuts = Self.options()
        cuts.gradeCuts[.rood] = Percentage(90)
        let cut = try index.snapshot(options: cuts)
        #expect(cut.revalued == 60)
        try Self.expectSame(cut, folder, cuts)

        try folder.write("C-0003.json", "{ kapot")
        let broken = try index.snapshot(options: cuts)
        #expect(broken.problems.map(\.file) == ["C-0003.json"])
        #expect(try index.snapshot(options: cuts).problems.map(\.file) == ["C-0003.json"])
    }

    @Test("a corrupt or foreign index file is thrown away and built again; the figures do not change")
    func corruptIndex() throws {
        let folder = try Self.business(50)
        let index = CaseIndex(casesFolder: folder.url)
        _ = try index.snapshot(options: Self.options())
        try Data("dit is geen database".utf8).write(to: index.url)
        let rebuilt = try index.snapshot(options: Self.options())
        #expect(rebuilt.usedIndex && rebuilt.revalued == 50)
        try Self.expectSame(rebuilt, folder, Self.options())
        try FileManager.default.removeItem(at: index.url.deletingLastPathComponent())
        try Self.expectSame(try index.snapshot(options: Self.options()), folder, Self.options())
    }

    @Test("an index missing a table or a trigger of its version is built again on the next open (an empty table put back would hide rows); the figures do not change")
    func incompleteIndex() throws {
        let folder = try Self.business(20)
        let index = CaseIndex(casesFolder: folder.url)
        _ = try index.snapshot(options: Self.options())
        let database = try index.open()
        try database.write { db in
            try db.execute(sql: "DROP TRIGGER lines_added")
            try db.execute(sql: "DROP TABLE items")
        }
        try database.close()
        #expect(try index.open().read { try IndexSchema.isComplete($0) } == true)
        let again = try index.snapshot(options: Self.options())
        #expect(again.revalued == 20, "every case valued again")
        try Self.expectSame(again, folder, Self.options())
        // The rebuild drops the line indexes while it writes the rows, and makes them again after.
        let made = try index.open().read { try Set(String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'lines_%'")) }
        #expect(made == ["lines_case", "lines_item", "lines_units", "lines_likelihood", "lines_similar"])
        #expect(try index.snapshot(options: Self.options()).revalued == 0, "the next read finds the index whole")
    }

    @Test("figures a chunk at a time: the snapshot's figures in its order, with its problems and the versions counted (the HTML export holds no more than a chunk)")
    func figuresInChunks() throws {
        let folder = try Self.business(20)
        try folder.write("C-0003.json", "{ kapot")
        let index = CaseIndex(casesFolder: folder.url)
        var chunks: [[CaseFigurePair]] = []
        let outcome = try #require(try index.forEachFigures(options: Self.options(), chunk: 7) { chunks.append($0) })
        #expect(chunks.map(\.count) == [7, 7, 5], "19 readable cases in chunks of 7")
        let snapshot = try index.snapshot(options: Self.options())
        #expect(chunks.flatMap { $0 } == snapshot.figures)
        #expect(outcome.problems.map(\.file) == ["C-0003.json"])
        #expect(outcome.versionCounts == Dictionary(grouping: snapshot.figures, by: \.current.priceListVersion).mapValues(\.count))
    }

    @Test("readers and a writer at once: no error, no corruption, the last read equals the files")
    func concurrentReaders() throws {
        let folder = try Self.business(80)
        let url = folder.url
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { worker in
            for round in 0..<5 {
                do {
                    if worker == 0 {
                        try CaseStore(folder: url).create { CaseStoreTests.submittedSample($0) }
                    } else {
                        _ = try CaseIndex(casesFolder: url).snapshot(options: Self.options())
                    }
                } catch {
                    errors.withLock { $0.append("worker \(worker) round \(round): \(error)") }
                }
            }
        }
        #expect(errors.withLock { $0 }.isEmpty)
        let last = try CaseIndex(casesFolder: folder.url).snapshot(options: Self.options())
        #expect(last.usedIndex)
        #expect(last.figures.count == 85)
        try Self.expectSame(last, folder, Self.options())
    }

    @Test("the / search: the texts and their trigram index find what a scan of the files finds, after edits and deletions too")
    func search() throws {
        let folder = try TemporaryFolder()
        let store = CaseStore(folder: folder.url)
        let texts = ["Buurtvrouw Ümit hielp met de WONING", "schuld van 100% bij de woningcorporatie", "geen_spatie hier", "Vader zorgt* [a-z]? ]x", "Verhuisd naar Ĳsselstein"]
        for (number, text) in texts.enumerated() {
            try store.create { id in
                var record = CaseStoreTests.submittedSample(id)
                record.story.situation = text
                if number == 3 { record.avoided[0].reasoning = "de woning bleef behouden" }
                return record
            }
        }
        let index = CaseIndex(casesFolder: folder.url)
        _ = try index.snapshot(options: Self.options())
        func files(_ query: String) throws -> Set<String> {
            Set(try store.loadAll().records.filter { $0.matches(search: query) }.map(\.id))
        }
        let queries = ["woning", "WONING", "ümit", "umit", "U\u{308}mit", "100%", "e_h", "geen_", "% b", "wo", "zei de fysio", "niets hiervan",
                       "t*", "t* [", "[a-z]", "[a-z]?", "z]? ]", "t[*]", "z?", "[az]", "[!a]", "de*w", "*", "?", "[", "ijssel", "Ĳssel"]
        // A read writes the texts; the trigram index is made after it, by whoever searches.
        #expect(try index.searchIndexIsComplete() == false)
        for query in queries {
            #expect(index.search(query) == (try files(query)), "scanned: query \(query)")
            // The scan shared out over the cores, a part of at most three texts on each.
            #expect(index.search(query, commonShare: 1, smallestScanPart: 1) == (try files(query)), "scanned in parts: query \(query)")
        }
        #expect(index.completeSearchIndex())
        #expect(try index.searchIndexIsComplete())
        for query in queries {
            #expect(index.search(query) == (try files(query)), "query \(query)")
        }
        #expect(index.search("woning") == ["C-0001", "C-0002", "C-0004"])
        #expect(index.search("ijssel") == ["C-0005"] && index.search("ĳssel") == ["C-0005"], "the Dutch ligature is its two letters (helper finding)")
        #expect(index.search("umit") == ["C-0001"] && index.search("U\u{308}MIT") == ["C-0001"], "accents and their typing do not matter")
        #expect(index.search("100%") == ["C-0002"], "% is a character, not a wildcard")
        #expect(index.search("e_h") == [], "_ is a character, not a wildcard (\"spatie hier\" has e h)")
        // GLOB's wildcards are characters too, in the scan that looks with GLOB first.
        for query in ["t*", "[a-z]?", "z]? ]", "*", "?", "["] {
            #expect(index.search(query, commonShare: 1, smallestScanPart: 4_096) == ["C-0004"], "\(query) is only in case 4")
        }
        for query in ["t[*]", "z?", "[az]", "[!a]", "de*w", "r*?"] {
            #expect(index.search(query, commonShare: 1, smallestScanPart: 4_096) == [], "\(query) is in no case, character by character")
        }
        // The trigram index answers the search (L: a LIKE it takes); with ESCAPE, SQLite read every text.
        let plan = try index.open().read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + CaseIndex.searchSQL, arguments: ["%won%", "won"]).map { $0["detail"] as String }
        }
        #expect(plan == ["SCAN search VIRTUAL TABLE INDEX 0:L0", "SEARCH texts USING INTEGER PRIMARY KEY (rowid=?)"])
        // A word in most cases is found by one scan of the texts instead: the same cases.
        for query in ["woning", "umit", "100%", "e_h", "spatie", "ie"] {
            #expect(index.search(query, commonShare: 1, smallestScanPart: 4_096) == index.search(query, commonShare: 1_000_000, smallestScanPart: 4_096), "\(query)")
        }
        let selective = try index.open().read { db in
            try ["woning", "umit", "ie"].map { try CaseIndex.isSelective($0, db, commonShare: 4) }
        }
        #expect(selective == [false, true, false], "woning is in 3 of 4 cases, umit in 1; two letters are no trigram")

        // A hand edit and a deletion are seen after the next read, as the figures are.
        var edited = try store.load(id: "C-0002").get()
        edited.story.situation = "verhuisd naar een flat"
        try store.save(edited)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("C-0004.json"))
        _ = try index.snapshot(options: Self.options())
        #expect(index.search("woning") == ["C-0001"])
        #expect(index.search("flat") == ["C-0002"])
        // The edited case's new text went into the trigram index with its row, the old ones came out.
        #expect(try index.searchIndexIsComplete())
        #expect(index.search("flat", commonShare: 1_000_000, smallestScanPart: 4_096) == ["C-0002"] && index.search("woning", commonShare: 1_000_000, smallestScanPart: 4_096) == ["C-0001"])
        try Self.expectSearchIndexWhole(index)
    }

    /// FTS5 compares an external-content index with its content table: a text indexed but since
    /// changed or removed, or one missing, fails this check.
    static func expectSearchIndexWhole(_ index: CaseIndex, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let covered = try index.open().read { db in try SearchTexts.covered(db) }
        try index.open().write { db in
            #expect(throws: Never.self, sourceLocation: sourceLocation) {
                try db.execute(sql: "INSERT INTO search (search, rank) VALUES ('integrity-check', 1)")
            }
        }
        let indexedRows = try index.open().read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM texts WHERE rowid <= ?", arguments: [covered]) ?? -1
        }
        let matched = try index.open().read { db in
            // Every text holds a space: the trigram of " " alone is no trigram, so count the rows the index lists.
            try Int.fetchOne(db, sql: "SELECT count(*) FROM search_docsize") ?? -2
        }
        #expect(indexedRows == matched, "the trigram index holds exactly the texts up to \(covered)", sourceLocation: sourceLocation)
    }

    @Test("a rebuild adds the cube up as it writes the rows: the same rows, to the cent, as SQL adding up the sums after it")
    func cubeAddedUpWhileWriting() throws {
        let folder = try Self.business(60)
        let index = CaseIndex(casesFolder: folder.url)
        _ = try index.snapshot(options: Self.options())
        let (cube, fromSums) = try index.open().write { db -> ([Row], [Row]) in
            let order = " ORDER BY " + IndexSchema.cubeKey.joined(separator: ", ")
            let cube = try Row.fetchAll(db, sql: "SELECT * FROM cube" + order)
            try db.execute(sql: "DELETE FROM cube")
            try db.execute(sql: IndexSchema.cubeFromSumsSQL)
            return (cube, try Row.fetchAll(db, sql: "SELECT * FROM cube" + order))
        }
        #expect(cube.count == fromSums.count && cube == fromSums)
        #expect(cube.count == 95, "per view, status, team, month and law: \(cube.count)")
        try Self.expectSame(try index.snapshot(options: Self.options()), folder, Self.options())
    }

    @Test("the trigram index is made in steps after a rebuild; cases written, edited and removed between two steps are found")
    func searchIndexInSteps() throws {
        let folder = try Self.business(40)
        let store = CaseStore(folder: folder.url)
        let index = CaseIndex(casesFolder: folder.url)
        func files(_ query: String) throws -> Set<String> {
            Set(try store.loadAll().records.filter { $0.matches(search: query) }.map(\.id))
        }
        func retell(_ id: String, _ text: String) throws {
            var record = try store.load(id: id).get()
            record.story.situation = text
            try store.save(record)
        }
        try retell("C-0003", "kwam bij de voedselbank")
        try retell("C-0030", "de voedselbank hielp")
        _ = try index.snapshot(options: Self.options())
        // One step of 10 texts, then another process edits a case the index holds and one it does not,
        // removes one it holds and adds one.
        let stepped = try index.open().write { db in try SearchTexts.indexNextStep(db, step: 10) }
        let covered = try index.open().read(SearchTexts.covered)
        #expect(stepped && covered == 10)
        try retell("C-0003", "verhuisd naar Zwolle")
        try retell("C-0030", "schuldhulp via de voedselbank")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("C-0007.json"))
        try store.create { id in
            var record = CaseStoreTests.submittedSample(id)
            record.story.situation = "naar de voedselbank in Zwolle"
            return record
        }
        _ = try index.snapshot(options: Self.options())
        #expect(try index.searchIndexIsComplete() == false)
        for query in ["voedselbank", "zwolle", "schuldhulp"] {
            #expect(index.search(query) == (try files(query)), "scanned: \(query)")
        }
        #expect(index.search("voedselbank") == ["C-0030", "C-0041"] && index.search("zwolle") == ["C-0003", "C-0041"])
        #expect(index.completeSearchIndex(step: 7))
        try Self.expectSearchIndexWhole(index)
        for query in ["voedselbank", "zwolle", "schuldhulp", "situatie"] {
            #expect(index.search(query, commonShare: 1_000_000, smallestScanPart: 4_096) == (try files(query)), "indexed: \(query)")
        }
        // A rebuild for other settings forgets the trigram index; the texts still answer.
        _ = try index.snapshot(options: Self.options(2024))
        #expect(try index.open().read(SearchTexts.covered) == 0)
        #expect(index.search("voedselbank") == ["C-0030", "C-0041"])
    }

    @Test("a read that reuses the previous one (the app's reload) values only what changed and still equals the files")
    func reuseThePreviousRead() throws {
        let folder = try Self.business(60)
        let index = CaseIndex(casesFolder: folder.url)
        let first = try index.snapshot(options: Self.options())
        // Nothing changed: the figures held are the answer, and the index is not even opened
        // (deleted here, it is not made again by this read).
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent(".index/cijfers.sqlite"))
        let again = try index.snapshot(options: Self.options(), reusing: first)
        #expect(again.revalued == 0 && first.isUnchanged(in: again) && again.figures == first.figures)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".index/cijfers.sqlite").path))
        // A file that is not a case, added since, is a problem the next read names: it reads again.
        try Data("x".utf8).write(to: folder.url.appendingPathComponent("notitie.txt"))
        let withNote = try index.snapshot(options: Self.options(), reusing: again)
        #expect(withNote.problems.map(\.file) == ["notitie.txt"] && !again.isUnchanged(in: withNote))
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("notitie.txt"))

        // Another process appends one case and edits another by hand.
        try CaseStore(folder: folder.url).create { CaseStoreTests.submittedSample($0) }
        let url = folder.url.appendingPathComponent("C-0005.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "\"team\" : \"Zuid\"", with: "\"team\" : \"West\"").write(to: url, atomically: true, encoding: .utf8)
        let next = try index.snapshot(options: Self.options(), reusing: again)
        #expect(next.revalued == 2)
        #expect(!again.isUnchanged(in: next))
        #expect(next.figures.first { $0.current.id == "C-0005" }?.current.team == "West")
        try Self.expectSame(next, folder, Self.options())

        // A deleted case is gone from the figures; other settings are never mixed with reused ones.
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("C-0007.json"))
        let afterDelete = try index.snapshot(options: Self.options(), reusing: next)
        #expect(afterDelete.figures.count == 60)
        try Self.expectSame(afterDelete, folder, Self.options())
        let otherYear = try index.snapshot(options: Self.options(2025), reusing: afterDelete)
        try Self.expectSame(otherYear, folder, Self.options(2025))
    }
}
