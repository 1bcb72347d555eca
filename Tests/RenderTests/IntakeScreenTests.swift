import Foundation
import Testing
@testable import RendementsCore
@testable import RendementsDomain
@testable import RendementsRender

/// Key scripts that bring the example app to each intake step with realistic Dutch input.
enum IntakeScript {
    static func keys(_ text: String) -> [Key] { text.map { .character($0) } }

    static let context: [Key] = [.enter, .right, .tab] + keys("Team Noord") + [.enter] + keys("Zuidwolde-Ēé") + [.enter]
        + keys("06-01-2025") + [.enter] + keys("25-04-2025") + [.enter, .right, .enter, .right, .right, .right, .right, .right, .right, .right, .right, .enter,
        .right, .enter, .tab, .tab, .tab, .character(" "), .tab, .tab, .character(" ")]
    static let story: [Key] = context + [.pageDown] + keys("Meneer (78) woonde alleen sinds het overlijden van zijn vrouw en ging wekelijks naar de huisarts met klachten zonder duidelijke oorzaak. Hij zei: ‘ik ben niemand meer’.")
        + [.tab] + keys("Drie gesprekken thuis; koppeling aan een wandelgroep en een maatje.") + [.tab] + keys("Hij wandelt twee keer per week mee; de huisarts ziet hem minder.")
    static let effort: [Key] = story + [.pageDown] + keys("14") + [.tab, .tab, .tab] + keys("20") + [.tab] + keys("Materiaal moestuin") + [.tab] + keys("25,00")
    static let deployed: [Key] = effort + [.pageDown, .character("a")] + keys("respijt") + [.enter] + keys("2") + [.tab, .tab] + keys("Twee etmalen respijtzorg.") + [.enter]
    static let avoided: [Key] = deployed + [.pageDown, .character("a")] + keys("fysio") + [.enter] + keys("9") + [.tab, .tab, .tab] + keys("Fysiotherapeut: bewegen helpt.") + [.enter]
        + [.character("a")] + keys("verpleeghuis") + [.enter] + keys("1") + [.tab, .right, .tab] + keys("60") + [.tab, .right, .right, .tab] + keys("Casemanager noemde opname binnen een maand.") + [.enter]
    static let attribution: [Key] = avoided + [.pageDown, .backspace, .backspace, .backspace] + keys("70")
    static let overview: [Key] = attribution + [.pageDown]
}

@Suite("Intake screens as text at 80x24")
struct IntakeScreenTests {
    static func render(_ keys: [Key], width: Int = 80, height: Int = 24) -> String {
        let state = Example.after(keys, Example.state(width: width, height: height))
        return View.render(state).text
    }

    @Test("a one-line field scrolls by columns: with emoji or CJK the cursor stays inside the brackets and the end of the text shows (helper finding)")
    func fieldScrollsByColumns() {
        func field(_ text: String, cursor: Int?) -> (line: String, cursorX: Int?) {
            var frame = Frame(width: 24, height: 1)
            IntakeScreen.textField(text, cursor: cursor, x: 1, y: 0, width: 20, &frame)
            let selected = (0..<frame.width).first { frame[$0, 0].style == .selected }
            return (frame.text, selected)
        }
        let ascii = "abcdefghijklmnopqrstuvwxyz"
        let emoji = "abcdefghijklm😀nopqrstuvwxyz"
        // 19 columns inside the brackets: the text before the cursor and the cursor's cell.
        #expect(field(ascii, cursor: ascii.count).line == "[ijklmnopqrstuvwxyz ]")
        #expect(field(emoji, cursor: emoji.count).line == "[klm😀nopqrstuvwxyz ]")
        #expect(field(emoji, cursor: emoji.count).cursorX == 19, "the cursor is on the last cell inside; the ] stays in column 20")
        let cjk = "中文字符中文字符中文字符中文字符"
        #expect(field(cjk, cursor: cjk.count).line == "[符中文字符中文字符 ]", "the end of the text is shown while typing")
        #expect(field(cjk, cursor: 0).line == "[中文字符中文字符中…]", "from the start, cut with an ellipsis")
        #expect(field(cjk, cursor: 0).cursorX == 1)
    }

    @Test("step 1, context, with Dutch diacritics")
    func context() {
        let frame = View.render(Example.after(IntakeScript.context, Example.state()))
        Snapshot.assert(frame, named: "intake-1-context-80x24")
        #expect(frame.text.contains("[Zuidwolde-Ēé"))
        #expect(frame.text.contains("[x] Sociale relaties"))
    }

    @Test("step 2, the story, wrapped")
    func story() {
        let frame = View.render(Example.after(IntakeScript.story, Example.state()))
        Snapshot.assert(frame, named: "intake-2-verhaal-80x24")
        #expect(frame.text.contains("‘ik ben niemand meer’."))
    }

    @Test("step 3, own effort with € amounts and a running total")
    func effort() {
        let frame = View.render(Example.after(IntakeScript.effort, Example.state()))
        Snapshot.assert(frame, named: "intake-3-inzet-80x24")
        // 14 × 64 + 20 × 18,80 + 25 = 1.297
        #expect(frame.text.contains("Netto per wet: Wmo 2015 -€ 1.297"))
    }

    @Test("the line list sizes its value and likelihood columns to the widest figure and groups typed quantities (helper finding: '€ 23.152.476…', '12,5…', '1500,5 bezoek')")
    func largeLineFigures() throws {
        var state = Example.after(IntakeScript.avoided, Example.state())
        var draft = try #require(state.intake?.draft)
        draft.avoided[0].quantity = "1500,5"
        draft.avoided[0].likelihood = ""
        draft.avoided[0].customLikelihood = "12,5"
        draft.avoided[1].quantity = "999999"
        draft.avoided[1].per = Choices.periods[0]
        state.intake?.draft = draft
        let lines = View.render(state).text.split(separator: "\n").map(String.init)
        let first = try #require(lines.first { $0.hasPrefix("  1 Zvw") })
        let second = try #require(lines.first { $0.hasPrefix("  2 Wlz") })
        #expect(first.contains(" 1.500,5 zitting ") && first.contains(" 12,5 % "), "\(first) \(lines)")
        #expect(second.hasSuffix(" € 72.499.927,50"), "\(second)")
        #expect(!first.contains("…1") && !second.contains("€ 72.499.9…"))
        #expect(TextWidth.of(second) <= 79)
    }

    @Test("step 4, deployed care")
    func deployed() {
        Snapshot.assert(View.render(Example.after(IntakeScript.deployed, Example.state())), named: "intake-4-ingezet-80x24")
    }

    @Test("step 5, avoided care with the line editor and running totals per law")
    func avoided() {
        let frame = View.render(Example.after(IntakeScript.avoided, Example.state()))
        Snapshot.assert(frame, named: "intake-5-voorkomen-80x24")
        // The price, unit and year whole (they were cut off after '€ 290,00'); the description gives way.
        #expect(frame.text.contains(" Regel 2: Verpleeghuis: verpleging en verzorging inc… · € 290,00 per dag (2022)\n"))
        #expect(frame.text.contains(" 2 Wlz      Verpleeghuis: verpleging en v… 1/dag × 60      25 %    € 4.350,00\n"))
    }

    @Test("the picker over the price list")
    func picker() {
        let frame = View.render(Example.after(IntakeScript.deployed + [.pageDown, .character("a")] + IntakeScript.keys("ggz"), Example.state()))
        Snapshot.assert(frame, named: "intake-picker-80x24")
        #expect(frame.text.contains("Zoeken: ggz"))
    }

    @Test("step 6, attribution with its explanation")
    func attribution() {
        Snapshot.assert(View.render(Example.after(IntakeScript.attribution, Example.state())), named: "intake-6-toerekening-80x24")
    }

    @Test("step 7, the overview per law with warnings")
    func overview() {
        let frame = View.render(Example.after(IntakeScript.overview, Example.state()))
        Snapshot.assert(frame, named: "intake-7-overzicht-80x24")
        #expect(frame.text.contains("i indienen"))
    }

    @Test("amounts of millions fit whole in the overview and the running totals (they were cut at the edge)")
    func bigAmounts() {
        // 99.999 hours of own effort and 999.999 physiotherapy sessions.
        let keys = IntakeScript.story + [.pageDown] + IntakeScript.keys("99999")
            + [.pageDown, .character("a")] + IntakeScript.keys("respijt") + [.enter] + IntakeScript.keys("2") + [.tab, .tab] + IntakeScript.keys("Respijt.") + [.enter]
            + [.pageDown, .character("a")] + IntakeScript.keys("fysio") + [.enter] + IntakeScript.keys("999999") + [.tab, .tab, .tab] + IntakeScript.keys("Bewegen helpt.") + [.enter]
        for (at, screen) in [(keys + [.pageDown], "step 6"), (keys + [.pageDown, .pageDown], "overview")] {
            let text = View.render(Example.after(at, Example.state())).text
            let lines = text.split(separator: "\n").filter { $0.contains("€") }
            #expect(lines.count >= (screen == "overview" ? 4 : 1), "\(screen): \(text)")
            for line in lines { #expect(TextWidth.of(String(line)) < 80 && !line.contains("…"), "\(screen): '\(line)'") }
            if screen == "overview" {
                #expect(text.contains(" Wmo 2015      € 6.399.936,00  € 408,42           € 0,00  -€ 6.400.344,42\n"), "\(text)")
            } else {
                #expect(lines.contains { $0.hasPrefix(" Netto per wet: ") && $0.contains(" │ totaal ") }, "\(text)")
            }
        }
    }

    @Test("the overview at 120x30")
    func overviewWide() {
        Snapshot.assert(View.render(Example.after(IntakeScript.overview, Example.state(width: 120, height: 30))), named: "intake-7-overzicht-120x30")
    }

    @Test("the question to continue a saved draft")
    func resumeQuestion() {
        var draft = IntakeDraft(author: "sw-anouk", priceListVersion: "2026.1")
        draft.intervention = "Jongerenwerk"
        draft.periodEnd = "31-10-2025"
        let frame = View.render(Example.state(pendingDraft: draft))
        #expect(frame.text.contains("Er staat een onafgeronde casus klaar (Jongerenwerk, 31-10-2025)."))
        #expect(frame.text.contains("j = ja    n = nee"))
    }

    @Test("too small during an intake keeps the input")
    func tooSmall() {
        var state = Example.after(IntakeScript.story, Example.state())
        _ = Update.apply(.resized(Size(width: 70, height: 20)), to: &state)
        #expect(View.render(state).text.contains("Terminal te klein"))
        _ = Update.apply(.resized(Size(width: 80, height: 24)), to: &state)
        #expect(View.render(state).text.contains("‘ik ben niemand meer’."))
    }
}
