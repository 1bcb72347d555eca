import Foundation

/// A note left in `.locks/herprijzing.json` while `reprice` writes, removed only when
/// every case stands on the new list: an interrupted or partial run stays visible
/// (in `validate` and on the start screen) until a re-run finishes the job.
public struct RepriceMarker: Codable, Hashable, Sendable {
    public let targetVersion: String
    public let targetFolder: String
    public let startedAt: String
    public let by: String

    public init(targetVersion: String, targetFolder: String, startedAt: String, by: String) {
        self.targetVersion = targetVersion
        self.targetFolder = targetFolder
        self.startedAt = startedAt
        self.by = by
    }

    public static func url(casesFolder: URL) -> URL { casesFolder.appendingPathComponent(".locks/herprijzing.json") }

    public static func read(casesFolder: URL) -> RepriceMarker? {
        guard let data = FileManager.default.contents(atPath: url(casesFolder: casesFolder).path) else { return nil }
        return try? JSONDecoder().decode(RepriceMarker.self, from: data)
    }

    public func write(casesFolder: URL) throws(StorageError) {
        let folder = RepriceMarker.url(casesFolder: casesFolder).deletingLastPathComponent()
        let access = SharedAccess(casesFolder: casesFolder)
        let made = access.makeFolder(folder)
        if made != 0 && made != EEXIST { throw StorageError(errno: made, path: folder.path) }
        let data: Data
        do { data = try JSONEncoder().encode(self) } catch { throw .other(path: folder.path, reason: "\(error)") }
        try AtomicFile.write(data, to: RepriceMarker.url(casesFolder: casesFolder), mode: .replace, permissions: access.file)
    }

    public static func remove(casesFolder: URL) { unlink(url(casesFolder: casesFolder).path) }

    /// For `validate` and the start screen.
    public var dutchProblem: String {
        "de herprijzing naar prijslijst \(targetVersion) (gestart \(startedAt) door \(by)) is niet afgemaakt; 'rendementsmeter reprice --to \(targetFolder)' maakt hem af"
    }
}
