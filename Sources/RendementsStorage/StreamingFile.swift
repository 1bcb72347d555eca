import Foundation

/// A file written in pieces, in constant memory, that appears under its name only when
/// complete (temporary file, fsync, rename): an export of 100,000 cases never sits whole
/// in memory, and a failed one never leaves half a file where the old one was.
public final class StreamingFile {
    private let url: URL
    private let temporary: URL
    private var descriptor: Int32

    public init(replacing url: URL, permissions: mode_t = 0o600) throws(StorageError) {
        self.url = url
        let folder = url.deletingLastPathComponent()
        temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8))\(AtomicFile.temporarySuffix)")
        descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw StorageError(errno: errno, path: folder.path) }
        fchmod(descriptor, permissions)
    }

    public func append(_ data: Data) throws(StorageError) {
        if let failure = AtomicFile.writeAll(descriptor, data, path: url.deletingLastPathComponent().path) {
            abandon()
            throw failure
        }
    }

    /// Puts the complete file in place of any old one.
    public func commit() throws(StorageError) {
        let folder = url.deletingLastPathComponent()
        var failure: StorageError? = nil
        if fsync(descriptor) != 0 { failure = StorageError(errno: errno, path: folder.path) }
        if close(descriptor) != 0 && failure == nil { failure = StorageError(errno: errno, path: folder.path) }
        descriptor = -1
        if failure == nil && rename(temporary.path, url.path) != 0 { failure = StorageError(errno: errno, path: folder.path) }
        if let failure {
            unlink(temporary.path)
            throw failure
        }
        AtomicFile.syncFolder(folder)
    }

    /// Throws the unfinished file away; the old one (if any) stays.
    public func abandon() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary.path)
    }

    deinit { if descriptor >= 0 { abandon() } }
}
