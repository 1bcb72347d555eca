import Foundation
import RendementsStorage

/// The price list's folder and files as `stat` sees them through any link: device, inode, size
/// and times. Seven `stat` calls, cheap enough for every idle tick, so a change the folder watch
/// cannot tell (the folder gone and back, a file that is a link) still reaches the screens
/// (found by a helper: a list moved away and back stayed "niet geladen").
struct PriceListStamp: Equatable {
    private let entries: [[Int64]?]

    init(_ folder: URL) {
        entries = ([folder.path] + PriceListReader.fileNames.map { folder.appendingPathComponent($0).path }).map { path in
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return [Int64(info.st_dev), Int64(bitPattern: UInt64(info.st_ino)), Int64(info.st_size),
                    Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                    Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)]
        }
    }
}
