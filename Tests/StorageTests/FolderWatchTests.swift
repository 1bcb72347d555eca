import Foundation
import Testing
@testable import RendementsStorage

/// One at a time: a test that mounts is a change to every watch of this process.
@Suite("Watching the business case's folders instead of listing them", .serialized)
struct FolderWatchTests {
    /// A cases folder (with a case and an index folder) and a price-list folder, watched as the app watches them.
    final class Business {
        let root: TemporaryFolder
        let cases: URL
        let prices: URL

        init() throws {
            root = try TemporaryFolder()
            cases = root.url.appendingPathComponent("cases")
            prices = root.url.appendingPathComponent("prijzen")
            for folder in [cases, prices, cases.appendingPathComponent(".index")] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            try write("cases/C-0001.json", "{}")
            try write("prijzen/prijzen.csv", "code")
        }

        func watch() -> FolderWatch { FolderWatch.businessCase(cases: cases.path, priceList: prices.path) }

        func write(_ path: String, _ text: String) throws { try Data(text.utf8).write(to: root.url.appendingPathComponent(path)) }

        func writeInPlace(_ path: String, _ text: String) throws {
            let handle = try FileHandle(forUpdating: root.url.appendingPathComponent(path))
            handle.write(Data(text.utf8))
            try handle.close()
        }
    }

    @Test("a case file written, edited in place, renamed over, removed or given other rights is a change; the index, drafts, locks and files being written are not")
    func changes() throws {
        let business = try Business()
        let watch = business.watch()
        #expect(watch.isWatching)
        #expect(!watch.hasChanges, "nothing happened yet")

        // What the app itself keeps beside the cases, a case lock, and a file before its rename.
        try business.write("cases/.index/cijfers.sqlite", "x")
        try business.write("cases/.drafts", "x")
        try business.write("cases/.C-0002.json.1234.abcd1234.tmp", "x")
        try business.write("cases/half.tmp", "x")
        try FileManager.default.createDirectory(at: business.cases.appendingPathComponent(".locks"), withIntermediateDirectories: true)
        #expect(watch.hasChanges, "the re-pricing note's folder appeared: it is watched from the next read on")
        watch.startingRead()
        try business.write("cases/.locks/C-0001.lock", "{}")
        #expect(!watch.hasChanges, "hidden entries, case locks and files being written are not read as cases")

        let file = "cases/C-0001.json"
        let steps: [(String, () throws -> Void)] = [
            ("edited in place, same size", { try business.writeInPlace(file, "[]") }),
            ("a new case", { try business.write("cases/C-0002.json", "{}") }),
            ("renamed over", {
                try business.write("cases/.C-0003.json.1.x.tmp", "{}")
                #expect(rename(business.cases.appendingPathComponent(".C-0003.json.1.x.tmp").path, business.cases.appendingPathComponent("C-0001.json").path) == 0)
            }),
            ("removed", { try FileManager.default.removeItem(at: business.cases.appendingPathComponent("C-0002.json")) }),
            ("other rights", { #expect(chmod(business.cases.appendingPathComponent("C-0001.json").path, 0o600) == 0) }),
            ("a stray file the listing names as a problem", { try business.write("cases/notities.txt", "x") }),
            ("the business case's settings", { try business.write("cases/\(CaseStore.settingsFileName)", "{}") }),
            ("an unfinished re-pricing's note", { try business.write("cases/.locks/herprijzing.json", "{}") }),
            ("that note removed", { try FileManager.default.removeItem(at: business.cases.appendingPathComponent(".locks/herprijzing.json")) }),
            ("the price list", { try business.write("prijzen/prijzen.csv", "code;x") }),
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
        #expect(watch.isWatching)
    }

    @Test("events lost to a full queue are a change until the next read, which watches again")
    func overflow() throws {
        let business = try Business()
        let watch = business.watch()
        // More events than the kernel queues (16,384 by default), each of them unimportant.
        let limit = (try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))
            .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 16_384
        for number in 0...(limit + 10) { try business.write("cases/.x\(number)", "") }
        #expect(watch.hasChanges, "the queue overflowed: what was lost cannot be told")
        watch.startingRead()
        #expect(!watch.hasChanges, "a read lists everything, lost events and all")
    }

    @Test("a path that leads to another folder (swapped, a price-list link switched) is a change, and the next read watches the new one (helper-25)")
    func pathsLeadElsewhere() throws {
        let business = try Business()
        let watch = business.watch()
        // The cases folder swapped for a copy under the same path: the old one is not even touched.
        let old = business.root.url.appendingPathComponent("cases.old")
        #expect(rename(business.cases.path, old.path) == 0)
        try FileManager.default.copyItem(at: old, to: business.cases)
        #expect(watch.hasChanges)
        watch.startingRead()
        #expect(!watch.hasChanges && watch.isWatching, "watching the new folder")
        try business.writeInPlace("cases/C-0001.json", "[]")
        #expect(watch.hasChanges, "an edit in the new folder")

        // A price list deployed as a link to the current version, switched to the next.
        let versions = (a: business.root.url.appendingPathComponent("lijst-a"), b: business.root.url.appendingPathComponent("lijst-b"))
        try FileManager.default.copyItem(at: business.prices, to: versions.a)
        try FileManager.default.copyItem(at: business.prices, to: versions.b)
        let current = business.root.url.appendingPathComponent("lijst")
        try FileManager.default.createSymbolicLink(at: current, withDestinationURL: versions.a)
        let linked = FolderWatch.businessCase(cases: business.cases.path, priceList: current.path)
        #expect(!linked.hasChanges && linked.isWatching)
        let next = business.root.url.appendingPathComponent("lijst.nieuw")
        try FileManager.default.createSymbolicLink(at: next, withDestinationURL: versions.b)
        #expect(rename(next.path, current.path) == 0)
        #expect(linked.hasChanges, "the link now leads to another version")
    }

    @Test("anything mounted or unmounted is a change: a file mounted over a case file is no inotify event (helper-26)")
    func mounts() throws {
        let business = try Business()
        let watch = business.watch()
        try business.write("bewerkt.json", "[]")
        let (copy, file) = (business.root.url.appendingPathComponent("bewerkt.json").path, business.cases.appendingPathComponent("C-0001.json").path)
        func run(_ arguments: [String]) throws -> Int32 {
            let process = try Process.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: arguments)
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(try run(["mount", "--bind", copy, file]) == 0, "the tests run as root, as CI does")
        #expect(watch.hasChanges, "mounted over")
        watch.startingRead()
        #expect(!watch.hasChanges)
        #expect(try run(["umount", file]) == 0)
        #expect(watch.hasChanges, "unmounted")
    }

    @Test("a watched folder removed, or holding a symbolic link (also one made later): every question answers changed until a read finds it watchable again")
    func cannotTell() throws {
        let business = try Business()
        let watch = business.watch()
        // A price list whose file is a link elsewhere: an edit there is no event here.
        let elsewhere = try TemporaryFolder()
        try elsewhere.write("index.csv", "jaar")
        try FileManager.default.createSymbolicLink(atPath: business.prices.appendingPathComponent("index.csv").path,
                                                   withDestinationPath: elsewhere.url.appendingPathComponent("index.csv").path)
        #expect(watch.hasChanges, "the link itself is a new entry")
        watch.startingRead()
        #expect(!watch.isWatching && watch.hasChanges, "a folder holding a link")
        try FileManager.default.removeItem(at: business.prices.appendingPathComponent("index.csv"))
        watch.startingRead()
        #expect(watch.isWatching && !watch.hasChanges, "the link is gone")

        try FileManager.default.removeItem(at: business.prices)
        #expect(watch.hasChanges, "the price list's folder is gone")
        watch.startingRead()
        #expect(!watch.isWatching && watch.hasChanges, "and nothing in its place to watch")
        try FileManager.default.createDirectory(at: business.prices, withIntermediateDirectories: true)
        watch.startingRead()
        #expect(watch.isWatching && !watch.hasChanges, "back")

        // In the cases folder only the settings are read through a link: a case file that is a link is refused whatever it points to.
        try FileManager.default.createSymbolicLink(atPath: business.cases.appendingPathComponent("notities.txt").path,
                                                   withDestinationPath: elsewhere.url.appendingPathComponent("index.csv").path)
        watch.startingRead()
        #expect(watch.isWatching && !watch.hasChanges, "a stray link among the cases")
        try FileManager.default.createSymbolicLink(atPath: business.cases.appendingPathComponent(CaseStore.settingsFileName).path,
                                                   withDestinationPath: elsewhere.url.appendingPathComponent("index.csv").path)
        watch.startingRead()
        #expect(!watch.isWatching && watch.hasChanges, "the business case's settings as a link")

        let nothing = FolderWatch([])
        #expect(!nothing.isWatching && nothing.hasChanges)
        let missing = FolderWatch.businessCase(cases: business.cases.appendingPathComponent("weg").path, priceList: business.prices.path)
        #expect(!missing.isWatching && missing.hasChanges)
    }
}
