import Foundation

/// Crash-safe file writes: a temporary file in the same folder, fsync, then
/// an atomic rename (replace) or hard link (create, never overwriting).
public enum AtomicFile {
    public enum Mode: Sendable {
        /// Fails with `.alreadyExists` if the target exists.
        case createNew
        /// Atomically replaces the target (or creates it).
        case replace
    }

    /// Suffix of the temporary files; readers skip them.
    public static let temporarySuffix = ".tmp"

    public static func write(_ data: Data, to url: URL, mode: Mode, permissions: mode_t = 0o600) throws(StorageError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8))\(temporarySuffix)")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw StorageError(errno: errno, path: folder.path) }
        // Exactly these rights, whatever the umask: a team folder's group must be able to read its cases.
        fchmod(descriptor, permissions)
        var failure = writeAll(descriptor, data, path: folder.path)
        if failure == nil && fsync(descriptor) != 0 { failure = StorageError(errno: errno, path: folder.path) }
        if close(descriptor) != 0 && failure == nil { failure = StorageError(errno: errno, path: folder.path) }
        if let failure {
            unlink(temporary.path)
            throw failure
        }
        switch mode {
        case .createNew:
            // link() fails with EEXIST instead of replacing: no case is ever overwritten.
            let linked = link(temporary.path, url.path)
            let linkErrno = errno
            unlink(temporary.path)
            guard linked == 0 else { throw StorageError(errno: linkErrno, path: linkErrno == EEXIST ? url.path : folder.path) }
        case .replace:
            guard rename(temporary.path, url.path) == 0 else {
                let renameErrno = errno
                unlink(temporary.path)
                throw StorageError(errno: renameErrno, path: folder.path)
            }
        }
        syncFolder(folder)
    }

    /// Writes every byte (retrying short writes and EINTR); the error, if any.
    static func writeAll(_ descriptor: Int32, _ data: Data, path: String) -> StorageError? {
        data.withUnsafeBytes { buffer -> StorageError? in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return StorageError(errno: errno, path: path)
                }
                offset += written
            }
            return nil
        }
    }

    /// Makes the new directory entry durable too.
    static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
