import Testing
@testable import RendementsCore
@testable import RendementsDomain

@Suite("App core: messages in, state and effects out")
struct UpdateTests {
    static let list = PriceList(
        name: "Test", version: "t1",
        laws: [Law(code: "wmo", name: "Wmo 2015", financier: "gemeente"), Law(code: "zvw", name: "Zvw", financier: "zorgverzekeraar")],
        items: [
            PriceItem(code: "WMO-HH", lawCode: "wmo", category: "", description: "Huishoudelijke hulp", unit: "uur", price: Money(cents: 3276),
                      priceYear: 2022, source: "KH24", grade: .groen, kind: .kosten),
            PriceItem(code: "ZVW-FYSIO", lawCode: "zvw", category: "", description: "Fysiotherapie", unit: "zitting", price: Money(cents: 3889),
                      priceYear: 2022, source: "KH24", grade: .groen, kind: .kosten, synonyms: ["fysio"]),
            PriceItem(code: "ZVW-HA", lawCode: "zvw", category: "", description: "Huisarts consult", unit: "consult", price: Money(cents: 3087),
                      priceYear: 2022, source: "KH24", grade: .groen, kind: .kosten, synonyms: ["dokter"]),
        ],
        hourlyRates: [], index: [])

    static func state() -> AppState {
        let overview = Overview(businessCaseName: "Test", examples: .none, summary: BusinessCaseSummary(cases: []), priceList: list, dataProblems: [])
        return AppState(size: Size(width: 80, height: 24), overview: overview, priceList: list)
    }

    func send(_ keys: [Key], to state: inout AppState) -> [Effect] {
        keys.flatMap { Update.apply(.key($0), to: &state) }
    }

    @Test("issue 11: before the cases' figures are read the overview is as given; opening the browser asks for them")
    func overviewWithoutFigures() {
        var summed = SummedLawTotals()
        summed.statusCounts = [.ingediend: 2]
        summed.countedCases = 2
        summed.total = Totals(avoided: Money(cents: 10_000), deployed: .zero, effort: Money(cents: 2_500))
        let overview = Overview(businessCaseName: "Test", examples: .none,
                                summary: BusinessCaseSummary(summed: summed, filter: CaseFilter(), options: .plain), priceList: Self.list, dataProblems: [])
        var state = AppState(size: Size(width: 80, height: 24), overview: overview, priceList: Self.list, cases: nil)
        #expect(!state.casesLoaded)
        #expect(state.overview.countedCases == 2 && state.overview.total.net == Money(cents: 7_500), "not summed again from no cases")
        #expect(send([.right, .enter], to: &state) == [.reloadCases])
        _ = Update.apply(.casesReloaded(PreparedFigures([]), overview: overview, options: state.estimateOptions), to: &state)
        #expect(state.casesLoaded)
        #expect(state.overview.countedCases == 0, "from now on derived from the cases read")
    }

    @Test("menu: arrows and Tab move and wrap around")
    func menu() {
        var state = Self.state()
        _ = send([.right, .right], to: &state)
        #expect(state.selectedMenuItem == .dashboard)
        _ = send([.tab, .tab], to: &state)
        #expect(state.selectedMenuItem == .prijslijst)
        _ = send([.tab], to: &state)
        #expect(state.selectedMenuItem == .nieuweCasus)
        _ = send([.left], to: &state)
        #expect(state.selectedMenuItem == .prijslijst)
    }

    @Test("price list: open, move, search on synonym, clear, back")
    func priceList() {
        var state = Self.state()
        _ = send([.left, .enter], to: &state)
        #expect(state.screen == .priceList)
        #expect(state.priceListRows.count == 5)
        #expect(state.priceListCursor == 1, "a law's heading is no choice: the cursor starts on its first item")
        _ = send([.down], to: &state)
        #expect(state.priceListCursor == 3, "down from Huishoudelijke hulp skips the Zvw heading")
        _ = send([.up], to: &state)
        #expect(state.priceListCursor == 1, "and up skips it too")
        _ = send([.up], to: &state)
        #expect(state.priceListCursor == 1 && state.priceListScroll == 0, "the top item keeps its heading in view")
        _ = send([.down, .down, .down, .down, .down, .down], to: &state)
        #expect(state.priceListCursor == 4, "the cursor stops at the last row")
        _ = send([.character("/"), .character("d"), .character("o"), .character("k")], to: &state)
        #expect(state.priceListRows == [.heading("Zvw — zorgverzekeraar"), .item(Self.list.items[2])])
        #expect(state.priceListCursor == 1, "the one item found is selected (it was the heading)")
        _ = send([.character("q")], to: &state)
        #expect(state.priceListQuery == "dokq", "while searching, q is a letter, not quit")
        _ = send([.backspace, .enter], to: &state)
        #expect(state.priceListQuery == "dok")
        #expect(!state.isEditingQuery)
        _ = send([.character("/"), .escape], to: &state)
        #expect(state.priceListQuery == "")
        _ = send([.escape], to: &state)
        #expect(state.screen == .start)
    }

    @Test("a search that finds nothing says so")
    func emptySearch() {
        var state = Self.state()
        _ = send([.left, .enter, .character("/"), .character("x"), .character("y")], to: &state)
        #expect(state.priceListRows.isEmpty)
        #expect(state.notice == "Niets gevonden voor 'xy'.")
    }

    @Test("help opens for the current screen and Esc returns there")
    func help() {
        var state = Self.state()
        _ = send([.left, .enter, .function(1)], to: &state)
        #expect(state.screen == .help(returnTo: .priceList))
        _ = send([.escape], to: &state)
        #expect(state.screen == .priceList)
        _ = send([.escape, .character("?")], to: &state)
        #expect(state.screen == .help(returnTo: .start))
    }

    @Test("q and Ctrl-C quit from any screen; other keys do not")
    func quit() {
        var state = Self.state()
        #expect(send([.character("x"), .escape, .right], to: &state).isEmpty)
        #expect(send([.character("q")], to: &state) == [.quit])
        var other = Self.state()
        #expect(send([.control("c")], to: &other) == [.quit])
    }

    @Test("resizing keeps the state and keeps the cursor visible")
    func resize() {
        var state = Self.state()
        _ = send([.left, .enter, .down, .down, .down, .down], to: &state)
        _ = Update.apply(.resized(Size(width: 60, height: 10)), to: &state)
        #expect(state.size == Size(width: 60, height: 10))
        #expect(state.size.isTooSmall)
        #expect(state.priceListCursor == 4)
        #expect(state.priceListScroll == 4 - PriceListLayout.visibleRows(state.bodySize) + 1)
        _ = Update.apply(.resized(Size(width: 80, height: 24)), to: &state)
        #expect(state.screen == .priceList)
        #expect(state.priceListScroll == 0)
    }

    @Test("one keymap: every key shown to the user dispatches to the action it describes")
    func keymapConsistency() {
        for screen in ScreenKind.allCases {
            for binding in Keymap.described(on: screen) {
                for key in binding.keys {
                    #expect(Keymap.action(for: key, on: screen) == binding.action, "\(binding.label) on \(screen)")
                }
            }
        }
        #expect(Keymap.described(on: .start).compactMap(\.hint) == ["kiezen", "openen", "hulp", "afsluiten"])
    }

    @Test("the hint bar lists every key of every screen, in at most three rows that fit 80 columns (issue 12: the footer hid w, n, x, Esc)")
    func hintBarListsAllKeys() {
        for screen in ScreenKind.allCases {
            for typing in [false, true] {
                let rows = Keymap.hintRows(on: screen, typing: typing, width: 80)
                let expected = Keymap.described(on: screen).compactMap { typing ? $0.typingLabel : $0.label }
                #expect(rows.flatMap { $0 }.map(\.label) == expected, "\(screen) typing \(typing)")
                #expect(rows.count <= 3, "\(screen): \(rows.count) rows")
                for row in rows {
                    let width = 1 + row.map { TextWidth.of($0.label) + 1 + TextWidth.of($0.text) }.reduce(0, +) + 2 * (row.count - 1)
                    #expect(width < 80, "\(screen): \(row)")
                }
            }
        }
        #expect(Keymap.described(on: .caseReview).map(\.label) == ["↑↓", "PgUp/PgDn", "Home/End", "k", "h", "t", "w", "n", "x", "g", "r", "o", "Esc", "?/F1", "q"])
        // In a field letters are text or type-ahead, so the bar names the keys that still act there
        // (a helper pressed the listed 'a' and 'x' on a pick list and changed its choice).
        // Del edits the text there, so the bar does not offer it as "weg" (a helper found 12 became 1).
        #expect(Keymap.hintRows(on: .intakeLines, typing: true, width: 80).flatMap { $0 }.map(\.label)
                == ["Tab/↓", "Shift-Tab/↑", "PgDn", "PgUp", "Ctrl-A", "Ctrl-S", "Esc", "F1", "Ctrl-Q"])
        // A yes/no question shows only its answers (the bar listed Tab, i, c under the dialog).
        var asked = Self.state()
        asked.confirmation = .quit(unsaved: false)
        #expect(asked.hintRows.flatMap { $0 }.map(\.label) == ["j/y", "n/Esc"])
        #expect(Keymap.hintRows(on: .start, typing: false, width: 80).count == 1)
        #expect(Keymap.hintRows(on: .browser, typing: false, width: 80).count == 3)
        // The screen gives the bar's extra rows up, so paging counts in what is visible.
        var state = Self.state()
        _ = send([.right, .enter], to: &state)
        #expect(state.screenKind == .browser && state.bodySize == Size(width: 80, height: 22))
    }

    @Test("Home and End go to the first and the last row of the price list and the picker")
    func homeAndEnd() throws {
        var state = Self.state()
        _ = send([.left, .enter, .end], to: &state)
        #expect(state.priceListCursor == state.priceListRows.count - 1)
        _ = send([.home], to: &state)
        #expect(state.priceListCursor == 1, "the first item, under its heading")
        var picker = ItemPicker(kind: .avoided)
        _ = picker.handle(.end, list: Self.list)
        #expect(picker.cursor == 2)
        _ = picker.handle(.home, list: Self.list)
        #expect(picker.cursor == 0)
    }

    @Test("wrapping never splits an amount from its euro sign")
    func wrapKeepsAmounts() {
        for (text, sign) in [("kosten = € 97,24", "€"), ("kosten = EUR 97,24", "EUR")] {
            let characters = Array(text)
            let lines = TextEditing.wrap(text, width: text.count - 3).map { String(characters[$0.start..<$0.end]) }
            #expect(lines == ["kosten =", "\(sign) 97,24"])
        }
    }
}
