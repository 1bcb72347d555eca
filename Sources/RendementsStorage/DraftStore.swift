import Foundation

/// The autosaved work in progress of each user, in `.drafts/` inside the business-case
/// folder (a dot folder, so case readers skip it). Written atomically after every change.
public struct DraftStore: Sendable {
    public let folder: URL

    public init(casesFolder: URL) {
        folder = casesFolder.appendingPathComponent(".drafts")
    }

    public init(folder: URL) {
        self.folder = folder
    }

    /// Where drafts go when the business-case folder cannot be written (read-only share, full disk):
    /// a private folder in the user's home.
    public static func reserve(home: URL? = nil) -> DraftStore {
        let environmentHome = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        let base = home ?? environmentHome ?? FileManager.default.homeDirectoryForCurrentUser
        return DraftStore(folder: base.appendingPathComponent(".rendementsmeter/concepten"))
    }

    public func url(for user: String) -> URL {
        let safe = String(user.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" }.prefix(64))
        return folder.appendingPathComponent("\(safe.isEmpty ? "gebruiker" : safe).json")
    }

    public func save<Draft: Encodable>(_ draft: Draft, user: String) throws(StorageError) {
        if !FileManager.default.fileExists(atPath: folder.path) {
            // The parent (the business case) must exist; the draft folder is private.
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StorageError(errno: (error as NSError).code == NSFileWriteVolumeReadOnlyError ? EROFS : EACCES, path: folder.path)
            }
        }
        let data: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            data = try encoder.encode(draft)
        } catch {
            throw .other(path: folder.path, reason: "\(error)")
        }
        try AtomicFile.write(data, to: url(for: user), mode: .replace)
    }

    /// The user's draft, nil when there is none; a draft that cannot be read is reported, never deleted.
    public func load<Draft: Decodable>(_ type: Draft.Type, user: String) -> Result<Draft?, Problem> {
        let url = url(for: user)
        guard let data = FileManager.default.contents(atPath: url.path) else { return .success(nil) }
        do {
            return .success(try JSONDecoder().decode(type, from: data))
        } catch {
            return .failure(Problem(file: url.path, message:
                "het bewaarde concept kan niet gelezen worden; het blijft staan zodat er niets verloren gaat"))
        }
    }

    public func delete(user: String) {
        unlink(url(for: user).path)
    }
}
