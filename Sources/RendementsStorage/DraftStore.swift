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

    /// One file per user and window: `anouk.json`, `anouk~2.json`. Names are percent-encoded
    /// byte for byte, so `a b` and `a_b` never share a file; long names end in a hash.
    public func url(for user: String, window: Int = 1) -> URL {
        folder.appendingPathComponent("\(DraftStore.fileStem(user))\(window > 1 ? "~\(window)" : "").json")
    }

    public static func fileStem(_ user: String) -> String {
        var stem = ""
        for byte in user.utf8 {
            let plain = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || (byte == UInt8(ascii: ".") && !stem.isEmpty)
            stem += plain ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }
        guard !stem.isEmpty else { return "%00" }
        guard stem.utf8.count > 120 else { return stem }
        let digest = sha256Hex(Data(user.utf8)).prefix(16)
        return String(stem.prefix(100)) + "-" + digest
    }

    /// Claims the first window of this user that no other running app holds (an OS lock
    /// kept until the process ends), so two windows of one user never share a draft.
    /// `busyBefore` tells whether a lower window was busy.
    public func claimWindow(user: String) -> DraftWindow {
        // Only the draft folder itself: a business-case folder that is missing stays missing.
        mkdir(folder.path, 0o700)
        for window in 1...99 {
            let lockPath = url(for: user, window: window).path + ".lock"
            let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            // A folder that cannot hold a lock (read-only) cannot hold a second draft either.
            guard descriptor >= 0 else { return DraftWindow(number: window, descriptor: nil, busyBefore: window > 1) }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                return DraftWindow(number: window, descriptor: descriptor, busyBefore: window > 1)
            }
            close(descriptor)
        }
        return DraftWindow(number: 100, descriptor: nil, busyBefore: true)
    }

    public func save<Draft: Encodable>(_ draft: Draft, user: String, window: Int = 1) throws(StorageError) {
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
        try AtomicFile.write(data, to: url(for: user, window: window), mode: .replace)
    }

    /// The user's draft, nil when there is none; a draft that cannot be read is reported, never deleted.
    public func load<Draft: Decodable>(_ type: Draft.Type, user: String, window: Int = 1) -> Result<Draft?, Problem> {
        let url = url(for: user, window: window)
        guard let data = FileManager.default.contents(atPath: url.path) else { return .success(nil) }
        do {
            return .success(try JSONDecoder().decode(type, from: data))
        } catch {
            return .failure(Problem(file: url.path, message:
                "het bewaarde concept kan niet gelezen worden; het blijft staan zodat er niets verloren gaat"))
        }
    }

    public func delete(user: String, window: Int = 1) {
        unlink(url(for: user, window: window).path)
    }
}

/// The draft slot of one running app: its number, and the OS lock that keeps it ours.
public final class DraftWindow: Sendable {
    public let number: Int
    /// True when a window with a lower number is open elsewhere (said on screen).
    public let busyBefore: Bool
    private let descriptor: Int32?

    init(number: Int, descriptor: Int32?, busyBefore: Bool) {
        self.number = number
        self.descriptor = descriptor
        self.busyBefore = busyBefore
    }

    deinit { if let descriptor { close(descriptor) } }
}
