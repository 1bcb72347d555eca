import Foundation
import Testing
@testable import RendementsStorage

@Suite("Reading a whole file in one go")
struct FileContentsTests {
    @Test("the whole file whatever size the listing said, an empty file, and nil for what cannot be read")
    func wholeFile() throws {
        let folder = try TemporaryFolder()
        let bytes = Data((0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let file = folder.url.appendingPathComponent("C-0001.json")
        try bytes.write(to: file)
        for expected in [0, 1, 4_095, 9_999, 10_000, 10_001, 50_000, -1] {
            #expect(FileContents.read(file.path, expectedSize: expected) == bytes, "expected size \(expected)")
        }
        let empty = folder.url.appendingPathComponent("C-0002.json")
        try Data().write(to: empty)
        #expect(FileContents.read(empty.path, expectedSize: 0) == Data())
        #expect(FileContents.read(folder.url.appendingPathComponent("C-0003.json").path, expectedSize: 10) == nil, "missing")
        #expect(FileContents.read(folder.url.path, expectedSize: 10) == nil, "a folder")
        let pipe = folder.url.appendingPathComponent("C-0004.json")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        #expect(FileContents.read(pipe.path, expectedSize: 10) == Data(), "a named pipe nobody writes: nothing, at once")
        if getuid() != 0 {
            chmod(file.path, 0)
            #expect(FileContents.read(file.path, expectedSize: 10_000) == nil, "no permission")
        }
    }
}
