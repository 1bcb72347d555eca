import Foundation
import Testing
@testable import RendementsStorage

@Suite("The real app in tmux at 80x24", .serialized)
struct TerminalAppTests {
    /// Runs the app under a non-interactive shell, which (unlike bash at a prompt) never repairs
    /// the terminal itself, then prints the exit status and whether canonical mode and echo are on.
    /// Without `directory`, the app runs in a scratch copy of the shipped data: a test never
    /// leaves drafts or locks in the repository's own `cases/`.
    static func session(environment: [String: String] = [:], runs: Int = 1, in directory: URL? = nil) throws -> TmuxSession {
        var scratch: Scratch?
        if directory == nil {
            scratch = try Scratch()
            try scratch?.copyShippedData()
        }
        let folder = directory ?? scratch?.url ?? Binary.root
        let probe = "stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | sort | tr '\\n' ' '"
        // `\\$` so that tmux's own shell leaves the expansions to the inner one.
        let run = "'\(Binary.url.path)'; echo EXIT=\\$?; \(probe); echo S\\$((1+1))T"
        let script = Array(repeating: run, count: runs).joined(separator: "; ") + "; sleep 600"
        // A user of its own, so a developer's own draft in the repository never changes what the test sees.
        let defaults = ["TERM": "screen", "RENDEMENTSMETER_USER": "e2e-\(UUID().uuidString.prefix(8))"]
        let session = try TmuxSession(command: "sh -c \"\(script)\"", in: folder, environment: defaults.merging(environment) { $1 })
        session.scratch = scratch
        return session
    }

    /// The pid of the app running in the session's shell.
    static func appPID(_ session: TmuxSession) throws -> Int32 {
        let shell = try #require(Int32(session.tmux(["display-message", "-p", "-t", "main", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)))
        let children = try Binary.execute("/usr/bin/pgrep", ["-P", "\(shell)"]).stdout
        return try #require(children.split(separator: "\n").compactMap { Int32($0) }.first)
    }

    /// A scratch copy of the shipped data whose cases are `count` generated ones (`bench-genereer`, seed 1).
    static func generated(_ count: Int) throws -> Scratch {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let cases = scratch.url.appendingPathComponent("cases")
        try FileManager.default.removeItem(at: cases)
        let generator = Binary.url.deletingLastPathComponent().appendingPathComponent("bench-genereer").path
        let made = try Binary.execute(generator, [cases.path, "\(count)", "1", "price-lists/standaard"], in: scratch.url)
        #expect(made.status == 0, "\(made.stderr)")
        return scratch
    }

    /// True once the trigram index holds every text (the app makes it on another thread), within 20 s.
    static func searchIndexCompletes(_ index: CaseIndex) throws -> Bool {
        for _ in 0..<200 {
            if try index.searchIndexIsComplete() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    @Test("a large business case whose index must be built again says so before the first screen, instead of a blank terminal")
    func saysWhenIndexing() throws {
        let scratch = try Self.generated(5001)
        let session = try Self.session(in: scratch.url)
        let waiting = try session.waitFor("Rendementsmeter bouwt de index")
        #expect(waiting.hasPrefix("Rendementsmeter bouwt de index van de casussen op (eenmalig na een nieuwe\nversie of andere instellingen); bij tienduizenden casussen duurt dat even…\n"))
        try session.waitFor("Rendementsmeter — Benchmark")
        try session.send("q")
        try session.waitFor("EXIT=0")
        // Built once: the next start paints from the index at once and says nothing.
        let again = try Self.session(in: scratch.url)
        let start = try again.waitFor("Rendementsmeter — Benchmark")
        #expect(!start.contains("bouwt de index"))
    }

    @Test("figures read ahead while the start screen shows: a case added and one edited in place since are in the browser all the same")
    func readAheadIsChecked() throws {
        let session = try Self.session()
        try session.waitFor("Rendement (voorkomen")
        Thread.sleep(forTimeInterval: 2)  // the figures are read ahead meanwhile
        let cases = try #require(session.scratch?.url.appendingPathComponent("cases"))
        // A case from elsewhere: C-0003 under another history head (the business case holds C-0003 itself already).
        let elsewhere = try #require(session.scratch?.url.appendingPathComponent("elders.json"))
        try String(contentsOf: Binary.root.appendingPathComponent("cases/C-0003.json"), encoding: .utf8)
            .replacingOccurrences(of: "91e3f10259efb561a26fbd3a71e92cf9882e0a3de0c3b41a89d8850791349f81", with: String(repeating: "ab", count: 32))
            .write(to: elsewhere, atomically: true, encoding: .utf8)
        let imported = try Binary.run(["import", elsewhere.path], in: try #require(session.scratch?.url))
        #expect(imported.status == 0, "\(imported.stderr)")
        try Self.editInPlace(cases, from: "Sociaal Recept", to: "Hand bewerkt 1")
        try session.send("Right")
        try session.send("Enter")
        let browser = try session.waitFor("8 van 8")
        let row = try #require(browser.split(separator: "\n").first { $0.contains("C-0007") })
        #expect(row == " C-0007 Concept       sw-anouk  Hand bewerkt 1  21-11-2025      € 105     -€ 215")
        let added = try #require(browser.split(separator: "\n").first { $0.contains("C-0008") })
        #expect(added == " C-0008 Ingediend     sw-anouk  Mantelzorgonde… 26-09-2025    € 7.946    € 2.971")
        try session.send("q")
    }

    /// Edits C-0007's intervention by hand, in place (same file, same size): only the file's times and the watch tell.
    static func editInPlace(_ cases: URL, from old: String, to new: String) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: cases.appendingPathComponent("C-0007.json").path))
        let text = try #require(String(data: handle.readDataToEndOfFile(), encoding: .utf8))
        let offset = try #require(text.utf8.firstRange(of: "\"intervention\" : \"\(old)\"".utf8)).lowerBound
        try handle.seek(toOffset: UInt64(text.utf8.distance(from: text.utf8.startIndex, to: offset)))
        handle.write(Data("\"intervention\" : \"\(new)\"".utf8))
        try handle.close()
    }

    @Test("a case edited in place while the browser shows: shown without a key, and again after going back and opening the browser")
    func editedInPlaceWhileBrowsing() throws {
        let session = try Self.session()
        try session.waitFor("Rendement (voorkomen")
        let cases = try #require(session.scratch?.url.appendingPathComponent("cases"))
        try session.send("Right", "Enter")
        let before = try session.waitFor("7 van 7")
        #expect(before.split(separator: "\n").first { $0.contains("C-0007") } == " C-0007 Concept       sw-anouk  Sociaal Recept  21-11-2025      € 105     -€ 215")
        // The folder's times do not move: before the watch, the browser showed the old text until a file was added or removed.
        try Self.editInPlace(cases, from: "Sociaal Recept", to: "Hand bewerkt 1")
        let edited = try session.waitFor("Hand bewerkt 1")
        #expect(edited.split(separator: "\n").first { $0.contains("C-0007") } == " C-0007 Concept       sw-anouk  Hand bewerkt 1  21-11-2025      € 105     -€ 215")
        try session.send("Escape")
        try session.waitFor("Nieuwe casus")
        try Self.editInPlace(cases, from: "Hand bewerkt 1", to: "Hand bewerkt 2")
        try session.send("Enter")  // the menu still points at the browser
        let reopened = try session.waitFor("Hand bewerkt 2")
        #expect(reopened.split(separator: "\n").first { $0.contains("C-0007") } == " C-0007 Concept       sw-anouk  Hand bewerkt 2  21-11-2025      € 105     -€ 215")
        #expect(reopened.contains("7 van 7"))
        try session.send("q")
    }

    @Test("a case damaged in place while the start screen shows, before the browser was ever opened: the start screen follows (helper-25)")
    func editedInPlaceOnTheStartScreen() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        // A business case used before: the app paints from the totals its index recorded, and reads nothing more until a file changes.
        #expect(try Binary.run(["report"], in: scratch.url).status == 0)
        let session = try Self.session(in: scratch.url)
        #expect(try session.waitFor("Rendement (voorkomen").contains(" Telt: ingediende en goedgekeurde casussen (5 van 7) · eigen prijsjaren\n"))
        // The figures are read ahead, the folders watched, and the app's own first writes (its drafts folder) seen.
        Thread.sleep(forTimeInterval: 3)
        let cases = scratch.url.appendingPathComponent("cases")
        // Its first byte, in place: the folder's own times stay as they were.
        let handle = try #require(FileHandle(forUpdatingAtPath: cases.appendingPathComponent("C-0004.json").path))
        handle.write(Data("x".utf8))
        try handle.close()
        let after = try session.waitFor("Let op:")
        #expect(after.contains(" Telt: ingediende en goedgekeurde casussen (4 van 6) · eigen prijsjaren\n"))
        #expect(after.contains(" Totaal                          € 5.633  € 3.155   € 13.749   € 4.961\n"))
        #expect(after.contains(" Let op: 1 probleem in C-0004.json; zie 'rendementsmeter validate'\n"))
        try session.send("q")
    }

    @Test("an unfinished re-pricing's note in .locks, left and later removed by another process while the app runs: shown, then gone (helper-25)")
    func repricingNoteComesAndGoes() throws {
        let session = try Self.session()
        try session.waitFor("Rendement (voorkomen")
        let scratch = try #require(session.scratch)
        let cases = scratch.url.appendingPathComponent("cases")
        try session.send("Right", "Enter")
        try session.waitFor("7 van 7")
        try session.send("Escape")
        try session.waitFor("Nieuwe casus")
        // A damaged case stops the re-pricing half-way; it leaves its note.
        try Data("{".utf8).write(to: cases.appendingPathComponent("C-0099.json"))
        let newer = try SafeStoreEndToEndTests.newerList(scratch)
        #expect(try Binary.run(["reprice", "--to", newer.path], in: scratch.url).status == 1)
        let left = try session.waitFor("Let op: 2 problemen")
        #expect(left.contains(" Let op: 2 problemen in .locks/herprijzing.json, C-0099.json; zie 'rendementsm…\n"), "\(left)")
        try FileManager.default.removeItem(at: cases.appendingPathComponent("C-0099.json"))
        try session.waitFor("Let op: 1 probleem in .locks/herprijzing.json")
        // Finishing the re-pricing writes no case (each is at the new list already): only the note goes.
        let finished = try Binary.run(["reprice", "--to", newer.path], in: scratch.url)
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cases.appendingPathComponent(".locks/herprijzing.json").path))
        let clear = try session.waitUntil("no 'Let op'") { !$0.contains("Let op") }
        #expect(clear.contains(" Telt: ingediende en goedgekeurde casussen (5 van 7) · eigen prijsjaren\n"))
        try session.send("q")
    }

    @Test("a price list deployed as a link to its version, switched while the dashboard shows: the dashboard follows, as a fresh start shows it (helper-25)")
    func priceListLinkSwitched() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let lists = scratch.url.appendingPathComponent("price-lists")
        let (current, first, next) = (lists.appendingPathComponent("standaard"), lists.appendingPathComponent("2026.1"), lists.appendingPathComponent("2026.2"))
        try FileManager.default.moveItem(at: current, to: first)
        try FileManager.default.copyItem(at: first, to: next)
        // The next version grades every green cost item red: the conservative view counts them 40 % less.
        let prices = next.appendingPathComponent("prijzen.csv")
        try String(contentsOf: prices, encoding: .utf8).replacingOccurrences(of: ";groen;kosten;", with: ";rood;kosten;")
            .write(to: prices, atomically: true, encoding: .utf8)
        let info = next.appendingPathComponent("info.csv")
        try String(contentsOf: info, encoding: .utf8).replacingOccurrences(of: "versie;2026.1", with: "versie;2026.2")
            .write(to: info, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: current.path, withDestinationPath: "2026.1")
        func conservative(_ session: TmuxSession) throws -> String {
            try #require(session.waitFor("conservatief").split(separator: "\n").first { $0.contains("conservatief") }.map(String.init))
        }
        let session = try Self.session(in: scratch.url)
        try session.waitFor("Rendement (voorkomen")
        try session.send("Right", "Right", "Enter")
        #expect(try conservative(session) == " Netto laag € 5.162 · hoog € 5.162 · conservatief € 3.550")
        // Switched as a deployment does it: a new link renamed over the old one.
        let switched = lists.appendingPathComponent("standaard.nieuw")
        try FileManager.default.createSymbolicLink(atPath: switched.path, withDestinationPath: "2026.2")
        #expect(rename(switched.path, current.path) == 0)
        let followed = try session.waitUntil("another conservative figure") { !$0.contains("conservatief € 3.550") && $0.contains("conservatief") }
        // The start screen names the list the figures follow (it kept naming the first one).
        try session.send("Escape")
        let start = try session.waitFor("Prijslijst:")
        #expect(start.split(separator: "\n").first { $0.contains("Prijslijst:") }.map(String.init)?.hasSuffix("versie 2026.2") == true, "\(start)")
        try session.send("q")
        let fresh = try Self.session(in: scratch.url)
        try fresh.waitFor("Rendement (voorkomen")
        try fresh.send("Right", "Right", "Enter")
        let expected = try conservative(fresh)
        #expect(expected == " Netto laag € 5.162 · hoog € 5.162 · conservatief -€ 982")
        #expect(followed.split(separator: "\n").first { $0.contains("conservatief") }.map(String.init) == expected)
        try fresh.send("q")
    }

    @Test("a price list moved away and back, or one whose file is a link edited at its target, is followed while the start screen shows (helper-28); so is the business case's name")
    func priceListGoneAndBack() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let list = scratch.url.appendingPathComponent("price-lists/standaard")
        let away = scratch.url.appendingPathComponent("price-lists/weg")
        // info.csv as a link to a file outside the list: the watch cannot follow it.
        let target = scratch.url.appendingPathComponent("info-doel.csv")
        try FileManager.default.moveItem(at: list.appendingPathComponent("info.csv"), to: target)
        try FileManager.default.createSymbolicLink(atPath: list.appendingPathComponent("info.csv").path, withDestinationPath: target.path)
        let session = try Self.session(in: scratch.url)
        try session.waitFor("versie 2026.1")
        try String(contentsOf: target, encoding: .utf8).replacingOccurrences(of: "versie;2026.1", with: "versie;2026.2")
            .write(to: target, atomically: true, encoding: .utf8)
        try session.waitFor("versie 2026.2")
        try FileManager.default.moveItem(at: list, to: away)
        try session.waitFor("Prijslijst: niet geladen")
        try FileManager.default.moveItem(at: away, to: list)
        // Before: "niet geladen" until something changed among the cases.
        try session.waitFor("versie 2026.2")
        // The business case renamed while the app runs: the title follows.
        try #"{"name": "Wijkteam Oost"}"#.write(to: scratch.url.appendingPathComponent("cases/businesscase.json"), atomically: true, encoding: .utf8)
        let renamed = try session.waitFor("Rendementsmeter — Wijkteam Oost")
        #expect(renamed.split(separator: "\n").first?.hasPrefix(" Rendementsmeter — Wijkteam Oost  ") == true, "\(renamed)")
        try session.send("q")
    }

    @Test("the / search finds cases by their story: from the texts at first, then from the trigram index the app completes after its first paint")
    func searchInTheBrowser() throws {
        let session = try Self.session()
        try session.waitFor("Rendement (voorkomen")
        let cases = try #require(session.scratch?.url.appendingPathComponent("cases"))
        try session.send("Right", "Enter")
        try session.waitFor("7 van 7")
        try session.send("/")
        try session.type("deurwaarder")
        let found = try session.waitFor("1 van 7")
        #expect(found.split(separator: "\n").filter { $0.hasPrefix(" C-") } == [" C-0002 Goedgekeurd   sw-bram   Schuldhulp vro… 11-07-2025    € 3.569    € 2.161"])
        // The app made the trigram index on another thread; a search now goes through it.
        let index = CaseIndex(casesFolder: cases)
        #expect(try Self.searchIndexCompletes(index))
        #expect(index.search("deurwaarder", commonShare: 1_000_000, smallestScanPart: 4_096) == ["C-0002"])
        try session.send("Escape")
        try session.send("q")
    }

    @Test("a paste with line breaks is text: in the search a space, in a story a line break; never Enter and keys (helper-27)")
    func pasteWithLineBreaks() throws {
        let session = try Self.session()
        try session.waitFor("Rendement (voorkomen")
        func paste(_ text: String) throws {
            _ = try session.tmux(["set-buffer", "--", text])
            // -p: as a terminal pastes, marked when the app asked for it (bracketed paste).
            _ = try session.tmux(["paste-buffer", "-p", "-t", "main"])
        }
        // Where no field takes text a paste does nothing: before, "xyz⏎q" quit the app.
        try paste("xyz\nq")
        let start = try session.waitFor("Plakken kan alleen")
        #expect(start.contains("Rendement (voorkomen"))
        try session.send("Right", "Enter")
        try session.waitFor("sortering: id")
        try session.send("/")
        try paste("deur\nwaarder s")
        // Before: the break confirmed "deur", and "waarder s" ran as keys (s sorted on the next column).
        let searching = try session.waitFor("zoek: deur waarder s▏")
        #expect(searching.contains("sortering: id ↑"), "\(searching)")
        try session.send("Escape", "Escape")
        // In the intake's story, a text area, the break stays a break.
        try session.send("Left", "Enter")
        try session.waitFor("Stap 1/7")
        try session.send("PageDown")
        try session.waitFor("Stap 2/7")
        try paste("Eerste regel\nTweede regel")  // tmux sends the break as CR, as a terminal does
        let story = try session.waitFor("Tweede regel")
        let lines = story.split(separator: "\n")
        let first = try #require(lines.firstIndex { $0.contains("Eerste regel") })
        #expect(lines[first + 1].contains("Tweede regel"), "\(story)")
        try session.send("C-q")
    }

    @Test("another process re-prices over a thousand cases while the start screen shows: the app completes the trigram index again (helper-24)")
    func searchIndexAfterBulkChange() throws {
        let scratch = try Self.generated(2500)
        let index = CaseIndex(casesFolder: scratch.url.appendingPathComponent("cases"))
        let session = try Self.session(in: scratch.url)
        try session.waitFor("Rendementsmeter — Benchmark")
        #expect(try Self.searchIndexCompletes(index), "made after the first paint")
        // On the price list the app does not look at the folder: the re-pricing reaches the index in one read.
        try session.send("Left", "Enter")
        try session.waitFor("Prijslijst — Maatschappelijke prijslijst (standaard)")
        let newer = try SafeStoreEndToEndTests.newerList(scratch)
        let repriced = try Binary.run(["reprice", "--to", newer.path], in: scratch.url)
        #expect(repriced.status == 0, "\(repriced.stderr)")
        // The re-pricing rewrote more than 1,000 files: the next read (this report) starts the trigram index over,
        // and the app, back and idle on its start screen, completes it.
        let report = try Binary.run(["report"], in: scratch.url)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try index.searchIndexIsComplete() == false)
        try session.send("Escape")
        try session.waitFor("Rendement (voorkomen")
        #expect(try Self.searchIndexCompletes(index), "completed again while the start screen shows")
        try session.send("q")
    }

    @Test("start, help, resize below 80x24 and back, quit: the terminal is restored")
    func startHelpResizeQuit() throws {
        let session = try Self.session()
        let start = try session.waitFor("Rendementsmeter — Voorbeeld: Welzijn Voorbeeldstad")
        #expect(start.contains("VOORBEELD (fictief)"))
        #expect(start.contains(" Totaal                          € 7.553  € 3.155   € 15.870    € 5.162"))
        #expect(start.contains(" Participatiewet en inkomen          € 0      € 0    € 1.795    € 1.795"), "the law's name whole (it was cut to 'Participatiewet en in…')")

        try session.send("?")
        try session.waitFor("Hulp — Startscherm")
        try session.send("Escape")
        try session.waitFor("Rendement (voorkomen")

        try session.resize(width: 70, height: 20)
        let small = try session.waitFor("Terminal te klein")
        #expect(small.contains("70x20, nodig: 80x24"))
        try session.resize(width: 80, height: 24)
        try session.waitFor("Rendement (voorkomen")

        try session.send("Left", "Enter")
        try session.waitFor("Prijslijst — Maatschappelijke prijslijst (standaard)")
        try session.send("q")
        let after = try session.waitFor("S2T")
        #expect(after.contains("EXIT=0"))
        #expect(after.contains("echo icanon S2T"), "canonical mode and echo are back after quitting")
        #expect(!after.contains("Prijslijst —"), "the alternate screen was left")
    }

    @Test("a crash or a hang-up restores the terminal too", arguments: [(SIGSEGV, 139), (SIGHUP, 129), (SIGABRT, 134)])
    func crashRestores(signal: Int32, status: Int) throws {
        let session = try Self.session()
        try session.waitFor("Rendement (voorkomen")
        kill(try Self.appPID(session), signal)
        let after = try session.waitFor("S2T")
        #expect(after.contains("EXIT=\(status)"))
        #expect(after.contains("echo icanon S2T"))
        #expect(!after.contains("Rendement (voorkomen"), "the alternate screen was left")
    }

    @Test("colour by default, none under NO_COLOR")
    func colour() throws {
        // NO_COLOR empty counts as unset; the test runner itself may export NO_COLOR.
        let coloured = try Self.session(environment: ["NO_COLOR": ""])
        try coloured.waitFor("Rendement (voorkomen")
        let withEscapes = try coloured.tmux(["capture-pane", "-e", "-p", "-t", "main"])
        #expect(withEscapes.contains("44m"), "the title bar is white on blue when colours are allowed")

        let mono = try Self.session(environment: ["NO_COLOR": "1"])
        let screen = try mono.waitFor("Rendement (voorkomen")
        #expect(screen.contains("€ 15.870"))
        let monoEscapes = try mono.tmux(["capture-pane", "-e", "-p", "-t", "main"])
        let colourCodes = monoEscapes.ranges(of: /\x1b\[[0-9;]*(3[0-7]|4[0-7]|38;5;\d+|48;5;\d+)m/)
        #expect(colourCodes.isEmpty, "NO_COLOR: attributes only, no colours")
        #expect(monoEscapes.contains("\u{1b}[7m") || monoEscapes.contains(";7m"), "selection and bars in reverse video")
    }

    @Test("a locale without UTF-8 gets plain ASCII: EUR for €, ncurses line drawing for boxes, not one UTF-8 byte (finding 10)")
    func asciiFallback() throws {
        let session = try Self.session(environment: ["LANG": "C", "LC_ALL": "C"])
        var screen = try session.waitFor("Rendement (voorkomen")
        #expect(screen.contains("EUR 15.870"), "amounts say EUR, laid out as such")
        #expect(!screen.contains("€"))
        // Everything the app sends from here on: the dashboard has bars, rules and a boxed explanation.
        let log = try #require(session.scratch).url.appendingPathComponent("uitvoer.log")
        _ = try session.tmux(["pipe-pane", "-o", "-t", "main", "cat > '\(log.path)'"])
        try session.send("Right", "Right", "Enter")
        screen = try session.waitFor("Verloop")
        #expect(screen.contains("EUR"))
        try session.send("u")
        screen = try session.waitFor("Zo is dit bedrag berekend")
        #expect(screen.contains("r1 Huisarts consult gemiddeld: 6 x EUR 30,87 (2022) x 75 % x 70 % =\n     EUR 97,24"),
                "× and € in plain ASCII; the item by its name; an amount never split from EUR")
        _ = try session.tmux(["pipe-pane", "-t", "main"])
        let sent = try Data(contentsOf: log)
        #expect(sent.count > 1_000, "the dashboard was drawn while logging (\(sent.count) bytes)")
        let highBytes = sent.filter { $0 >= 0x80 }.count
        #expect(highBytes == 0, "\(highBytes) bytes outside ASCII were sent to a terminal without UTF-8")
        // Line drawing goes through the terminal's alternate character set (SO/SI or ESC ( 0).
        #expect(sent.contains(0x0E) || sent.range(of: Data("\u{1b}(0".utf8)) != nil, "box lines use ncurses line drawing")
    }

    @Test("a missing cases folder is shown in the app, not a crash")
    func missingFolder() throws {
        let session = try Self.session(environment: ["RENDEMENTSMETER_CASES": "/nonexistent/cases"])
        let screen = try session.waitFor("Let op:")
        #expect(screen.contains("De map met casussen /nonexistent/cases bestaat niet"))
        #expect(screen.contains("(0 van 0)"))
    }
}
