import Foundation
import RendementsDomain
import RendementsPostgres
import RendementsStorage
import RendementsStore
import Testing

/// Issue 13: the terminal app itself on a PostgreSQL server (`--database`), run in tmux as
/// the users would: a worker enters a case, a reviewer adjusts and approves it, a colleague
/// who saved first is never overwritten, and a server that goes away loses no typed work.
@Suite("The terminal app on PostgreSQL", .serialized)
struct ServerAppEndToEndTests {
    /// A server with the shipped cases and price list, and a second reviewer.
    static func setup() throws -> ServerStoreTests.Setup {
        let setup = try ServerStoreTests.Setup()
        try setup.expectSuccess(["push", "--database", setup.url("beheer1")])
        try setup.expectSuccess(["database", "import-price-list", "--database", setup.url("beheer1")])
        try setup.expectSuccess(["database", "add-user", "--login", "bo", "--password", "pw-bo", "--organisation", "voorbeeld",
                                 "--role", "beoordelaar", "--database", setup.server.adminURL])
        return setup
    }

    /// The app as `login`, with a home folder of its own (where its drafts are kept).
    static func app(_ setup: ServerStoreTests.Setup, _ login: String) throws -> (TmuxSession, home: URL) {
        let home = setup.scratch.url.appendingPathComponent("home-\(login)-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let session = try TmuxSession(command: "'\(Binary.url.path)' --database '\(setup.url(login))'; sleep 600", in: setup.scratch.url,
                                      environment: ["TERM": "screen", "HOME": home.path])
        try session.waitFor("Ingelogd als \(login) op 127.0.0.1:\(setup.server.port) (Welzijn Voorbeeldstad, ")
        return (session, home)
    }

    /// The screen's lines as one text, so a notice wrapped over lines reads as one sentence.
    static func said(_ screen: String) -> String {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// A Sociaal Recept case with 14 hours' effort, from the start screen up to the avoided care.
    static func enterUpToAvoidedCare(_ keys: KeyScript) throws {
        try keys.openSociaalReceptCase()
        try keys.press("Right", "Enter", "Left", "Left", "Enter", "Right", "Enter", "Space", "PageDown")
        try keys.type("Eenzaam."); try keys.press("Tab")
        try keys.type("Maatje."); try keys.press("Tab")
        try keys.type("Actiever."); try keys.press("PageDown")
        try keys.type("14"); try keys.press("PageDown", "PageDown")
    }

    /// A short Sociaal Recept case: 14 hours, and 9 physiotherapy sessions avoided at 75 %, up to its summary.
    static func enterCase(_ keys: KeyScript) throws {
        try enterUpToAvoidedCare(keys)
        try keys.line(search: "fysio", quantity: "9", likelihoodSteps: [], reasoning: "Fysio adviseerde.")
        try keys.press("PageDown", "PageDown")
        try keys.session.waitFor("Alleen deze casus")
    }

    @Test("a worker enters a case and a reviewer lowers a likelihood and approves it: history, figures and the case file on the server")
    func enterAndApprove() throws {
        let setup = try Self.setup()
        defer { setup.server.stop() }
        let (worker, _) = try Self.app(setup, "anouk")
        let keys = KeyScript(worker)
        try Self.enterCase(keys)
        try keys.press("i")
        try worker.waitFor("Casus indienen bij een collega")
        try keys.press("j")
        let start = try worker.waitFor("Casus C-0008 is ingediend.")
        #expect(start.contains("Status: concept 1 · ingediend 3 · goedgekeurd 3 · teruggestuurd 1"), "\(start)")
        #expect(try setup.sql("mia", "SELECT id, status, author FROM rm_case WHERE id = 'C-0008'").stdout == "C-0008|ingediend|anouk\n")
        let sectorFigures = "SELECT law, avoided_cents, deployed_cents, effort_cents, round(case_ratio::numeric, 6) FROM rm_sector_figure WHERE case_id = 'C-0008' ORDER BY law"
        #expect(try setup.server.psql(user: "postgres", sectorFigures).stdout == "", "a submitted case does not count for the sector")

        let (reviewer, _) = try Self.app(setup, "bram")
        let review = KeyScript(reviewer)
        try review.press("Right", "Enter")
        try reviewer.waitFor("Casussen beoordelen — bram")
        try review.press("End", "Enter")
        try reviewer.waitFor("C-0008 · Ingediend · auteur anouk")
        try review.press("b")
        let reviewing = try reviewer.waitFor("BEOORDELEN")
        // The server holds the case's lock for this window, as a folder's `.locks` does.
        let title = reviewing.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        #expect(title.hasPrefix("Casus C-0008 — bram ") && title.hasSuffix(" BEOORDELEN (vergrendeld)"), "\(title)")
        #expect(try setup.sql("mia", "SELECT case_id, holder FROM rm_case_lock").stdout == "C-0008|bram\n")
        try review.press("k", "BSpace", "BSpace")
        try review.type("50")
        try review.press("Enter")
        try review.type("Fysio was al gestopt.")
        try review.press("Enter")
        try reviewer.waitFor("Opgeslagen, met reden in de geschiedenis.")
        try review.press("g")
        try reviewer.waitFor("Casus C-0008 goedkeuren")
        try review.press("y")
        try reviewer.waitFor("Casus C-0008 is goedgekeurd en opgeslagen.")

        #expect(try setup.sql("mia", "SELECT seq, by_login, action, field, old_value, new_value, reason FROM rm_case_event WHERE case_id = 'C-0008' ORDER BY seq").stdout == """
            1|anouk|status|status|concept|ingediend|ingediend
            2|bram|wijziging|voorkomen[1].kans|75|50|Fysio was al gestopt.
            3|bram|status|status|ingediend|goedgekeurd|goedgekeurd

            """)
        #expect(try setup.sql("mia", "SELECT status, revision, length(file_hash) FROM rm_case WHERE id = 'C-0008'").stdout == "goedgekeurd|2|64\n",
                "added, then two saves")
        // The approval stored the figures per law: 14 h × € 64 own effort; 9 × € 38,89 × 50 % avoided.
        #expect(try setup.sql("mia", "SELECT law, avoided_cents, deployed_cents, effort_cents FROM rm_case_figure WHERE case_id = 'C-0008' ORDER BY law").stdout
                == "wmo|0|0|89600\nzvw|17500|0|0\n")
        // The commit of the approval put the case in the sector's figures, with its ratio 17500 ÷ 89600.
        #expect(try setup.server.psql(user: "postgres", sectorFigures).stdout == "wmo|0|0|89600|0.195313\nzvw|17500|0|0|0.195313\n")
        #expect(try setup.server.psql(user: "postgres", ServerStoreTests.sectorFiguresDiffer).stdout == "0\n")

        // The case file is whole: back in a folder it validates, and the folder's report is the server's.
        let back = setup.scratch.url.appendingPathComponent("terug")
        try setup.expectSuccess(["export", "--format", "map", "--out", back.path, "--database", setup.url("mia")])
        let record = try CaseStore(folder: back).load(id: "C-0008").get()
        #expect(record.author == "anouk" && record.status == .goedgekeurd && record.revision == 3)
        #expect(record.original?.avoided.first?.likelihood.value == 75, "the author's estimate is kept")
        #expect(try CaseValuation(record, options: .plain).perLaw["zvw"]?.avoided == Money(cents: 17500))
        let validated = try Binary.run(["validate", "--cases", back.path], in: setup.scratch.url)
        #expect(validated.status == 0, "\(validated.stdout)")
        #expect(try setup.expectSuccess(["report", "--database", setup.url("mia")]).stdout
                == (try Binary.run(["report", "--cases", back.path], in: setup.scratch.url)).stdout)
    }

    @Test("a price list imported while the app runs: the figures and the start screen follow the new version, as a fresh start shows them")
    func newPriceListWhileRunning() throws {
        let setup = try Self.setup()
        defer { setup.server.stop() }
        // The next version grades every green cost item red: the conservative view counts them 40 % less.
        let lists = setup.scratch.url.appendingPathComponent("price-lists")
        let next = lists.appendingPathComponent("2026.2")
        try FileManager.default.copyItem(at: lists.appendingPathComponent("standaard"), to: next)
        for (file, from, to) in [("prijzen.csv", ";groen;kosten;", ";rood;kosten;"), ("info.csv", "versie;2026.1", "versie;2026.2")] {
            let url = next.appendingPathComponent(file)
            try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: from, with: to).write(to: url, atomically: true, encoding: .utf8)
        }
        func conservative(_ screen: String) -> String? { screen.split(separator: "\n").first { $0.contains("conservatief") }.map(String.init) }
        func listLine(_ screen: String) -> String? { screen.split(separator: "\n").first { $0.contains("Prijslijst:") }.map(String.init) }
        let (running, _) = try Self.app(setup, "mia")
        #expect(listLine(try running.waitFor("Prijslijst:"))?.hasSuffix("versie 2026.1") == true)
        try KeyScript(running).press("Right", "Right", "Enter")
        let before = try #require(conservative(try running.waitFor("conservatief")))
        try setup.expectSuccess(["database", "import-price-list", "--price-list", next.path, "--database", setup.url("beheer1")])
        let followed = try running.waitUntil("another conservative figure") { conservative($0).map { $0 != before } ?? false }
        try KeyScript(running).press("Escape")
        let start = try running.waitFor("Prijslijst:")
        #expect(listLine(start)?.hasSuffix("versie 2026.2") == true, "\(start)")
        let (fresh, _) = try Self.app(setup, "bram")
        let freshStart = try fresh.waitFor("Prijslijst:")
        #expect(listLine(freshStart) == listLine(start))
        try KeyScript(fresh).press("Right", "Right", "Enter")
        let expected = try #require(conservative(try fresh.waitFor("conservatief")))
        #expect(conservative(followed) == expected, "before: \(before)")
        #expect(expected != before)
    }

    @Test("a review keeps its lock also behind the help screen, and a reviewer whose lapsed lock a colleague took over is told (helper findings)")
    func lockKeptAndLost() throws {
        let setup = try Self.setup()
        defer { setup.server.stop() }
        let (app, _) = try Self.app(setup, "bram")
        let keys = KeyScript(app)
        try keys.press("Right", "Enter", "Down", "Down", "Enter")
        try app.waitFor("C-0003 · Ingediend · auteur sw-anouk")
        try keys.press("b")
        try app.waitFor("BEOORDELEN (vergrendeld)")
        // The help over the review: the lease is renewed meanwhile (every 30 s while the keys rest).
        try keys.press("F1")
        _ = try app.waitUntil("the lock renewed behind the help", seconds: 50) { _ in
            (try? setup.server.psql(user: "postgres", "SELECT renewed > since + interval '20 seconds' FROM rm_case_lock").stdout) == "t\n"
        }
        try keys.press("Escape")
        try app.waitFor("BEOORDELEN (vergrendeld)")
        // Typing without a 2-second pause (a long reason): the lease is renewed between keys too.
        // Before, only resting keys renewed it, and two minutes of typing let a colleague take the case.
        let before = try setup.server.psql(user: "postgres", "SELECT renewed FROM rm_case_lock").stdout.trimmingCharacters(in: .newlines)
        try keys.press("k")
        try app.waitFor("Nieuwe kans (%) voor regel 1")
        let typing = Date()
        var renewedWhileTyping = false
        while !renewedWhileTyping && Date().timeIntervalSince(typing) < 50 {
            try keys.press("5")
            usleep(300_000)
            try keys.press("BSpace")
            usleep(300_000)
            renewedWhileTyping = (try setup.server.psql(user: "postgres", "SELECT renewed > '\(before)' FROM rm_case_lock").stdout) == "t\n"
        }
        #expect(renewedWhileTyping, "the lease was renewed while keys kept coming")
        try keys.press("Escape")
        try app.waitFor("BEOORDELEN (vergrendeld)")
        // The lease lapses (a lost network) and bo takes the case over: bram's app is told at its next renewal.
        _ = try setup.server.psql(user: "postgres", "UPDATE rm_case_lock SET renewed = now() - interval '3 minutes'")
        #expect(try setup.sql("bo", "SELECT lock_outcome FROM rm_take_case_lock('C-0003', 'elders/1', true)").stdout == "acquired\n")
        let told = try app.waitFor("is overgenomen", seconds: 50)
        #expect(Self.said(told).contains("Je slot op casus C-0003 is overgenomen: je app had zich 2 minuten niet gemeld. "
                                         + "Je ziet de casus nu alleen-lezen; wat je nog niet opsloeg, staat er nog."), "\(told)")
        #expect(!told.contains("BEOORDELEN") && told.contains("alleen lezen"))
    }

    @Test("a colleague who saved first is never overwritten, a worker cannot approve, and a server that goes away keeps the typed case")
    func conflictsAndServerLoss() throws {
        let setup = try Self.setup()
        defer { setup.server.stop() }
        // Two reviewers open the same submitted case: bram takes it, bo is told who has it before typing anything.
        let (first, _) = try Self.app(setup, "bram")
        let (second, _) = try Self.app(setup, "bo")
        for session in [first, second] {
            try KeyScript(session).press("Right", "Enter", "Down", "Down", "Enter")
            try session.waitFor("C-0003 · Ingediend · auteur sw-anouk")
        }
        try KeyScript(first).press("b")
        try first.waitFor("BEOORDELEN (vergrendeld)")
        try KeyScript(second).press("b")
        let held = try second.waitFor("je ziet hem alleen-lezen")
        // "(sinds zojuist)", or a minute or two on a loaded machine (the wording per count: ServerStoreTests.caseLocks).
        #expect(Self.said(held).contains("bram beoordeelt deze casus (sinds ") && Self.said(held).contains("); je ziet hem alleen-lezen."), "\(held)")
        #expect(!held.contains("BEOORDELEN") && held.contains("alleen lezen"))
        #expect(try setup.sql("mia", "SELECT case_id, holder FROM rm_case_lock").stdout == "C-0003|bram\n")
        // bram's app stops renewing its lock (a crash, a lost network): after two minutes bo may take the case over, after a yes.
        _ = try setup.server.psql(user: "postgres", "UPDATE rm_case_lock SET since = now() - interval '5 minutes', renewed = now() - interval '3 minutes'")
        try KeyScript(second).press("b")
        let stale = try second.waitFor("Wil je het slot overnemen")
        #expect(Self.said(stale).contains("De casus is in behandeling bij bram (sinds ")
                && Self.said(stale).contains(" minuten), maar diens app heeft zich al 2 minuten niet gemeld."), "\(stale)")
        try KeyScript(second).press("j")
        try second.waitFor("BEOORDELEN (vergrendeld)")
        #expect(try setup.sql("mia", "SELECT case_id, holder FROM rm_case_lock").stdout == "C-0003|bo\n")
        // bram's app still shows its review; bo saves first, and bram's stale copy is refused, with the current version shown.
        for (session, value, reason) in [(second, "25", "Opname niet gepland."), (first, "75", "Opname was dichtbij.")] {
            let keys = KeyScript(session)
            try keys.press("k", "BSpace", "BSpace")
            try keys.type(value)
            try keys.press("Enter")
            try keys.type(reason)
            try keys.press("Enter")
            if session === second { try second.waitFor("Opgeslagen, met reden in de geschiedenis.") }
        }
        let told = try first.waitFor("is intussen gewijzigd")
        #expect(Self.said(told).contains("Casus C-0003 is intussen gewijzigd door bo (voorkomen regel 1, kans: 50 % → 25 %"), "\(told)")
        #expect(told.contains("kans 25 %"), "the current version is shown")
        #expect(try setup.sql("mia", "SELECT new_value, by_login FROM rm_case_event WHERE case_id = 'C-0003' AND seq = 2").stdout == "25|bo\n")
        #expect(try setup.sql("mia", "SELECT count(*) FROM rm_case_event WHERE case_id = 'C-0003'").stdout == "2\n", "bram's change was not written")
        // Quitting mid-review gives the lock back.
        try KeyScript(second).press("q")
        _ = try second.waitUntil("the lock given back", seconds: 10) { _ in
            (try? setup.sql("mia", "SELECT count(*) FROM rm_case_lock").stdout) == "0\n"
        }

        // A social worker may read a colleague's submitted case but not review it: the screen says so at b,
        // before anything is typed (found by a helper: the server refused only at the save, partly in English).
        let (worker, _) = try Self.app(setup, "anouk")
        #expect(try worker.waitFor("Ingelogd als anouk").contains("Ingelogd als anouk op 127.0.0.1:\(setup.server.port) (Welzijn Voorbeeldstad, sociaal-werker)"))
        let keys = KeyScript(worker)
        try keys.press("Right", "Enter", "Down", "Down", "Down", "Down", "Down", "Enter")
        try worker.waitFor("C-0006 · Ingediend · auteur sw-chris")
        try keys.press("b")
        let refused = try worker.waitFor("beoordeel je geen casussen")
        #expect(Self.said(refused).contains("Als sociaal werker beoordeel je geen casussen; dat doet een beoordelaar. Lezen kan wel."), "\(refused)")
        #expect(!refused.contains("BEOORDELEN"))
        #expect(try setup.sql("mia", "SELECT status, (SELECT count(*) FROM rm_case_event WHERE case_id = 'C-0006') FROM rm_case WHERE id = 'C-0006'").stdout
                == "ingediend|1\n")
        // A manager reads and exports, and enters no case.
        let (manager, _) = try Self.app(setup, "mia")
        try KeyScript(manager).press("Enter")
        let notEntering = try manager.waitFor("voer je geen casussen in")
        #expect(Self.said(notEntering).contains("Als manager voer je geen casussen in; dat doet een sociaal werker. Lezen kan wel."), "\(notEntering)")
        try manager.tmux(["kill-server"])
        try worker.tmux(["kill-server"])

        // The server stops while a case is being entered: submitting says so, the draft stays on this computer,
        // and once the server is back the same case goes in.
        let (entering, enteringHome) = try Self.app(setup, "anouk")
        let intake = KeyScript(entering)
        try Self.enterCase(intake)
        try setup.server.halt()
        try intake.press("i")
        try entering.waitFor("Casus indienen bij een collega")
        try intake.press("j")
        let lost = try entering.waitFor("Niet op de server gezet")
        #expect(Self.said(lost).contains("Niet op de server gezet: de databaseserver op 127.0.0.1:\(setup.server.port) is niet bereikbaar; draait hij, "
                              + "en klopt het adres? Je concept staat op deze computer; i probeert opnieuw."), "\(lost)")
        let drafts = enteringHome.appendingPathComponent(".rendementsmeter/server/127.0.0.1_\(setup.server.port)_rm/anouk.json")
        #expect(try String(contentsOf: drafts, encoding: .utf8).contains("Fysio adviseerde."))
        // Started again while the server is down, the app says the draft is safe (helper-33: only the failure was named).
        let restart = try Binary.run(["--database", setup.url("anouk")], in: setup.scratch.url, environment: ["HOME": enteringHome.path])
        #expect(restart.status == 1 && restart.stderr.hasSuffix("\nJe concept staat op deze computer en komt terug zodra de server weer antwoordt.\n"),
                "\(restart.stderr)")
        try setup.server.resume()
        try intake.press("i")
        try entering.waitFor("Casus indienen bij een collega")
        try intake.press("j")
        try entering.waitFor("Casus C-0008 is ingediend.")
        #expect(try setup.sql("mia", "SELECT id, status, author FROM rm_case WHERE id = 'C-0008'").stdout == "C-0008|ingediend|anouk\n")
        #expect(!FileManager.default.fileExists(atPath: drafts.path), "the draft is gone once the case is on the server")
    }

    @Test("Schattingen and the suggestions on the server: the rows the folder shows, from the cases this login may read")
    func calibrationAndSuggestions() throws {
        let setup = try ServerStoreTests.Setup()
        defer { setup.server.stop() }
        try CalibrationEndToEndTests.addRealApprovedCases(to: setup.scratch.url.appendingPathComponent("cases"))
        try setup.expectSuccess(["push", "--database", setup.url("beheer1")])
        try setup.expectSuccess(["database", "import-price-list", "--database", setup.url("beheer1")])
        try setup.expectSuccess(["database", "add-user", "--login", "sw-anouk", "--password", "pw-sw-anouk", "--organisation", "voorbeeld",
                                 "--role", "sociaal-werker", "--database", setup.server.adminURL])
        let (session, _) = try Self.app(setup, "sw-anouk")
        let keys = KeyScript(session)
        try keys.press("Left", "Left", "Enter")
        try session.waitFor("Beoordelaars lieten je regels van dit item zoals ze waren.")
        try keys.press("Down")
        let own = try session.waitFor("Redenen van de beoordelaars:")
        #expect(own.contains("3 × · 75 %  7 × · 75 % (5)  1 van 3\n"), "as CalibrationEndToEndTests.withoutIndex shows on the folder")
        try keys.press("Tab")
        let spread = try session.waitFor("Per interventie en item, nooit per persoon")
        #expect(spread.contains("     8  75–75 %  3,5–7,5  3 van 8\n"))
        try keys.press("Escape")
        try session.waitFor("Ingelogd als sw-anouk")
        try keys.press("Right", "Right")  // from Schattingen back to Nieuwe casus
        // Eight approved Sociaal Recept cases avoided GP visits: 2 … 9 (median 5,5), three at 50 % and five at 75 %.
        try Self.enterUpToAvoidedCare(keys)
        try keys.press("a")
        let picker = try session.waitFor("★ Huisarts consult gemiddeld")
        #expect(picker.contains("8 van 8 · 5,5 × · waarschijnlijk"), "\(picker)")
    }

    @Test("a server that hangs: the screen says the app is waiting for it, and the case goes in once it answers (the app's calls blocked without a word)")
    func hangingServer() throws {
        let setup = try Self.setup()
        defer { setup.server.stop() }
        let (entering, _) = try Self.app(setup, "anouk")
        let intake = KeyScript(entering)
        try Self.enterCase(intake)
        try intake.press("i")
        try entering.waitFor("Casus indienen bij een collega")
        try setup.server.freeze()
        var thawed = false
        defer { if !thawed { try? setup.server.thaw() } }
        try intake.press("j")
        let waiting = try entering.waitFor("Wachten op de databaseserver")
        #expect(Self.said(waiting).contains(" s (na 60 s geeft de app het op)"), "\(waiting)")
        try setup.server.thaw()
        thawed = true
        let done = try entering.waitFor("Casus C-0008 is ingediend.")
        #expect(!done.contains("Wachten op de databaseserver"), "\(done)")
        #expect(try setup.sql("mia", "SELECT id, status, author FROM rm_case WHERE id = 'C-0008'").stdout == "C-0008|ingediend|anouk\n")
    }

    @Test("a server that hangs while nobody types: the keys still work (the idle check for news ran between the keys, and held them until the server answered)")
    func idleCheckAwayFromKeys() throws {
        let setup = try Self.setup()
        defer { setup.server.stop() }
        let (app, _) = try Self.app(setup, "mia")
        try setup.server.freeze()
        var thawed = false
        defer { if !thawed { try? setup.server.thaw() } }
        // The start screen asks the server what changed every 2 s while no key comes.
        Thread.sleep(forTimeInterval: 3)
        try app.send("?")
        let help = try app.waitFor("Hulp — ", seconds: 5)
        #expect(!help.contains("Wachten op de databaseserver"), "\(help)")
        try app.send("Escape")
        let start = try app.waitFor("Ingelogd als mia", seconds: 5)
        #expect(!start.contains("Hulp — "))
        try setup.server.thaw()
        thawed = true
        // Once it answers, the news comes in between the keys as before: a case added elsewhere is counted.
        let before = try app.waitFor("van 7)")
        #expect(!before.contains("van 8)"))
        try setup.expectSuccess(["import", "cases/C-0007.json", "--database", setup.url("beheer1")])
        try app.waitFor("van 8)", seconds: 20)
    }

    @Test("two windows of one author rework the same concept: the second save puts its change onto the first's, and both stay (helper-33: the second replaced the first)")
    func twoWindowsRework() throws {
        let setup = try Self.setup()
        defer { setup.server.stop() }
        try setup.expectSuccess(["database", "add-user", "--login", "sw-anouk", "--password", "pw-sw-anouk", "--organisation", "voorbeeld",
                                 "--role", "sociaal-werker", "--database", setup.server.adminURL])
        let windows = try [Self.app(setup, "sw-anouk").0, Self.app(setup, "sw-anouk").0]
        for window in windows {
            try KeyScript(window).press("Right", "Enter", "Down", "Down", "Down", "Down", "Down", "Down", "Enter")
            try window.waitFor("C-0007 · Concept · auteur sw-anouk")
            try KeyScript(window).press("a")
            try window.waitFor("Casus C-0007 aanpassen")
        }
        // The first window adds to the team, the second to the municipality; each saves it as a concept.
        for (window, tabs, added) in [(windows[0], 1, " A"), (windows[1], 2, " B")] {
            let keys = KeyScript(window)
            for _ in 0..<tabs { try keys.press("Tab") }
            try keys.press("End")
            try keys.type(added)
            for _ in 0..<6 { try keys.press("PageDown") }
            try window.waitFor("Stap 7/7")
            try keys.press("c")
            try window.waitFor("Casus bewaren als concept")
            try keys.press("j")
        }
        try windows[0].waitFor("Casus C-0007 is bewaard.")
        let merged = try windows[1].waitUntil("the rework put onto the newer version") { Self.said($0).contains("staan nu op die versie") }
        #expect(Self.said(merged).contains("Casus C-0007 is intussen gewijzigd door sw-anouk. Je aanpassingen staan nu op die versie, nog niet opgeslagen: "
                                           + "controleer ze en druk opnieuw c of i."), "\(merged)")
        #expect(try setup.sql("mia", "SELECT revision FROM rm_case WHERE id = 'C-0007'").stdout == "1\n", "the second save wrote nothing")
        try KeyScript(windows[1]).press("c")
        try windows[1].waitFor("Casus bewaren als concept")
        try KeyScript(windows[1]).press("j")
        try windows[1].waitFor("Casus C-0007 is bewaard.")
        #expect(try setup.sql("mia", "SELECT revision, (content::json)->'context'->>'team', (content::json)->'context'->>'municipality' FROM rm_case WHERE id = 'C-0007'").stdout
                == "2|Team Noord A|Voorbeeldstad B\n")
    }

    @Test("a concept saved again unchanged is saved, with nothing written (found by a helper: the server refused it)")
    func unchangedConcept() async throws {
        let setup = try Self.setup()
        defer { setup.server.stop() }
        try setup.expectSuccess(["database", "add-user", "--login", "sw-anouk", "--password", "pw-sw-anouk", "--organisation", "voorbeeld",
                                 "--role", "sociaal-werker", "--database", setup.server.adminURL])
        let address = try ServerAddress.parse(setup.url("sw-anouk")).get()
        let outcome = try await ServerSession.with(address) { session -> String in
            let store = ServerBusinessCase(session)
            let file = try #require(try await store.caseFile(id: "C-0007"))
            let concept = try CaseCodec.decode(Data(file.content.utf8)).get()
            switch try await store.save(concept, figures: { _ in [:] }) {
            case .saved(let saved): return "saved \(saved.revision) \(saved == concept)"
            case .conflict: return "conflict"
            }
        }
        #expect(outcome == "saved \(1) true")
        #expect(try setup.sql("mia", "SELECT revision, (SELECT count(*) FROM rm_case_event WHERE case_id = 'C-0007') FROM rm_case WHERE id = 'C-0007'").stdout
                == "0|0\n", "nothing written")
    }
}
