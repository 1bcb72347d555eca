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
    static let formatVersion = 4
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

        /// True when `next` holds exactly the same files, unchanged, with the same settings.
        public func isUnchanged(in next: Snapshot) -> Bool {
            settingsKey == next.settingsKey && identities == next.identities && problems == next.problems
        }
    }

    /// The current figures of the business case, bringing the index up to date first.
    /// `previous` (an earlier snapshot of this folder, kept by a long-running app) lets files
    /// that did not change since be taken from memory, without reading the index at all.
    public func snapshot(options: EstimateOptions, reusing previous: Snapshot? = nil) throws(CaseStoreError) -> Snapshot {
        let store = CaseStore(folder: casesFolder)
        let listing = try store.listing()
        let key = CaseIndex.settingsKey(options)
        do {
            let database = try open()
            return try sync(database, listing: listing, store: store, options: options, key: key,
                            previous: previous?.settingsKey == key ? previous : nil)
        } catch let error as CaseStoreError {
            throw error
        } catch {
            // An index that cannot be opened twice (corrupt beyond repair, read-only folder) is not needed: read the files.
            return direct(listing, store: store, options: options)
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

    private func sync(_ database: DatabaseQueue, listing: CaseStore.Listing, store: CaseStore, options: EstimateOptions,
                      key: String, previous: Snapshot?) throws -> Snapshot {
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
        var known: [String: (FileIdentity, Data?, String?)] = [:]
        let current = try database.read { db -> Bool in
            let stored = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'settings'")
            guard stored == key else { return false }
            func remember(_ row: Row) {
                known[row["file"]] = (FileIdentity(size: row["size"], modified: row["mtime"], changed: row["ctime"], inode: row["inode"]),
                                      row["figures"], row["problem"])
            }
            let columns = "SELECT file, size, mtime, ctime, inode, figures, problem FROM cases"
            if readsAll {
                let rows = try Row.fetchCursor(db, sql: columns)
                while let row = try rows.next() { remember(row) }
            } else {
                let statement = try db.makeStatement(sql: columns + " WHERE file = ?")
                for entry in uncovered {
                    if let row = try Row.fetchOne(statement, arguments: [entry.name]) { remember(row) }
                }
            }
            return true
        }
        if !current {
            // Rebuilt for other settings meanwhile: every row is written again, so nothing comes from memory.
            known = [:]
            fromMemory = [:]
        }
        var figures: [CaseFigurePair] = []
        figures.reserveCapacity(listing.cases.count)
        var problems = listing.problems
        var changed: [(String, FileIdentity, Data?, String?, String?)] = []
        // Rows that still match their file are decoded on every core; the others are read and valued again.
        enum Source: Sendable { case memory(CaseFigurePair), row(Data), stale }
        var sources: [(CaseStore.Listing.Entry, Source)] = []
        sources.reserveCapacity(listing.cases.count)
        for entry in listing.cases {
            if let pair = fromMemory[entry.name] {
                sources.append((entry, .memory(pair)))
                continue
            }
            if let (identity, blob, problem) = known[entry.name], identity == entry.identity {
                if let blob {
                    sources.append((entry, .row(blob)))
                    continue
                }
                if let problem {
                    problems.append(Problem(file: entry.name, message: problem))
                    continue
                }
            }
            sources.append((entry, .stale))
        }
        // A row that no longer decodes (nil) is valued again from its file, as a stale one is.
        let slots = sources.parallelMap(state: { FiguresCodec.Interned() }) { names, source -> CaseFigurePair? in
            switch source.1 {
            case .memory(let pair): pair
            case .row(let blob): FiguresCodec.decode(blob, names: &names)
            case .stale: nil
            }
        }
        let stale = zip(sources, slots).compactMap { source, slot in slot == nil ? source.0 : nil }
        let valued = stale.parallelMap { entry in store.loadCase(entry).map { (CaseFigurePair($0, options: options), $0.searchText) } }
        var fresh = zip(stale, valued).makeIterator()
        for slot in slots {
            if let slot {
                figures.append(slot)
                continue
            }
            guard let (entry, result) = fresh.next() else { break }
            switch result {
            case .success(let (pair, text)):
                figures.append(pair)
                changed.append((entry.name, entry.identity, FiguresCodec.encode(pair), nil, text))
            case .failure(let problem):
                changed.append((entry.name, entry.identity, nil, problem.message, nil))
            }
        }
        // Broken files are named; they add no figures (missing, not zero).
        for case .failure(let problem) in valued { problems.append(problem) }
        let problemFiles = Set(problems.map(\.file))
        let present = Set(listing.cases.map(\.name))
        let gone = current && readsAll ? known.keys.filter { !present.contains($0) } : []
        if !changed.isEmpty || !gone.isEmpty || !current {
            try database.write { db in
                if !current {
                    try db.execute(sql: "DELETE FROM cases")
                    try db.execute(sql: "DELETE FROM search")
                    try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('settings', ?)", arguments: [key])
                }
                // A case's searched text shares its row id, so replacing a case replaces its text.
                let forget = try db.makeStatement(sql: "DELETE FROM search WHERE rowid = (SELECT rowid FROM cases WHERE file = ?)")
                for name in gone {
                    try forget.execute(arguments: [name])
                    try db.execute(sql: "DELETE FROM cases WHERE file = ?", arguments: [name])
                }
                let statement = try db.makeStatement(sql: """
                    INSERT OR REPLACE INTO cases (file, size, mtime, ctime, inode, figures, problem) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
                let remember = try db.makeStatement(sql: "INSERT INTO search (rowid, text) VALUES (?, ?)")
                for (name, identity, blob, problem, text) in changed {
                    if current { try forget.execute(arguments: [name]) }
                    try statement.execute(arguments: [name, identity.size, identity.modified, identity.changed, identity.inode, blob, problem])
                    if let text { try remember.execute(arguments: [db.lastInsertedRowID, text]) }
                }
            }
        }
        let identities = Dictionary(listing.cases.compactMap { entry in
            problemFiles.contains(entry.name) ? nil : (entry.name, entry.identity)
        }, uniquingKeysWith: { first, _ in first })
        return Snapshot(figures: figures, problems: problems.sorted { $0.file < $1.file }, revalued: changed.count, usedIndex: true,
                        identities: identities, settingsKey: key)
    }

    /// The ids of the cases whose story, reasoning or notes contain `query` (any case or accents),
    /// as of the last read; nil when the index cannot be used (then search the files).
    public func search(_ query: String) -> Set<String>? {
        let needle = query.searchFolded
        guard !needle.isEmpty, let database = try? open() else { return nil }
        let escaped = needle.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return try? database.read { db in
            let files = try String.fetchAll(db, sql: """
                SELECT cases.file FROM search JOIN cases ON cases.rowid = search.rowid
                WHERE search.text LIKE ? ESCAPE '\\'
                """, arguments: ["%" + escaped + "%"])
            return Set(files.map { String($0.dropLast(".json".count)) })
        }
    }

    /// Opens the index, creating or rebuilding it when it is missing, damaged or of another format.
    func open() throws -> DatabaseQueue {
        let folder = url.deletingLastPathComponent()
        let made = SharedAccess(casesFolder: casesFolder).makeFolder(folder)
        if made != 0 && made != EEXIST { throw StorageError(errno: made, path: folder.path) }
        do {
            return try openOnce()
        } catch {
            // Derived data: a damaged index is thrown away and built again from the files.
            for suffix in ["", "-wal", "-shm"] { unlink(url.path + suffix) }
            return try openOnce()
        }
    }

    private func openOnce() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let database = try DatabaseQueue(path: url.path, configuration: configuration)
        try database.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            let version = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'")
            if version != String(CaseIndex.formatVersion) {
                try db.execute(sql: "DROP TABLE IF EXISTS cases")
                try db.execute(sql: "DROP TABLE IF EXISTS search")
                try db.execute(sql: "DELETE FROM meta")
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('format', ?)", arguments: [String(CaseIndex.formatVersion)])
            }
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS cases (
                    file TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL, ctime INTEGER NOT NULL,
                    inode INTEGER NOT NULL, figures BLOB, problem TEXT)
                """)
            // Trigram tokens answer "contains" (the browser's search) for any three letters or more;
            // without positions (detail none) the index is a tenth of the size and SQLite checks
            // each candidate's text, which a LIKE needs anyway.
            try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(text, tokenize = 'trigram', detail = 'none')")
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
