import Foundation
import Testing
@testable import RendementsCore
@testable import RendementsDomain
@testable import RendementsRender

@Suite("Review screens as text at 80x24")
struct ReviewScreenTests {
    static func reviewer() -> AppState {
        var state = Example.state()
        state.user = "sw-bram"
        return state
    }

    @Test("the case browser")
    func browser() {
        let frame = View.render(Example.after([.right, .enter], Self.reviewer()))
        Snapshot.assert(frame, named: "browser-80x24")
        #expect(frame.text.contains("C-0003 Ingediend     sw-anouk  Mantelzorgonde… 26-09-2025    € 7.946    € 2.971"))
    }

    @Test("the browser and dashboard opened while the figures are still read say so: no '0 van 0' and no zero totals meanwhile")
    func openedWhileReading() {
        var state = Self.reviewer()
        let overview = state.overview
        state = AppState(size: state.size, overview: overview, priceList: state.priceList, user: state.user, cases: nil)
        #expect(!state.casesLoaded)
        state.screen = .browser
        let browser = View.render(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(browser[0] == " Casussen beoordelen — sw-bram" + String(repeating: " ", count: 43) + "leest…", "\(browser)")
        #expect(browser[4] == "   De casussen worden gelezen…", "\(browser)")
        state.screen = .dashboard
        let dashboard = View.render(state).text
        #expect(dashboard.contains("\n   De casussen worden gelezen…") && !dashboard.contains("0 casussen") && !dashboard.contains("€ 0"), "\(dashboard)")
    }

    @Test("steps that could not be saved are shown applied and counted on the case view, and leaving asks first")
    func unsavedSteps() {
        var state = Self.reviewer()
        var view = CaseViewState(caseID: "C-0003")
        view.reviewing = true
        view.pending = [.change(.attribution(Percentage(80)!), reason: "Andere hulp."), .move(.goedgekeurd, reason: "")]
        state.caseView = view
        state.screen = .caseView
        let text = View.render(state).text
        #expect(text.contains("\n 2 wijzigingen nog niet opgeslagen; o probeert opnieuw."), "\(text)")
        #expect(text.contains("\n Voorkomen zorg (toerekening 80 %)\n"), "the waiting change is shown, not typed again (helper finding): \(text)")
        state.confirmation = .dropReviewChanges("C-0003", count: 2, quitting: false)
        let asked = View.render(state).text
        #expect(asked.contains("│ 2 wijzigingen aan casus C-0003 konden niet worden opgeslagen. │"), "\(asked)")
        #expect(asked.contains("│ Zonder opslaan verder? (n blijft; o probeert opnieuw)"), "\(asked)")
    }

    @Test("the hint bar offers no key the role may not use: a manager sees no b or a (helper finding)")
    func hintsFollowTheRole() {
        var state = Self.reviewer()
        state.caseView = CaseViewState(caseID: "C-0003")
        state.screen = .caseView
        let folder = View.render(state).text
        #expect(folder.contains(" b beoordelen  a aanpassen\n Esc terug"), "\(folder)")
        state.permissions = Permissions(entersCases: false, reviews: false, roleName: "manager")
        let manager = View.render(state).text
        #expect(!manager.contains("beoordelen") && !manager.contains("aanpassen"), "\(manager)")
        #expect(manager.contains(" PgUp/PgDn blad  Home/End begin/eind  Esc terug"), "\(manager)")
    }

    @Test("long ids are shown whole: the id column grows, the intervention gives way")
    func longIDs() throws {
        var state = Self.reviewer()
        var big = try #require(state.record("C-0003"))
        big.id = "C-123456789"
        state.replaceRecord(big)
        let text = View.render(Example.after([.right, .enter, .character("s"), .character("s"), .character("s"), .character("s"),
                                              .character("s"), .character("s"), .character("s")], state)).text
        #expect(text.contains(" C-123456789 Ingediend     sw-anouk  Mantelzor… 26-09-2025    € 7.946    € 2.971"), "\(text)")
        #expect(text.contains(" Id          Status        Auteur    Intervent… Einde"))
    }

    @Test("amounts of millions are shown whole in the browser and every dashboard panel (issue 11: a cut-off number is a wrong number)")
    func bigAmountsFit() throws {
        var state = Self.reviewer()
        var big = try #require(state.record("C-0003"))
        big.avoided[0].quantity = .count(999_999)
        state.replaceRecord(big)
        let avoided = try #require(state.cases.first { $0.current.id == "C-0003" }.flatMap { try? $0.current.valued.get().total })
        let whole = DutchNumber.euroWhole(avoided.avoided)
        #expect(whole.count >= 12, "\(whole) is in the tens of millions")
        let browser = View.render(Example.after([.right, .enter], state)).text
        #expect(browser.contains(" " + whole + " "), "\(browser)")
        for keys in [[Key](), [.tab], [.tab, .tab]] {
            let dashboard = View.render(Example.after([.right, .right, .enter] + keys, state)).text
            let money = dashboard.split(separator: "\n").dropFirst(4).prefix(12).flatMap { $0.split(separator: "€").dropFirst() }
            for amount in money { #expect(!amount.contains("…"), "cut amount in \(dashboard)") }
            #expect(dashboard.range(of: #"[0-9]-?€"#, options: .regularExpression) == nil, "glued amounts in \(dashboard)")
            if keys.count == 2 { #expect(dashboard.contains(whole), "its group holds this case alone: \(dashboard)") }
            // The Totaal line: every amount and the ratio whole, in EUR too.
            for sign in ["€", "EUR"] {
                let text = DutchNumber.$euroSign.withValue(sign) { View.render(Example.after([.right, .right, .enter] + keys, state)).text }
                let line = try #require(text.split(separator: "\n").first { $0.contains(" · rend") }.map(String.init))
                let summary = DutchNumber.$euroSign.withValue(sign) { () -> [String] in
                    let total = state.overview.total
                    return [DutchNumber.euroWhole(total.avoided), DutchNumber.euroWhole(total.effort + total.deployed),
                            DutchNumber.euroWhole(total.net), DutchNumber.ratio(total.returnRatio)]
                }
                // Netto may give way (it is voorkomen minus kosten); what is shown is never cut.
                #expect(TextWidth.of(line) < 80 && !line.hasSuffix(","), "'\(line)' fits")
                for figure in summary where figure != summary[2] || line.contains("netto") {
                    #expect(line.contains(figure + " ") || line.hasSuffix(figure), "'\(figure)' whole in '\(line)'")
                }
            }
        }
    }

    @Test("a line wider than the screen wraps in the case view; its amount is never cut off")
    func caseViewWraps() throws {
        let state = Self.reviewer()
        for id in ["C-0002", "C-0003"] {
            let record = try #require(state.record(id))
            let valuation = try CaseValuation(record, options: state.estimateOptions)
            let document = CaseDocument(record, priceList: state.priceList, options: state.estimateOptions, width: 78)
            #expect(document.lines.allSatisfy { TextWidth.of($0.text) <= 78 }, "every line fits")
            let joined = document.lines.map { $0.text.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            for value in valuation.deployedValues + valuation.avoidedLines.map(\.value) {
                #expect(joined.contains("= " + DutchNumber.euro(value)), "\(id): \(DutchNumber.euro(value))")
            }
        }
    }

    @Test("the case view values with the business case's settings and shows every factor of a line (helper-31: a two-year line's formula did not add up, and the view used the default discount)")
    func caseViewFactors() throws {
        let state = Self.reviewer()
        var record = try #require(state.record("C-0003"))
        record.avoided[0].horizonYears = 2
        record.avoided[0].dropOff = Percentage(10)
        var options = state.estimateOptions
        options.discountRate = try #require(Percentage(4))
        let value = try CaseValuation(record, options: options).avoidedLines[0].value
        #expect(value != (try CaseValuation(record, options: .plain)).avoidedLines[0].value, "the settings matter for this line")
        let document = CaseDocument(record, priceList: state.priceList, options: options, width: 78)
        let text = document.lines.map { $0.text.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        // 1 + 90 % / 1,04 = 1,865385: the line can be checked by hand.
        #expect(text.contains("(2022) × 1,865385 (2 jaar, afname 10 %) × kans 50 % × 60 % = \(DutchNumber.euro(value))"), "\(text)")
    }

    @Test("the browser filtered on status ingediend")
    func filtered() {
        let text = View.render(Example.after([.right, .enter, .character("1"), .character("1")], Self.reviewer())).text
        #expect(text.contains("Filter: status: ingediend"))
        #expect(text.contains("2 van 7"))
    }

    @Test("while the store looks for a query's matches, the title bar says so over the rows of the query before, also beside a long query")
    func searchAwaited() {
        // Example.after carries out no effect: the search is asked for and not answered.
        let long = Array("woningcorporatie en deurwaarder").map(Key.character)
        let text = View.render(Example.after([.right, .enter, .character("2"), .character("/")] + long, Self.reviewer())).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix(" Casussen beoordelen — sw-bram") && lines[0].hasSuffix(" zoekt… 3 van 7"), "\(lines[0])")
        #expect(lines[1].hasPrefix(" Filter: auteur: "), "the query itself may be cut at 80 columns: \(lines[1])")
    }

    @Test("taking over a lock nobody holds any more asks first, both lines whole at 80x24")
    func takeOverLock() {
        var state = Example.after([.right, .enter, .down, .down, .enter], Self.reviewer())
        state.confirmation = .takeOverLock("C-0003")
        let text = View.render(state).text
        #expect(text.contains("Wie deze casus vergrendelde, houdt het slot niet meer vast."), "\(text)")
        #expect(text.contains("Wil je het slot overnemen en beoordelen?"))
    }

    @Test("a case, read-only")
    func caseView() {
        let frame = View.render(Example.after([.right, .enter, .down, .down, .enter], Self.reviewer()))
        Snapshot.assert(frame, named: "casus-lezen-80x24")
        #expect(frame.text.contains("C-0003 · Ingediend · auteur sw-anouk · VOORBEELD (fictief)"))
    }

    @Test("issue 14: reviewing, each line shows where it sits among colleagues' approved lines of the same item; fewer than 5 say nothing")
    func lineAmongComparable() throws {
        var state = Example.after([.right, .enter, .down, .down, .enter, .character("b")], Self.reviewer())
        _ = Update.apply(.lockResult(id: "C-0003", .acquired), to: &state)
        let record = try #require(state.record("C-0003"))
        let effects = Update.apply(.casesLoaded([record]), to: &state)
        let codes = record.avoided.map(\.item.code)
        #expect(effects == [.loadComparisons(caseID: "C-0003", intervention: record.context.intervention, codes: codes)])
        let first = record.avoided[0]
        var comparisons = [codes[0]: ComparableLines(units: [1, 1, 2, 2, 3, 30, 40], likelihoods: [25, 25, 50, 50, 90, 90, 90], cases: 6)]
        comparisons[codes[1]] = ComparableLines(units: [1, 2, 3, 4, 5], likelihoods: [50, 50, 50, 50, 50], cases: 4)
        _ = Update.apply(.comparisonsLoaded(caseID: "C-0003", comparisons), to: &state)
        let text = View.render(state).text
        let expected = try #require(comparisons[codes[0]]?.dutchPosition(units: first.quantity.units, likelihood: first.likelihood,
                                                                          intervention: record.context.intervention))
        #expect(expected.hasPrefix("vergeleken met 7 goedgekeurde regels bij \(record.context.intervention): hoeveelheid "))
        #expect(text.contains(String(expected.prefix(60))), "\(text)")
        #expect(!text.contains("vergeleken met 5"), "five lines from four cases are too few to compare with")
        _ = Update.apply(.comparisonsLoaded(caseID: "C-0099", [:]), to: &state)
        #expect(state.caseView?.comparisons == comparisons, "an answer for another case is ignored")
    }

    @Test("reviewing: End and PgDn reach the history below the lines, and ↑↓ bring the selected line back (helper-31: the view stuck on the selected line)")
    func reviewingScrolls() throws {
        var state = Example.after([.right, .enter, .down, .down, .enter, .character("b")], Self.reviewer())
        _ = Update.apply(.lockResult(id: "C-0003", .acquired), to: &state)
        var record = try #require(state.record("C-0003"))
        for (step, reason) in ["Eerste.", "Tweede.", "Derde.", "Vierde.", "Vijfde."].enumerated() {
            try record.review(.likelihood(line: 2, Percentage(Decimal(20 + step))!), by: "sw-bram", at: "2026-11-24T10:0\(step):00Z", reason: reason)
        }
        _ = Update.apply(.caseSaved(record), to: &state)
        #expect(!View.render(state).text.contains("Vijfde."), "the last event is below the screen")
        let end = View.render(Example.after([.end], state)).text
        #expect(end.contains("sw-bram: voorkomen regel 2, kans: 23 % → 24 % — Vijfde."), "\(end)")
        let paged = Example.after([.home, .pageDown, .pageDown], state)
        #expect(View.render(paged).text.contains("Vijfde."))
        let back = View.render(Example.after([.down], paged)).text
        #expect(back.contains("▶"), "the selected line is in sight again: \(back)")
        // A change asked for while scrolled away brings its line back in sight (helper-32).
        #expect(View.render(Example.after([.end, .character("k")], state)).text.contains("▶"))
        // PgUp after End goes up a page (End no longer pins the view to the end).
        let up = View.render(Example.after([.end, .pageUp], state)).text
        #expect(!up.contains("Vijfde.") && up != end)
        // Reviewing begun after scrolling the case while reading it shows the selected line whole (helper-35: its heading was above the screen).
        var scrolled = Example.after([.right, .enter, .down, .down, .enter, .pageDown, .pageDown, .character("b")], Self.reviewer())
        _ = Update.apply(.lockResult(id: "C-0003", .acquired), to: &scrolled)
        let begun = View.render(scrolled).text.split(separator: "\n")
        #expect(begun.first { $0.hasPrefix("▶") }?.contains("1 ") == true, "\(begun.joined(separator: "\n"))")
    }

    @Test("the approval question says when its net includes a change not yet saved (helper-32: it differed from the screen)")
    func approvalNamesWaitingChange() throws {
        var state = Example.after([.right, .enter, .down, .down, .enter, .character("b")], Self.reviewer())
        _ = Update.apply(.lockResult(id: "C-0003", .acquired), to: &state)
        #expect(View.render(Example.after([.character("g")], state)).text.contains("Casus C-0003 goedkeuren (netto € 2.971,12)?"))
        state = Example.after([.character("t"), .backspace, .backspace], state)
        state = Example.after([.character("5"), .character("0"), .enter], state)
        for character in "Minder." { _ = Update.apply(.key(.character(character)), to: &state) }
        _ = Update.apply(.key(.enter), to: &state)
        _ = Update.apply(.caseSaveFailed("Niet opgeslagen."), to: &state)
        let asked = View.render(Example.after([.character("g")], state)).text
        #expect(asked.contains("Casus C-0003 goedkeuren (netto € 1.646,72)?"), "\(asked)")
        #expect(asked.contains("Inclusief je wijziging die nog niet is opgeslagen; daarna telt hij mee."), "\(asked)")
    }

    @Test("reviewing: the selected line, original → reviewed totals and a reason prompt")
    func reviewing() throws {
        var state = Example.after([.right, .enter, .down, .down, .enter, .character("b")], Self.reviewer())
        _ = Update.apply(.lockResult(id: "C-0003", .acquired), to: &state)
        var record = try #require(state.record("C-0003"))
        try record.review(.likelihood(line: 2, Percentage(25)!), by: "sw-bram", at: "2026-11-24T10:00:00Z", reason: "Viel maar één keer.")
        _ = Update.apply(.caseSaved(record), to: &state)
        state = Example.after([.down, .down, .character("h"), .backspace], state)
        let frame = View.render(state)
        Snapshot.assert(frame, named: "casus-beoordelen-80x24")
        #expect(frame.text.contains("Nieuwe hoeveelheid (visite) voor regel 3:"))
        #expect(frame.text.contains("▶  3 Zvw · Huisarts visite"))
    }
}
