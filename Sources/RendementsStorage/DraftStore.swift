import Foundation

/// The autosaved work in progress of each user, in `.drafts/` inside the business-case
/// folder (a dot folder, so case readers skip it). Written atomically after every change.
public struct DraftStore: Sendable {
    public let folder: URL

    public init(casesFolder: URL) {
        folder = casesFolder.appendingPathComponent(".drafts")
    }

    public func url(for user: String) -> URL {
        let safe = String(user.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" }.prefix(64))
        return folder.appendingPathComponent("\(safe.isEmpty ? "gebruiker" : safe).json")
    }

    public func save<Draft: Encodable>(_ draft: Draft, user: String) throws(StorageError) {
        if !FileManager.default.fileExists(atPath: folder.path) {
            // The parent (the business case) must exist; the draft folder is private.
            if mkdir(folder.path, 0o700) != 0 && errno != EEXIST { throw StorageError(errno: errno, path: folder.path) }
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
            return .failure(Problem(file: ".drafts/" + url.lastPathComponent, message:
                "het bewaarde concept kan niet gelezen worden; het blijft staan zodat er niets verloren gaat"))
        }
    }

    public func delete(user: String) {
        unlink(url(for: user).path)
    }
}
