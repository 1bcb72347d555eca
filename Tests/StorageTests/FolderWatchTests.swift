import Foundation
import Testing
@testable import RendementsStorage

@Suite("Watching the business case's folders instead of listing them")
struct FolderWatchTests {
    private func writeInPlace(_ file: URL, _ text: String) throws {
        let handle = try FileHandle(forUpdating: file)
        handle.write(Data(text.utf8))
        try handle.close()
    }

    @Test("a case file written, edited in place, renamed over, removed or given other rights is a change; the index, drafts and files being written are not")
    func changes() throws {
        let cases = try TemporaryFolder()
        let prices = try TemporaryFolder()
        try cases.write("C-0001.json", "{}")
        try FileManager.default.createDirectory(at: cases.url.appendingPathComponent(".index"), withIntermediateDirectories: true)
        let watch = try #require(FolderWatch([cases.url.path, prices.url.path]))
        #expect(!watch.hasChanges, "nothing happened yet")

        // What the app itself keeps beside the cases, and a file before its rename.
        try Data("x".utf8).write(to: cases.url.appendingPathComponent(".index/cases.sqlite"))
        try Data("x".utf8).write(to: cases.url.appendingPathComponent(".drafts"))
        try Data("x".utf8).write(to: cases.url.appendingPathComponent(".C-0002.json.1234.abcd1234.tmp"))
        try Data("x".utf8).write(to: cases.url.appendingPathComponent("half.tmp"))
        #expect(!watch.hasChanges, "hidden entries and files being written are not read as cases")

        let file = cases.url.appendingPathComponent("C-0001.json")
        let steps: [(String, () throws -> Void)] = [
            ("edited in place, same size", { try writeInPlace(file, "[]") }),
            ("a new case", { try cases.write("C-0002.json", "{}") }),
            ("renamed over", {
                try cases.write(".C-0003.json.1.x.tmp", "{}")
                #expect(rename(cases.url.appendingPathComponent(".C-0003.json.1.x.tmp").path, file.path) == 0)
            }),
            ("removed", { try FileManager.default.removeItem(at: cases.url.appendingPathComponent("C-0002.json")) }),
            ("other rights", { #expect(chmod(file.path, 0o600) == 0) }),
            ("a stray file the listing names as a problem", { try cases.write("notities.txt", "x") }),
            ("the business case's settings", { try cases.write(CaseStore.settingsFileName, "{}") }),
            ("the price list", { try prices.write("prijzen.csv", "code") }),
        ]
        for (what, step) in steps {
            watch.startingRead()
            #expect(!watch.hasChanges, "\(what): a read began after the last change")
            try step()
            #expect(watch.hasChanges, "\(what)")
            #expect(watch.hasChanges, "\(what): stays a change until the next read begins")
        }
        watch.startingRead()
        #expect(!watch.hasChanges)
    }

    @Test("events lost to a full queue are a change until the next read; a watched folder removed is one from then on")
    func lostTrack() throws {
        let cases = try TemporaryFolder()
        let prices = try TemporaryFolder()
        let watch = try #require(FolderWatch([cases.url.path, prices.url.path]))
        // More events than the kernel queues (16,384 by default), each of them unimportant.
        let limit = (try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))
            .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 16_384
        for number in 0...(limit + 10) { try cases.write(".x\(number)", "") }
        #expect(watch.hasChanges, "the queue overflowed: what was lost cannot be told")
        watch.startingRead()
        #expect(!watch.hasChanges, "a read lists everything, lost events and all")
        try FileManager.default.removeItem(at: prices.url)
        #expect(watch.hasChanges, "the price list's folder is gone")
        watch.startingRead()
        #expect(watch.hasChanges, "and stays gone: nothing in its place can be watched")
    }

    @Test("nothing to watch, a folder that is not there, or one holding a link: no watch, and every read lists the files")
    func noWatch() throws {
        let cases = try TemporaryFolder()
        #expect(FolderWatch([]) == nil)
        #expect(FolderWatch([cases.url.path, cases.url.appendingPathComponent("weg").path]) == nil)
        #expect(FolderWatch([cases.url.appendingPathComponent("C-0001.json").path]) == nil, "not a folder")
        // A price list whose file is a link elsewhere: an edit there is no event here.
        let elsewhere = try TemporaryFolder()
        try elsewhere.write("prijzen.csv", "code")
        #expect(FolderWatch([cases.url.path]) != nil)
        try FileManager.default.createSymbolicLink(atPath: cases.url.appendingPathComponent("prijzen.csv").path,
                                                   withDestinationPath: elsewhere.url.appendingPathComponent("prijzen.csv").path)
        #expect(FolderWatch([cases.url.path]) == nil, "a folder holding a link")
    }
}
