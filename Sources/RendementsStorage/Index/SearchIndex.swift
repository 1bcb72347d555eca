import Foundation
import GRDB
import Synchronization

/// The `/` search over every case's story, reasoning and notes.
///
/// Each case's searched text is written with its row (`texts`); the trigram index over those
/// texts (`search`, FTS5 with `texts` as its external content) is made afterwards, in steps,
/// by whoever wants to search fast (the app, from its first paint on). Building the trigram
/// index inside every rebuild was a quarter of a cold `report` (about 4 s of 26 s of work at
/// 100,000 cases) for a command that never searches. Until the index covers every text, a
/// search reads all texts in one scan: the same answer, 0.2 s instead of 0.02 s at 100,000 cases.
///
/// Invariant: the trigram index holds exactly the `texts` rows up to the rowid in `meta`
/// under `search` (0 when absent).
enum SearchTexts {
    static let coveredKey = "search"
    /// Where the app completes the trigram index, away from the keys.
    static let builder = DispatchQueue(label: "rendementsmeter.search-index", qos: .utility)

    /// The highest `texts` rowid the trigram index holds.
    static func covered(_ db: Database) throws -> Int64 {
        Int64(try CaseIndex.meta(db, coveredKey) ?? "") ?? 0
    }

    /// True when the trigram index holds every text.
    static func isComplete(_ db: Database) throws -> Bool {
        try covered(db) >= (Int64.fetchOne(db, sql: "SELECT max(rowid) FROM texts") ?? 0)
    }

    /// Forgets the trigram index (a rebuild writes every text again; the index is made after it).
    static func reset(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO search (search) VALUES ('delete-all')")
        try setCovered(db, 0)
    }

    static func setCovered(_ db: Database, _ rowID: Int64) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [coveredKey, String(rowID)])
    }

    /// Adds the next `step` texts the trigram index does not hold yet, in the caller's write
    /// transaction; false when there were none (the index is complete).
    static func indexNextStep(_ db: Database, step: Int) throws -> Bool {
        let from = try covered(db)
        let upTo = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM (SELECT rowid FROM texts WHERE rowid > ? ORDER BY rowid LIMIT ?)",
                                      arguments: [from, step])
        guard let upTo else { return false }
        try db.execute(sql: "INSERT INTO search (rowid, text) SELECT rowid, text FROM texts WHERE rowid > ? AND rowid <= ?",
                       arguments: [from, upTo])
        try setCovered(db, upTo)
        return true
    }

    /// Removes a case row's text, from the trigram index too when it holds it (an external-content
    /// index removes a row's tokens only when given the text it indexed).
    static func remove(_ db: Database, row: Int64, covered: Int64) throws {
        if row <= covered, let text = try String.fetchOne(db, sql: "SELECT text FROM texts WHERE rowid = ?", arguments: [row]) {
            try db.execute(sql: "INSERT INTO search (search, rowid, text) VALUES ('delete', ?, ?)", arguments: [row, text])
        }
        try db.execute(sql: "DELETE FROM texts WHERE rowid = ?", arguments: [row])
    }
}

extension CaseIndex {
    /// The ids of the cases whose story, reasoning or notes contain `query` (any case or accents),
    /// as of the last read; nil when the index cannot be used (then search the files).
    /// `stop`: when stopped, the search ends early with nil.
    public func search(_ query: String, stop: SearchStop? = nil) -> Set<String>? {
        search(query, commonShare: 4, smallestScanPart: 4_096, stop: stop)
    }

    /// `commonShare`: a trigram in more than one in this many cases makes the search read every
    /// text in one scan instead of each candidate's by the trigram index. `smallestScanPart`: that
    /// scan is shared out over the cores in parts of at least this many texts (below it, opening
    /// another connection costs more than it saves).
    func search(_ query: String, commonShare: Int, smallestScanPart: Int, stop: SearchStop? = nil) -> Set<String>? {
        let needle = query.searchFolded
        // Only an index a read filled: opening makes an empty one where there is none (deleted
        // while the app runs, found by a helper), and its answer would be "no case".
        guard !needle.isEmpty, FileManager.default.fileExists(atPath: url.path), let database = try? open(),
              (try? database.read({ try Self.meta($0, "digest") }))??.isEmpty == false else { return nil }
        if let stop {
            guard stop.begin(database) else { return nil }
        }
        defer { stop?.end() }
        // The trigram index answers a LIKE only without ESCAPE (with it, SQLite read every text:
        // 0.16 s a key at 100,000 cases). So the LIKE looks for the longest part of the text
        // without % or _ (which it would take as wildcards), and instr checks the whole text.
        let runs = needle.split(whereSeparator: { $0 == "%" || $0 == "_" })
        let run = runs.max(by: { $0.count < $1.count }).map(String.init) ?? ""
        guard let plan = try? database.read({ db -> (selective: Bool, last: Int64) in
            let selective = try SearchTexts.isComplete(db) && Self.isSelective(run, db, commonShare: commonShare)
            return (selective, try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM texts") ?? 0)
        }) else { return nil }
        let files: [String]?
        if plan.selective {
            files = try? database.read { db in try String.fetchAll(db, sql: Self.searchSQL, arguments: ["%" + run + "%", needle]) }
        } else {
            let cores = min(ProcessInfo.processInfo.activeProcessorCount, 4)
            let parts = max(1, min(cores, Int(plan.last) / max(smallestScanPart, 1)))
            files = scan(for: needle, upTo: plan.last, parts: parts, first: database, stop: stop)
        }
        return files.map { Set($0.map { String($0.dropLast(".json".count)) }) }
    }

    /// Every text read once, in as many parts as there are cores, each on a connection of its own.
    private func scan(for needle: String, upTo last: Int64, parts: Int, first: DatabaseQueue, stop: SearchStop?) -> [String]? {
        // A connection that cannot be opened leaves its part to the others.
        let connections = [first] + (1..<parts).compactMap { _ in try? openForReading() }
        if let stop {
            for connection in connections.dropFirst() where !stop.begin(connection) { return nil }
        }
        let found = Mutex<[[String]?]>(Array(repeating: nil, count: connections.count))
        let size = last / Int64(connections.count) + 1
        DispatchQueue.concurrentPerform(iterations: connections.count) { part in
            let from = Int64(part) * size, upTo = from + size
            // An interrupt reaches only a statement that runs: one stopped before this part began is looked at here.
            let files = stop?.isStopped == true ? nil : try? connections[part].read { db in
                try String.fetchAll(db, sql: Self.scanSQL, arguments: [needle, from, upTo])
            }
            found.withLock { $0[part] = files }
        }
        let answers = found.withLock { $0 }
        guard answers.allSatisfy({ $0 != nil }) else { return nil }
        return answers.flatMap { $0 ?? [] }
    }

    /// Makes the trigram index hold every text, `step` texts per write transaction, so that a
    /// case saved meanwhile (by this app or another process) waits for one step at most.
    /// Returns false when the index cannot be written (the search then keeps scanning).
    @discardableResult
    public func completeSearchIndex(step: Int = 1_024) -> Bool {
        guard let database = try? open() else { return false }
        do {
            // Looked at in a read first: a write transaction waits for the disk even when it changes nothing.
            if try database.read(SearchTexts.isComplete) { return true }
            while try database.write({ db in try SearchTexts.indexNextStep(db, step: step) }) {}
            return true
        } catch {
            return false
        }
    }

    /// True when the trigram index holds every text.
    func searchIndexIsComplete() throws -> Bool { try open().read(SearchTexts.isComplete) }

    /// Runs `completeSearchIndex` on a queue of its own, one at a time in this process.
    public func completeSearchIndexInBackground() {
        let index = self
        SearchTexts.builder.async { index.completeSearchIndex() }
    }

    /// True when one of the text's trigrams is in few enough cases for the index to pay: each
    /// candidate's text is read on its own, which for a word in nearly every case took twice
    /// as long as one scan of all texts (0.28-0.38 s against 0.16 s at 100,000 cases). Counted
    /// from the trigram index alone, up to the limit.
    static func isSelective(_ run: String, _ db: Database, commonShare: Int) throws -> Bool {
        let scalars = Array(run.unicodeScalars)
        guard scalars.count >= 3 else { return false }
        let rows = try Int.fetchOne(db, sql: "SELECT max(rowid) FROM texts") ?? 0
        let limit = rows / max(commonShare, 1)
        for start in 0...(scalars.count - 3) {
            var trigram = String.UnicodeScalarView()
            trigram.append(contentsOf: scalars[start..<start + 3])
            let phrase = "\"" + String(trigram).replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT rowid FROM search WHERE search MATCH ? LIMIT ?)",
                                         arguments: [phrase, limit + 1]) ?? 0
            if count <= limit { return true }
        }
        return false
    }

    static let searchSQL = """
        SELECT texts.file FROM search JOIN texts ON texts.rowid = search.rowid
        WHERE search.text LIKE ? AND instr(search.text, ?) > 0
        """

    /// One part of the scan of every text (see `ContainsFunction`): the texts whose rowid is
    /// above ?2, up to and including ?3.
    static let scanSQL = """
        SELECT file FROM texts WHERE rm_contains(text, ?1) AND rowid > ?2 AND rowid <= ?3
        """
}
