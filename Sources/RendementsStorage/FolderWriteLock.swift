import Foundation

/// The short exclusive lock every case write takes (an OS `flock`, released when the
/// write is done or the process dies). It is not the review lock: that one is a
/// human-level notice held for minutes; this one is held for the milliseconds of
/// a compare-and-swap or of choosing a new id. One lock for the folder keeps id
/// allocation and updates in one order; writes are too short for it to be felt.
struct FolderWriteLock {
    let url: URL

    init(casesFolder: URL) { url = casesFolder.appendingPathComponent(".locks/schrijven.lock") }

    /// Runs `body` while holding the lock.
    func withLock<T>(_ body: () throws(CaseWriteError) -> T) throws(CaseWriteError) -> T {
        // Messages name the business-case folder: that is what the user chose and can fix.
        let folder = url.deletingLastPathComponent()
        let casesFolder = folder.deletingLastPathComponent()
        let access = SharedAccess(casesFolder: casesFolder)
        let made = access.makeFolder(folder)
        if made != 0 && made != EEXIST {
            throw .storage(StorageError(errno: made, path: casesFolder.path))
        }
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, access.file)
        guard descriptor >= 0 else { throw .storage(StorageError(errno: errno, path: casesFolder.path)) }
        fchmod(descriptor, access.file)  // the umask would keep colleagues out; fails harmlessly on a colleague's file
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .storage(StorageError(errno: errno, path: url.path)) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
