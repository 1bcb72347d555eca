import Foundation
import Testing
@testable import RendementsDomain
@testable import RendementsStorage

@Suite("Case files: atomic, private, never overwritten, never repaired behind your back")
struct CaseStoreTests {
    static func sample(_ id: String) -> CaseRecord {
        let item = PricedItem(code: "ZVW-FYSIO", law: "zvw", description: "Fysiotherapie", unit: "zitting",
                              unitPrice: Money(cents: 3889), priceYear: 2022, kind: .kosten)
        return CaseRecord(
            id: id, fictional: false, status: .ingediend, author: "tester",
            context: CaseContext(intervention: "Sociaal Recept", team: "Noord", municipality: "Teststad",
                                 periodStart: CalendarDay(year: 2025, month: 1, day: 6)!, periodEnd: CalendarDay(year: 2025, month: 3, day: 31)!,
                                 referrer: "huisarts", ageBand: "65-74", household: "alleenstaand", lifeDomains: [.zingeving, .financien]),
            story: CaseStory(situation: "Eenzaam; €, é en ü blijven goed.", approach: "Gesprekken", result: "Beter"),
            effort: OwnEffort(workers: [WorkerHours(rateCode: "sw", description: "Sociaal werker", hours: Decimal(string: "12.5")!, hourlyRate: Money(cents: 6400))],
                              volunteerHours: 3, volunteerRate: Money(cents: 1880), otherCosts: [OtherCost(description: "koffie", amount: Money(cents: 1250))]),
            deployed: [DeployedCareLine(item: item, quantity: .count(2), note: "verwezen")],
            avoided: [AvoidedCareLine(item: item, quantity: .rate(amount: Decimal(string: "1.5")!, per: "week", periods: 10),
                                      likelihood: Percentage(Decimal(string: "62.5")!)!, reasoning: "zei de fysio")],
            attribution: Percentage(70)!, priceListVersion: "2026.1")
    }

    /// The sample as the intake submits it: with the event that made it 'ingediend'.
    static func submittedSample(_ id: String) -> CaseRecord {
        var record = sample(id)
        record.status = .concept
        try? record.move(to: .ingediend, by: record.author, at: "2026-01-05T09:00:00Z", reason: "ingediend")
        return record
    }

    @Test("round trip keeps every field exactly; the file is 0600 and no temporary file stays")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        let store = CaseStore(folder: folder.url)
        let created = try store.create { Self.submittedSample($0) }
        #expect(created.id == "C-0001")
        #expect(created.revision == 1)
        #expect(try folder.names() == [".locks", "C-0001.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent(".locks").path).sorted() == ["schrijven.lock", "volgend-id"])
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.url.appendingPathComponent("C-0001.json").path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let loaded = try store.loadAll()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.records == [created], "read back exactly as written (sealed, revision 1)")
        var expected = Self.submittedSample("C-0001")
        expected.revision = 1
        expected.history = created.history
        expected.historyHead = created.historyHead
        #expect(created == expected)
        let text = try String(contentsOf: folder.url.appendingPathComponent("C-0001.json"), encoding: .utf8)
        #expect(text.contains("\"schemaVersion\" : 2"))
        #expect(text.contains("\"revision\" : 1"))
        #expect(text.contains("\"unitPrice\" : \"38.89\""))
        #expect(text.contains("€, é en ü"))
    }

    @Test("a business-case folder the app creates is private (0700) and so are its drafts")
    func privateFolders() throws {
        let parent = try TemporaryFolder()
        let folder = parent.url.appendingPathComponent("nieuw")
        try CaseStore(folder: folder).create { Self.submittedSample($0) }
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o700)
        try DraftStore(casesFolder: folder).save(["team": "x"], user: "anouk")
        let draftsMode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(".drafts").path)[.posixPermissions] as? NSNumber
        #expect(draftsMode?.intValue == 0o700)
        let draftMode = try FileManager.default.attributesOfItem(atPath: DraftStore(casesFolder: folder).url(for: "anouk").path)[.posixPermissions] as? NSNumber
        #expect(draftMode?.intValue == 0o600)
    }

    @Test("a new case never overwrites another: ids continue after the highest")
    func neverOverwrites() throws {
        let folder = try TemporaryFolder()
        try folder.write("C-0007.json", "not mine")
        let store = CaseStore(folder: folder.url)
        #expect(try store.create { Self.submittedSample($0) }.id == "C-0008")
        #expect(try String(contentsOf: folder.url.appendingPathComponent("C-0007.json"), encoding: .utf8) == "not mine")
        #expect(throws: StorageError.alreadyExists(path: folder.url.appendingPathComponent("C-0007.json").path)) {
            try AtomicFile.write(Data("x".utf8), to: folder.url.appendingPathComponent("C-0007.json"), mode: .createNew)
        }
        #expect(try folder.names() == [".locks", "C-0007.json", "C-0008.json"])
    }

    @Test("a corrupt file is named, reported in Dutch and left byte for byte as it was")
    func corruptFile() throws {
        let folder = try TemporaryFolder()
        let store = CaseStore(folder: folder.url)
        try store.create { Self.submittedSample($0) }
        let broken = "{\"schemaVersion\": 1, \"id\": \"C-0002\", \"status\": "
        try folder.write("C-0002.json", broken)
        let before = try FileManager.default.attributesOfItem(atPath: folder.url.appendingPathComponent("C-0002.json").path)[.modificationDate] as? Date
        let result = try store.loadAll()
        #expect(result.records.map(\.id) == ["C-0001"], "the other cases keep working")
        let problem = try #require(result.problems.first)
        #expect(problem.file == "C-0002.json")
        #expect(problem.message.hasPrefix("geen geldige JSON"))
        #expect(try String(contentsOf: folder.url.appendingPathComponent("C-0002.json"), encoding: .utf8) == broken)
        let after = try FileManager.default.attributesOfItem(atPath: folder.url.appendingPathComponent("C-0002.json").path)[.modificationDate] as? Date
        #expect(before == after)
    }

    @Test("specific messages for schema version, wrong field, duplicate id")
    func specificMessages() throws {
        let folder = try TemporaryFolder()
        try folder.write("C-0001.json", "{\"schemaVersion\": 9}")
        try folder.write("C-0002.json", "{\"id\": \"C-0002\"}")
        let valid = HostileInputTests.sealedCase("C-0003")
        try folder.write("C-0003.json", valid)
        try folder.write("C-0004.json", valid)
        try folder.write("C-0005.json", valid.replacingOccurrences(of: "\"likelihood\" : \"62.5\"", with: "\"likelihood\" : \"150\""))
        let messages = try CaseStore(folder: folder.url).loadAll().problems.map { "\($0.file): \($0.message)" }
        #expect(messages == [
            "C-0001.json: schemaversie 9 wordt niet ondersteund (deze versie leest 1 tot en met 2); werk Rendementsmeter bij",
            "C-0002.json: het veld 'schemaVersion' ontbreekt; dit lijkt geen casusbestand van Rendementsmeter",
            "C-0004.json: het id in het bestand ('C-0003') hoort C-0004 te zijn, gelijk aan de bestandsnaam; niet gelezen",
            "C-0005.json: veld avoided[1].likelihood: geen geldig percentage tussen 0 en 100: '150'; het bestand is niet aangepast",
        ])
    }

    @Test("temporary files, dotfiles and the settings file are skipped; any other file is named, never read")
    func strayFiles() throws {
        let folder = try TemporaryFolder()
        try CaseStore(folder: folder.url).create { Self.submittedSample($0) }
        try folder.write(".C-0009.json.123.abcd.tmp", "half written")
        try folder.write(".hidden.json", "{}")
        try folder.write("notities.txt", "x")
        try folder.write("businesscase.json", "{\"name\": \"Mijn business case\"}")
        let result = try CaseStore(folder: folder.url).loadAll()
        #expect(result.records.map(\.id) == ["C-0001"])
        #expect(result.problems.map(\.description) == [
            "notities.txt: fout: geen casusbestand (alleen bestanden als C-0001.json tellen); niet gelezen. Is het een kopie? Zet het buiten de map",
        ])
        guard case .success(let settings) = BusinessCaseSettings.load(folder: folder.url) else {
            Issue.record("settings should load")
            return
        }
        #expect(settings.name == "Mijn business case")
    }

    @Test("a missing cases folder is a clear error, not an empty business case")
    func missingFolder() {
        #expect(throws: CaseStoreError.missingFolder("/nonexistent/cases")) {
            try CaseStore(folder: URL(fileURLWithPath: "/nonexistent/cases")).loadAll()
        }
        #expect(CaseStoreError.missingFolder("x").dutchMessage.contains("--cases MAP"))
    }

    @Test("write failures map to Dutch messages that say the data is still in memory")
    func writeFailures() throws {
        let folder = try TemporaryFolder()
        try folder.write("gewoon-bestand", "")
        let inside = CaseStore(folder: folder.url.appendingPathComponent("gewoon-bestand/cases"))
        #expect(throws: CaseWriteError.self) { try inside.create { Self.submittedSample($0) } }
        #expect(StorageError(errno: EROFS, path: "/x").dutchMessage.contains("alleen-lezen"))
        #expect(StorageError(errno: ENOSPC, path: "/x").dutchMessage.contains("de schijf van /x is vol"))
        #expect(StorageError(errno: EACCES, path: "/x").dutchMessage.contains("staan nog in het geheugen"))
    }

    @Test("the shipped example cases are valid, fictional and touch all four laws")
    func shippedCases() throws {
        let folder = BusinessCaseFolder.open(cases: Repository.cases, priceList: Repository.defaultPriceList)
        #expect(folder.caseResult.problems.isEmpty)
        #expect(folder.caseResult.cases.count >= 5)
        #expect(folder.examples.isAllExamples)
        #expect(folder.caseResult.records.allSatisfy { $0.fictional && $0.story.situation.hasPrefix("VOORBEELD") })
        let problems = folder.caseResult.cases.flatMap { CaseChecker.problems($0, priceList: folder.priceList) }
        #expect(problems.isEmpty)
        let laws = Set(folder.caseResult.records.flatMap { $0.avoided.map(\.item.law) + $0.deployed.map(\.item.law) })
        #expect(laws.isSuperset(of: Law.requiredCodes))
    }

    @Test("a case file deleted between reading the folder and looking at it is simply gone, not 'geen gewoon bestand'")
    func deletedWhileListing() throws {
        let folder = try TemporaryFolder()
        let store = CaseStore(folder: folder.url)
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("C-0002.json"), withIntermediateDirectories: false)
        #expect(store.classify("C-0001.json") == .ignored, "no such file: nothing to report")
        #expect(store.classify("C-0002.json") == .notRegular)
        #expect(try store.listing().problems.map(\.message) == ["geen gewoon bestand (een map, koppeling of pipe); niet gelezen"])
    }

    @Test("loadChecked reads one case as a full read would judge it, without listing the folder (explain at 100,000 cases)")
    func loadChecked() throws {
        let folder = try TemporaryFolder()
        let store = CaseStore(folder: folder.url)
        try store.create { Self.submittedSample($0) }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("C-0002.json"), withIntermediateDirectories: false)
        var edited = try store.load(id: "C-0001").get()
        #expect(try store.loadChecked(id: "C-0001")?.get() == edited)
        #expect(store.loadChecked(id: "C-0003") == nil)
        #expect(store.loadChecked(id: "geen-id") == nil)
        guard case .failure(let directory) = store.loadChecked(id: "C-0002") else { Issue.record("a folder read as a case"); return }
        #expect(directory == Problem(file: "C-0002.json", message: "geen gewoon bestand (een map, koppeling of pipe); niet gelezen"))
        // Numbers changed by hand, without an event: the same refusal as every read gives.
        edited.attribution = Percentage(10)!
        let text = String(decoding: try CaseCodec.encode(edited), as: UTF8.self)
        try folder.write("C-0001.json", text)
        guard case .failure(let sealed) = store.loadChecked(id: "C-0001") else { Issue.record("a hand edit was trusted"); return }
        #expect(sealed.message.hasPrefix("telt niet mee en wordt niet gewijzigd: "))
        #expect(try store.loadAll().problems.contains(sealed))
    }

    @Test("mapCases reads a chunk at a time and keeps every case's result in file order, with the broken files named and the versions counted")
    func mapCasesInChunks() throws {
        let folder = try TemporaryFolder()
        let store = CaseStore(folder: folder.url)
        for _ in 0..<7 { try store.create { Self.submittedSample($0) } }
        try folder.write("C-0008.json", "{ kapot")
        try folder.write("notities.txt", "geen casus")
        let whole = try store.mapCases(chunk: 100) { $0.fileName }
        for chunk in [1, 3, 7] {
            let mapped = try store.mapCases(chunk: chunk) { $0.fileName }
            #expect(mapped.results == ["C-0001.json", "C-0002.json", "C-0003.json", "C-0004.json", "C-0005.json", "C-0006.json", "C-0007.json"])
            #expect(mapped.problems.map(\.file) == ["C-0008.json", "notities.txt"])
            #expect(mapped.versionCounts == ["2026.1": 7])
            #expect(mapped.problems == whole.problems)
        }
        #expect(try store.loadAll().cases.map(\.fileName) == whole.results)
    }
}

@Suite("Checking case contents against the price list")
struct CaseCheckerTests {
    @Test("unknown item, changed price, BSN in the story, end before start")
    func problems() throws {
        let list = try #require(PriceListReader.read(folder: Repository.defaultPriceList).priceList)
        var record = CaseStoreTests.sample("C-0001")
        record.status = .concept
        record.avoided[0].item.code = "ZVW-BESTAAT-NIET"
        record.deployed[0].item.unitPrice = Money(cents: 4000)
        record.story.result = "BSN 111222333 genoteerd"
        record.context.periodEnd = try #require(CalendarDay(year: 2024, month: 1, day: 1))
        let messages = CaseChecker.problems(StoredCase(record: record, fileName: "C-0001.json"), priceList: list).map(\.message)
        #expect(messages == [
            "de einddatum 01-01-2024 ligt voor de begindatum 06-01-2025",
            "het verhaal (resultaat) bevat een getal dat een BSN kan zijn; een casus blijft pseudoniem, haal het nummer weg",
            "voorkomen zorg regel 1: item 'ZVW-BESTAAT-NIET' staat niet in prijslijst 2026.1; kies een bestaand item",
            "ingezette zorg regel 1: prijs van 'ZVW-FYSIO' wijkt af van prijslijst 2026.1 (€ 40,00 (2022) in de casus, € 38,89 (2022) in de lijst)",
        ])
        #expect(!messages.joined().contains("111222333"), "a suspected BSN is never echoed into output")
        // Only the price year differs: the message says so (helper-18: two equal amounts said nothing).
        var yearOnly = CaseStoreTests.sample("C-0001")
        yearOnly.status = .concept
        yearOnly.deployed[0].item.priceYear = 2019
        #expect(CaseChecker.problems(StoredCase(record: yearOnly, fileName: "C-0001.json"), priceList: list).map(\.message)
                == ["ingezette zorg regel 1: prijs van 'ZVW-FYSIO' wijkt af van prijslijst 2026.1 (€ 38,89 (2019) in de casus, € 38,89 (2022) in de lijst)"])
        // Places a file from elsewhere can carry text that the app never lets anyone type (helper-20): each named.
        var hidden = CaseStoreTests.sample("C-0001")
        hidden.status = .concept
        hidden.effort.workers[0].rateCode = "111222333"
        var originalLine = hidden.avoided[0]
        originalLine.reasoning = "cliënt 123456782"
        hidden.original = CaseEstimate(deployed: [], avoided: [originalLine], attribution: hidden.attribution)
        hidden.history.append(CaseEvent(at: "2026-01-01T00:00:00Z", by: "x", action: .wijziging, field: "BSN cliënt", old: "", new: "111 222 333", reason: ""))
        let bsn = CaseChecker.problems(StoredCase(record: hidden, fileName: "C-0001.json"), priceList: list).map(\.message).filter { $0.hasSuffix("haal het nummer weg") }
        #expect(bsn == ["tariefcode eigen inzet 1", "nieuwe waarde bij gebeurtenis 1", "oorspronkelijke onderbouwing regel 1"]
            .map { "\($0) bevat een getal dat een BSN kan zijn; een casus blijft pseudoniem, haal het nummer weg" })
        // Digits that pass the eleven-test only when joined another way than a BSN is written: a warning, not an error
        // (helper-21: amounts and periods read this way were refused).
        var odd = CaseStoreTests.sample("C-0001")
        odd.status = .concept
        odd.story.situation = "dossier 111/222/333"
        odd.story.result = "Schulden: € 22.938,81, 15.763,39; begeleiding van 5-8-24 - 20-3-25"
        let oddProblems = CaseChecker.problems(StoredCase(record: odd, fileName: "C-0001.json"), priceList: list)
        #expect(oddProblems.map(\.severity) == [.warning])
        #expect(oddProblems.map(\.message) == ["het verhaal (situatie) bevat cijfers die samen gelezen de elfproef van een BSN halen; controleer dat het geen BSN is"])
        record.priceListVersion = "2025.1"
        let older = CaseChecker.problems(StoredCase(record: record, fileName: "C-0001.json"), priceList: list)
        #expect(older.contains { $0.severity == .warning && $0.message.contains("casus berekend met 2025.1") },
                "an item missing from a newer list is a warning for an older case, not an error")
    }
}
