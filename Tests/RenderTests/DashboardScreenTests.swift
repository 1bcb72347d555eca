import Foundation
import RendementsDomain
import Testing
@testable import RendementsCore
@testable import RendementsRender

@Suite("Dashboard panels as text at 80x24")
struct DashboardScreenTests {
    static let open: [Key] = [.right, .right, .enter]

    @Test("verloop, per month, cumulative, with bars", arguments: [
        ([Key](), "dashboard-verloop-80x24"),
        ([.tab], "dashboard-wetten-80x24"),
        ([.tab, .tab], "dashboard-groepen-80x24"),
        ([.tab, .tab, .tab], "dashboard-patronen-80x24"),
        ([.character("2"), .character("u")], "dashboard-uitleg-80x24"),
    ])
    func panel(keys: [Key], name: String) {
        Snapshot.assert(View.render(Example.after(Self.open + keys, Example.state())), named: name)
    }

    @Test("the explanation's wrapped lines keep every amount whole (helper-32: '= € 9.814,6' for € 9.814,62)")
    func explanationAmountsWhole() throws {
        var state = Example.state()
        var records = state.openedRecords.values.sorted { $0.id < $1.id }
        // A long description and two factors push the amount to a continuation line.
        let words = (10..<60).map { "w\($0)" }
        for index in records.indices where !records[index].avoided.isEmpty {
            records[index].avoided[0].item.description = words.joined(separator: " ")
            records[index].avoided[0].horizonYears = 2
            records[index].avoided[0].dropOff = Percentage(10)
        }
        state.setRecords(records)
        for month in 1...5 {
            let text = View.render(Example.after(Self.open + [.character(Character(String(month))), .character("u")], state)).text
            // Every word of a wrapped description is on screen whole: a clipped continuation lost its last letters.
            if text.contains("w10 ") {
                for word in words { #expect(text.contains(word + " ") || text.contains(word + ":") || text.contains(word + "\n"), "\(word) whole") }
            }
            for line in text.split(separator: "\n") where line.contains("= €") {
                #expect(String(line).range(of: #"= -?€ [0-9.]+,[0-9]{2}( \(transfer\))?\s*$"#, options: .regularExpression) != nil, "'\(line)'")
            }
        }
    }

    @Test("a case that cannot be valued is left out and said so, on the dashboard and the start screen (helper-21)")
    func uncountedShown() throws {
        var state = Example.state()
        var records = try #require(Optional(state.openedRecords.values.sorted { $0.id < $1.id }))
        let index = try #require(records.firstIndex { $0.id == "C-0002" })
        records[index].avoided[0].quantity = .count(1_000_000_000_000_000)
        state.setRecords(records)
        let start = View.render(state).text
        #expect(start.contains("Let op: 1 casus niet meegeteld: niet te waarderen (zie report)"), "\(start)")
        #expect(start.contains("(4 van 7)"))
        let dashboard = View.render(Example.after(Self.open, state)).text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(dashboard[2] == " Filter: ingediende en goedgekeurde casussen · 4 casussen · 1 niet meegeteld")
        #expect(dashboard[3] == " (niet te waarderen)")
    }

    @Test("amounts of billions: columns that do not fit are left out whole, never cut; the range notice stays on one line (helper-21)")
    func billions() throws {
        var state = Example.state()
        var records = state.openedRecords.values.sorted { $0.id < $1.id }
        let index = try #require(records.firstIndex { $0.id == "C-0002" })
        var line = records[index].avoided[0]
        line.item.unitPrice = Money(cents: 9_000_000_000)
        line.quantity = .count(1)
        records[index].avoided = Array(repeating: line, count: 100)
        state.setRecords(records)
        for keys in [[Key](), [.tab], [.tab, .tab]] {
            let lines = View.render(Example.after(Self.open + keys, state)).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let heading = lines[4]
            // A heading ends in a whole column name, and each row's last figure is whole (it ends in a digit, or is "–").
            #expect(["Rend.", "Netto", "Mediaan", "Saldo", "Transfers"].contains { heading.hasSuffix($0) }, "\(heading)")
            for row in lines[5..<9] where !row.trimmingCharacters(in: .whitespaces).isEmpty {
                #expect(TextWidth.of(row) <= 80 && (row.last?.isNumber == true || row.hasSuffix("–")), "\(row)")
            }
            // The range stays one line, so the total line above it is not covered.
            let range = try #require(lines.firstIndex { $0.hasPrefix(" Netto laag ") || $0.hasPrefix(" laag ") }, "\(lines.joined(separator: "\n"))")
            #expect(lines[range - 1].hasPrefix(" Totaal: ") || lines[range - 1].hasPrefix(" voork. "), "\(lines.joined(separator: "\n"))")
            #expect(lines[range + 1].hasPrefix(" ↑↓ rij"))
        }
    }

    @Test("the active filter is always on screen")
    func filterShown() {
        let text = View.render(Example.after(Self.open + [.character("1"), .character("2")], Example.state())).text
        #expect(text.contains("Filter: alleen goedgekeurde casussen · team Team Centrum · 1 casus"))
        // Four filters at once wrap onto the next row rather than losing the last ones (and the count).
        let four = View.render(Example.after(Self.open + [.character("1"), .character("2"), .character("5"), .character("3")], Example.state())).text
        let lines = four.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == " Filter: alleen goedgekeurde casussen · 2025-01 t/m 2025-12 · team Team")
        #expect(lines[3] == " Centrum · interventie Jongerenwerk · 1 casus", "\(four)")
    }

    @Test("settings changed while the app runs (another price year): the next read brings them, and the title says which (helper-19)")
    func settingsFollowTheRead() throws {
        var state = Example.after(Self.open, Example.state())
        let title = { (state: AppState) in String(View.render(state).text.split(separator: "\n")[0]) }
        #expect(title(state) == " Dashboard — Voorbeeld: Welzijn Voorbeeldstad      VOORBEELD · eigen prijsjaren")
        var options = state.estimateOptions
        options.reportYear = 2025
        _ = Update.apply(.casesReloaded(PreparedFigures(state.cases), overview: state.overview, options: options), to: &state)
        #expect(state.estimateOptions.reportYear == 2025)
        #expect(title(state) == " Dashboard — Voorbeeld: Welzijn Voorbeeldstad        VOORBEELD · prijsjaar 2025")
    }

    @Test("wider terminals get longer bars")
    func wide() {
        Snapshot.assert(View.render(Example.after(Self.open, Example.state(width: 120, height: 30))), named: "dashboard-verloop-120x30")
    }

    @Test("Patronen scrolls to the selected row, which the hint bar never covers; a transfer is marked as one")
    func patronenScrolls() throws {
        let top = View.render(Example.after(Self.open + [.tab, .tab, .tab], Example.state())).text
        #expect(top.contains("   Bijstand alleenstaande 21–AOW incl. … (transfer)    1×     € 2.889"))
        #expect(top.contains("   € 1.000 – € 5.000          2 ██████████████████████████████          ↓ meer"), "more below is said")
        let bottom = View.render(Example.after(Self.open + [.tab, .tab, .tab, .end], Example.state()))
        let lines = bottom.text.split(separator: "\n", omittingEmptySubsequences: false)
        let last = try #require(lines.firstIndex { $0.hasPrefix("   € 10.000 of meer") })
        #expect(last < 20, "above the Totaal line and the three hint rows")
        #expect(bottom[3, last].style == .selected)
        #expect(!bottom.text.contains("Meest voorkomen zorg naar waarde"), "scrolled past the first heading")
        #expect(bottom.text.contains("↑ meer") && !bottom.text.contains("↓ meer"))
    }

    @Test("Patronen sizes its columns to the widest figure: no amount is cut (helper finding: '1234×€ 402.592.5…')")
    func patronenLargeFigures() throws {
        var state = Example.state()
        let records = state.openedRecords.values.sorted { $0.id < $1.id }.map { record -> CaseRecord in
            var large = record
            for index in large.avoided.indices { large.avoided[index].quantity = .count(150_000) }
            return large
        }
        // A copy of the case with the transfer: two lines of € 72 million make one item of € 144 million.
        var copy = try #require(records.first { $0.avoided.contains { $0.item.description.hasPrefix("Bijstand") } })
        copy.id = "C-9999"
        state.setRecords(records + [copy])
        let text = View.render(Example.after(Self.open + [.tab, .tab, .tab], state)).text
        let itemLines = text.split(separator: "\n").filter { $0.contains("×") }
        #expect(itemLines.count >= 5)
        for line in itemLines {
            #expect(line.range(of: #"[0-9.]+× +€ [0-9]{1,3}(\.[0-9]{3})*$"#, options: .regularExpression) != nil, "\(line)")
            #expect(line.count <= 79, "\(line)")
        }
        #expect(itemLines.contains { $0.range(of: #"€ [0-9]{3}\.[0-9]{3}\.[0-9]{3}$"#, options: .regularExpression) != nil },
                "an amount above € 100 million is shown whole: \(itemLines)")
        #expect(itemLines.first == "   Bijstand alleenstaande 21–AOW incl. … (transfer)    2× € 144.430.875")
    }
}
