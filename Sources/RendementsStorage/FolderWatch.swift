import CLinuxFiles
import Foundation

/// Tells whether anything a read of the business case sees may have changed in its folders
/// since the last read began, without listing them: listing and checking 100,000 case files
/// took 0.2 s of every opening of the browser or the dashboard.
///
/// Linux's inotify reports each file created, written, renamed, removed or given other
/// attributes in a watched folder, by any process on this machine. The watch answers "changed"
/// whenever it cannot tell: on a file system other than a local one (a network share misses
/// what other machines write), for a folder holding a symbolic link (the file it points to
/// changes unseen), when inotify is unavailable or its queue overflowed, and when a watched
/// path now leads to another folder (swapped, mounted over, a link switched). Anything mounted
/// or unmounted on this machine is a change too: a file mounted over a case file is no event
/// (helper-26). Each read made after such an answer starts a new watch (`startingRead()`).
/// Not seen at all: a write through a memory map, and a write to a case file through a hard
/// link in another folder.
public final class FolderWatch {
    /// A folder to watch, and which names in it a read sees.
    public struct Folder: Sendable {
        public let path: String
        /// A folder that may not be there: watched once it is (its appearing is a change).
        public let optional: Bool
        /// The entries read through whatever they point to, when that is not every entry: only
        /// these make the folder unwatchable when they are links (a case file that is a link is
        /// refused whatever it points to).
        public let followed: [String]?
        public let matters: @Sendable (String) -> Bool

        public init(_ path: String, optional: Bool = false, followed: [String]? = nil, matters: @escaping @Sendable (String) -> Bool) {
            self.path = path
            self.optional = optional
            self.followed = followed
            self.matters = matters
        }
    }

    /// A folder's device and inode, or nil for an optional folder that is not there.
    private struct Place: Equatable {
        let device: UInt64
        let inode: UInt64
    }

    private let folders: [Folder]
    private var descriptor: Int32 = -1
    /// `/proc/self/mounts`, which `poll` reports once after each change of the mount table.
    private var mounts: Int32 = -1
    /// Each folder's place when the watch began, by position in `folders`.
    private var places: [Place?] = []
    /// The folder (position) of each inotify watch.
    private var watched: [Int32: Int] = [:]
    private var changed = false
    /// Nothing can be told (see the type's summary) until the next read starts a new watch.
    private var lostTrack = true

    /// Watches these folders (the cases folder, its `.locks`, the price list) from now on.
    public init(_ folders: [Folder]) {
        self.folders = folders
        arm()
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if mounts >= 0 { close(mounts) }
    }

    /// False when this watch can tell nothing, and every question answers "changed".
    public var isWatching: Bool { !lostTrack }

    /// True when something a read sees may have changed since the last `startingRead()` (or
    /// since watching began). Stays true until the next read begins.
    public var hasChanges: Bool {
        if !lostTrack {
            drain()
            if folders.indices.contains(where: { Self.place(of: folders[$0].path) != places[$0] }) { lostTrack = true }
            var table = pollfd(fd: mounts, events: Int16(POLLPRI), revents: 0)
            if poll(&table, 1, 0) != 0 { changed = true }
        }
        return changed || lostTrack
    }

    /// Call right before a read lists the folders: a new watch begins, and what changes from
    /// here on is news to the next question.
    public func startingRead() { arm() }

    private func arm() {
        if descriptor >= 0 { close(descriptor) }
        if mounts >= 0 { close(mounts) }
        (descriptor, mounts, places, watched, changed, lostTrack) = (-1, -1, [], [:], false, true)
        guard !folders.isEmpty else { return }
        mounts = open("/proc/self/mounts", O_RDONLY | O_CLOEXEC)
        guard mounts >= 0 else { return }
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return }
        let events = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                                | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
        for (number, folder) in folders.enumerated() {
            let before = Self.place(of: folder.path)
            guard let before else {
                guard folder.optional, errno == ENOENT else { return }
                places.append(nil)
                continue
            }
            guard Self.isLocal(folder.path), !Self.holdsLink(folder.path, among: folder.followed) else { return }
            let watch = inotify_add_watch(descriptor, folder.path, events)
            // The path must still lead where it led before the watch was added.
            guard watch >= 0, Self.place(of: folder.path) == before else { return }
            watched[watch] = number
            places.append(before)
        }
        lostTrack = false
    }

    private static func place(of path: String) -> Place? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return Place(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Takes every waiting event.
    private func drain() {
        let size = 64 * 1_024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            guard count > 0 else {
                if count < 0 && errno == EINTR { continue }
                // EAGAIN: no more waiting. Any other failure: nothing can be told any more.
                if count < 0 && errno != EAGAIN { lostTrack = true }
                return
            }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + MemoryLayout<inotify_event>.size
                note(event, name: buffer + nameStart)
                offset = nameStart + Int(event.len)
            }
        }
    }

    private func note(_ event: inotify_event, name: UnsafeMutableRawPointer) {
        // A watched folder removed, moved or unmounted is gone; an overflowed queue lost events.
        if event.mask & UInt32(IN_IGNORED | IN_UNMOUNT | IN_DELETE_SELF | IN_MOVE_SELF) != 0 { lostTrack = true }
        guard event.mask & UInt32(IN_Q_OVERFLOW) == 0, event.len > 0, let folder = watched[event.wd] else {
            changed = true
            return
        }
        if folders[folder].matters(String(cString: name.assumingMemoryBound(to: CChar.self))) { changed = true }
    }

    /// File systems whose every change this machine's kernel sees: local disks and memory.
    private static func isLocal(_ folder: String) -> Bool {
        let handle = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard handle >= 0 else { return false }
        defer { close(handle) }
        return localFileSystems.contains(rm_filesystem_type(handle))
    }

    /// True when an entry of `folder` (of `names`, when given) is (or may be) a symbolic link;
    /// the entry types come with the listing, so this costs no `stat` per file (but reading
    /// 100,000 names still took 30 ms, hence `names`).
    private static func holdsLink(_ folder: String, among names: [String]?) -> Bool {
        if let names {
            return names.contains { name in
                var info = stat()
                return lstat(folder + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
            }
        }
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

extension FolderWatch {
    /// The folders a read of the business case depends on: the case files and the settings;
    /// the re-pricing note in `.locks` (the locks beside it change no figure); the price list.
    /// Hidden entries (the index, drafts) and files being written before their rename change nothing.
    public static func businessCase(cases: String, priceList: String) -> FolderWatch {
        let visible: @Sendable (String) -> Bool = { !$0.hasPrefix(".") && !$0.hasSuffix(AtomicFile.temporarySuffix) }
        let marker = RepriceMarker.url(casesFolder: URL(fileURLWithPath: cases))
        let markerName = marker.lastPathComponent
        return FolderWatch([
            Folder(cases, followed: [CaseStore.settingsFileName], matters: visible),
            Folder(marker.deletingLastPathComponent().path, optional: true, followed: [markerName], matters: { $0 == markerName }),
            Folder(priceList, matters: visible),
        ])
    }
}
