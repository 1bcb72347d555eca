import Foundation
import RendementsDomain

/// A case read from disk, with the file it came from.
public struct StoredCase: Sendable {
    public let record: CaseRecord
    public let fileName: String
    /// The content seal read off the file's bytes (`WrittenSeal`), when it could be; nil for a
    /// case not read from a file, whose seal is then computed from the record.
    let writtenSeal: String?

    public init(record: CaseRecord, fileName: String) {
        self.init(record: record, fileName: fileName, writtenSeal: nil)
    }

    init(record: CaseRecord, fileName: String, writtenSeal: String?) {
        self.record = record
        self.fileName = fileName
        self.writtenSeal = writtenSeal
    }
}

/// Everything readable in a business-case folder, plus what was not.
/// What `CaseStore.mapCases` kept of every readable case, in file-name order, with the
/// problems of the files it could not read and how many cases each price-list version priced.
public struct MappedCases<T: Sendable>: Sendable {
    public var results: [T]
    public var problems: [Problem]
    public var versionCounts: [String: Int]
}

public struct CaseLoadResult: Sendable {
    public let cases: [StoredCase]
    public let problems: [Problem]

    public var records: [CaseRecord] { cases.map(\.record) }
}

/// The business case on disk: one JSON file per case in one folder.
///
/// The file name is the id: only regular files named like `C-0001.json` whose id
/// matches their name are cases; anything else is reported by name and never read
/// as a case nor written to. Reading never changes a file. Every write is a
/// compare-and-swap on the case's revision under a short folder lock; new cases
/// are created with a hard link, so nothing is ever overwritten by accident.
public struct CaseStore: Sendable {
    public static let settingsFileName = "businesscase.json"
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
        folderPath = folder.path
    }

    private let folderPath: String

    /// What a folder entry is, judged by its name and type alone (nothing is opened).
    enum Entry: Equatable {
        /// Skipped silently: dotfiles, temporary files, the settings file.
        case ignored
        case caseFile(id: String, FileIdentity)
        /// Named like a case but not a regular file (a folder, a link, a pipe).
        case notRegular
        /// Any other name: a copy, a note, a case under the wrong name.
        case stray
        /// Named like a case, but its type could not be read (no permission).
        case unreadable

        /// Why an entry that is not a readable case file is not read.
        var problem: String? {
            switch self {
            case .ignored, .caseFile: nil
            case .stray: "geen casusbestand (alleen bestanden als C-0001.json tellen); niet gelezen. Is het een kopie? Zet het buiten de map"
            case .notRegular: "geen gewoon bestand (een map, koppeling of pipe); niet gelezen"
            case .unreadable: "kan niet worden gelezen (geen toegang); niet gelezen"
            }
        }
    }

    /// One case read and checked as `loadAll` reads it, without listing the folder: nil when
    /// there is no file by that name (or the id is not a case id).
    public func loadChecked(id: String) -> Result<CaseRecord, Problem>? {
        let name = "\(id).json"
        guard CaseID.isValid(id) else { return nil }
        let kind = classify(name)
        if case .caseFile(let id, let identity) = kind { return loadCase(Listing.Entry(name: name, id: id, identity: identity)) }
        return kind.problem.map { .failure(Problem(file: name, message: $0)) }
    }

    func classify(_ name: String) -> Entry {
        classify(name, in: AT_FDCWD, path: folderPath + "/" + name)
    }

    /// `path` is looked up relative to the open folder `directory` (a plain name: no path walk per file).
    private func classify(_ name: String, in directory: Int32, path: String) -> Entry {
        if name.hasPrefix(".") || name.hasSuffix(AtomicFile.temporarySuffix) || name == CaseStore.settingsFileName { return .ignored }
        guard name.hasSuffix(".json"), case let id = String(name.dropLast(5)), CaseID.isValid(id) else { return .stray }
        var info = stat()
        guard fstatat(directory, path, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            // Removed since the folder was read (another process deleted or renamed it): not there, so not listed.
            return errno == ENOENT ? .ignored : .unreadable
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .notRegular }
        let identity = FileIdentity(size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                                    changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec), inode: Int64(bitPattern: UInt64(info.st_ino)))
        return .caseFile(id: id, identity)
    }

    /// The case files of the folder with their identities, and every other entry named as a problem.
    public struct Listing: Sendable {
        public struct Entry: Sendable {
            let name: String
            let id: String
            let identity: FileIdentity
        }

        var cases: [Entry] = []
        /// Entries that are not readable case files (a copy under another name, a folder, …), each with why.
        public internal(set) var problems: [Problem] = []
    }

    public func listing() throws(CaseStoreError) -> Listing {
        guard let directory = opendir(folderPath) else {
            throw errno == ENOENT || errno == ENOTDIR ? .missingFolder(folder.path) : .unreadableFolder(folder.path)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        names.sort()
        // At 100,000 files the identities are most of a warm report: taken on every core, each
        // relative to the open folder.
        let descriptor = dirfd(directory)
        let kinds = names.parallelMap { name in classify(name, in: descriptor, path: name) }
        var listing = Listing()
        listing.cases.reserveCapacity(names.count)
        for (name, kind) in zip(names, kinds) {
            switch kind {
            case .ignored:
                continue
            case .caseFile(let id, let identity):
                listing.cases.append(Listing.Entry(name: name, id: id, identity: identity))
            case .stray, .notRegular, .unreadable:
                if let message = kind.problem { listing.problems.append(Problem(file: name, message: message)) }
            }
        }
        return listing
    }

    /// File names of the case files, sorted.
    public func caseFileNames() throws(CaseStoreError) -> [String] {
        try listing().cases.map(\.name)
    }

    /// One listed case file, read and checked against its name; with `checkingIntegrity`, a case
    /// whose history or numbers do not hold up is a problem, not a case (validate lists them all).
    func loadCase(_ entry: Listing.Entry, checkingIntegrity: Bool = true) -> Result<CaseRecord, Problem> {
        loadStored(entry, checkingIntegrity: checkingIntegrity).map(\.record)
    }

    private func loadStored(_ entry: Listing.Entry, checkingIntegrity: Bool) -> Result<StoredCase, Problem> {
        // `isDirectory: false`: without it, Foundation asks the file system whether the name is a folder (one more stat a case).
        let path = folder.appendingPathComponent(entry.name, isDirectory: false).path
        guard let data = FileContents.read(path, expectedSize: Int(clamping: entry.identity.size)) else {
            return .failure(Problem(file: entry.name, message: CaseFileError.unreadable.dutchMessage))
        }
        switch CaseCodec.decodeSealed(data) {
        case .success(let read) where read.record.id == entry.id:
            let record = read.record
            let stored = StoredCase(record: record, fileName: entry.name, writtenSeal: read.writtenSeal)
            guard checkingIntegrity, let first = CaseChecker.integrityProblems(record, writtenSeal: stored.writtenSeal).first else { return .success(stored) }
            return .failure(Problem(file: entry.name, message: "telt niet mee en wordt niet gewijzigd: \(first); zie 'rendementsmeter validate'"))
        case .success(let read):
            return .failure(Problem(file: entry.name, message: "het id in het bestand ('\(read.record.id.prefix(40))') hoort \(entry.id) te zijn, gelijk aan de bestandsnaam; niet gelezen"))
        case .failure(let error):
            return .failure(Problem(file: entry.name, message: error.dutchMessage))
        }
    }

    public func loadAll(checkingIntegrity: Bool = true) throws(CaseStoreError) -> CaseLoadResult {
        let mapped = try mapCases(checkingIntegrity: checkingIntegrity) { $0 }
        return CaseLoadResult(cases: mapped.results, problems: mapped.problems)
    }

    /// Reads every case file on every core, a chunk at a time, and keeps only what `transform`
    /// makes of each readable case: a command that needs a little of every case (its problems,
    /// its line in an export) holds one chunk of cases in memory, not the whole folder.
    public func mapCases<T: Sendable>(checkingIntegrity: Bool = true, chunk: Int = 2_048,
                                      _ transform: @escaping @Sendable (StoredCase) -> T) throws(CaseStoreError) -> MappedCases<T> {
        var results: [T] = []
        let outcome = forEachChunk(of: try listing(), checkingIntegrity: checkingIntegrity, chunk: chunk, transform) {
            results.append(contentsOf: $0)
        }
        return MappedCases(results: results, problems: outcome.problems, versionCounts: outcome.versionCounts)
    }

    /// `mapCases` for work done case by case in file order (writing, printing): `body` gets each
    /// chunk's results as soon as the chunk is read, and nothing of it is kept.
    public func forEachChunk<T: Sendable>(of listing: Listing, checkingIntegrity: Bool = true, chunk: Int = 2_048,
                                          _ transform: @escaping @Sendable (StoredCase) -> T, _ body: ([T]) -> Void) -> MappedCases<Void> {
        var outcome = MappedCases<Void>(results: [], problems: listing.problems, versionCounts: [:])
        let size = max(1, chunk)
        for start in stride(from: 0, to: listing.cases.count, by: size) {
            let entries = Array(listing.cases[start..<min(start + size, listing.cases.count)])
            let loaded = entries.parallelMap { entry -> Result<(T, String), Problem> in
                self.loadStored(entry, checkingIntegrity: checkingIntegrity).map { stored in
                    (transform(stored), stored.record.priceListVersion)
                }
            }
            var results: [T] = []
            for result in loaded {
                switch result {
                case .success(let (value, version)):
                    results.append(value)
                    outcome.versionCounts[version, default: 0] += 1
                case .failure(let problem):
                    outcome.problems.append(problem)
                }
            }
            body(results)
        }
        outcome.problems.sort { $0.file < $1.file }
        return outcome
    }

    public func load(fileName: String) -> Result<CaseRecord, CaseFileError> {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else {
            return .failure(.unreadable)
        }
        return CaseCodec.decode(data)
    }

    /// The case with this id as it is on disk now.
    public func load(id: String) -> Result<CaseRecord, CaseWriteError> {
        guard CaseID.isValid(id) else { return .failure(.invalidID(id)) }
        let name = "\(id).json"
        guard case .caseFile = classify(name) else { return .failure(.notFound(id)) }
        switch load(fileName: name) {
        case .success(let record) where record.id == id: return .success(record)
        case .success: return .failure(.unreadable(id, .invalidField("het id in het bestand wijkt af van de bestandsnaam")))
        case .failure(let error): return .failure(.unreadable(id, error))
        }
    }

    /// Writes a new case under the next free id `C-0001`, `C-0002`, …; never overwrites.
    /// Returns the case as written (sealed, revision 1).
    @discardableResult
    public func create(_ makeRecord: (String) -> CaseRecord) throws(CaseWriteError) -> CaseRecord {
        try ensureFolder()
        return try FolderWriteLock(casesFolder: folder).withLock { () throws(CaseWriteError) -> CaseRecord in
            var number = nextNumberHint()
            while true {
                number += 1
                guard let id = CaseID.make(number) else { throw .idsExhausted }
                var record = makeRecord(id)
                record.id = id
                record.revision = 1
                HistoryChain.seal(&record)
                do throws(StorageError) {
                    try AtomicFile.write(try encode(record), to: url(forValid: id), mode: .createNew, permissions: access.file)
                    rememberNumber(number)
                    return record
                } catch .alreadyExists {
                    continue  // written by hand or by an older version: never overwritten, the next id is tried
                } catch {
                    throw .storage(error)
                }
            }
        }
    }

    /// Replaces a case only if the file still holds the revision `record` was read at:
    /// otherwise nothing is written and the current version comes back in the error.
    /// Returns the case as written (sealed, revision + 1).
    @discardableResult
    public func save(_ record: CaseRecord) throws(CaseWriteError) -> CaseRecord {
        guard CaseID.isValid(record.id) else { throw .invalidID(record.id) }
        try ensureFolder()
        return try FolderWriteLock(casesFolder: folder).withLock { () throws(CaseWriteError) -> CaseRecord in
            let current = try load(id: record.id).get()
            // The history head too: a hand edit or an older version may have written without counting.
            guard current.revision == record.revision, current.historyHead == record.historyHead else { throw .conflict(current: current) }
            // A case whose history does not hold up is never written over: a new event would seal the damage.
            if let problem = CaseChecker.integrityProblems(current, writtenSeal: nil).first {
                throw .unreadable(record.id, .invalidField("de casus klopt niet (\(problem)); herstel hem eerst, zie 'rendementsmeter validate'"))
            }
            var next = record
            next.revision = current.revision + 1
            HistoryChain.seal(&next)
            do throws(StorageError) {
                try AtomicFile.write(try encode(next), to: url(forValid: next.id), mode: .replace, permissions: access.file)
            } catch {
                throw .storage(error)
            }
            return next
        }
    }

    /// Removes temporary files left by a writer that was killed between writing and
    /// renaming (its process is gone); they never held the only copy of anything.
    /// Returns their names. Used by bulk writers, which list the folder anyway.
    @discardableResult
    public func removeAbandonedTemporaryFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var removed: [String] = []
        for name in names where name.hasPrefix(".") && name.hasSuffix(AtomicFile.temporarySuffix) {
            let parts = name.split(separator: ".")
            guard parts.count >= 4, let pid = Int32(parts[parts.count - 3]), kill(pid, 0) != 0, errno == ESRCH else { continue }
            if unlink(folder.appendingPathComponent(name).path) == 0 { removed.append(name) }
        }
        return removed.sorted()
    }

    /// The file of a case; nil for anything that is not a valid id, so no id ever becomes another path.
    public func url(for id: String) -> URL? { CaseID.isValid(id) ? url(forValid: id) : nil }

    private func url(forValid id: String) -> URL { folder.appendingPathComponent("\(id).json") }

    /// Where id allocation continues: a small hint file, checked by the exclusive
    /// link anyway, so the cost of a new case does not grow with the folder.
    private var hintURL: URL { folder.appendingPathComponent(".locks/volgend-id") }

    private func nextNumberHint() -> Int {
        if let data = FileManager.default.contents(atPath: hintURL.path),
           let text = String(data: data, encoding: .utf8), let number = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)),
           (0..<CaseID.maximumNumber).contains(number) {
            return number
        }
        let numbers = ((try? caseFileNames()) ?? []).compactMap { CaseID.number(String($0.dropLast(5))) }
        return numbers.max() ?? 0
    }

    private func rememberNumber(_ number: Int) {
        // A lost hint only costs a listing next time; the case itself is already safe.
        try? AtomicFile.write(Data("\(number)\n".utf8), to: hintURL, mode: .replace, permissions: access.file)
    }

    private var access: SharedAccess { SharedAccess(casesFolder: folder) }

    private func encode(_ record: CaseRecord) throws(StorageError) -> Data {
        do { return try CaseCodec.encode(record) } catch { throw .other(path: folder.path, reason: "\(error)") }
    }

    private func ensureFolder() throws(CaseWriteError) {
        guard !FileManager.default.fileExists(atPath: folder.path) else { return }
        if mkdir(folder.path, 0o700) != 0 && errno != EEXIST { throw .storage(StorageError(errno: errno, path: folder.path)) }
    }
}

/// Why a business-case folder could not be read at all.
public enum CaseStoreError: Error, Equatable, Sendable {
    case missingFolder(String)
    case unreadableFolder(String)

    public var dutchMessage: String {
        switch self {
        case .missingFolder(let path):
            "De map met casussen \(path) bestaat niet. Geef een map op met --cases MAP of zet RENDEMENTSMETER_CASES."
        case .unreadableFolder(let path):
            "De map met casussen \(path) kan niet gelezen worden; controleer de rechten."
        }
    }
}
