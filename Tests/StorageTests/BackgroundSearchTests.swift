import Foundation
import GRDB
import Synchronization
import Testing
@testable import RendementsStorage

@Suite("The browser's search away from the keys")
struct BackgroundSearchTests {
    /// Polls as the app's loop does until the search is no longer busy, and collects what it hands over.
    private func answers(_ search: BackgroundSearch) -> [BackgroundSearch.Answer] {
        var taken: [BackgroundSearch.Answer] = []
        let deadline = Date().addingTimeInterval(10)
        while search.isBusy && Date() < deadline {
            if let answer = search.take() { taken.append(answer) } else { usleep(1_000) }
        }
        return taken
    }

    @Test("a query typed while the last one runs stops it; only the latest answer is handed over, once")
    func latestWins() throws {
        let release = DispatchSemaphore(value: 0)
        let seen = Mutex<[(query: String, stoppedAfterwards: Bool)]>([])
        let search = BackgroundSearch { query, stop in
            if query == "wij" { release.wait() }
            seen.withLock { $0.append((query, stop.isStopped)) }
            return [query.uppercased()]
        }
        search.start("wij")
        #expect(search.isBusy)
        usleep(50_000)  // "wij" is running now, waiting for the release
        search.start("wijk")
        search.start("wijkt")
        release.signal()
        #expect(answers(search) == [BackgroundSearch.Answer(query: "wijkt", ids: ["WIJKT"])])
        #expect(search.take() == nil && !search.isBusy)
        // "wij" ran and was told to stop; "wijk" was dropped before it began.
        let ran = seen.withLock { $0 }
        #expect(ran.map(\.query) == ["wij", "wijkt"])
        #expect(ran.map(\.stoppedAfterwards) == [true, false])
    }

    /// A folder of cases whose stories are `texts` (C-0001 onwards), and its index after one read.
    static func indexed(_ texts: [String]) throws -> (TemporaryFolder, CaseIndex) {
        let folder = try TemporaryFolder()
        let store = CaseStore(folder: folder.url)
        for text in texts {
            try store.create { id in
                var record = CaseStoreTests.submittedSample(id)
                record.story.situation = text
                return record
            }
        }
        let index = CaseIndex(casesFolder: folder.url)
        _ = try index.snapshot(options: CaseIndexTests.options())
        return (folder, index)
    }

    @Test("on a real index: the same cases as the search itself; a stopped search answers nil")
    func onTheIndex() throws {
        let (folder, index) = try Self.indexed(["de woning bleef", "geen huis", "een woning erbij"])
        let search = BackgroundSearch(casesFolder: folder.url) { _ in ["the files"] }
        search.start("woning")
        #expect(answers(search) == [BackgroundSearch.Answer(query: "woning", ids: ["C-0001", "C-0003"])])
        search.start("huis")
        #expect(answers(search) == [BackgroundSearch.Answer(query: "huis", ids: ["C-0002"])])
        let stopped = SearchStop()
        stopped.stop()
        #expect(index.search("woning", stop: stopped) == nil)
        #expect(index.search("woning", stop: SearchStop()) == ["C-0001", "C-0003"])
    }

    @Test("without an answer from the index the files answer, but not for a search a newer key stopped")
    func filesOnlyWhenWanted() {
        let asked = Mutex<[String]>([])
        let files: @Sendable (String) -> Set<String> = { query in
            asked.withLock { $0.append(query) }
            return ["C-0001"]
        }
        let noIndex = BackgroundSearch.indexFirst({ _, _ in nil }, unindexed: files)
        #expect(noIndex("woning", SearchStop()) == ["C-0001"])
        // Stopped while the index was being searched (the SQL interrupted): nobody wants the answer.
        let stoppedMidway = BackgroundSearch.indexFirst({ _, stop in stop.stop(); return nil }, unindexed: files)
        #expect(stoppedMidway("huis", SearchStop()) == nil)
        #expect(asked.withLock { $0 } == ["woning"], "before: every file was read for the stopped search too")
        #expect(BackgroundSearch.indexFirst({ _, _ in ["C-0002"] }, unindexed: files)("x", SearchStop()) == ["C-0002"])
    }

    @Test("an index another process holds for longer than the wait is no answer, and is kept; a deleted one is not made again empty (helper findings)")
    func busyOrGoneIndex() throws {
        let (folder, index) = try Self.indexed(["de woning bleef", "geen huis"])
        defer { withExtendedLifetime(folder) {} }  // the folder is removed when it goes
        func inode() throws -> UInt64 { try #require(FileManager.default.attributesOfItem(atPath: index.url.path)[.systemFileNumber] as? UInt64) }
        let before = try inode()
        // Another process writes for longer than a reader waits (10 s): before, `open` took the
        // busy error for damage, deleted the index and answered every search with "no case".
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true  // the transaction stays open across accesses, as another process's would
        let writer = try DatabaseQueue(path: index.url.path, configuration: holding)
        try writer.inDatabase { try $0.execute(sql: "BEGIN EXCLUSIVE") }
        #expect(index.search("woning") == nil, "busy: no answer from the index (the app then reads the files)")
        try writer.inDatabase { try $0.execute(sql: "COMMIT") }
        #expect(try inode() == before, "the index is the same file")
        #expect(index.search("woning") == ["C-0001"])
        // Deleted while the app runs: no answer, and no empty index made in its place.
        try FileManager.default.removeItem(at: index.url.deletingLastPathComponent())
        #expect(index.search("woning") == nil)
        #expect(!FileManager.default.fileExists(atPath: index.url.path))
    }
}
