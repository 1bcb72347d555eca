import Foundation
import Testing
@testable import RendementsDomain
@testable import RendementsStorage

/// Issue 10: no colleague's work is ever lost. Each test is one finding, reproduced.
@Suite("Safe writes: compare-and-swap, ids that are not paths, bounded money, approvals that mean something")
struct SafeWriteTests {
    /// A submitted case written through the store (with its submission event).
    static func submitted(_ store: CaseStore) throws -> CaseRecord {
        try store.create { id in
            var record = CaseStoreTests.sample(id)
            record.status = .concept
            try? record.move(to: .ingediend, by: record.author, at: "2026-01-05T09:00:00Z", reason: "ingediend")
            return record
        }
    }

    static func messages(_ record: CaseRecord, list: PriceList? = nil) -> [String] {
        CaseChecker.problems(StoredCase(record: record, fileName: "\(record.id).json"), priceList: list).map(\.message)
    }

    @Test("finding 1: a stale copy never overwrites a colleague's approval; the conflict returns the current version")
    func staleCopy() throws {
        let folder = try TemporaryFolder()
        let store = CaseStore(folder: folder.url)
        let opened = try Self.submitted(store)  // reviewer A's copy, still 'ingediend'
        var approval = opened
        try approval.move(to: .goedgekeurd, by: "bo", at: "2026-01-06T10:00:00Z", reason: "")
        let approved = try store.save(approval)  // reviewer B, another process
        #expect(approved.revision == 2)

        var sendBack = opened
        try sendBack.move(to: .teruggestuurd, by: "anna", at: "2026-01-06T10:05:00Z", reason: "graag meer onderbouwing")
        let outcome = Result { () throws(CaseWriteError) in try store.save(sendBack) }
        guard case .failure(.conflict(let current)) = outcome else {
            Issue.record("the stale copy was written: \(outcome)")
            return
        }
        do {
            #expect(current.status == .goedgekeurd)
            #expect(current.revision == 2)
            #expect(CaseWriteError.conflict(current: current).dutchMessage
                    == "Casus C-0001 is intussen gewijzigd door bo (status ingediend → goedgekeurd, 06-01-2026 11:00); je wijziging is niet opgeslagen. Je ziet nu de huidige versie.")
        }
        guard case .success(let onDisk) = store.load(id: "C-0001") else { throw CaseFileError.unreadable }
        #expect(onDisk.status == .goedgekeurd)
        #expect(onDisk.history.map(\.by) == ["tester", "bo"])
        #expect(Self.messages(onDisk).isEmpty)
    }

    @Test("finding 1: a hand edit that kept the revision but changed the history is a conflict too")
    func handEditedHistory() throws {
        let folder = try TemporaryFolder()
        let store = CaseStore(folder: folder.url)
        let opened = try Self.submitted(store)
        let url = try #require(store.url(for: opened.id))
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: opened.historyHead, with: String(repeating: "0", count: 64)).write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: CaseWriteError.self) { try store.save(opened) }
    }

    @Test("finding 2: a stray copy is reported by name, never read as the case and never written to")
    func strayCopy() throws {
        let folder = try TemporaryFolder()
        let store = CaseStore(folder: folder.url)
        let original = try Self.submitted(store)
        try FileManager.default.copyItem(at: try #require(store.url(for: "C-0001")), to: folder.url.appendingPathComponent("C-0001 (kopie).json"))
        var newer = original
        try newer.review(.likelihood(line: 1, Percentage(40)!), by: "bo", at: "2026-01-06T10:00:00Z", reason: "minder waarschijnlijk")
        try store.save(newer)
        let result = try store.loadAll()
        #expect(result.records.map(\.id) == ["C-0001"])
        #expect(result.records.first?.avoided.first?.likelihood == Percentage(40))
        #expect(result.problems.map(\.description) == [
            "C-0001 (kopie).json: fout: geen casusbestand (alleen bestanden als C-0001.json tellen); niet gelezen. Is het een kopie? Zet het buiten de map",
        ])
    }

    @Test("finding 3: the id inside a file is never a path; wrong ids, folders, links and pipes are reported and skipped")
    func idsAreNotPaths() throws {
        let folder = try TemporaryFolder()
        let store = CaseStore(folder: folder.url)
        let good = HostileInputTests.sealedCase("C-0001")
        try folder.write("C-0001.json", good)
        try folder.write("C-0002.json", good.replacingOccurrences(of: "\"C-0001\"", with: "\"businesscase\""))
        try folder.write("C-0003.json", good.replacingOccurrences(of: "\"C-0001\"", with: "\"../victim/owned\""))
        try folder.write("businesscase.json", "{\"name\": \"Mijn business case\", \"organisation\": \"Stichting\"}")
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("C-0004.json"), withIntermediateDirectories: false)
        #expect(mkfifo(folder.url.appendingPathComponent("C-0005.json").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("C-0006.json").path, withDestinationPath: "/etc/passwd")
        try folder.write("C-9223372036854775807.json", "")
        let result = try store.loadAll()
        #expect(result.records.map(\.id) == ["C-0001"])
        #expect(result.problems.map(\.description) == [
            "C-0002.json: fout: het id in het bestand ('businesscase') hoort C-0002 te zijn, gelijk aan de bestandsnaam; niet gelezen",
            "C-0003.json: fout: het id in het bestand ('../victim/owned') hoort C-0003 te zijn, gelijk aan de bestandsnaam; niet gelezen",
            "C-0004.json: fout: geen gewoon bestand (een map, koppeling of pipe); niet gelezen",
            "C-0005.json: fout: geen gewoon bestand (een map, koppeling of pipe); niet gelezen",
            "C-0006.json: fout: geen gewoon bestand (een map, koppeling of pipe); niet gelezen",
            "C-9223372036854775807.json: fout: geen casusbestand (alleen bestanden als C-0001.json tellen); niet gelezen. Is het een kopie? Zet het buiten de map",
        ])
        #expect(store.url(for: "../victim/owned") == nil)
        #expect(store.url(for: "businesscase") == nil)
        var hostile = CaseStoreTests.sample("C-0001")
        hostile.id = "../victim/owned"
        #expect(throws: CaseWriteError.invalidID("../victim/owned")) { try store.save(hostile) }
        hostile.id = "businesscase"
        #expect(throws: CaseWriteError.invalidID("businesscase")) { try store.save(hostile) }
        #expect(try String(contentsOf: folder.url.appendingPathComponent("businesscase.json"), encoding: .utf8).contains("Stichting"))
        // A new case still gets a sane id beside the absurd file name.
        #expect(try store.create { CaseStoreTests.sample($0) }.id == "C-0007")
    }

    @Test("finding 3: ids are allocated from a small hint under the write lock and stop at C-999999999")
    func idAllocation() throws {
        #expect(CaseID.make(1) == "C-0001")
        #expect(CaseID.make(12_345) == "C-12345")
        #expect(CaseID.make(999_999_999) == "C-999999999")
        #expect(CaseID.make(1_000_000_000) == nil)
        #expect(CaseID.number("C-0001") == 1)
        #expect(CaseID.number("C-1") == nil)
        #expect(CaseID.number("C-０００１") == nil)
        let folder = try TemporaryFolder()
        let store = CaseStore(folder: folder.url)
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent(".locks"), withIntermediateDirectories: true)
        try folder.write(".locks/volgend-id", "999999998\n")
        #expect(try store.create { CaseStoreTests.sample($0) }.id == "C-999999999")
        #expect(throws: CaseWriteError.idsExhausted) { try store.create { CaseStoreTests.sample($0) } }
    }

    @Test("finding 4: absurd quantities are named with the bound, and valuing them throws instead of trapping")
    func boundedMoney() throws {
        var record = CaseStoreTests.sample("C-0001")
        record.avoided[0].quantity = .count(300_000_000_000_000)
        record.avoided.append(record.avoided[0])
        #expect(ValueBounds.problems(record) == [
            "voorkomen zorg regel 1: hoeveelheid 300.000.000.000.000 is groter dan het maximum van 1.000.000",
            "voorkomen zorg regel 2: hoeveelheid 300.000.000.000.000 is groter dan het maximum van 1.000.000",
        ])
        #expect(throws: ValuationError.overflow(caseID: "C-0001", what: "ZVW-FYSIO")) { try CaseValuation(record, options: .plain) }
        #expect(ValuationError.overflow(caseID: "C-0001", what: "ZVW-FYSIO").dutchMessage
                == "Casus C-0001: het bedrag voor 'ZVW-FYSIO' is groter dan € 100.000.000,00 per regel. Controleer de hoeveelheid.")
        // The business case around it still adds up; the case is left out and named.
        let summary = BusinessCaseSummary(cases: [record, CaseStoreTests.sample("C-0002")])
        #expect(summary.failures == [.overflow(caseID: "C-0001", what: "ZVW-FYSIO")])
        #expect(throws: IndexError(from: 2022, to: 2_147_483_647, missingYears: [2_147_483_647])) {
            try PriceIndex(changes: [:]).factor(from: 2022, to: 2_147_483_647)
        }
    }

    @Test("finding 5: status by hand, edits after approval, emptied or copied histories, negative rates, a changed price: all named")
    func approvalsMeanSomething() throws {
        let list = try #require(PriceListReader.read(folder: Repository.defaultPriceList).priceList)
        let folder = try TemporaryFolder()
        let store = CaseStore(folder: folder.url)
        var record = try Self.submitted(store)
        try record.move(to: .goedgekeurd, by: "bo", at: "2026-01-06T10:00:00Z", reason: "")
        let approved = try store.save(record)
        #expect(Self.messages(approved).isEmpty)

        var byHand = CaseStoreTests.sample("C-0002")
        byHand.status = .goedgekeurd
        #expect(Self.messages(byHand) == ["casus C-0002: de status is goedgekeurd, maar de geschiedenis heeft geen gebeurtenis die dat zo maakte"])

        var edited = approved
        edited.avoided[0].likelihood = Percentage(100)!
        #expect(Self.messages(edited) == [
            "casus C-0001: de bedragen, hoeveelheden of kansen zijn gewijzigd na de laatste gebeurtenis (status, 2026-01-06T10:00:00Z) zonder dat dat in de geschiedenis staat",
        ])

        var emptied = approved
        emptied.history = []
        emptied.historyHead = ""
        #expect(Self.messages(emptied) == ["casus C-0001: de status is goedgekeurd, maar de geschiedenis heeft geen gebeurtenis die dat zo maakte"])

        var other = try Self.submitted(store)
        other.history = approved.history
        other.historyHead = approved.historyHead
        other.status = .goedgekeurd
        #expect(Self.messages(other).first == "casus C-0002: gebeurtenis 1 van de geschiedenis is achteraf aangepast of hoort bij een andere casus (status, 2026-01-05T09:00:00Z)")

        // Recomputing the chain after an edit, without knowing about the content seal.
        var rechained = edited
        for index in rechained.history.indices { rechained.history[index].hash = "" }
        let seal = rechained.history.map(\.contentHash)
        HistoryChain.seal(&rechained)
        for index in rechained.history.indices { rechained.history[index].contentHash = seal[index] }
        #expect(Self.messages(rechained).contains { $0.contains("gewijzigd na de laatste gebeurtenis") || $0.contains("achteraf aangepast") })

        var selfApproved = try Self.submitted(store)
        try? selfApproved.move(to: .goedgekeurd, by: "bo", at: "t", reason: "")
        selfApproved.history[1].by = selfApproved.author
        HistoryChain.seal(&selfApproved)
        #expect(Self.messages(selfApproved) == ["casus C-0003: gebeurtenis 2: goedgekeurd door de auteur zelf (tester)"])

        // The author rewritten after approval, so the case counts as someone else's (found by a helper: validate passed).
        var claimed = try Self.submitted(store)
        try? claimed.move(to: .goedgekeurd, by: "bo", at: "t", reason: "")
        HistoryChain.seal(&claimed)
        claimed.author = "iemand-anders"
        #expect(Self.messages(claimed) == ["casus \(claimed.id): gebeurtenis 1: ingediend door tester, maar de auteur is iemand-anders"])

        var money = CaseStoreTests.sample("C-0004")
        money.status = .concept
        money.effort.workers[0].hourlyRate = Money(cents: -6400)
        money.effort.otherCosts[0].amount = Money(cents: -1250)
        money.deployed[0].item.unitPrice = Money(cents: 38890)
        #expect(Self.messages(money, list: list) == [
            "ingezette zorg regel 1: prijs van 'ZVW-FYSIO' wijkt af van prijslijst 2026.1 (€ 388,90 (2022) in de casus, € 38,89 (2022) in de lijst)",
            "eigen inzet 'Sociaal werker': een negatief uurtarief (-€ 64,00) kan niet",
            "overige kosten 'koffie': een negatief bedrag kan niet",
        ])
        money.priceListVersion = "2024.2"
        #expect(Self.messages(money, list: list).first
                == "geprijsd met prijslijstversie 2024.2, de gekozen lijst is 2026.1: de prijzen zijn niet tegen de lijst te controleren; 'rendementsmeter reprice --to MAP' herprijst explicitly".replacingOccurrences(of: "explicitly", with: "expliciet"))
    }

    @Test("schema 1 files are read as they are and upgraded on their next write, with the upgrade in the history")
    func schemaUpgrade() throws {
        let folder = try TemporaryFolder()
        var legacy = CaseStoreTests.sample("C-0001")
        legacy.schemaVersion = 1
        legacy.status = .ingediend
        let text = String(decoding: try CaseCodec.encode(legacy), as: UTF8.self)
            .replacingOccurrences(of: "  \"revision\" : 0,\n", with: "")
        try folder.write("C-0001.json", text)
        let store = CaseStore(folder: folder.url)
        let read = try #require(try store.loadAll().records.first)
        #expect(read.schemaVersion == 1)
        #expect(read.revision == 0)
        #expect(Self.messages(read).isEmpty, "an old submitted case without events stays valid")
        var approval = read
        try approval.move(to: .goedgekeurd, by: "bo", at: "2026-01-06T10:00:00Z", reason: "")
        let written = try store.save(approval)
        #expect(written.schemaVersion == 2)
        #expect(written.revision == 1)
        #expect(written.history.map(\.action) == [.status, .schema])
        #expect(written.history[1].reason.hasPrefix("Bij het opslaan bijgewerkt naar schemaversie 2; de oude keten eindigde op leeg"))
        #expect(try String(contentsOf: folder.url.appendingPathComponent("C-0001.json"), encoding: .utf8).contains("\"schemaVersion\" : 2"))
        #expect(Self.messages(written).isEmpty)
    }

    @Test("the shipped examples are schema 2 with real review histories that validate")
    func shippedHistories() throws {
        let result = try CaseStore(folder: Repository.cases).loadAll()
        #expect(result.records.map(\.schemaVersion) == Array(repeating: 2, count: result.records.count))
        for record in result.records where record.status == .goedgekeurd {
            let approval = try #require(record.history.last)
            #expect(approval.action == .status && approval.new == "goedgekeurd" && approval.by != record.author)
        }
        #expect(result.cases.flatMap { CaseChecker.problems($0, priceList: nil) }.isEmpty)
    }

    @Test("finding 6: two windows of one user and names that differ by a space never share a draft file")
    func draftsPerWindow() throws {
        let folder = try TemporaryFolder()
        let drafts = DraftStore(casesFolder: folder.url)
        #expect(drafts.url(for: "a b").lastPathComponent == "a%20b.json")
        #expect(drafts.url(for: "a_b").lastPathComponent == "a_b.json")
        #expect(drafts.url(for: "../x").lastPathComponent == "%2E.%2Fx.json")
        #expect(drafts.url(for: "anouk", window: 2).lastPathComponent == "anouk~2.json")
        #expect(drafts.url(for: String(repeating: "é", count: 100)).lastPathComponent.count < 140)
        let first = drafts.claimWindow(user: "anouk")
        let second = drafts.claimWindow(user: "anouk")
        #expect(first.number == 1 && !first.busyBefore)
        #expect(second.number == 2 && second.busyBefore)
        let other = drafts.claimWindow(user: "bram")
        #expect(other.number == 1)
        try drafts.save(["team": "één"], user: "anouk", window: first.number)
        try drafts.save(["team": "twee"], user: "anouk", window: second.number)
        #expect(try drafts.load([String: String].self, user: "anouk", window: 1).get() == ["team": "één"])
        #expect(try drafts.load([String: String].self, user: "anouk", window: 2).get() == ["team": "twee"])
    }

    @Test("finding 7: an unfinished re-pricing and cases on two lists are named by the folder check")
    func unfinishedReprice() throws {
        let folder = try TemporaryFolder()
        let store = CaseStore(folder: folder.url)
        _ = try Self.submitted(store)
        try store.create { id in
            var record = CaseStoreTests.sample(id)
            record.status = .concept
            record.priceListVersion = "2027.1"
            return record
        }
        try RepriceMarker(targetVersion: "2027.1", targetFolder: "price-lists/nieuw", startedAt: "2026-11-24T10:00:00Z", by: "bo")
            .write(casesFolder: folder.url)
        let opened = BusinessCaseFolder.open(cases: folder.url, priceList: Repository.defaultPriceList)
        #expect(opened.caseResult.problems.map(\.description) == [
            ".locks/herprijzing.json: fout: de herprijzing naar prijslijst 2027.1 (gestart 2026-11-24T10:00:00Z door bo) is niet afgemaakt; 'rendementsmeter reprice --to price-lists/nieuw' maakt hem af",
            "\(folder.url.lastPathComponent): waarschuwing: de casussen zijn met 2 prijslijstversies geprijsd: 2026.1 (1), 2027.1 (1); totalen mengen prijspeilen, 'rendementsmeter reprice --to MAP' brengt ze op één lijst",
        ])
    }
}

@Suite("Business-case settings that cannot be right")
struct SettingsBoundsTests {
    @Test("a negative or absurd own rate is dropped and named (the rest stays); a wrong type is named in Dutch and the defaults are used", arguments: [
        ("{\"name\": \"X\", \"hourlyRateOverrides\": {\"sociaal-werker\": \"-64.00\"}}",
         "uurtarief 'sociaal-werker' van -€ 64,00 kan niet (hoort meer dan € 0 en hooguit € 10.000,00 te zijn); het tarief van de prijslijst telt, het bestand blijft onveranderd"),
        ("{\"name\": \"X\", \"hourlyRateOverrides\": {\"sociaal-werker\": \"64000.00\"}}",
         "uurtarief 'sociaal-werker' van € 64.000,00 kan niet (hoort meer dan € 0 en hooguit € 10.000,00 te zijn); het tarief van de prijslijst telt, het bestand blijft onveranderd"),
        ("{\"name\": 5}",
         "de instellingen van de business case zijn onleesbaar (veld name heeft het verkeerde type); standaardwaarden worden gebruikt, het bestand blijft onveranderd"),
        ("{\"name\": \"X\", \"reportYear\": 2147483647}",
         "de instellingen van de business case zijn onleesbaar (veld reportYear: reportYear 2147483647 ligt buiten 1900–2100); standaardwaarden worden gebruikt, het bestand blijft onveranderd"),
    ])
    func badSettings(text: String, message: String) throws {
        let folder = try TemporaryFolder()
        try folder.write("businesscase.json", text)
        let (settings, problems) = BusinessCaseSettings.loadOrDefaults(folder: folder.url)
        #expect(problems.map(\.message) == [message])
        #expect(settings.hourlyRateOverrides.isEmpty)
        if text.contains("hourlyRateOverrides") { #expect(settings.name == "X", "one bad rate does not reset the other settings") }
    }
}

@Suite("A team folder")
struct TeamFolderTests {
    @Test("in a folder shared with a group, cases, locks and the index are the group's too; a private folder stays private")
    func groupAccess() throws {
        let folder = try TemporaryFolder()
        func mode(_ path: String) throws -> Int { (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1 }
        try CaseStore(folder: folder.url).create { CaseStoreTests.submittedSample($0) }
        #expect(try mode(folder.url.appendingPathComponent("C-0001.json").path) == 0o600)
        #expect(try mode(folder.url.appendingPathComponent(".locks").path) == 0o700)

        let team = try TemporaryFolder()
        #expect(chmod(team.url.path, 0o2770) == 0)
        let store = CaseStore(folder: team.url)
        let written = try store.create { CaseStoreTests.submittedSample($0) }
        try store.save(written)
        #expect(try mode(team.url.appendingPathComponent("C-0001.json").path) == 0o660)
        #expect(try mode(team.url.appendingPathComponent(".locks").path) == 0o2770, "setgid: a colleague's files get the team's group")
        #expect(try mode(team.url.appendingPathComponent(".locks/schrijven.lock").path) == 0o660)
        #expect(LockStore(casesFolder: team.url).acquire("C-0001", as: CaseLock.mine(user: "bo", at: "t")) == .acquired)
        #expect(try mode(team.url.appendingPathComponent(".locks/C-0001.lock").path) == 0o660)
        _ = try CaseIndex(casesFolder: team.url).snapshot(options: .plain)
        #expect(try mode(team.url.appendingPathComponent(".index/cijfers.sqlite").path) == 0o660)
    }
}

@Suite("Names in messages")
struct ProblemNameTests {
    @Test("a file name with a newline or an escape is printed on one line, without terminal codes")
    func controlCharacters() throws {
        let folder = try TemporaryFolder()
        try folder.write("kopie\nC-0001\u{1B}[2J.json", "{}")
        let problems = try CaseStore(folder: folder.url).loadAll().problems.map(\.description)
        #expect(problems == ["kopie?C-0001?[2J.json: fout: geen casusbestand (alleen bestanden als C-0001.json tellen); niet gelezen. Is het een kopie? Zet het buiten de map"])
    }
}
