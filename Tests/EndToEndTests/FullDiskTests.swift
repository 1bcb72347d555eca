import Foundation
import Testing
@testable import RendementsStorage

@Suite("A full disk", .serialized)
struct FullDiskTests {
    /// Mounts a small tmpfs of the test's own at `folder` (root in CI, as on the developers' machines).
    static func mountTmpfs(_ folder: URL, size: String) throws -> Bool {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let mount = try Binary.execute("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder.path])
        if mount.status != 0 { Issue.record("mount -t tmpfs failed (\(mount.stderr)); this test needs root, as CI has") }
        return mount.status == 0
    }

    @Test("importing onto a full file system: a Dutch message, no partial or temporary file, every written case intact")
    func fullDisk() throws {
        let scratch = try Scratch()
        let volume = scratch.url.appendingPathComponent("vol")
        guard try Self.mountTmpfs(volume, size: "64k") else { return }
        defer { _ = try? Binary.execute("/bin/umount", [volume.path]) }
        let cases = volume.appendingPathComponent("cases")
        try FileManager.default.createDirectory(at: cases, withIntermediateDirectories: true)
        // Sixty different cases (the same case twice is imported once): C-0003 with sixty history heads.
        let text = try String(contentsOf: Binary.root.appendingPathComponent("cases/C-0003.json"), encoding: .utf8)
        let sources = try (0..<60).map { number in
            let url = scratch.url.appendingPathComponent("bron-\(number).json")
            try text.replacingOccurrences(of: "91e3f10259efb561a26fbd3a71e92cf9882e0a3de0c3b41a89d8850791349f81",
                                          with: String(format: "%064x", number + 1)).write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let outcome = try Binary.run(["import", "--cases", cases.path] + sources, in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("Opslaan lukt niet: de schijf van \(cases.path) is vol."))
        let names = try FileManager.default.contentsOfDirectory(atPath: cases.path)
        #expect(names.allSatisfy { !$0.hasSuffix(".tmp") }, "no temporary file is left behind: \(names)")
        #expect(names.count > 5, "some cases fit before the disk was full")
        for name in names where !name.hasPrefix(".") {
            #expect((try? CaseStore(folder: cases).load(fileName: name).get()) != nil, "\(name) is complete")
        }
        let validate = try Binary.run(["validate", "--cases", cases.path])
        #expect(validate.status == 0)
    }

    @Test("saving to a read-only file system: the Dutch message, and the cases there untouched")
    func readOnly() throws {
        let scratch = try Scratch()
        let volume = scratch.url.appendingPathComponent("ro")
        guard try Self.mountTmpfs(volume, size: "256k") else { return }
        defer { _ = try? Binary.execute("/bin/umount", [volume.path]) }
        let cases = volume.appendingPathComponent("cases")
        try FileManager.default.createDirectory(at: cases, withIntermediateDirectories: true)
        let source = Binary.root.appendingPathComponent("cases/C-0001.json")
        try FileManager.default.copyItem(at: source, to: cases.appendingPathComponent("C-0001.json"))
        let before = try Data(contentsOf: cases.appendingPathComponent("C-0001.json"))
        #expect(try Binary.execute("/bin/mount", ["-o", "remount,ro", volume.path]).status == 0)
        let other = Binary.root.appendingPathComponent("cases/C-0002.json")
        let outcome = try Binary.run(["import", "--cases", cases.path, other.path], in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("Opslaan lukt niet: de map \(cases.path) is alleen-lezen of je hebt geen schrijfrechten."))
        #expect(try Data(contentsOf: cases.appendingPathComponent("C-0001.json")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cases.path) == ["C-0001.json"])
    }
}
