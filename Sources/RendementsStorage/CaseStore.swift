import Foundation
import RendementsDomain

/// A case read from disk, with the file it came from.
public struct StoredCase: Sendable {
    public let record: CaseRecord
    public let fileName: String

    public init(record: CaseRecord, fileName: String) {
        self.record = record
        self.fileName = fileName
    }
}

/// Everything readable in a business-case folder, plus what was not.
public struct CaseLoadResult: Sendable {
    public let cases: [StoredCase]
    public let problems: [Problem]

    public var records: [CaseRecord] { cases.map(\.record) }
}

/// The business case on disk: one JSON file per case in one folder.
///
/// Reading never changes a file. Stray temporary files, dotfiles and the
/// settings file are skipped. New cases get the next free id and are created
/// with a hard link, so two processes can never overwrite each other's case.
public struct CaseStore: Sendable {
    public static let settingsFileName = "businesscase.json"
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// File names of the case files, sorted.
    public func caseFileNames() throws(CaseStoreError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingFolder(folder.path)
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw .unreadableFolder(folder.path)
        }
        return names.filter(CaseStore.isCaseFileName).sorted()
    }

    static func isCaseFileName(_ name: String) -> Bool {
        !name.hasPrefix(".") && name.hasSuffix(".json") && name != settingsFileName
    }

    public func loadAll() throws(CaseStoreError) -> CaseLoadResult {
        var cases: [StoredCase] = []
        var problems: [Problem] = []
        var fileForID: [String: String] = [:]
        for name in try caseFileNames() {
            switch load(fileName: name) {
            case .success(let record):
                if let earlier = fileForID[record.id] {
                    problems.append(Problem(file: name, message: "casus-id '\(record.id)' komt ook voor in \(earlier); geef elke casus een eigen id (dit bestand telt niet mee)"))
                    continue
                }
                fileForID[record.id] = name
                if name != "\(record.id).json" {
                    problems.append(Problem(file: name, message: "de bestandsnaam hoort \(record.id).json te zijn", severity: .warning))
                }
                cases.append(StoredCase(record: record, fileName: name))
            case .failure(let error):
                problems.append(Problem(file: name, message: error.dutchMessage))
            }
        }
        return CaseLoadResult(cases: cases, problems: problems)
    }

    public func load(fileName: String) -> Result<CaseRecord, CaseFileError> {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else {
            return .failure(.unreadable)
        }
        return CaseCodec.decode(data)
    }

    /// Writes a new case under the next free id `C-0001`, `C-0002`, …; never overwrites.
    @discardableResult
    public func create(_ makeRecord: (String) -> CaseRecord) throws(StorageError) -> CaseRecord {
        try ensureFolder()
        var number = ((try? caseFileNames()) ?? []).compactMap(CaseStore.number(ofFileName:)).max() ?? 0
        while true {
            number += 1
            let record = makeRecord(CaseStore.id(number))
            do {
                try AtomicFile.write(try encode(record), to: url(for: record.id), mode: .createNew)
                return record
            } catch .alreadyExists {
                continue  // another process took this id a moment ago
            }
        }
    }

    /// Replaces an existing case file atomically.
    public func save(_ record: CaseRecord) throws(StorageError) {
        try ensureFolder()
        try AtomicFile.write(try encode(record), to: url(for: record.id), mode: .replace)
    }

    public func url(for id: String) -> URL { folder.appendingPathComponent("\(id).json") }

    public static func id(_ number: Int) -> String { String(format: "C-%04d", number) }

    static func number(ofFileName name: String) -> Int? {
        guard name.hasPrefix("C-"), name.hasSuffix(".json") else { return nil }
        return Int(name.dropFirst(2).dropLast(5))
    }

    /// New history events are hash-chained on their way to disk.
    private func encode(_ record: CaseRecord) throws(StorageError) -> Data {
        var sealed = record
        HistoryChain.seal(&sealed)
        do { return try CaseCodec.encode(sealed) } catch { throw .other(path: folder.path, reason: "\(error)") }
    }

    private func ensureFolder() throws(StorageError) {
        guard !FileManager.default.fileExists(atPath: folder.path) else { return }
        if mkdir(folder.path, 0o700) != 0 && errno != EEXIST { throw StorageError(errno: errno, path: folder.path) }
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
