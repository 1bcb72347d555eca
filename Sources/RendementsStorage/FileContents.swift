import Foundation

/// A whole file's bytes with one open, one read and one close.
///
/// `FileManager.contents(atPath:)` also looks the file up twice more (two `stat` calls): at
/// 100,000 case files, 200,000 system calls for a size the folder's listing already knows.
enum FileContents {
    /// The bytes of the file at `path`, read until its end (`expectedSize` only sizes the
    /// buffer: a file that grew or shrank since is read whole all the same); nil when it cannot be read.
    static func read(_ path: String, expectedSize: Int) -> Data? {
        // O_NONBLOCK: a named pipe put in a case file's place after the listing fails at once instead of hanging the read.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // One byte more than expected, so that the end is seen by the first read of a file that kept its size.
        var data = Data(count: max(expectedSize, 0) + 1)
        var filled = 0
        while true {
            if filled == data.count { data.count += max(data.count, 4_096) }
            let count = data.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return Foundation.read(descriptor, base + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        data.count = filled
        return data
    }
}
