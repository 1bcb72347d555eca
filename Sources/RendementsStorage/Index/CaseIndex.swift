import Foundation
import GRDB
import RendementsDomain

/// The derived index beside the cases (`.index/cijfers.sqlite`): each case file's
/// identity (name, size, modification and change time, inode) with its figures,
/// so reports, the start screen and the dashboard add up compact rows instead of
/// decoding and valuing every file.
///
/// The files stay the truth: every read compares each file's identity with the row
/// and values again what changed, appeared or went; the index is rebuilt when it is
/// missing, unreadable, of another format, or made with other estimate settings,
/// and when it cannot be written at all the figures come straight from the files.
/// SQLite (through GRDB) keeps two processes updating it at once from corrupting it.
public struct CaseIndex: Sendable {
    static let formatVersion = 16  // 6: the lines of approved real cases, for suggestions; 7: their item indexes; 8: reviewed lines; 9: items; 10: compact figures; 11: teams and interventions composed; 12: texts apart from their trigram index; 13: ligatures folded in texts; 14: invisible characters left out; 15: texts name their file; 16: the original estimate at the current prices, history heads
    public let casesFolder: URL

    public init(casesFolder: URL) { self.casesFolder = casesFolder }

    var url: URL { casesFolder.appendingPathComponent(".index/cijfers.sqlite") }

    /// What reading through the index found.
    public struct Snapshot: Sendable {
        /// The figures of every readable case, in file-name order.
        public let figures: [CaseFigurePair]
        /// Files that are not cases or could not be read, named.
        public let problems: [Problem]
        /// How many cases were valued again on this read (0 when the index was current).
        public let revalued: Int
        /// False when the index could not be used and everything came from the files.
        public let usedIndex: Bool
        /// Each case file's identity when its figures were taken, and the settings used:
        /// what lets the next read reuse them (see `snapshot(options:reusing:)`).
        let identities: [String: FileIdentity]
        let settingsKey: String

        /// True when `next` holds exactly the same files, unchanged, with the same settings. Never
        /// for a read without the index: it kept no identities, so nothing was compared (found by
        /// helper-25: on a read-only share the browser showed cases deleted since).
        public func isUnchanged(in next: Snapshot) -> Bool {
            usedIndex && next.usedIndex && settingsKey == next.settingsKey && identities == next.identities && problems == next.problems
        }

        /// True when `listing` names exactly the case files this snapshot read, each with the
        /// identity it had then, and the same other files: nothing to read again. A snapshot with
        /// a case file it could not read never is (that file has no identity kept to compare).
        func holdsUnchanged(_ listing: CaseStore.Listing) -> Bool {
            guard usedIndex, listing.cases.count == identities.count, listing.cases.count == figures.count else { return false }
            for entry in listing.cases where identities[entry.name] != entry.identity { return false }
            return listing.problems.sorted { $0.file < $1.file } == problems
        }
    }

    /// The current figures of the business case, bringing the index up to date first.
    /// `previous` (an earlier snapshot of this folder, kept by a long-running app) lets files
    /// that did not change since be taken from memory, without reading the index at all.
    public func snapshot(options: EstimateOptions, reusing previous: Snapshot? = nil) throws(CaseStoreError) -> Snapshot {
        let store = CaseStore(folder: casesFolder)
        let listing = try store.listing()
        let key = CaseIndex.settingsKey(options)
        if let previous, previous.settingsKey == key, previous.holdsUnchanged(listing) {
            // Every case file as it was, none added or gone: the figures in memory are the files'
            // figures, and the index has nothing to add (a second look at 100,000 cases took 2 s).
            return Snapshot(figures: previous.figures, problems: previous.problems, revalued: 0, usedIndex: previous.usedIndex,
                            identities: previous.identities, settingsKey: key)
        }
        do {
            let database = try open()
            let synced = try sync(database, listing: listing, store: store, options: options, key: key,
                                  previous: previous?.settingsKey == key ? previous : nil, wantsFigures: true)
            let problemFiles = Set(synced.problems.map(\.file))
            let identities = Dictionary(listing.cases.compactMap { entry in
                problemFiles.contains(entry.name) ? nil : (entry.name, entry.identity)
            }, uniquingKeysWith: { first, _ in first })
            return Snapshot(figures: synced.figures, problems: synced.problems, revalued: synced.revalued, usedIndex: true,
                            identities: identities, settingsKey: key)
        } catch let error as CaseStoreError {
            throw error
        } catch {
            // An index that cannot be opened twice (corrupt beyond repair, read-only folder) is not needed: read the files.
            return direct(listing, store: store, options: options)
        }
    }

    /// Every readable case's figures in file order, a chunk at a time, brought up to date first:
    /// for a command that adds them up once (the HTML export), without holding them all (at
    /// 100,000 cases they are about 400 MB). Returns the problems and how many cases each
    /// price-list version priced; nil when the index cannot be used or a row no longer reads,
    /// and then the caller forgets what it was given and reads a `snapshot` instead.
    public func forEachFigures(options: EstimateOptions, chunk: Int = 2_048,
                               _ body: ([CaseFigurePair]) -> Void) throws(CaseStoreError) -> (problems: [Problem], versionCounts: [String: Int])? {
        let store = CaseStore(folder: casesFolder)
        let listing = try store.listing()
        do {
            let database = try open()
            let synced = try sync(database, listing: listing, store: store, options: options, key: CaseIndex.settingsKey(options),
                                  previous: nil, wantsFigures: false)
            var versionCounts: [String: Int] = [:]
            let whole = try database.read { db -> Bool in
                let rows = try Row.fetchCursor(db, sql: "SELECT figures FROM cases WHERE figures IS NOT NULL ORDER BY file")
                var blobs: [Data] = []
                var names: [FiguresCodec.Interned?] = []
                func flush() -> Bool {
                    let pairs = blobs.parallelMap(keeping: &names, state: { FiguresCodec.Interned() }) { names, blob in
                        FiguresCodec.decode(blob, names: &names)
                    }
                    blobs.removeAll(keepingCapacity: true)
                    let read = pairs.compactMap { $0 }
                    guard read.count == pairs.count else { return false }
                    for pair in read { versionCounts[pair.current.priceListVersion, default: 0] += 1 }
                    body(read)
                    return true
                }
                while let row = try rows.next() {
                    blobs.append(row[0])
                    if blobs.count == chunk, !flush() { return false }
                }
                return flush()
            }
            return whole ? (synced.problems, versionCounts) : nil
        } catch let error as CaseStoreError {
            throw error
        } catch {
            return nil
        }
    }

    private func direct(_ listing: CaseStore.Listing, store: CaseStore, options: EstimateOptions) -> Snapshot {
        var figures: [CaseFigurePair] = []
        var problems = listing.problems
        for entry in listing.cases {
            switch store.loadCase(entry) {
            case .success(let record): figures.append(CaseFigurePair(record, options: options))
            case .failure(let problem): problems.append(problem)
            }
        }
        return Snapshot(figures: figures, problems: problems.sorted { $0.file < $1.file }, revalued: figures.count, usedIndex: false,
                        identities: [:], settingsKey: "")
    }

    /// The law totals for `filter`, added up by the index in SQL; nil when the index cannot be used
    /// (then value the figures, see `snapshot`). When the files still have the identities the index
    /// last recorded (one fingerprint compared, no row read), no case is read at all.
    public func lawTotals(options: EstimateOptions, filter: CaseFilter) throws(CaseStoreError) -> IndexedTotals? {
        try readMatching(options: options) { db, listing in try IndexTotalsQuery.read(db, filter: filter, listingProblems: listing.problems) }
    }

    /// The ids of the cases `filter` counts, in file-name order, from the index; nil when it cannot be used.
    public func countedIDs(options: EstimateOptions, filter: CaseFilter) throws(CaseStoreError) -> [String]? {
        try readMatching(options: options) { db, _ in try IndexTotalsQuery.countedIDs(db, filter: filter) }
    }

    /// Runs `query` in a read that sees the index up to date with the folder's listing, bringing it
    /// up to date first when needed; nil when the index cannot be used.
    private func readMatching<T>(options: EstimateOptions, _ query: (Database, CaseStore.Listing) throws -> T) throws(CaseStoreError) -> T? {
        let store = CaseStore(folder: casesFolder)
        let listing = try store.listing()
        let key = CaseIndex.settingsKey(options)
        let digest = ListingDigest(listing.cases).text
        do {
            let database = try open()
            // Another process may change files between bringing the index up to date and reading it;
            // the totals are read only in a transaction that sees the index matching this listing.
            for _ in 0..<3 {
                let answer = try database.read { db -> T? in
                    guard try Self.meta(db, "settings") == key, try Self.meta(db, "digest") == digest else { return nil }
                    return try query(db, listing)
                }
                if let answer { return answer }
                _ = try sync(database, listing: listing, store: store, options: options, key: key, previous: nil, wantsFigures: false)
            }
            return nil
        } catch let error as CaseStoreError {
            throw error
        } catch {
            return nil
        }
    }

    /// The law totals as the index last recorded them, without looking at the files: what the
    /// app paints first, and checks with `lawTotals` right after. Nil when there are none for
    /// these settings (then nothing is shown before the check).
    public func recordedTotals(options: EstimateOptions, filter: CaseFilter) -> IndexedTotals? {
        guard FileManager.default.fileExists(atPath: url.path), let database = try? open() else { return nil }
        let key = CaseIndex.settingsKey(options)
        return try? database.read { db -> IndexedTotals? in
            guard try Self.meta(db, "settings") == key, let digest = try Self.meta(db, "digest"), !digest.isEmpty else { return nil }
            return try IndexTotalsQuery.read(db, filter: filter, listingProblems: [])
        }
    }

    static func meta(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    /// How many stale cases are valued at once before their rows are written.
    private static let chunk = 2_048

    private struct Synced {
        /// Every readable case's figures in file-name order; empty when they were not asked for.
        var figures: [CaseFigurePair] = []
        var problems: [Problem] = []
        var revalued = 0
        var current = true
    }

    /// Brings the index up to date with `listing`: rows whose identity still matches their file
    /// are kept (and decoded, with `wantsFigures`), the others valued again from the file.
    private func sync(_ database: DatabaseQueue, listing: CaseStore.Listing, store: CaseStore, options: EstimateOptions,
                      key: String, previous: Snapshot?, wantsFigures: Bool) throws -> Synced {
        // Files unchanged since the previous read in this process are taken from memory;
        // only the others are looked up in the index (all of them when there are many).
        var fromMemory: [String: CaseFigurePair] = [:]
        if let previous {
            let byFile = Dictionary(previous.figures.map { ($0.current.id + ".json", $0) }, uniquingKeysWith: { first, _ in first })
            for entry in listing.cases where previous.identities[entry.name] == entry.identity {
                fromMemory[entry.name] = byFile[entry.name]
            }
        }
        let uncovered = listing.cases.filter { fromMemory[$0.name] == nil }
        let readsAll = previous == nil || uncovered.count > 1_000
        var known: [String: (identity: FileIdentity, valued: Bool, problem: String?)] = [:]
        // With `wantsFigures`, the figures of rows that still match their file, decoded on every
        // core a chunk at a time as they are read (nil: a row that no longer decodes). Holding
        // every row's bytes first and decoding them after doubled the app's peak memory.
        var decoded: [String: CaseFigurePair?] = [:]
        var storedDigest: String?
        let current = try database.read { db -> Bool in
            guard try Self.meta(db, "settings") == key else { return false }
            storedDigest = try Self.meta(db, "digest")
            func remember(_ row: Row) {
                known[row[0]] = (FileIdentity(size: row[1], modified: row[2], changed: row[3], inode: row[4]), row[5], row[6])
            }
            let columns = "SELECT file, size, mtime, ctime, inode, figures IS NOT NULL, problem FROM cases"
            if readsAll {
                let rows = try Row.fetchCursor(db, sql: columns)
                while let row = try rows.next() { remember(row) }
            } else {
                let statement = try db.makeStatement(sql: columns + " WHERE file = ?")
                for entry in uncovered {
                    if let row = try Row.fetchOne(statement, arguments: [entry.name]) { remember(row) }
                }
            }
            if wantsFigures {
                let wanted = Set(uncovered.lazy.filter { entry in known[entry.name].map { $0.valued && $0.identity == entry.identity } ?? false }.map(\.name))
                try Self.decodeFigures(db, of: wanted, readsAll: readsAll, into: &decoded)
            }
            return true
        }
        if !current {
            // Rebuilt for other settings meanwhile: every row is written again, so nothing comes from memory.
            known = [:]
            decoded = [:]
            fromMemory = [:]
        }
        var synced = Synced(current: current)
        synced.problems = listing.problems
        // Rows that still match their file are kept (with their figures, when asked for); the others are read and valued again.
        // A row that no longer decodes is valued again from its file, as a stale one is. The figures stay
        // where they are (`fromMemory`, `decoded`) until they are put in order once: each copy of 100,000
        // cases' figures is 40 MB.
        enum Slot: Sendable { case figures, kept, stale }
        var sources: [(CaseStore.Listing.Entry, Slot)] = []
        sources.reserveCapacity(listing.cases.count)
        for entry in listing.cases {
            if fromMemory[entry.name] != nil {
                sources.append((entry, .figures))
                continue
            }
            if let row = known[entry.name], row.identity == entry.identity {
                if row.valued {
                    if !wantsFigures {
                        sources.append((entry, .kept))
                    } else {
                        sources.append((entry, (decoded[entry.name] ?? nil) == nil ? .stale : .figures))
                    }
                    continue
                }
                if let problem = row.problem {
                    synced.problems.append(Problem(file: entry.name, message: problem))
                    continue
                }
            }
            sources.append((entry, .stale))
        }
        let stale = sources.compactMap { source in if case .stale = source.1 { source.0 } else { nil } }
        synced.revalued = stale.count
        let present = Set(listing.cases.map(\.name))
        let gone = current && readsAll ? known.keys.filter { !present.contains($0) } : []
        // With every row seen and the gone ones removed, the index describes exactly these files;
        // after a partial read that changed rows, which files it describes is not known here.
        let digest = readsAll ? ListingDigest(listing.cases).text : stale.isEmpty ? storedDigest ?? "" : ""
        var fresh: [String: CaseFigurePair] = [:]
        if !stale.isEmpty || !gone.isEmpty || !current || storedDigest != digest {
            try database.write { db in
                if !current {
                    try IndexSchema.clear(db)
                    try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('settings', ?)", arguments: [key])
                }
                // Many rows written: the trigram index is made again afterwards, by whoever searches.
                let bulk = !current || stale.count + gone.count > 1_000
                if bulk { try SearchTexts.reset(db) }
                // A rebuild from no rows adds the cube up as it writes them.
                let cube = bulk ? try CubeSums.forEmptySums(db) : nil
                let writer = try IndexWriter(db, bulk: bulk, cube: cube)
                func writeRows() throws {
                    for name in gone { try writer.remove(name) }
                    // Valued and written a chunk at a time, so a rebuild holds a few thousand
                    // cases in memory, not all of them (721 MB at 100,000 before).
                    // While one chunk is written, the next is read and valued on the other cores.
                    let chunks = stride(from: 0, to: stale.count, by: Self.chunk).map { Array(stale[$0..<min($0 + Self.chunk, stale.count)]) }
                    var ahead = chunks.first.map { Self.valuing($0, store: store, options: options) }
                    for number in chunks.indices {
                        guard let valued = ahead?.value() else { break }
                        ahead = number + 1 < chunks.count ? Self.valuing(chunks[number + 1], store: store, options: options) : nil
                        for (row, problem) in valued {
                            if let problem { synced.problems.append(problem) }
                            if wantsFigures, let pair = row.pair { fresh[row.name] = pair }
                            if current { try writer.remove(row.name) }
                            try writer.add(row)
                        }
                    }
                }
                // A rebuild (every test's first read) adds the cube up in one pass, as many changes do.
                if bulk {
                    try IndexSchema.withCubeRebuilt(db, from: cube, writeRows)
                } else {
                    try writeRows()
                }
                try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('digest', ?)", arguments: [digest])
            }
        }
        synced.problems.sort { $0.file < $1.file }
        if wantsFigures {
            synced.figures.reserveCapacity(listing.cases.count)
            for (entry, slot) in sources {
                switch slot {
                case .figures: if let pair = fromMemory[entry.name] ?? (decoded[entry.name] ?? nil) { synced.figures.append(pair) }
                case .kept: break
                case .stale: if let pair = fresh[entry.name] { synced.figures.append(pair) }
                }
            }
        }
        return synced
    }

    /// Reads and decodes the figures of the `wanted` files, a chunk at a time on every core.
    private static func decodeFigures(_ db: Database, of wanted: Set<String>, readsAll: Bool,
                                      into decoded: inout [String: CaseFigurePair?]) throws {
        guard !wanted.isEmpty else { return }
        decoded.reserveCapacity(wanted.count)
        var chunk: [(String, Data)] = []
        var names: [FiguresCodec.Interned?] = []
        func flush() {
            let pairs = chunk.parallelMap(keeping: &names, state: { FiguresCodec.Interned() }) { names, row in
                FiguresCodec.decode(row.1, names: &names)
            }
            for (row, pair) in zip(chunk, pairs) { decoded[row.0] = pair }
            chunk.removeAll(keepingCapacity: true)
        }
        if readsAll {
            let rows = try Row.fetchCursor(db, sql: "SELECT file, figures FROM cases WHERE figures IS NOT NULL")
            while let row = try rows.next() {
                let file: String = row[0]
                guard wanted.contains(file) else { continue }
                chunk.append((file, row[1]))
                if chunk.count == Self.chunk { flush() }
            }
        } else {
            let statement = try db.makeStatement(sql: "SELECT figures FROM cases WHERE file = ? AND figures IS NOT NULL")
            for file in wanted {
                if let blob = try Data.fetchOne(statement, arguments: [file]) { chunk.append((file, blob)) }
                if chunk.count == Self.chunk { flush() }
            }
        }
        flush()
    }

    /// Starts reading and valuing these files on the other cores: each file's row as the index
    /// keeps it, ready to write (its figures encoded there too, off the writing thread), and the
    /// problem that kept a file out.
    private static func valuing(_ chunk: [CaseStore.Listing.Entry], store: CaseStore, options: EstimateOptions)
        -> Prefetch<[(IndexRow, Problem?)]> {
        Prefetch { () -> [(IndexRow, Problem?)] in
            chunk.parallelMap { entry -> (IndexRow, Problem?) in
                switch store.loadCase(entry) {
                case .success(let record):
                    (IndexRow(name: entry.name, identity: entry.identity, pair: CaseFigurePair(record, options: options), problem: nil,
                              searchText: record.searchText, lines: IndexedLines(record), heads: HistoryHeads(record)), nil)
                case .failure(let problem):
                    (IndexRow(name: entry.name, identity: entry.identity, pair: nil, problem: problem.message, searchText: nil, lines: nil), problem)
                }
            }
        }
    }

    /// Opens the index, creating or rebuilding it when it is missing, damaged or of another format.
    func open() throws -> DatabaseQueue {
        let folder = url.deletingLastPathComponent()
        let made = SharedAccess(casesFolder: casesFolder).makeFolder(folder)
        if made != 0 && made != EEXIST { throw StorageError(errno: made, path: folder.path) }
        do {
            return try openOnce()
        } catch let error as DatabaseError where Self.isDamage(error) {
            // Derived data: a damaged index is thrown away and built again from the files.
            for suffix in ["", "-wal", "-shm"] { unlink(url.path + suffix) }
            return try openOnce()
        }
    }

    /// True for an error that says the file is no (sound) database. Not for one that says it is
    /// busy: another process writing for longer than the wait made `open` delete an index in use
    /// (found by a helper, through a search while another process held a write lock).
    static func isDamage(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    }

    /// Another connection to an index `open` made ready, for reading alongside it.
    func openForReading() throws -> DatabaseQueue {
        try DatabaseQueue(path: url.path, configuration: Self.configuration)
    }

    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in try ContainsFunction.register(db) }
        return configuration
    }

    private func openOnce() throws -> DatabaseQueue {
        let database = try DatabaseQueue(path: url.path, configuration: Self.configuration)
        // Most opens find the index as this version makes it: checked with a read, because a write
        // transaction (even one that changes nothing) waits for the disk, 10 to 200 ms here.
        let ready = try database.read { db -> Bool in
            guard try db.tableExists("meta"),
                  try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'") == String(CaseIndex.formatVersion) else { return false }
            return try IndexSchema.isComplete(db)
        }
        if ready { return database }
        try database.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            let version = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'")
            // Another version, or this one with a part missing (a table's derived rows cannot be
            // patched in): built again from the files.
            if try version != String(CaseIndex.formatVersion) || !IndexSchema.isComplete(db) {
                try IndexSchema.drop(db)
                try db.execute(sql: "DELETE FROM meta")
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('format', ?)", arguments: [String(CaseIndex.formatVersion)])
            }
            try IndexSchema.create(db)
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        chmod(url.path, SharedAccess(casesFolder: casesFolder).file)
        return database
    }

    static func settingsKey(_ options: EstimateOptions) -> String {
        sha256Hex(Data(options.fingerprint.utf8))
    }
}

/// What tells whether a file changed since it was indexed: size, modification and
/// status-change times in nanoseconds, and the inode (every atomic write makes a new one).
struct FileIdentity: Hashable, Sendable {
    let size: Int64
    let modified: Int64
    let changed: Int64
    let inode: Int64
}
