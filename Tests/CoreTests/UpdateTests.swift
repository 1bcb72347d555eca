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
        let overview = Overview(businessCaseName: "Test", fictional: false, summary: BusinessCaseSummary(cases: []), priceList: list, dataProblems: [])
        return AppState(size: Size(width: 80, height: 24), overview: overview, priceList: list)
    }

    func send(_ keys: [Key], to state: inout AppState) -> [Effect] {
        keys.flatMap { Update.apply(.key($0), to: &state) }
    }

    @Test("menu: arrows and Tab move and wrap around")
    func menu() {
        var state = Self.state()
        _ = send([.right, .right], to: &state)
        #expect(state.selectedMenuItem == .dashboard)
        _ = send([.tab, .tab], to: &state)
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
        _ = send([.down, .down, .down, .down, .down, .down], to: &state)
        #expect(state.priceListCursor == 4, "the cursor stops at the last row")
        _ = send([.character("/"), .character("d"), .character("o"), .character("k")], to: &state)
        #expect(state.priceListRows == [.heading("Zvw — zorgverzekeraar"), .item(Self.list.items[2])])
        #expect(state.priceListCursor == 0)
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
        #expect(state.priceListScroll == 4 - PriceListLayout.visibleRows(state.size) + 1)
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
}
