import Foundation
import Testing
@testable import RendementsDomain
@testable import RendementsStorage

/// Issue 10 end to end: two people at once, a killed re-pricing, hostile files.
@Suite("No colleague's work is ever lost, run for real", .serialized)
struct SafeStoreEndToEndTests {
    static var account: String { getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) } ?? "" }

    static func store(_ scratch: Scratch) -> CaseStore { CaseStore(folder: scratch.url.appendingPathComponent("cases")) }

    static func load(_ scratch: Scratch, _ id: String) throws -> CaseRecord {
        try store(scratch).load(id: id).get()
    }

    /// Opens C-0003 (ingediend, by sw-anouk) in the browser as `user`.
    static func openC0003(_ user: String, _ scratch: Scratch) throws -> TmuxSession {
        let session = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": user], in: scratch.url)
        try session.waitFor("Rendement (voorkomen")
        try session.send("Right", "Enter")
        try session.waitFor("Casussen beoordelen — \(user)")
        try session.send("Down", "Down", "Enter")
        try session.waitFor("C-0003 · Ingediend · auteur sw-anouk")
        return session
    }

    /// Reviews the opened C-0003 and approves it: b, g, then yes to the question.
    static func approveC0003(_ reviewer: TmuxSession) throws {
        try reviewer.send("b")
        try reviewer.waitFor("BEOORDELEN (vergrendeld)")
        try reviewer.send("g")
        try reviewer.waitFor("goedkeuren (netto")
        try reviewer.send("j")
        try reviewer.waitFor("Casus C-0003 is goedgekeurd en opgeslagen.")
    }

    @Test("issue 12, finding 4: an open start screen shows a colleague's approval without a key")
    func startScreenFollowsColleagues() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let author = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": "sw-anouk"], in: scratch.url)
        try author.waitFor("Status: concept 1 · ingediend 2 · goedgekeurd 3 · teruggestuurd 1")
        let reviewer = try Self.openC0003("sw-chris", scratch)
        try Self.approveC0003(reviewer)
        // No key is sent to the author's window: it looks by itself when idle (every 2 s).
        let screen = try author.waitFor("Status: concept 1 · ingediend 1 · goedgekeurd 4 · teruggestuurd 1", seconds: 10)
        #expect(screen.contains("Telt: ingediende en goedgekeurde casussen (5 van 7)"))
    }

    @Test("issue 11: the start screen is painted from the index's recorded totals and checked against the files at once")
    func recordedTotalsAreChecked() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        // The index records the totals of all seven cases; then a case file goes while no app runs.
        #expect(try Binary.run(["report"], in: scratch.url).stdout.contains("(5 van 7)"))
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("cases/C-0003.json"))
        // The drafts folder exists already (as in any business case used before), so the app's start
        // changes nothing in the cases folder that its idle look would notice.
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("cases/.drafts"), withIntermediateDirectories: true)
        let app = try TerminalAppTests.session(in: scratch.url)
        // Without a key: the folder did not change while the app ran, so only the check at start can see it.
        let screen = try app.waitFor("Status: concept 1 · ingediend 1 · goedgekeurd 3 · teruggestuurd 1", seconds: 10)
        #expect(screen.contains("Telt: ingediende en goedgekeurde casussen (4 van 6)"))
    }

    @Test("finding 1: reviewer A's stale screen cannot undo reviewer B's approval; b re-reads the case first")
    func twoReviewers() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let reviewerA = try Self.openC0003("sw-bram", scratch)
        let reviewerB = try Self.openC0003("sw-chris", scratch)
        try Self.approveC0003(reviewerB)

        #expect(try reviewerA.screen().contains("C-0003 · Ingediend"), "A still shows the copy it opened")
        try reviewerA.send("b")
        let told = try reviewerA.waitFor("beoordelen kan niet")
        #expect(told.contains(" Casus C-0003 is intussen goedgekeurd (door sw-chris); beoordelen kan niet\n meer."), "wrapped, never cut")
        #expect(told.contains("C-0003 · Goedgekeurd"), "A now sees the current version")
        try reviewerA.send("r")  // send back: not a key while reading
        let record = try Self.load(scratch, "C-0003")
        #expect(record.status == .goedgekeurd)
        #expect(record.history.map(\.by) == ["sw-anouk", "sw-chris"])
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("cases/.locks/C-0003.lock").path))
        #expect(try Binary.run(["validate"], in: scratch.url).status == 0)
    }

    @Test("a window that stayed open sees a colleague's approval when it opens the browser or the dashboard again")
    func otherWindowSeesChanges() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let manager = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": "manager"], in: scratch.url)
        try manager.waitFor("Status: concept 1 · ingediend 2 · goedgekeurd 3 · teruggestuurd 1")
        let reviewer = try Self.openC0003("sw-chris", scratch)
        try Self.approveC0003(reviewer)
        try manager.send("Right", "Enter")
        let browser = try manager.waitFor("Casussen beoordelen — manager")
        let row = try #require(browser.split(separator: "\n").first { $0.contains("C-0003") })
        #expect(row.contains("Goedgekeurd"), "\(row)")
        try manager.send("Escape")
        #expect(try manager.waitFor("Status: concept 1 · ingediend 1 · goedgekeurd 4 · teruggestuurd 1").contains("Rendement"))
    }

    @Test("finding 1: a change saved over a newer version is refused, the current version shown, and o applies it again")
    func conflictAndReapply() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let reviewer = try Self.openC0003("sw-bram", scratch)
        try reviewer.send("b")
        try reviewer.waitFor("BEOORDELEN (vergrendeld)")
        // Another writer that ignores review locks (an older version, a script) changes the case meanwhile.
        var other = try Self.load(scratch, "C-0003")
        try other.review(.attribution(Percentage(50)!), by: "sw-chris", at: "2026-11-24T09:00:00Z", reason: "Huisarts deed ook veel.")
        try Self.store(scratch).save(other)

        try reviewer.send("k", "BSpace", "BSpace")
        try reviewer.type("25")
        try reviewer.send("Enter")
        try reviewer.type("Opname was besproken, niet gepland.")
        try reviewer.send("Enter")
        let conflict = try reviewer.waitFor("Druk o om")
        #expect(conflict.contains("Casus C-0003 is intussen gewijzigd door sw-chris (toerekening: 60 % → 50 %"))
        let between = try Self.load(scratch, "C-0003")
        #expect(between.history.map(\.by) == ["sw-anouk", "sw-chris"], "nothing of the stale copy was written")

        try reviewer.send("o")
        try reviewer.waitFor("Opgeslagen, met reden in de geschiedenis.")
        let after = try Self.load(scratch, "C-0003")
        #expect(after.history.map { "\($0.by) \($0.field) \($0.old)→\($0.new)" } == [
            "sw-anouk status concept→ingediend", "sw-chris toerekening 60→50", "sw-bram voorkomen[1].kans 50→25",
        ])
        #expect(after.attribution == Percentage(50), "the colleague's change is kept")
        #expect(after.revision == 3)
        #expect(try Binary.run(["validate"], in: scratch.url).status == 0)
    }

    @Test("finding 7: reprice leaves a case under review alone, says so, and a re-run finishes the job")
    func repriceSkipsLockedCase() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let newList = try Self.newerList(scratch)
        let reviewer = try Self.openC0003("sw-bram", scratch)
        try reviewer.send("b")
        try reviewer.waitFor("BEOORDELEN (vergrendeld)")

        let first = try Binary.run(["reprice", "--to", newList.path], in: scratch.url)
        #expect(first.status == 1)
        #expect(first.stdout.contains("6 casus(sen) herprijsd naar Maatschappelijke prijslijst (standaard), versie 2027.1"))
        #expect(first.stdout.contains("overgeslagen: C-0003: in beoordeling bij sw-bram"))
        #expect(first.stderr.contains("Niet af: 1 overgeslagen, 0 mislukt."))
        let validate = try Binary.run(["validate", "--price-list", newList.path], in: scratch.url)
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("is niet afgemaakt; 'rendementsmeter reprice --to \(newList.path)' maakt hem af"))
        #expect(validate.stdout.contains("de casussen zijn met 2 prijslijstversies geprijsd: 2026.1 (1), 2027.1 (6)"))

        try reviewer.send("Escape")
        try reviewer.waitFor("alleen lezen")
        let second = try Binary.run(["reprice", "--to", newList.path], in: scratch.url)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.hasSuffix("1 casus(sen) herprijsd naar Maatschappelijke prijslijst (standaard), versie 2027.1; de reden staat in hun geschiedenis.\n"))
        #expect(try Binary.run(["validate", "--price-list", newList.path], in: scratch.url).status == 0)
    }

    @Test("finding 7: reprice killed with SIGKILL halfway: every file whole, validate names the half-done job, a re-run finishes it")
    func killedReprice() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let newList = try Self.newerList(scratch)
        // Enough cases that a kill lands in the middle.
        let store = Self.store(scratch)
        let template = try Self.load(scratch, "C-0001")
        for _ in 0..<400 {
            try store.create { _ in
                var copy = template
                copy.history = []
                copy.historyHead = ""
                copy.status = .concept
                return copy
            }
        }
        let first = try Self.load(scratch, "C-0001")
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["reprice", "--cases", scratch.url.appendingPathComponent("cases").path, "--to", newList.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, (try? Self.load(scratch, "C-0001"))?.revision == first.revision { Thread.sleep(forTimeInterval: 0.002) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let loaded = try store.loadAll()
        #expect(loaded.problems.isEmpty)
        let versions = Dictionary(grouping: loaded.records, by: \.priceListVersion).mapValues(\.count)
        #expect((versions["2027.1"] ?? 0) >= 1)
        #expect((versions["2026.1"] ?? 0) >= 1, "killed before the end: \(versions)")
        let validate = try Binary.run(["validate", "--price-list", newList.path], in: scratch.url)
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("is niet afgemaakt"))

        let rerun = try Binary.run(["reprice", "--to", newList.path], in: scratch.url)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.hasSuffix("\(versions["2026.1"] ?? 0) casus(sen) herprijsd naar Maatschappelijke prijslijst (standaard), versie 2027.1; de reden staat in hun geschiedenis.\n"))
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("cases").path)
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "a temporary file of the killed run is cleared by the re-run")
        let done = try store.loadAll().records
        #expect(done.allSatisfy { $0.priceListVersion == "2027.1" })
        #expect(done.allSatisfy { $0.history.filter { $0.action == .herprijzing && $0.field != "prijslijst" }.count <= 1 }, "no price moved twice")
        #expect(try Binary.run(["validate", "--price-list", newList.path], in: scratch.url).status == 0)
    }

    @Test("finding 7: export never replaces a file inside the business case without --force")
    func exportIntoFolder() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let before = try Data(contentsOf: scratch.url.appendingPathComponent("cases/C-0001.json"))
        let outcome = try Binary.run(["export", "--out", "cases/C-0001.json"], in: scratch.url)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("cases/C-0001.json ligt in de map van de business case"))
        #expect(try Data(contentsOf: scratch.url.appendingPathComponent("cases/C-0001.json")) == before)
        #expect(try Binary.run(["export", "--out", "elders.csv"], in: scratch.url).status == 0)
    }

    @Test("finding 5: an imported approved case comes back for review, its history kept as provenance; --keep-status says so")
    func importResetsApproval() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        // Cases from another business case: moved out of this one, which would otherwise hold them already.
        for name in ["C-0001.json", "C-0002.json"] {
            try FileManager.default.moveItem(at: scratch.url.appendingPathComponent("cases/\(name)"), to: scratch.url.appendingPathComponent(name))
        }
        let source = scratch.url.appendingPathComponent("C-0001.json").path
        let plain = try Binary.run(["import", source], in: scratch.url, environment: ["RENDEMENTSMETER_USER": "beheer"])
        #expect(plain.stdout == "C-0001.json → C-0008 (ingediend)\n")
        let imported = try Self.load(scratch, "C-0008")
        #expect(imported.status == .ingediend)
        #expect(imported.provenance?.sourceID == "C-0001")
        #expect(imported.provenance?.history.count == 2)
        #expect(imported.history.map { "\($0.action.rawValue) \($0.by) \($0.old)→\($0.new)" } == ["import beheer C-0001 (goedgekeurd)→ingediend"])
        // The same case again, also under another name, is not added a second time (helper-33: counted three times).
        let copy = scratch.url.appendingPathComponent("kopie.json")
        try FileManager.default.copyItem(atPath: source, toPath: copy.path)
        for again in [source, copy.path] {
            let twice = try Binary.run(["import", "--keep-status", again], in: scratch.url)
            #expect(twice.status == 0 && twice.stdout == "\(URL(fileURLWithPath: again).lastPathComponent): staat al in de business case als C-0008 "
                    + "(dezelfde casus, dezelfde geschiedenis); niet nog eens geïmporteerd\n", "\(twice.stdout)\(twice.stderr)")
        }
        let back = try Binary.run(["import", scratch.url.appendingPathComponent("cases/C-0003.json").path], in: scratch.url)
        #expect(back.stdout == "C-0003.json: staat al in de business case als C-0003 (dezelfde casus, dezelfde geschiedenis); niet nog eens geïmporteerd\n",
                "a case of this business case brought back")
        let kept = try Binary.run(["import", "--keep-status", scratch.url.appendingPathComponent("C-0002.json").path], in: scratch.url)
        #expect(kept.stdout == "C-0002.json → C-0009 (goedgekeurd)\n")
        let validate = try Binary.run(["validate"], in: scratch.url)
        #expect(validate.status == 0)
        #expect(validate.stdout.contains("C-0009.json: waarschuwing: casus C-0009: goedgekeurd bij import overgenomen"))
    }

    @Test("finding 5: a hand-set approval or a hand edit after approval is counted nowhere, named everywhere, and never written over")
    func forgedApprovalCountsNowhere() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let cases = scratch.url.appendingPathComponent("cases")
        let forged = cases.appendingPathComponent("C-0003.json")
        try (try String(contentsOf: forged, encoding: .utf8)).replacingOccurrences(of: "\"status\" : \"ingediend\"", with: "\"status\" : \"goedgekeurd\"")
            .write(to: forged, atomically: true, encoding: .utf8)
        let edited = cases.appendingPathComponent("C-0001.json")
        try (try String(contentsOf: edited, encoding: .utf8)).replacingOccurrences(of: "\"likelihood\" : \"75\"", with: "\"likelihood\" : \"100\"")
            .write(to: edited, atomically: true, encoding: .utf8)
        let report = try Binary.run(["report", "--approved-only"], in: scratch.url)
        #expect(report.stdout.contains("Telt: alleen goedgekeurde casussen (2 van 5)"), "C-0001 and C-0003 count nowhere")
        #expect(report.stderr.contains("let op: C-0003.json: fout: telt niet mee en wordt niet gewijzigd: casus C-0003: de status is goedgekeurd, maar volgens de geschiedenis ingediend"))
        #expect(report.stderr.contains("let op: C-0001.json: fout: telt niet mee en wordt niet gewijzigd: de bedragen, hoeveelheden of kansen zijn gewijzigd na de laatste gebeurtenis"))
        let explain = try Binary.run(["explain", "C-0003"], in: scratch.url)
        #expect(explain.status == 1)
        #expect(explain.stderr.hasPrefix("fout: C-0003.json: fout: telt niet mee en wordt niet gewijzigd"), "named, not 'bestaat niet'")
        let laundered = try Binary.run(["import", "--keep-status", forged.path], in: scratch.url)
        #expect(laundered.status == 1)
        #expect(laundered.stderr.hasPrefix("fout: C-0003.json: --keep-status kan niet: de geschiedenis in het bronbestand klopt niet"))
        let own = try Binary.run(["import", "--keep-status", cases.appendingPathComponent("C-0002.json").path], in: scratch.url,
                                 environment: ["RENDEMENTSMETER_USER": "sw-bram"])
        #expect(own.stderr.hasPrefix("fout: C-0002.json: --keep-status kan niet: je kunt je eigen casus niet goedgekeurd binnenhalen (auteur sw-bram)"))
        let before = try Data(contentsOf: edited)
        let reprice = try Binary.run(["reprice", "--to", try Self.newerList(scratch).path], in: scratch.url)
        #expect(reprice.status == 1)
        #expect(reprice.stdout.contains("overgeslagen: C-0001.json: telt niet mee en wordt niet gewijzigd"))
        #expect(try Data(contentsOf: edited) == before, "re-pricing never seals a hand edit into the history")
        let validate = try Binary.run(["validate"], in: scratch.url)
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("C-0001.json: fout: casus C-0001: de bedragen, hoeveelheden of kansen zijn gewijzigd na de laatste gebeurtenis"))
    }

    @Test("finding 6: RENDEMENTSMETER_USER only counts where the business case allows it, and the screen says which name is used")
    func identity() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let allowed = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": "sw-bram"], in: scratch.url)
        #expect(try allowed.waitFor("Rendement (voorkomen").contains("Gebruiker: sw-bram (via RENDEMENTSMETER_USER; hier toegestaan)"))
        let settings = scratch.url.appendingPathComponent("cases/businesscase.json")
        try (try String(contentsOf: settings, encoding: .utf8)).replacingOccurrences(of: "\"allowUserOverride\": true", with: "\"allowUserOverride\": false")
            .write(to: settings, atomically: true, encoding: .utf8)
        let refused = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": "sw-anouk-2"], in: scratch.url)
        let screen = try refused.waitFor("Rendement (voorkomen")
        #expect(screen.contains("RENDEMENTSMETER_USER genegeerd (hier niet toegestaan); gebruiker: \(Self.account)"))
        #expect(!screen.contains("sw-anouk-2"))
    }

    @Test("finding 6: a second window of the same user gets a draft of its own")
    func twoWindowsOneUser() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let first = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": "sw-twee"], in: scratch.url)
        try first.waitFor("Rendement (voorkomen")
        try first.send("Enter", "Tab")
        try first.type("Team Een")
        try first.waitFor("[Team Een")
        let second = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": "sw-twee"], in: scratch.url)
        #expect(try second.waitFor("Rendement (voorkomen").contains("Concept al open in een ander venster; dit venster krijgt een eigen concept."))
        try second.send("Enter", "Tab")
        try second.type("Team Twee")
        try second.waitFor("[Team Twee")
        let drafts = scratch.url.appendingPathComponent("cases/.drafts")
        #expect(try String(contentsOf: drafts.appendingPathComponent("sw-twee.json"), encoding: .utf8).contains("\"team\" : \"Team Een\""))
        #expect(try String(contentsOf: drafts.appendingPathComponent("sw-twee~2.json"), encoding: .utf8).contains("\"team\" : \"Team Twee\""))
    }

    @Test("pasting 100 KB into the story is one edit and one save, and all of it is in the draft")
    func pasteIsOneWrite() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let session = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": "sw-plak"], in: scratch.url)
        try session.waitFor("Rendement (voorkomen")
        try session.send("Enter", "PageDown")
        try session.waitFor("Situatie")
        let paste = String(repeating: "Een lange zin uit een verslag, geplakt. ", count: 2_500) + "EINDE"
        try session.paste(paste)
        // One fsynced write and one full edit per character took about 15 minutes for this.
        try session.waitFor("EINDE", seconds: 60)
        let draft = try String(contentsOf: scratch.url.appendingPathComponent("cases/.drafts/sw-plak.json"), encoding: .utf8)
        #expect(draft.contains(paste))
    }

    /// The shipped list with one price moved, as version 2027.1.
    static func newerList(_ scratch: Scratch) throws -> URL {
        let newList = scratch.url.appendingPathComponent("price-lists/nieuw")
        try FileManager.default.copyItem(at: scratch.url.appendingPathComponent("price-lists/standaard"), to: newList)
        let prices = newList.appendingPathComponent("prijzen.csv")
        try (try String(contentsOf: prices, encoding: .utf8))
            .replacingOccurrences(of: "ZVW-HA-CONSULT;zvw;Huisarts;Huisarts consult gemiddeld;consult;30,87;2022",
                                  with: "ZVW-HA-CONSULT;zvw;Huisarts;Huisarts consult gemiddeld;consult;32,04;2023")
            .write(to: prices, atomically: true, encoding: .utf8)
        let info = newList.appendingPathComponent("info.csv")
        try (try String(contentsOf: info, encoding: .utf8)).replacingOccurrences(of: "versie;2026.1", with: "versie;2027.1")
            .write(to: info, atomically: true, encoding: .utf8)
        return newList
    }
}

/// The new bad inputs of issue 10, each with its exact message; nothing is written.
@Suite("Bad input catalogue: bounds and ids")
struct BoundsCatalogueTests {
    /// (what, how the shipped C-0003 is changed, the message `import` gives)
    static let imports: [(String, @Sendable (inout CaseRecord) -> Void, String)] = [
        ("a huge count", { $0.avoided[0].quantity = .count(300_000_000_000_000) },
         "fout: C-0003.json: voorkomen zorg regel 1: hoeveelheid 300.000.000.000.000 is groter dan het maximum van 1.000.000; niet geïmporteerd"),
        ("a negative hourly rate", { $0.effort.workers[0].hourlyRate = Money(cents: -7500) },
         "fout: C-0003.json: eigen inzet 'Sociaal werker': een negatief uurtarief (-€ 75,00) kan niet; niet geïmporteerd"),
        ("a horizon of 99 years", { $0.avoided[0].horizonYears = 99 },
         "fout: C-0003.json: voorkomen zorg regel 1: het aantal jaren 99 ligt buiten 1–30; niet geïmporteerd"),
        ("a price year of 1800", { $0.avoided[1].item.priceYear = 1800 },
         "fout: C-0003.json: voorkomen zorg regel 2: prijsjaar 1800 ligt buiten 1900–2100; niet geïmporteerd"),
        ("a line worth more than EUR 100 million", { $0.avoided[0].quantity = .count(999_999); $0.avoided[0].likelihood = .full; $0.attribution = .full },
         "fout: C-0003.json: Casus C-0003: het bedrag voor 'WLZ-VPH' is groter dan € 100.000.000,00 per regel. Controleer de hoeveelheid.; niet geïmporteerd"),
        // Issue 12, finding 6: a BSN written with spaces, dots or full-width digits, in any free-text field.
        ("a BSN with spaces in the household", { $0.context.household = "gezin 111 222 333" },
         "fout: C-0003.json: huishouden bevat een getal dat een BSN kan zijn; niet geïmporteerd"),
        ("a BSN with dots in a worker's description", { $0.effort.workers[0].description = "zie 1112.22.333" },
         "fout: C-0003.json: omschrijving eigen inzet bevat een getal dat een BSN kan zijn; niet geïmporteerd"),
        ("a full-width BSN in a history reason", { $0.history[0].reason = "１１１-２２２-３３３" },
         "fout: C-0003.json: reden bij gebeurtenis 1 bevat een getal dat een BSN kan zijn; niet geïmporteerd"),
        // Issue 13, helper finding: a file from elsewhere carried one in an item's description and in its author.
        ("a BSN in an item's description", { $0.avoided[1].item.description = "Huisarts 111222333" },
         "fout: C-0003.json: omschrijving voorkomen zorg regel 2 bevat een getal dat een BSN kan zijn; niet geïmporteerd"),
        ("a BSN in the author", { $0.author = "dirk111222333" },
         "fout: C-0003.json: auteur bevat een getal dat een BSN kan zijn; niet geïmporteerd"),
    ]

    @Test("import refuses a file whose name holds a BSN: the name goes into the history (helper finding)")
    func importFileNamedAfterABSN() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let file = scratch.url.appendingPathComponent("111222333.json")
        try FileManager.default.copyItem(at: scratch.url.appendingPathComponent("cases/C-0003.json"), to: file)
        let outcome = try Binary.run(["import", file.path], in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "fout: 111222333.json: de bestandsnaam bevat een getal dat een BSN kan zijn; geef het bestand een andere naam; niet geïmporteerd\n"
                + "geen van de 1 bestand(en) geïmporteerd\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("cases/C-0008.json").path))
    }

    @Test("import refuses a file larger than 5 MB before reading it as a case (helper finding: a 24 MB story went in)")
    func importHugeFile() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        var record = try SafeStoreEndToEndTests.load(scratch, "C-0003")
        record.story.situation = String(repeating: "Een lang verhaal. ", count: 300_000)
        let file = scratch.url.appendingPathComponent("groot.json")
        try CaseCodec.encode(record).write(to: file)
        let outcome = try Binary.run(["import", file.path], in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "fout: groot.json: het bestand is 5,4 MB; een casusbestand is hooguit 5 MB; niet geïmporteerd\n"
                + "geen van de 1 bestand(en) geïmporteerd\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("cases/C-0008.json").path))
    }

    @Test("import refuses out-of-bound values with the field and the bound", arguments: 0..<imports.count)
    func importBounds(index: Int) throws {
        let (what, change, message) = Self.imports[index]
        let scratch = try Scratch()
        try scratch.copyShippedData()
        var record = try SafeStoreEndToEndTests.load(scratch, "C-0003")
        change(&record)
        let file = scratch.url.appendingPathComponent("C-0003.json")
        try CaseCodec.encode(record).write(to: file)
        let outcome = try Binary.run(["import", file.path], in: scratch.url)
        #expect(outcome.status == 1, "\(what)")
        #expect(outcome.stderr == message + "\ngeen van de 1 bestand(en) geïmporteerd\n", "\(what)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("cases/C-0008.json").path))
    }

    @Test("commands refuse absurd years and hostile files by name, without a trap", arguments: [
        (["report", "--price-year", "2147483647"], 64, "fout: prijsjaar 2147483647 ligt buiten 1900–2100; kies bijvoorbeeld 2025"),
        (["explain", "C-0001", "--price-year", "1066"], 64, "fout: prijsjaar 1066 ligt buiten 1900–2100; kies bijvoorbeeld 2025"),
    ] as [([String], Int32, String)])
    func commandBounds(arguments: [String], status: Int32, message: String) throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let outcome = try Binary.run(arguments, in: scratch.url)
        #expect(outcome.status == status)
        #expect(outcome.stderr.hasPrefix(message))
    }

    @Test("an empty C-9223372036854775807.json and a copy do not stop imports, reports or the start")
    func hostileNames() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let cases = scratch.url.appendingPathComponent("cases")
        try Data().write(to: cases.appendingPathComponent("C-9223372036854775807.json"))
        try FileManager.default.copyItem(at: cases.appendingPathComponent("C-0003.json"), to: cases.appendingPathComponent("C-0003 (kopie).json"))
        try FileManager.default.moveItem(at: cases.appendingPathComponent("C-0003.json"), to: scratch.url.appendingPathComponent("C-0003.json"))
        let imported = try Binary.run(["import", scratch.url.appendingPathComponent("C-0003.json").path], in: scratch.url)
        #expect(imported.stdout == "C-0003.json → C-0008 (ingediend)\n")
        let report = try Binary.run(["report"], in: scratch.url)
        #expect(report.status == 0)
        #expect(report.stderr.contains("let op: C-0003 (kopie).json: fout: geen casusbestand"))
        #expect(report.stderr.contains("let op: C-9223372036854775807.json: fout: geen casusbestand"))
        let validate = try Binary.run(["validate"], in: scratch.url)
        #expect(validate.status == 1)
        #expect(validate.stdout.hasSuffix("2 fouten gevonden.\n"))
    }
}
