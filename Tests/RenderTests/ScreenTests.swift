import Foundation
import Testing
@testable import RendementsCore
@testable import RendementsDomain
@testable import RendementsRender
@testable import RendementsStorage

/// The shipped example business case, rendered as the app shows it.
enum Example {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func state(width: Int = 80, height: Int = 24, problems: [String] = [], pendingDraft: IntakeDraft? = nil) -> AppState {
        let folder = BusinessCaseFolder.open(cases: root.appendingPathComponent("cases"),
                                             priceList: root.appendingPathComponent("price-lists/standaard"))
        let overview = Overview(businessCaseName: folder.settings.name, examples: folder.examples,
                                summary: BusinessCaseSummary(cases: folder.caseResult.records, options: folder.estimateOptions()),
                                priceList: folder.priceList, dataProblems: problems)
        let form = IntakeForm(hourlyRates: folder.priceList?.hourlyRates ?? [], interventions: Choices.interventions, priceList: folder.priceList)
        var state = AppState(size: Size(width: width, height: height), overview: overview, priceList: folder.priceList, user: "sw-anouk",
                             intakeForm: form, pendingDraft: pendingDraft, estimateOptions: folder.estimateOptions())
        state.setRecords(folder.caseResult.records)
        return state
    }

    static func after(_ keys: [Key], _ state: AppState) -> AppState {
        var copy = state
        for key in keys { _ = Update.apply(.key(key), to: &copy) }
        return copy
    }
}

@Suite("Screens as text")
struct ScreenTests {
    @Test("start screen at 80x24")
    func start() {
        let frame = View.render(Example.state())
        Snapshot.assert(frame, named: "start-80x24")
        #expect(frame.text.contains("VOORBEELD (fictief)"))
        #expect(frame.text.contains("€ 15.870"))
    }

    @Test("the price list with EUR for €: its dearest prices are shown whole (found by a helper under LANG=C)")
    func priceListInEuros() {
        // Menu: Nieuwe casus, Casussen beoordelen, Dashboard, Prijslijst; then search.
        let keys: [Key] = [.left, .enter, .character("/")] + "bedreig".map { .character($0) } + [.enter]
        for sign in ["€", "EUR"] {
            let text = DutchNumber.$euroSign.withValue(sign) { View.render(Example.after(keys, Example.state())).text }
            #expect(text.contains("\(sign) 23.451,00 2022"), "\(text)")
        }
    }

    @Test("start screen wider, 120x30")
    func startWide() {
        Snapshot.assert(View.render(Example.state(width: 120, height: 30)), named: "start-120x30")
    }

    @Test("a warning is shown also when the law table would fill the screen: the table gives way (helper finding)")
    func warningBelowFullTable() {
        let warning = "Server: de databaseserver op 127.0.0.1:5432 is niet bereikbaar. De cijfers zijn van de laatste keer dat hij antwoordde."
        var state = Example.state(problems: [warning])
        let shown = state.overview
        // Nine domains, as a price list with two more than the shipped seven has.
        let extra = ["Onderwijs", "Schuldhulp"].map { Overview.LawRow(name: $0, totals: Totals()) }
        state.overview = Overview(businessCaseName: shown.businessCaseName, examples: shown.examples, priceListLabel: shown.priceListLabel,
                                  selection: shown.selection, countedCases: shown.countedCases, caseCount: shown.caseCount,
                                  statusCounts: shown.statusCounts, lawRows: shown.lawRows + extra, total: shown.total, dataProblems: [warning])
        let text = View.render(state).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[21] == " Let op: Server: de databaseserver op 127.0.0.1:5432 is niet bereikbaar. De ci…", "\(text)")
        #expect(lines[15] == " … en 3 andere (zie rendementsmeter report)", "\(text)")
    }

    @Test("counts of a large business case read with grouped thousands (100.000 van 100.000; issue 11 finding: 'teruggestuurd 8967')")
    func largeCounts() {
        var state = Example.state()
        let shown = state.overview
        state.overview = Overview(businessCaseName: shown.businessCaseName, examples: shown.examples, priceListLabel: shown.priceListLabel,
                                  selection: shown.selection, countedCases: 99_714, caseCount: 100_000,
                                  statusCounts: [.concept: 286, .ingediend: 49_714, .goedgekeurd: 41_033, .teruggestuurd: 8_967],
                                  lawRows: shown.lawRows, total: shown.total, dataProblems: [])
        let lines = View.render(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[4].hasPrefix(" Telt: ingediende en goedgekeurde casussen (99.714 van 100.000) · "), "\(lines[4])")
        #expect(lines[5] == " concept 286 · ingediend 49.714 · goedgekeurd 41.033 · teruggestuurd 8.967", "without the label rather than a cut number")
        #expect(StartScreen.statusLine(["concept 100.000", "ingediend 100.000", "goedgekeurd 100.000", "teruggestuurd 100.000"], width: 78)
                == "concept 100.000 · ingediend 100.000 · goedgekeurd 100.000 …")
        #expect(StartScreen.statusLine(["concept 1", "ingediend 2"], width: 78) == "Status: concept 1 · ingediend 2")
    }

    @Test("start screen with an unreadable file mentioned, and a notice")
    func startWithProblem() {
        var state = Example.state(problems: ["1 probleem in C-0009.json; zie 'rendementsmeter validate'"])
        state.notice = "Casus C-0008 is ingediend. Dank je wel!"
        let text = View.render(state).text
        #expect(text.contains("Let op: 1 probleem in C-0009.json; zie 'rendementsmeter validate'"))
        #expect(text.contains("Casus C-0008 is ingediend. Dank je wel!"))
    }

    @Test("help for the start screen comes from the keymap")
    func help() {
        let frame = View.render(Example.after([.character("?")], Example.state()))
        Snapshot.assert(frame, named: "help-start-80x24")
        for binding in Keymap.described(on: .start) {
            #expect(frame.text.contains(binding.description))
        }
    }

    @Test("price list with € and Dutch diacritics, and a search")
    func priceList() {
        let opened = Example.after([.left, .enter], Example.state())
        Snapshot.assert(View.render(opened), named: "prijslijst-80x24")
        let searched = Example.after([.character("/")] + "diëtist".map { .character($0) } + [.enter], opened)
        let text = View.render(searched).text
        #expect(text.contains("Dieetadvisering"))
        #expect(text.contains("€ 24,70"))
        let found = Example.after([.down], searched)
        #expect(View.render(searched).text.contains(" ZVW-DIEET · Dieetadvisering · bron: Zorginstituut Nederland,"), "the item found is selected, its whole name below")
        #expect(View.render(found).text == View.render(searched).text, "the one item stays selected")
    }

    @Test("too small: a clear message and nothing else; the state is kept")
    func tooSmall() {
        let frame = View.render(Example.state(width: 60, height: 20))
        Snapshot.assert(frame, named: "te-klein-60x20")
        #expect(frame.text.contains("Terminal te klein"))
        #expect(frame.text.contains("60x20, nodig: 80x24"))
    }

    @Test("monochrome-safe: the selected menu item is reverse video, not colour alone")
    func selectionIsReverse() {
        let frame = View.render(Example.state())
        let row = (0..<frame.width).map { frame[$0, 1] }
        let selected = row.filter { $0.style.reverse }.map { String($0.character) }.joined()
        #expect(selected.contains("Nieuwe casus"))
    }
}

@Suite("Frame and text width")
struct FrameTests {
    @Test("wide characters take two cells; combining marks none; clipping adds an ellipsis")
    func widths() {
        #expect(TextWidth.of("€ é") == 3)
        #expect(TextWidth.of("e\u{301}") == 1)
        #expect(TextWidth.of("日本") == 4)
        #expect(TextWidth.clip("Participatiewet en inkomen", to: 10) == "Participa…")
        var frame = Frame(width: 6, height: 1)
        frame.put("a日本b", x: 0, y: 0)
        #expect(frame.text == "a日本b")
        frame.put("日日日日", x: 0, y: 0)
        #expect(frame.text == "日日日", "a wide character that does not fit is not half drawn")
    }

    @Test("emoji joined with ZWJ take the columns the terminal draws: the text after them keeps its place (helper finding)")
    func joinedEmoji() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(family.count == 1)
        #expect(TextWidth.of(family) == 6, "three emoji of two columns each, as ncursesw draws them")
        #expect(TextWidth.of("👍🏽") == 4, "a skin tone is a scalar of its own on the terminal")
        #expect(TextWidth.of("☕️") == 2, "the variation selector takes no column")
        #expect(TextWidth.of("🚑") == 2, "transport symbols are wide (they were 1)")
        var frame = Frame(width: 12, height: 2)
        let end = frame.put("\(family)|ok", x: 0, y: 0)
        #expect(end == 9)
        #expect(frame[6, 0].character == "|" && frame[7, 0].character == "o")
        #expect(frame.text.hasPrefix("\(family)|ok"), "the frame reads back the same text")
        #expect((0..<6).map { frame[$0, 0].isContinuation } == [false, true, false, true, false, true])
        frame.put("ab\(family)", x: 0, y: 1, maxWidth: 7)
        #expect(frame.text.split(separator: "\n").last == "ab", "a family that does not fit whole is left out, not cut in half")
    }

    @Test("help scrolls: every key of the dashboard can be read at 80x24, none cut at the edge (q and Esc were below the screen)")
    func helpScrolls() {
        let opened = Example.after([.right, .right, .enter, .character("?")], Example.state())
        let top = View.render(opened).text
        #expect(top.contains(" Hulp — Dashboard                                                   ↓ voor meer"))
        #expect(!top.contains("Afsluiten (q buiten"))
        let bottom = View.render(Example.after([.end], opened)).text
        #expect(bottom.contains("    q            Afsluiten (q buiten tekstvelden, Ctrl-Q overal)"))
        #expect(bottom.contains(" Hulp — Dashboard                                              ↑ voor het begin"), "no 'more' at the end of the page")
        #expect(bottom.contains("    u            Uitleg: hoe dit bedrag is berekend (casussen, regels,\n                 prijzen, prijsjaar)"))
        var seen = Set<String>()
        var state = opened
        for _ in 0..<10 {
            for line in View.render(state).text.split(separator: "\n") where line.hasPrefix("    ") {
                seen.insert(String(line.dropFirst(4).prefix(13)).trimmingCharacters(in: .whitespaces))
            }
            state = Example.after([.down], state)
        }
        #expect(Keymap.described(on: .dashboard).allSatisfy { seen.contains($0.label) }, "\(seen)")
        #expect(View.render(Example.after([.home], state)).text == top)
    }
}
