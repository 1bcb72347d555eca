import Foundation
import Testing
@testable import RendementsDomain
@testable import RendementsStorage

@Suite("History on disk: hash chain, consistency, locks")
struct HistoryTests {
    /// A submitted case with three review events, written through the store.
    static func reviewedCase(in folder: TemporaryFolder) throws -> (CaseStore, CaseRecord) {
        let store = CaseStore(folder: folder.url)
        var record = try store.create { CaseStoreTests.submittedSample($0) }
        try record.review(.likelihood(line: 1, Percentage(25)!), by: "bram", at: "2026-11-24T10:00:00Z", reason: "Te optimistisch.")
        try record.review(.attribution(Percentage(50)!), by: "bram", at: "2026-11-24T10:01:00Z", reason: "Huisarts deed ook veel.")
        try record.move(to: .goedgekeurd, by: "bram", at: "2026-11-24T10:02:00Z", reason: "")
        try store.save(record)
        guard case .success(let loaded) = store.load(fileName: "\(record.id).json") else { throw CaseFileError.unreadable }
        return (store, loaded)
    }

    static func problems(_ folder: TemporaryFolder, _ record: CaseRecord) -> [String] {
        CaseChecker.problems(StoredCase(record: record, fileName: "\(record.id).json"), priceList: nil).map(\.message)
    }

    @Test("written events are chained and the untouched file checks out")
    func sealed() throws {
        let folder = try TemporaryFolder()
        let (_, record) = try Self.reviewedCase(in: folder)
        #expect(record.history.count == 4, "submitted, two changes, approved")
        #expect(record.history.allSatisfy { $0.hash.count == 64 && $0.contentHash.count == 64 })
        #expect(record.history[2].previousHash == record.history[1].hash)
        #expect(record.historyHead == record.history[3].hash)
        #expect(Self.problems(folder, record).isEmpty)
    }

    @Test("editing, removing in the middle and removing at the end are each detected and name the case")
    func tampering() throws {
        let folder = try TemporaryFolder()
        let (_, record) = try Self.reviewedCase(in: folder)

        var edited = record
        edited.history[1].reason = "Achteraf anders opgeschreven."
        #expect(Self.problems(folder, edited) == ["casus C-0001: gebeurtenis 2 van de geschiedenis is achteraf aangepast of hoort bij een andere casus (voorkomen[1].kans, 2026-11-24T10:00:00Z)"])

        var middle = record
        middle.history.remove(at: 2)
        #expect(Self.problems(folder, middle).first == "casus C-0001: de geschiedenis is onderbroken bij gebeurtenis 3 (een eerdere gebeurtenis is verwijderd of verplaatst)")

        var tail = record
        tail.history.removeLast()
        #expect(Self.problems(folder, tail).contains("casus C-0001: de laatste gebeurtenis(sen) van de geschiedenis zijn verwijderd"))
    }

    @Test("a status jump the flow does not allow and an event for a missing line are named")
    func inconsistent() throws {
        let folder = try TemporaryFolder()
        var record = CaseStoreTests.sample("C-0002")
        record.history = [
            CaseEvent(at: "t1", by: "bram", action: .status, field: "status", old: "concept", new: "goedgekeurd", reason: "snel"),
            CaseEvent(at: "t2", by: "bram", action: .wijziging, field: "voorkomen[4].kans", old: "50", new: "25", reason: "x"),
        ]
        record.status = .goedgekeurd
        HistoryChain.seal(&record)
        #expect(Self.problems(folder, record) == [
            "casus C-0002: gebeurtenis 1: de stap concept → goedgekeurd is niet toegestaan",
            "casus C-0002: gebeurtenis 2: de casus was al goedgekeurd; bram wijzigde daarna nog voorkomen[4].kans",
            "casus C-0002: gebeurtenis 2 gaat over voorkomen regel 4, maar de casus had toen 1 regels",
        ])
    }

    @Test("the tampered file on disk fails validation by name and is left as it is")
    func tamperedOnDisk() throws {
        let folder = try TemporaryFolder()
        let (store, record) = try Self.reviewedCase(in: folder)
        let url = try #require(store.url(for: record.id))
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "Te optimistisch.", with: "Prima zo.")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let gated = try store.loadAll()
        #expect(gated.records.isEmpty, "a tampered case is not counted anywhere")
        #expect(gated.problems.map(\.description) == ["C-0001.json: fout: telt niet mee en wordt niet gewijzigd: gebeurtenis 2 van de geschiedenis is achteraf aangepast of hoort bij een andere casus (voorkomen[1].kans, 2026-11-24T10:00:00Z); zie 'rendementsmeter validate'"])
        var repriced = record
        repriced.history.append(CaseEvent(at: "", by: "beheer", action: .herprijzing, field: "prijslijst", old: "2026.1", new: "2027.1", reason: "nieuw"))
        #expect(throws: CaseWriteError.self, "a new event would seal the damage") { try store.save(repriced) }
        let loaded = try store.loadAll(checkingIntegrity: false)
        let problems = loaded.cases.flatMap { CaseChecker.problems($0, priceList: nil) }
        #expect(problems.map(\.description) == ["C-0001.json: fout: casus C-0001: gebeurtenis 2 van de geschiedenis is achteraf aangepast of hoort bij een andere casus (voorkomen[1].kans, 2026-11-24T10:00:00Z)"])
        #expect(try String(contentsOf: url, encoding: .utf8) == text)
    }

    @Test("locks: one editor at a time, the holder named, stale locks recognised, garbage never removed")
    func locks() throws {
        let folder = try TemporaryFolder()
        let locks = LockStore(casesFolder: folder.url)
        let me = CaseLock.mine(user: "bram", at: "10:00")
        #expect(locks.acquire("C-0001", as: me) == .acquired)
        #expect(locks.acquire("C-0001", as: me) == .acquired, "taking your own lock again is fine")

        let other = CaseLock(user: "anouk", host: ProcessInfo.processInfo.hostName, pid: 1, since: "09:00")
        try JSONEncoder().encode(other).write(to: locks.url(for: "C-0002"))
        #expect(locks.acquire("C-0002", as: me) == .heldBy(other))
        #expect(LockOutcome.heldBy(other).dutchMessage.hasPrefix("anouk bewerkt deze casus (sinds 09:00"))
        // A lock's stored time is said in Dutch time, not as the file holds it (helper-31).
        let stamped = CaseLock(user: "anouk", host: "vm", pid: 1, since: "2026-11-26T12:46:20Z")
        #expect(LockOutcome.heldBy(stamped).dutchMessage == "anouk bewerkt deze casus (sinds 26-11-2026 13:46, computer vm); je ziet hem alleen-lezen.")

        let gone = CaseLock(user: "anouk", host: ProcessInfo.processInfo.hostName, pid: 2_000_000_000, since: "08:00")
        try JSONEncoder().encode(gone).write(to: locks.url(for: "C-0003"))
        #expect(locks.acquire("C-0003", as: me) == .stale(gone))
        #expect(locks.acquire("C-0003", as: me, takeOverStale: true) == .acquired)
        #expect(locks.holder("C-0003") == .some(me))

        try Data("kapot".utf8).write(to: locks.url(for: "C-0004"))
        #expect(locks.acquire("C-0004", as: me) == .unreadable(path: locks.url(for: "C-0004").path))
        #expect(FileManager.default.fileExists(atPath: locks.url(for: "C-0004").path))

        locks.release("C-0001", as: me)
        #expect(locks.holder("C-0001") == .none)
        locks.release("C-0002", as: me)
        #expect(locks.holder("C-0002") == .some(other), "someone else's lock is never released")
    }
}
