import CLinuxFiles
import Glibc

/// Tells whether anything a read of the business case sees may have changed in its folders
/// since the last read began, without listing them: listing and checking 100,000 case files
/// took 0.2 s of every opening of the browser or the dashboard.
///
/// Linux's inotify reports each file created, written, renamed, removed or given other
/// attributes in a watched folder, by any process on this machine. It is trusted only on local
/// file systems: on a network share it misses what other machines write, and then (as when
/// inotify is unavailable, or its queue overflowed) every question answers "changed". Nor is it
/// used for a folder holding a symbolic link: the file it points to changes unseen.
public final class FolderWatch {
    private let descriptor: Int32
    private var changed = false
    /// A watched folder went (removed, moved, unmounted) or the events cannot be read: from then
    /// on nothing can be told, and every question answers "changed".
    private var lostTrack = false

    /// Watches these folders (the cases folder and the price list); nil when that is not possible
    /// or not reliable here, and then every read lists the files.
    public init?(_ folders: [String]) {
        guard !folders.isEmpty, folders.allSatisfy({ Self.isLocal($0) && !Self.holdsLink($0) }) else { return nil }
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let events = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                                | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
        for folder in folders where inotify_add_watch(descriptor, folder, events) < 0 {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    /// True when something a read sees may have changed since the last `startingRead()`
    /// (or since watching began). Stays true until the next read begins.
    public var hasChanges: Bool {
        drain()
        return changed || lostTrack
    }

    /// Call right before a read lists the folders: what changes from here on is news to the next question.
    public func startingRead() {
        drain()
        changed = false
    }

    /// Takes every waiting event; hidden entries (the index, drafts, locks, files being written
    /// before their rename) are not read as cases, so they change nothing.
    private func drain() {
        let size = 64 * 1_024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            // EAGAIN: no more waiting. Any other failure: nothing can be told any more.
            guard count > 0 else {
                if count < 0 && errno == EINTR { continue }
                if count < 0 && errno != EAGAIN { lostTrack = true }
                return
            }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + MemoryLayout<inotify_event>.size
                if event.mask & UInt32(IN_IGNORED | IN_UNMOUNT | IN_DELETE_SELF | IN_MOVE_SELF) != 0 { lostTrack = true }
                if Self.matters(event, name: buffer + nameStart) { changed = true }
                offset = nameStart + Int(event.len)
            }
        }
    }

    private static func matters(_ event: inotify_event, name: UnsafeMutableRawPointer) -> Bool {
        // An overflowed queue lost events (the next read lists everything, so that is all it means).
        guard event.mask & UInt32(IN_Q_OVERFLOW) == 0, event.len > 0 else { return true }
        let text = String(cString: name.assumingMemoryBound(to: CChar.self))
        return !text.hasPrefix(".") && !text.hasSuffix(AtomicFile.temporarySuffix)
    }

    /// File systems whose every change this machine's kernel sees: local disks and memory.
    private static func isLocal(_ folder: String) -> Bool {
        let handle = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard handle >= 0 else { return false }
        defer { close(handle) }
        return localFileSystems.contains(rm_filesystem_type(handle))
    }

    /// True when an entry of `folder` is (or may be) a symbolic link; the entry types come with
    /// the listing, so this costs no `stat` per file.
    private static func holdsLink(_ folder: String) -> Bool {
        guard let directory = opendir(folder) else { return true }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_LNK): return true
            case Int32(DT_UNKNOWN):
                var info = stat()
                let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if fstatat(dirfd(directory), name, &info, AT_SYMLINK_NOFOLLOW) != 0 || (info.st_mode & S_IFMT) == S_IFLNK { return true }
            default: continue
            }
        }
        return false
    }

    /// statfs(2) magic numbers: ext2/3/4, XFS, Btrfs, tmpfs, overlay, F2FS, ZFS, JFS, ReiserFS, bcachefs.
    private static let localFileSystems: Set<Int> = [
        0xEF53, 0x5846_5342, 0x9123_683E, 0x0102_1994, 0x794C_7630, 0xF2F5_2010, 0x2FC1_2FC1, 0x3153_464A, 0x5265_4973, 0xCA45_1A4E,
    ]
}
