import Foundation
import Testing
@testable import RendementsCore
@testable import RendementsDomain

@Suite("Review in the app core: browser, case view, reasons, decisions")
struct ReviewFlowTests {
    static func records() -> [CaseRecord] {
        func item(_ code: String, _ law: String, _ cents: Int64) -> PricedItem {
            PricedItem(code: code, law: law, description: code, unit: "stuk", unitPrice: Money(cents: cents), priceYear: 2022, kind: .kosten)
        }
        func record(_ id: String, _ status: CaseStatus, _ author: String, _ team: String, story: String, avoidedCents: Int64) -> CaseRecord {
            CaseRecord(id: id, status: status, author: author,
                       context: CaseContext(intervention: team == "Noord" ? "Sociaal Recept" : "Schuldhulp", team: team, municipality: "X",
                                            periodStart: CalendarDay(year: 2025, month: 1, day: 1)!, periodEnd: CalendarDay(year: 2025, month: 6, day: 1)!),
                       story: CaseStory(situation: story),
                       avoided: [AvoidedCareLine(item: item("ZVW-HA", "zvw", avoidedCents), quantity: .count(10), likelihood: Percentage(50)!, reasoning: "huisarts"),
                                 AvoidedCareLine(item: item("WLZ-VPH", "wlz", 29000), quantity: .count(10), likelihood: Percentage(50)!, reasoning: "opname")],
                       attribution: Percentage(100)!, priceListVersion: "t1")
        }
        return [
            record("C-0001", .ingediend, "anouk", "Noord", story: "Eenzaam na verhuizing.", avoidedCents: 3000),
            record("C-0002", .goedgekeurd, "bram", "Zuid", story: "Schulden bij de woningcorporatie.", avoidedCents: 1000),
            record("C-0003", .teruggestuurd, "bram", "Noord", story: "Mantelzorger overbelast.", avoidedCents: 5000),
        ]
    }

    /// The test list with the nursing-home day these cases hold: a rework submits only lines of the list the case names.
    static let list: PriceList = {
        let base = UpdateTests.list
        return PriceList(name: base.name, version: base.version, laws: base.laws + [Law(code: "wlz", name: "Wlz", financier: "zorgkantoor")],
                         items: base.items + [PriceItem(code: "WLZ-VPH", lawCode: "wlz", category: "", description: "Verpleeghuisdag", unit: "dag",
                                                        price: Money(cents: 29000), priceYear: 2022, source: "KH24", grade: .oranje, kind: .kosten)],
                         hourlyRates: base.hourlyRates, index: base.index)
    }()

    static func driver(user: String) -> IntakeDriver {
        var driver = IntakeDriver()
        driver.state.priceList = list
        driver.state.intakeForm = IntakeForm(hourlyRates: driver.state.intakeForm.hourlyRates, interventions: driver.state.intakeForm.interventions, priceList: list)
        driver.state.user = user
        driver.state.setRecords(records())
        driver.press(.right, .enter)   // Casussen beoordelen
        return driver
    }

    @Test("filters cycle through the values, search looks in stories, sort orders and reverses")
    func browser() {
        var driver = Self.driver(user: "chris")
        #expect(driver.state.screen == .browser)
        #expect(driver.state.browserRows.map(\.figures.id) == ["C-0001", "C-0002", "C-0003"])
        driver.press(.character("1"))
        #expect(driver.state.browser.filter.status == .concept)
        #expect(driver.state.browserRows.isEmpty)
        driver.press(.character("1"))
        #expect(driver.state.browserRows.map(\.figures.id) == ["C-0001"])
        driver.press(.character("0"), .character("4"))
        #expect(driver.state.browser.filter.team == "Noord")
        #expect(driver.state.browserRows.map(\.figures.id) == ["C-0001", "C-0003"])
        driver.press(.character("0"), .character("/"))
        driver.type("woning")
        driver.press(.enter)
        #expect(driver.state.browserRows.map(\.figures.id) == ["C-0002"])
        driver.press(.character("0"))
        for _ in 0..<5 { driver.press(.character("s")) }
        #expect(driver.state.browser.sort == .avoided)
        #expect(driver.state.browserRows.map(\.figures.id) == ["C-0002", "C-0001", "C-0003"])
        driver.press(.character("s"), .character("s"))
        #expect(driver.state.browser.descending)
        let sortedOn = driver.state.browser.sort
        driver.press(.character("S"))
        #expect(!driver.state.browser.descending && driver.state.browser.sort == sortedOn, "S reverses the order, on the same column")
    }

    @Test("a search's answer may come after later keys: the browser waits for the latest query's, and says so")
    func lateSearchAnswers() {
        var driver = Self.driver(user: "chris")
        for key in [Key.character("/"), .character("w"), .character("o"), .character("n"), .character("i")] {
            _ = Update.apply(.key(key), to: &driver.state)  // the answers stay out, as while the store searches
        }
        #expect(driver.state.browser.isAwaitingMatches)
        #expect(driver.state.browserRows.map(\.figures.id) == ["C-0001", "C-0002", "C-0003"], "no answer yet: every row")
        _ = Update.apply(.searchResults(query: "won", ids: ["C-0002"]), to: &driver.state)
        #expect(driver.state.browser.matches == nil && driver.state.browser.isAwaitingMatches, "an answer to an older query is dropped")
        _ = Update.apply(.searchResults(query: "woni", ids: ["C-0002"]), to: &driver.state)
        #expect(!driver.state.browser.isAwaitingMatches)
        #expect(driver.state.browserRows.map(\.figures.id) == ["C-0002"])
        _ = Update.apply(.key(.character("x")), to: &driver.state)
        #expect(driver.state.browser.isAwaitingMatches && driver.state.browserRows.map(\.figures.id) == ["C-0002"],
                "the rows of the query before stay until the answer")
        _ = Update.apply(.key(.backspace), to: &driver.state)
        _ = Update.apply(.key(.backspace), to: &driver.state)
        _ = Update.apply(.key(.backspace), to: &driver.state)
        #expect(!driver.state.browser.isAwaitingMatches && driver.state.browser.matches == nil, "two letters: no search, nothing awaited")
        _ = Update.apply(.key(.escape), to: &driver.state)
        #expect(!driver.state.browser.isAwaitingMatches && driver.state.browser.query == "")

        // Helper findings: Enter while the answer is on its way opened a case of the query before;
        // filters cleared (0) mid-search left "(zoekt…)" for good.
        for key in [Key.character("/"), .character("w"), .character("o"), .character("n"), .enter] {
            _ = Update.apply(.key(key), to: &driver.state)
        }
        #expect(driver.state.browser.isAwaitingMatches && !driver.state.browser.isSearching)
        #expect(Update.apply(.key(.enter), to: &driver.state) == [])
        #expect(driver.state.screen == .browser && driver.state.notice == "De zoekopdracht loopt nog; open een casus als de lijst er is.")
        _ = Update.apply(.searchResults(query: "won", ids: ["C-0002"]), to: &driver.state)
        #expect(Update.apply(.key(.enter), to: &driver.state) == [.loadCases(["C-0002"])])
        _ = Update.apply(.key(.escape), to: &driver.state)
        for key in [Key.character("/"), .character("s"), .character("c"), .character("h"), .enter, .character("0")] {
            _ = Update.apply(.key(key), to: &driver.state)
        }
        #expect(driver.state.browser.query == "" && !driver.state.browser.isAwaitingMatches)
    }

    @Test("a marked paste goes into a prompt or search, never acts as keys; control characters never enter a reason (helper-28 findings)")
    func pasteIsNeverKeys() {
        var reviewer = Self.driver(user: "chris")
        reviewer.press(.enter, .character("b"))
        reviewer.deliver(.lockResult(id: "C-0001", .acquired))
        reviewer.effects = []
        // Before: g asked to approve, the j of "jouw" said yes, and the case was approved.
        reviewer.deliver(.key(.paste("graag jouw cijfers nakijken")))
        #expect(reviewer.effects.isEmpty && reviewer.state.confirmation == nil && reviewer.state.caseView?.prompt == nil)
        #expect(reviewer.state.notice == "Plakken kan alleen in een tekstveld of zoekregel; er is niets gedaan.")
        // In a reason it is text: a line break a space, control characters left out.
        reviewer.press(.character("k"))
        reviewer.press(.backspace, .backspace)
        reviewer.type("60")
        reviewer.press(.enter)
        reviewer.deliver(.key(.paste("dubbel\ngeteld\u{7}bel\u{1B}Z\u{1}x")))
        #expect(reviewer.state.caseView?.prompt?.text == "dubbel geteldbelZx")
        // A question waiting takes no paste, whatever letters it holds.
        reviewer.state.caseView?.prompt = nil
        reviewer.press(.character("g"))
        let question = reviewer.state.confirmation
        #expect(question != nil)
        reviewer.effects = []
        reviewer.deliver(.key(.paste("ja")))
        #expect(reviewer.state.confirmation == question && reviewer.effects.isEmpty)
        // The browser's search takes it.
        var browsing = Self.driver(user: "chris")
        browsing.press(.character("/"))
        browsing.deliver(.key(.paste("woning\ncorp")))
        #expect(browsing.state.browser.query == "woning corp" && browsing.state.browser.isSearching)
    }

    @Test("review: lock first, then every change asks for a value and a reason and is saved with an event")
    func reviewChange() throws {
        var driver = Self.driver(user: "chris")
        driver.press(.enter)
        #expect(driver.state.caseView?.caseID == "C-0001")
        driver.effects = []
        driver.press(.character("b"))
        #expect(driver.effects == [.lockCase("C-0001", takeOver: false)])
        driver.deliver(.lockResult(id: "C-0001", .acquired))
        #expect(driver.state.caseView?.reviewing == true)
        #expect(driver.state.screenKind == .caseReview)
        driver.press(.down, .character("k"))
        #expect(driver.state.caseView?.prompt?.purpose == .likelihood(line: 2))
        #expect(driver.state.caseView?.prompt?.text == "50" && driver.state.caseView?.prompt?.replacesOnType == true)
        driver.type("x")
        #expect(driver.state.notice == "Alleen cijfers, zoals 12 of 2,5; de waarde blijft zoals hij was.")
        #expect(driver.state.caseView?.prompt?.text == "50", "a letter is refused at once, not at Enter")
        driver.type("25")
        #expect(driver.state.caseView?.prompt?.text == "25", "typing replaces the value shown (it made 5025 before)")
        driver.press(.enter)
        driver.effects = []
        driver.press(.enter)
        #expect(driver.state.notice == "Geef een reden; elke wijziging wordt met reden bewaard.")
        #expect(driver.effects.isEmpty)
        driver.type("Opname was niet gepland.")
        driver.press(.enter)
        guard case .saveCase(let saved, _) = driver.effects.last else {
            Issue.record("expected a save")
            return
        }
        #expect(saved.avoided[1].likelihood.value == 25)
        #expect(saved.original?.avoided[1].likelihood.value == 50)
        #expect(saved.history.map { [$0.by, $0.field, $0.old, $0.new, $0.reason] } == [["chris", "voorkomen[2].kans", "50", "25", "Opname was niet gepland."]])
        driver.deliver(.caseSaved(saved))
        #expect(driver.state.record("C-0001")?.avoided[1].likelihood.value == 25)

        driver.effects = []
        driver.press(.character("g"), .enter)
        #expect(driver.effects.isEmpty, "approving asks first (issue 12, finding 9); Enter is no answer")
        #expect(driver.state.confirmation == .reviewDecision("C-0001", .move(.goedgekeurd, reason: "")))
        driver.press(.character("n"))
        #expect(driver.effects.isEmpty && driver.state.notice == "Niet goedgekeurd; de casus is niet veranderd.")
        driver.press(.character("g"), .character("y"))
        guard case .saveCase(let approved, _) = driver.effects.last else {
            Issue.record("expected an approval")
            return
        }
        #expect(approved.status == .goedgekeurd)
        driver.effects = []
        driver.deliver(.caseSaved(approved))
        #expect(driver.effects == [.unlockCase("C-0001")], "the lock is given back after the decision")
        #expect(driver.state.caseView?.reviewing == false)
    }

    @Test("a case open read-only is read again when the cases changed, so a colleague's change shows; not while steps wait to be saved (helper-31)")
    func openCaseFollows() throws {
        var reader = Self.driver(user: "chris")
        reader.press(.enter)
        #expect(reader.state.screen == .caseView)
        reader.effects = []
        let figures = PreparedFigures(reader.state.cases)
        reader.deliver(.casesReloaded(figures, overview: reader.state.overview, options: reader.state.estimateOptions))
        #expect(reader.effects.contains(.loadCases(["C-0001"])))

        var reviewer = ReviewConflictTests.reviewingWithAttribution80()
        reviewer.deliver(.caseSaveFailed("Niet opgeslagen."))
        reviewer.effects = []
        reviewer.deliver(.casesReloaded(figures, overview: reviewer.state.overview, options: reviewer.state.estimateOptions))
        #expect(!reviewer.effects.contains(.loadCases(["C-0001"])), "the waiting step's save meets any newer version")
    }

    @Test("the author cannot review or approve their own case; someone else's lock makes it read-only")
    func ownCaseAndLocks() {
        var author = Self.driver(user: "anouk")
        author.press(.enter, .character("b"))
        #expect(author.state.notice == "Je kunt je eigen casus niet beoordelen; vraag een collega.")
        #expect(author.effects.contains(.lockCase("C-0001", takeOver: false)) == false)

        var reviewer = Self.driver(user: "chris")
        reviewer.press(.enter, .character("b"))
        reviewer.deliver(.lockResult(id: "C-0001", .readOnly("bram bewerkt deze casus (sinds 10:00, computer x); je ziet hem alleen-lezen.")))
        #expect(reviewer.state.caseView?.reviewing == false)
        #expect(reviewer.state.notice?.hasPrefix("bram bewerkt deze casus") == true)
        reviewer.deliver(.lockResult(id: "C-0001", .stale("Het programma draait niet meer.")))
        #expect(reviewer.state.confirmation == .takeOverLock("C-0001"))
        reviewer.effects = []
        reviewer.press(.character("j"))
        #expect(reviewer.effects == [.lockCase("C-0001", takeOver: true)])
        #expect(Update.apply(.idle, to: &reviewer.state) == [.reloadCasesIfChanged], "not reviewing (yet): no lock to keep, the case read again if it changed")
        reviewer.deliver(.lockResult(id: "C-0001", .acquired))
        #expect(reviewer.state.caseView?.reviewing == true)
        // A server's lock is a lease: every idle moment of a review asks to keep it, also while a question waits.
        #expect(Update.apply(.idle, to: &reviewer.state) == [.renewLocks])
        reviewer.state.confirmation = .takeOverLock("C-0002")
        #expect(Update.apply(.idle, to: &reviewer.state) == [.renewLocks])
        reviewer.state.confirmation = nil
        reviewer.press(.function(1))
        #expect(reviewer.state.screen == .help(returnTo: .caseReview))
        #expect(Update.apply(.idle, to: &reviewer.state) == [.renewLocks], "the help over a review keeps its lock too (helper finding: it lapsed)")

        // The server lends no lock for a case that is not submitted (migration 20): the case as re-read says why, and no lock is given back.
        var late = Self.driver(user: "chris")
        late.press(.enter, .character("b"))
        var approved = Self.records()[0]
        try? approved.move(to: .goedgekeurd, by: "dana", at: "t", reason: "")
        late.deliver(.caseReloaded(approved))
        late.effects = []
        late.deliver(.lockResult(id: "C-0001", .closed))
        #expect(late.state.notice == "Casus C-0001 is intussen goedgekeurd (door dana); beoordelen kan niet meer.")
        #expect(late.state.caseView?.reviewing == false && late.effects.isEmpty)
    }

    @Test("sending back needs remarks; the author reopens the case in the intake, sees them and resubmits")
    func sendBackAndResubmit() throws {
        var reviewer = Self.driver(user: "chris")
        reviewer.press(.enter, .character("b"))
        reviewer.deliver(.lockResult(id: "C-0001", .acquired))
        reviewer.press(.character("r"), .enter)
        #expect(reviewer.state.notice == "Geef een reden; elke wijziging wordt met reden bewaard.")
        reviewer.type("Zie BSN 111222333")
        reviewer.press(.enter)
        #expect(reviewer.state.notice == "Geweigerd: dit lijkt een BSN (elfproef klopt). Een casus blijft pseudoniem.")
        for _ in 0..<17 { reviewer.press(.backspace) }
        reviewer.type("Onderbouw regel 2 beter.")
        reviewer.press(.enter)
        #expect(reviewer.state.confirmation == .reviewDecision("C-0001", .move(.teruggestuurd, reason: "Onderbouw regel 2 beter.")))
        reviewer.press(.escape)
        #expect(reviewer.state.caseView?.prompt?.text == "Onderbouw regel 2 beter.", "no: the remarks are offered again, not lost")
        reviewer.press(.enter, .character("j"))
        guard case .saveCase(let sentBack, _) = reviewer.effects.last else {
            Issue.record("expected a save")
            return
        }
        #expect(sentBack.status == .teruggestuurd)
        #expect(sentBack.currentRemarks == "Onderbouw regel 2 beter.")

        var author = Self.driver(user: "anouk")
        var records = Self.records()
        records[0] = sentBack
        author.state.setRecords(records)
        author.press(.enter, .character("a"))
        #expect(author.state.screen == .intake)
        #expect(author.state.notice == "Opmerkingen: Onderbouw regel 2 beter.")
        #expect(author.draft?.editingCaseID == "C-0001")
        #expect(author.draft?.avoided.map(\.text) == ["huisarts", "opname"])
        #expect(author.draft?.avoided.first?.likelihood == "even waarschijnlijk (50 %)")
        for _ in 0..<4 { author.press(.pageDown) }
        author.press(.down, .tab, .tab, .tab)
        #expect(author.focused == .lineText(.avoided))
        author.type(": casemanager bevestigt")
        author.press(.pageDown, .pageDown)
        author.effects = []
        author.press(.character("i"), .character("j"))
        guard case .saveCase(let resubmitted, let clearsDraft) = author.effects.last else {
            Issue.record("expected a resubmission, problems: \(author.intake?.submitProblems ?? [])")
            return
        }
        #expect(clearsDraft)
        #expect(resubmitted.id == "C-0001")
        #expect(resubmitted.status == .ingediend)
        #expect(resubmitted.avoided[1].reasoning == "opname: casemanager bevestigt")
        // The rework is an event of its own, so the content seal of the history keeps matching.
        #expect(resubmitted.history.map { "\($0.action.rawValue) \($0.new)" } == ["status teruggestuurd", "aanpassing ", "status ingediend"])
        author.deliver(.caseSaved(resubmitted))
        #expect(author.state.intake == nil)
        #expect(author.state.screen == .caseView)
        #expect(author.state.notice == "Casus C-0001 is opnieuw ingediend.")
    }

    @Test("a sent-back case resubmitted unchanged gets no rework event, so the reviewer's change stays the reviewer's (helper finding: the intake's default volunteer rate made every resubmission a rework)")
    func resubmitUnchanged() throws {
        var records = Self.records()
        var sent = records[0]
        try sent.review(.likelihood(line: 1, try #require(Percentage(25))), by: "chris", at: "t", reason: "Te hoog.")
        try sent.move(to: .teruggestuurd, by: "chris", at: "t", reason: "Graag aanpassen.")
        records[0] = sent
        var author = Self.driver(user: sent.author)
        author.state.setRecords(records)
        author.press(.enter, .character("a"))
        for _ in 0..<6 { author.press(.pageDown) }
        author.effects = []
        author.press(.character("i"), .character("j"))
        guard case .saveCase(var resubmitted, _) = author.effects.last else {
            Issue.record("expected a resubmission, problems: \(author.intake?.submitProblems ?? [])")
            return
        }
        #expect(resubmitted.history.map { "\($0.action.rawValue) \($0.field)" } == ["wijziging voorkomen[1].kans", "status status", "status status"])
        #expect(resubmitted.effort == sent.effort, "the content is the sent-back case's, so the last event's seal still matches")
        #expect(resubmitted.history.last?.reason == "Ongewijzigd opnieuw ingediend", "not 'Aangepast …' when nothing was")
        try resubmitted.move(to: .goedgekeurd, by: "chris", at: "t", reason: "")
        #expect(ReviewedLine.lines(of: resubmitted).first?.estimated?.likelihood == 50, "the author's estimate, before the reviewer's 25 %")
    }

    @Test("while reviewing, an item can be swapped and a line added, each with its reason")
    func swapAndAdd() {
        var driver = Self.driver(user: "chris")
        driver.press(.enter, .character("b"))
        driver.deliver(.lockResult(id: "C-0001", .acquired))
        driver.press(.character("w"))
        #expect(driver.state.screenKind == .picker)
        driver.type("fysio")
        driver.press(.enter)
        #expect(driver.state.caseView?.prompt?.purpose == .reason(.item(line: 1, PricedItem(UpdateTests.list.items[1]))))
        driver.type("Het was fysiotherapie, geen huisarts.")
        driver.press(.enter)
        guard case .saveCase(let swapped, _) = driver.effects.last else {
            Issue.record("expected a save")
            return
        }
        #expect(swapped.avoided[0].item.code == "ZVW-FYSIO")
        #expect(swapped.history.last?.field == "voorkomen[1].item")
        driver.deliver(.caseSaved(swapped))

        driver.press(.character("n"))
        driver.type("dokter")
        driver.press(.enter)
        driver.type("3")
        driver.press(.enter)
        driver.type("50")
        driver.press(.enter)
        driver.type("Huisarts bij crises.")
        driver.press(.enter)
        driver.type("Ontbrak in de schatting.")
        driver.press(.enter)
        guard case .saveCase(let added, _) = driver.effects.last else {
            Issue.record("expected a save")
            return
        }
        #expect(added.avoided.count == 3)
        #expect(added.avoided[2].item.code == "ZVW-HA")
        #expect(added.avoided[2].quantity == .count(3))
        #expect(added.avoided[2].likelihood.value == 50)
        #expect(added.avoided[2].reasoning == "Huisarts bij crises.")
        #expect(added.history.last.map { [$0.action.rawValue, $0.field, $0.reason] } == ["regel-toegevoegd", "voorkomen[3]", "Ontbrak in de schatting."])
    }
}

@Suite("Review in the app core: a colleague was first")
struct ReviewConflictTests {
    @Test("a reviewer changes a rate line per period: '2 × 6' is 2 per maand for 6 months; a total alone keeps the rate (helper-31: 12 became 3 per maand × 4)")
    func quantityPerPeriod() throws {
        var driver = Self.reviewing()
        var record = try #require(driver.state.record("C-0001"))
        record.avoided[0].quantity = .rate(amount: 3, per: "maand", periods: 6)
        driver.state.replaceRecord(record)
        driver.press(.character("h"))
        #expect(driver.state.caseView?.prompt?.text == "3 × 6")
        #expect(driver.state.caseView?.prompt?.label == "Regel 1: per maand × maanden, of een totaal (stuk)")
        driver.type("2 × 6")
        driver.press(.enter)
        #expect(driver.state.caseView?.prompt?.label == "Reden voor hoeveelheid 2 per maand × 6")
        driver.type("2 per maand")
        driver.press(.enter)
        guard case .saveCase(let saved, _) = driver.effects.last else {
            Issue.record("expected a save: \(driver.effects)")
            return
        }
        #expect(saved.avoided[0].quantity == .rate(amount: 2, per: "maand", periods: 6))
        #expect(saved.history.last?.dutchChange == "voorkomen regel 1, hoeveelheid: 3 per maand × 6 → 2 per maand × 6")

        var total = Self.reviewing()
        total.state.replaceRecord(record)
        total.press(.character("h"))
        total.type("12")
        total.press(.enter)
        #expect(total.state.caseView?.prompt?.label == "Reden voor hoeveelheid 3 per maand × 4")
        total.press(.escape, .character("h"))
        total.type("2 x 0")
        total.press(.enter)
        #expect(total.state.caseView?.prompt?.purpose == .quantity(line: 1))
        #expect(total.state.notice == "Vul een getal in, zoals 12 of 2,5, of per maand × maanden, zoals 3 × 6.")
    }

    @Test("keys still coming after a refused one in a review prompt name what was left out (helper-32: '1e9' became 19 without a word)")
    func promptNamesLeftOut() {
        var driver = Self.reviewing()
        driver.press(.character("h"))
        driver.type("1e9")
        #expect(driver.state.caseView?.prompt?.text == "19")
        #expect(driver.state.notice == "'e' is weggelaten (alleen cijfers, zoals 12 of 2,5); er staat nu 19.")
        driver.press(.backspace)
        driver.type("0")
        #expect(driver.state.notice == nil, "another key ends it")
    }

    @Test("a case read without a review asks on idle whether the cases changed, so a colleague's change shows (helper-32)")
    func idleReadOnly() {
        var reader = ReviewFlowTests.driver(user: "chris")
        reader.press(.enter)
        reader.effects = []
        reader.deliver(.idle)
        #expect(reader.effects == [.reloadCasesIfChanged])
    }

    @Test("a value the domain would refuse is said before the reason is asked, and the value prompt stays (helper finding: the refusal came after the reason)")
    func refusedBeforeTheReason() {
        var driver = Self.reviewing()
        driver.press(.character("h"))
        #expect(driver.state.caseView?.prompt?.purpose == .quantity(line: 1))
        driver.type("1234567")
        driver.press(.enter)
        #expect(driver.state.notice == "Niet gewijzigd: voorkomen zorg regel 1: hoeveelheid 1.234.567 is groter dan het maximum van 1.000.000.")
        #expect(driver.state.caseView?.prompt?.purpose == .quantity(line: 1), "still the value, not yet the reason")
        driver.press(.escape)
        driver.press(.character("k"))
        let shown = driver.state.caseView?.prompt?.text ?? ""
        driver.press(.enter)
        #expect(driver.state.notice == "Niet gewijzigd: dat is de waarde die er al staat.", "k with the value shown, \(shown) %")
        #expect(driver.state.caseView?.prompt?.purpose == .likelihood(line: 1))
    }

    static func reviewing() -> IntakeDriver {
        var driver = ReviewFlowTests.driver(user: "chris")
        driver.press(.enter, .character("b"))
        driver.deliver(.lockResult(id: "C-0001", .acquired))
        return driver
    }

    /// Reviewing C-0001, with its attribution changed to 80 % ("Andere hulp telde mee.") and sent to be saved.
    static func reviewingWithAttribution80() -> IntakeDriver {
        var driver = reviewing()
        driver.press(.character("t"), .backspace, .backspace, .backspace)
        driver.type("80")
        driver.press(.enter)
        driver.type("Andere hulp telde mee.")
        driver.press(.enter)
        return driver
    }

    @Test("a reason pasted with line breaks is one reason: the breaks become spaces and nothing after them acts as a key (found by a helper)")
    func pastedReason() {
        var driver = Self.reviewing()
        driver.press(.down, .character("k"))
        driver.type("35")
        driver.press(.enter)
        driver.effects = []
        driver.deliver(.key(.text("Overleg gehad\nx, dubbel\r\nklaar")))
        #expect(driver.effects.isEmpty, "nothing saved, no line removed")
        #expect(driver.state.caseView?.prompt?.text == "Overleg gehad x, dubbel klaar")
        #expect(driver.state.record("C-0001")?.avoided.count == 2)
        driver.press(.enter)
        guard case .saveCase(let saved, _) = driver.effects.last else {
            Issue.record("expected a save")
            return
        }
        #expect(saved.history.last?.reason == "Overleg gehad x, dubbel klaar")
        #expect(saved.avoided.count == 2)
    }

    @Test("a save that meets a newer version shows that version, keeps the change, and o applies it to the new one")
    func conflictKeepsTheChange() throws {
        var driver = Self.reviewingWithAttribution80()
        #expect(driver.state.caseView?.pending == [.change(.attribution(Percentage(80)!), reason: "Andere hulp telde mee.")])

        var current = try #require(driver.state.record("C-0001"))
        try current.review(.likelihood(line: 1, Percentage(20)!), by: "dana", at: "2026-11-24T09:00:00Z", reason: "Zelden nodig.")
        current.revision = 2
        driver.effects = []
        driver.deliver(.caseConflict(current: current, message: "Casus C-0001 is intussen gewijzigd door dana (voorkomen[1].kans: 50 → 20)."))
        #expect(driver.state.notice == "Casus C-0001 is intussen gewijzigd door dana (voorkomen[1].kans: 50 → 20). Druk o om je wijziging opnieuw toe te passen.")
        #expect(driver.state.record("C-0001") == current, "the screen shows the version on disk")
        #expect(driver.state.caseView.flatMap(driver.state.caseAsShown) == current, "not overlaid with the waiting change")
        #expect(driver.state.caseView?.reviewing == true)
        #expect(driver.effects.isEmpty)

        driver.press(.character("o"))
        guard case .saveCase(let again, _) = driver.effects.last else {
            Issue.record("expected the change to be applied again")
            return
        }
        #expect(again.revision == 2, "applied on top of the current revision")
        #expect(again.attribution == Percentage(80))
        #expect(again.avoided[0].likelihood == Percentage(20), "the colleague's change is kept")
        #expect(again.history.map(\.by) == ["dana", "chris"])
        driver.deliver(.caseSaved(again))
        #expect(driver.state.caseView?.pending == [])
    }

    @Test("a change saved after the review's lock went to a colleague: the notice says what works (b, then o), or that it is over (helper-33: o did nothing)")
    func conflictAfterLostLock() throws {
        for colleagueApproved in [false, true] {
            var driver = Self.reviewingWithAttribution80()
            driver.effects = []
            driver.deliver(.lockResult(id: "C-0001", .lost("Je slot op casus C-0001 is overgenomen door dana.")))
            #expect(driver.effects == [.reloadCasesIfChanged], "the case is read again, so the header follows")
            #expect(driver.state.caseView?.reviewing == false)
            var current = try #require(driver.state.record("C-0001"))
            try current.review(.likelihood(line: 1, Percentage(20)!), by: "dana", at: "2026-11-24T09:00:00Z", reason: "Zelden nodig.")
            if colleagueApproved { try current.move(to: .goedgekeurd, by: "dana", at: "2026-11-24T09:01:00Z", reason: "") }
            current.revision = 2
            driver.deliver(.caseConflict(current: current, message: "Casus C-0001 is intussen gewijzigd door dana."))
            if colleagueApproved {
                #expect(driver.state.notice == "Casus C-0001 is intussen goedgekeurd door dana (status ingediend → goedgekeurd, 24-11-2026 10:01). "
                        + "Je wijziging is niet opgeslagen; beoordelen kan niet meer.")
                #expect(driver.state.caseView?.pending == [])
            } else {
                #expect(driver.state.notice == "Casus C-0001 is intussen gewijzigd door dana (voorkomen regel 1, kans: 50 % → 20 %, 24-11-2026 10:00). "
                        + "Je wijziging wacht: druk b om weer te beoordelen, daarna o.")
                #expect(driver.state.caseView?.pending == [.change(.attribution(Percentage(80)!), reason: "Andere hulp telde mee.")])
            }
            #expect(TextEditing.wrap(driver.state.notice ?? "", width: 78).count <= 3)
        }
    }

    @Test("an approval that meets a colleague's newer version is not applied to it unasked: the reviewer sees the new figures and decides again (helper-31: o approved figures nobody confirmed, and g said 'Van goedgekeurd naar goedgekeurd kan niet')")
    func conflictAsksForTheDecisionAgain() throws {
        var driver = Self.reviewingWithAttribution80()
        driver.press(.character("g"), .character("j"))
        guard case .saveCase(let approved, _) = driver.effects.last, approved.status == .goedgekeurd else {
            Issue.record("expected the approval to be saved: \(driver.effects)")
            return
        }
        var current = try #require(driver.state.record("C-0001"))
        try current.review(.likelihood(line: 1, Percentage(20)!), by: "dana", at: "2026-11-24T09:00:00Z", reason: "Zelden nodig.")
        current.revision = 2
        driver.effects = []
        driver.deliver(.caseConflict(current: current, message: "Casus C-0001 is intussen gewijzigd door dana."))
        #expect(driver.state.caseView?.pending == [.change(.attribution(Percentage(80)!), reason: "Andere hulp telde mee.")],
                "the change waits; the decision does not")
        #expect(driver.state.notice == "Casus C-0001 is intussen gewijzigd door dana (voorkomen regel 1, kans: 50 % → 20 %, 24-11-2026 10:00). "
                + "Je goedkeuring is niet opgeslagen: o past je wijziging toe op de nieuwe versie; beslis daarna opnieuw.")
        #expect(TextEditing.wrap(driver.state.notice ?? "", width: 78).count <= 3, "whole within a notice's three lines")
        #expect(driver.effects.isEmpty)

        // The question names the net the approval would save: the colleague's change and this reviewer's waiting one.
        driver.press(.character("g"))
        var expected = current
        try expected.review(.attribution(Percentage(80)!), by: "chris", at: "", reason: "Andere hulp telde mee.")
        #expect(driver.state.confirmation == .reviewDecision("C-0001", .move(.goedgekeurd, reason: "")))
        let decided = try #require(driver.state.caseView.flatMap(driver.state.caseAsDecided))
        #expect(decided.attribution == expected.attribution && decided.avoided == expected.avoided)
        driver.press(.character("j"))
        guard case .saveCase(let again, _) = driver.effects.last else {
            Issue.record("expected the approval to be saved")
            return
        }
        #expect(again.status == .goedgekeurd && again.attribution == Percentage(80) && again.avoided[0].likelihood == Percentage(20))
        #expect(again.history.map(\.by) == ["dana", "chris", "chris"])

        // With nothing else waiting, the notice says only to decide again.
        var alone = Self.reviewing()
        alone.press(.character("g"), .character("j"))
        alone.deliver(.caseConflict(current: current, message: "Casus C-0001 is intussen gewijzigd door dana."))
        #expect(alone.state.caseView?.pending == [])
        #expect(alone.state.notice == "Casus C-0001 is intussen gewijzigd door dana (voorkomen regel 1, kans: 50 % → 20 %, 24-11-2026 10:00). "
                + "Je goedkeuring is niet opgeslagen: bekijk de nieuwe cijfers en beslis opnieuw.")

        // A re-pricing names whole price lists: the change is cut, so the sentence after it stays in the notice's three
        // lines (helper-33: it ended at "bekijk de nieuwe").
        var repriced = current
        repriced.history.append(CaseEvent(at: "2026-11-24T09:30:00Z", by: "beheer", action: .herprijzing, field: "prijslijst",
                                          old: "Maatschappelijke prijslijst (standaard), versie 2026.3",
                                          new: "Maatschappelijke prijslijst (standaard), versie 2026.4", reason: "Nieuwe lijst"))
        repriced.revision = 3
        var approving = Self.reviewing()
        approving.press(.character("g"), .character("j"))
        approving.deliver(.caseConflict(current: repriced, message: "Casus C-0001 is intussen gewijzigd door beheer."))
        #expect(approving.state.notice == "Casus C-0001 is intussen gewijzigd door beheer (prijslijst: Maatschappelijke prijslijst (standaard), versie…, "
                + "24-11-2026 10:30). Je goedkeuring is niet opgeslagen: bekijk de nieuwe cijfers en beslis opnieuw.")
        #expect(TextEditing.wrap(approving.state.notice ?? "", width: 78).count <= 3)
    }

    @Test("a step taken after a failed save is saved together with the failed one; approving never skips it (helper finding)")
    func failedSaveKeepsTheChange() throws {
        var driver = Self.reviewingWithAttribution80()
        driver.deliver(.caseSaveFailed("Casus C-0001 is niet opgeslagen: de server is niet bereikbaar."))
        #expect(driver.state.record("C-0001")?.attribution == Percentage(100), "nothing was written")

        driver.effects = []
        driver.press(.character("g"), .character("j"))
        guard case .saveCase(let approved, _) = driver.effects.last else {
            Issue.record("expected the approval to be saved")
            return
        }
        #expect(approved.attribution == Percentage(80), "the failed change goes with the approval")
        #expect(approved.status == .goedgekeurd)
        #expect(approved.history.map(\.reason) == ["Andere hulp telde mee.", "goedgekeurd"])
        #expect(approved.history.map(\.by) == ["chris", "chris"])

        driver.deliver(.caseSaveFailed("Casus C-0001 is niet opgeslagen: de server is niet bereikbaar."))
        #expect(driver.state.caseView?.pending.count == 2)
        driver.effects = []
        driver.press(.character("o"))
        guard case .saveCase(let again, _) = driver.effects.last else {
            Issue.record("expected o to save both steps")
            return
        }
        #expect(again == approved)
        driver.deliver(.caseSaved(again))
        #expect(driver.state.caseView?.pending == [])
        #expect(driver.state.record("C-0001")?.attribution == Percentage(80))
    }

    @Test("a save reported as failed that was committed after all: the 'newer version' is the reviewer's own, and o does not repeat it (helper finding)")
    func failedSaveCommittedAfterAll() throws {
        var driver = Self.reviewingWithAttribution80()
        guard case .saveCase(var committed, _) = driver.effects.last else {
            Issue.record("expected a save")
            return
        }
        driver.deliver(.caseSaveFailed("Niet op de server opgeslagen: de server antwoordt al 60 seconden niet."))
        committed.revision = 2
        committed.history[committed.history.count - 1].at = "2026-11-25T10:00:00Z"
        driver.effects = []
        driver.press(.character("o"))
        driver.deliver(.caseConflict(current: committed, message: "Casus C-0001 is intussen gewijzigd door chris."))
        #expect(driver.state.caseView?.pending == [])
        #expect(driver.state.record("C-0001") == committed)
        #expect(driver.state.notice == "Opgeslagen, met reden in de geschiedenis.")
        driver.effects = []
        driver.press(.character("o"))
        #expect(driver.effects.isEmpty, "nothing left to apply again")
    }

    @Test("leaving a case or quitting with steps that could not be saved asks first; no keeps them")
    func leavingAsksFirst() throws {
        var driver = Self.reviewing()
        driver.press(.down, .character("k"))
        driver.type("35")
        driver.press(.enter)
        driver.type("Minder vaak nodig.")
        driver.press(.enter)
        driver.deliver(.caseSaveFailed("Casus C-0001 is niet opgeslagen: de server is niet bereikbaar."))
        driver.press(.escape)
        #expect(driver.state.confirmation == .dropReviewChanges("C-0001", count: 1, quitting: false))
        driver.press(.character("n"))
        #expect(driver.state.caseView?.reviewing == true)
        #expect(driver.state.caseView?.pending.count == 1)
        #expect(driver.state.notice == "Je wijzigingen staan er nog; o probeert opnieuw op te slaan.")
        driver.effects = []
        driver.press(.control("q"))
        #expect(driver.state.confirmation == .dropReviewChanges("C-0001", count: 1, quitting: true))
        driver.press(.character("j"))
        #expect(driver.effects == [.unlockCase("C-0001"), .quit])
    }

    @Test("a conflict with a case that is no longer under review ends the review and gives back the lock")
    func conflictWithDecision() throws {
        var driver = Self.reviewing()
        driver.press(.character("g"))
        var current = try #require(driver.state.record("C-0001"))
        try current.move(to: .teruggestuurd, by: "dana", at: "2026-11-24T09:00:00Z", reason: "Graag aanvullen.")
        driver.effects = []
        driver.deliver(.caseConflict(current: current, message: "Casus C-0001 is intussen gewijzigd door dana."))
        #expect(driver.effects == [.unlockCase("C-0001")])
        #expect(driver.state.caseView?.reviewing == false)
        #expect(driver.state.notice == "Casus C-0001 is intussen gewijzigd door dana. Beoordelen kan niet meer.")
    }

    @Test("taking the lock on a case a colleague already decided does not start a review")
    func lockOnDecidedCase() throws {
        var driver = ReviewFlowTests.driver(user: "chris")
        driver.press(.enter, .character("b"))
        var current = try #require(driver.state.record("C-0001"))
        try current.move(to: .goedgekeurd, by: "dana", at: "2026-11-24T09:00:00Z", reason: "")
        driver.effects = []
        driver.deliver(.caseReloaded(current))
        driver.deliver(.lockResult(id: "C-0001", .acquired))
        #expect(driver.state.caseView?.reviewing == false)
        #expect(driver.effects == [.unlockCase("C-0001")])
        #expect(driver.state.notice == "Casus C-0001 is intussen goedgekeurd (door dana); beoordelen kan niet meer.")
    }
}

@Suite("The author's rework meets a colleague's decision")
struct StaleReworkTests {
    @Test("a stale intake cannot change a case a colleague approved meanwhile; the rework stays in the draft")
    func reworkAfterApproval() throws {
        var author = ReviewFlowTests.driver(user: "bram")
        author.press(.down, .down, .enter, .character("a"))   // C-0003, sent back to bram
        #expect(author.state.screen == .intake)
        #expect(author.draft?.editingCaseID == "C-0003")
        // Meanwhile the case was resubmitted from another window and approved by dana.
        var current = try #require(author.state.record("C-0003"))
        try current.move(to: .ingediend, by: "bram", at: "2026-11-24T09:00:00Z", reason: "opnieuw")
        try current.move(to: .goedgekeurd, by: "dana", at: "2026-11-24T10:00:00Z", reason: "")
        author.deliver(.caseConflict(current: current, message: "x"))
        #expect(author.state.notice == "Casus C-0003 is intussen gewijzigd door dana; je aanpassing is niet opgeslagen en blijft in je concept.")
        for _ in 0..<6 { author.press(.pageDown) }
        for key in [Key.character("c"), .character("i")] {
            author.effects = []
            author.press(key)
            author.press(.character("j"))
            #expect(!author.effects.contains { if case .saveCase = $0 { true } else { false } })
            #expect(author.state.notice == "Casus C-0003 is intussen goedgekeurd door dana; je aanpassing is niet opgeslagen en blijft in je concept.")
        }
        #expect(author.draft?.editingCaseID == "C-0003", "nothing typed is lost")
    }
}

@Suite("The author's rework meets a newer version")
struct NewerVersionTests {
    /// bram reworking C-0003 (sent back to him), with the case as it stood when he began.
    static func reworking() throws -> (IntakeDriver, CaseRecord) {
        var author = ReviewFlowTests.driver(user: "bram")
        author.press(.down, .down, .enter, .character("a"))
        #expect(author.draft?.editingRevision == 0)
        return (author, try #require(author.state.record("C-0003")))
    }

    /// C-0003 re-priced by a beheerder to list t2: the home doctor's visit from € 50,00 to € 52,00.
    static func repriced(_ base: CaseRecord) -> CaseRecord {
        var current = base
        current.avoided[0].item.unitPrice = Money(cents: 5200)
        current.priceListVersion = "t2"
        current.history.append(CaseEvent(at: "2026-11-24T10:00:00Z", by: "beheer", action: .herprijzing, field: "voorkomen[1].prijs",
                                         old: "50.00", new: "52.00", reason: "Prijslijst t2"))
        current.revision = 1
        return current
    }

    @Test("a colleague's re-pricing meets the author's rework: the author's story goes onto the re-priced version, nothing goes back (helper-33)")
    func reworkOntoRepricing() throws {
        let (driver, base) = try Self.reworking()
        var author = driver
        author.state.intake?.draft.situation = "Mantelzorger overbelast; nu met respijtzorg."
        author.state.intake?.draft.avoided[1].quantity = "8"
        for _ in 0..<6 { author.press(.pageDown) }
        // The first save meets the newer version on the server: nothing is saved, the rework is put onto it.
        let current = Self.repriced(base)
        author.effects = []
        author.deliver(.caseConflict(current: current, message: "Casus C-0003 is intussen gewijzigd door beheer."))
        #expect(author.state.notice == "Casus C-0003 is intussen gewijzigd door beheer. Je aanpassingen staan nu op die versie, nog niet opgeslagen: "
                + "controleer ze en druk opnieuw i.")
        let draft = try #require(author.draft)
        #expect(author.effects == [.saveDraft(draft)], "the merged draft is kept on disk")
        #expect(draft.editingRevision == 1 && draft.editingBase == current && draft.priceListVersion == "t2")
        #expect(draft.situation == "Mantelzorger overbelast; nu met respijtzorg.")
        #expect(draft.avoided.map(\.item.unitPrice) == [Money(cents: 5200), Money(cents: 29000)])
        #expect(draft.avoided.map(\.quantity) == ["10", "8"])
        // The second i saves it, over the re-priced version, without a step back to list t1.
        author.effects = []
        author.press(.character("i"), .character("j"))
        guard case .saveCase(let saved, _) = author.effects.last else {
            Issue.record("expected the merged rework to be saved")
            return
        }
        #expect(saved.revision == 1)
        #expect(saved.priceListVersion == "t2")
        #expect(saved.avoided.map(\.item.unitPrice) == [Money(cents: 5200), Money(cents: 29000)])
        #expect(saved.avoided.map(\.quantity) == [.count(10), .count(8)])
        #expect(saved.story.situation == "Mantelzorger overbelast; nu met respijtzorg.")
        #expect(saved.history.filter { $0.action == .herprijzing }.map(\.by) == ["beheer"], "no re-pricing in the author's name")
        #expect(saved.history.suffix(2).map(\.action) == [.aanpassing, .status])
    }

    @Test("moved onto a newer list the app has, every line is priced by that list, an added one too; without it, a line none of the newer version's lines has is named (helper-34)")
    func mergedLinesPriced() throws {
        let (driver, base) = try Self.reworking()
        // The author adds a physiotherapy line, which the case did not have.
        var added = DraftLine(item: PricedItem(code: "ZVW-FYSIO", law: "zvw", description: "Fysiotherapie", unit: "zitting",
                                               unitPrice: Money(cents: 3889), priceYear: 2022, kind: .kosten))
        added.quantity = "6"
        var withList = driver
        withList.state.intake?.draft.avoided.append(added)
        var without = withList
        // List t2: physiotherapy € 41,00, the home doctor € 52,00 (as the beheerder's re-pricing put it on the case).
        let newPrices = ["ZVW-FYSIO": Money(cents: 4100), "ZVW-HA": Money(cents: 5200)]
        let t2 = PriceList(name: "Test", version: "t2", laws: ReviewFlowTests.list.laws, items: ReviewFlowTests.list.items.map { item in
            PriceItem(code: item.code, lawCode: item.lawCode, category: item.category, description: item.description, unit: item.unit,
                      price: newPrices[item.code] ?? item.price, priceYear: item.priceYear, source: item.source, grade: item.grade, kind: item.kind)
        }, hourlyRates: ReviewFlowTests.list.hourlyRates, index: ReviewFlowTests.list.index)
        withList.state.newPriceList = NewPriceList(list: t2, form: IntakeForm(hourlyRates: withList.state.intakeForm.hourlyRates,
                                                                                 interventions: withList.state.intakeForm.interventions, priceList: t2))
        let current = Self.repriced(base)
        withList.deliver(.caseConflict(current: current, message: "x"))
        #expect(withList.draft?.priceListVersion == "t2")
        #expect(withList.draft?.avoided.map(\.item.unitPrice) == [Money(cents: 5200), Money(cents: 29000), Money(cents: 4100)])
        #expect(withList.intake?.form.priceList?.version == "t2", "new lines are priced with t2 too")
        without.deliver(.caseConflict(current: current, message: "x"))
        #expect(without.draft?.avoided.map(\.item.unitPrice) == [Money(cents: 5200), Money(cents: 29000), Money(cents: 3889)])
        #expect(without.state.notice?.contains("Prijslijst t2 is hier niet geopend: ZVW-FYSIO heeft nog de oude prijs.") == true, "\(without.state.notice ?? "")")
    }

    @Test("two windows of the author: each one's field is kept; a field both changed keeps this window's value and is named")
    func twoWindows() throws {
        let (driver, base) = try Self.reworking()
        var author = driver
        author.state.intake?.draft.team = "Noord A"
        author.state.intake?.draft.approach = "Wekelijks huisbezoek."
        var other = base
        other.context.municipality = "Y"
        other.story.approach = "Maandelijks overleg."
        other.history.append(CaseEvent(at: "2026-11-24T09:30:00Z", by: "bram", action: .aanpassing, field: "inhoud: gemeente, aanpak",
                                       old: "", new: "", reason: "Aangepast door de auteur"))
        other.revision = 1
        author.state.replaceRecord(other)
        for _ in 0..<6 { author.press(.pageDown) }
        author.effects = []
        author.press(.character("i"))
        #expect(author.state.confirmation == nil, "nothing is replaced, so there is nothing to ask")
        #expect(!author.effects.contains { if case .saveCase = $0 { true } else { false } })
        let draft = try #require(author.draft)
        #expect(draft.team == "Noord A" && draft.municipality == "Y" && draft.approach == "Wekelijks huisbezoek.")
        #expect(author.state.notice == "Casus C-0003 is intussen gewijzigd door bram. Je aanpassingen staan nu op die versie, nog niet opgeslagen: "
                + "controleer ze en druk opnieuw i. Beide gewijzigd, jouw versie staat er: wat is er gedaan.")
        #expect(TextEditing.wrap(author.state.notice ?? "", width: 78).count <= 3)
    }

    @Test("a line the other side replaced is never merged with this side's change of the line it replaced: the lines are one field then, and named (helper-34)")
    func replacedLineNotMixed() throws {
        let base = ReviewFlowTests.records()[2]
        var theirs = base
        theirs.avoided[0].item = PricedItem(code: "ZVW-FYSIO", law: "zvw", description: "Fysiotherapie", unit: "zitting", unitPrice: Money(cents: 3889),
                                            priceYear: 2022, kind: .kosten)
        theirs.avoided[0].reasoning = "fysio in plaats van huisarts"
        theirs.revision = 1
        var mine = IntakeDraft(editing: base)
        mine.avoided[0].quantity = "12"
        let merge = DraftMerge(base: base, mine: mine, theirs: theirs)
        #expect(merge.draft.avoided.map(\.item.code) == ["ZVW-HA", "WLZ-VPH"], "this side's lines, whole")
        #expect(merge.draft.avoided.map(\.quantity) == ["12", "10"])
        #expect(merge.bothChanged == ["voorkomen (de regels)"])
        // Only the other side changed the lines: theirs, whole.
        let untouched = DraftMerge(base: base, mine: IntakeDraft(editing: base), theirs: theirs)
        #expect(untouched.draft.avoided.map(\.item.code) == ["ZVW-FYSIO", "WLZ-VPH"] && untouched.bothChanged.isEmpty)
    }

    @Test("the merge line by line: a re-priced item and the author's quantity both stay; an added line follows; a line both changed is named")
    func linesMerged() throws {
        let base = ReviewFlowTests.records()[2]
        var theirs = Self.repriced(base)
        theirs.avoided[1].likelihood = Percentage(25)!
        var mine = IntakeDraft(editing: base)
        mine.avoided[0].quantity = "12"
        mine.avoided[1].likelihood = Choices.likelihoods[0]
        mine.avoided.append(DraftLine(item: PricedItem(code: "ZVW-HA", law: "zvw", description: "ZVW-HA", unit: "stuk", unitPrice: Money(cents: 5000),
                                                       priceYear: 2022, kind: .kosten)))
        let merge = DraftMerge(base: base, mine: mine, theirs: theirs)
        #expect(merge.draft.avoided.map(\.quantity) == ["12", "10", ""])
        #expect(merge.draft.avoided.map(\.item.unitPrice) == [Money(cents: 5200), Money(cents: 29000), Money(cents: 5200)],
                "the added line takes the newer list's price of its item")
        #expect(merge.draft.avoided[1].likelihood == Choices.likelihoods[0], "both changed it: the author's value")
        #expect(merge.bothChanged == ["voorkomen regel 2"])
        #expect(merge.draft.priceListVersion == "t2")
        // Nothing changed on either side: the draft is the newer version's.
        let same = DraftMerge(base: base, mine: IntakeDraft(editing: base), theirs: theirs)
        var expected = IntakeDraft(editing: theirs)
        expected.editingBase = theirs
        #expect(same.draft == expected && same.bothChanged.isEmpty)
    }

    @Test("a rework resumed after a restart is saved onto its case, never as a new one (helper-34: it became C-0008, and counted twice)")
    func resumedRework() throws {
        let record = ReviewFlowTests.records()[2]   // C-0003, sent back to bram
        var draft = IntakeDraft(editing: record)
        draft.team = "Noord B"
        var driver = IntakeDriver(pendingDraft: draft)
        driver.state.user = "bram"
        driver.state.priceList = ReviewFlowTests.list
        driver.state.intakeForm = IntakeForm(hourlyRates: driver.state.intakeForm.hourlyRates, interventions: driver.state.intakeForm.interventions,
                                             priceList: ReviewFlowTests.list)
        driver.press(.character("j"))
        #expect(driver.effects.contains(.loadCases(["C-0003"])), "the case is read as the draft opens")
        // Not read (the runner here answers from cases opened before, and none was): saving asks for it again and waits.
        for _ in 0..<6 { driver.press(.pageDown) }
        driver.effects = []
        driver.press(.character("i"))
        #expect(driver.effects.first == .loadCases(["C-0003"]))
        #expect(!driver.effects.contains { if case .writeCase = $0 { true } else { false } }, "never a new case")
        #expect(driver.state.notice == "Casus C-0003 kan nu niet worden gelezen ('rendementsmeter validate' zegt waarom); je aanpassing blijft in je concept.")
        driver.deliver(.casesLoaded([record]))
        driver.effects = []
        driver.press(.character("i"), .character("j"))
        guard case .saveCase(let saved, _) = driver.effects.last else {
            Issue.record("expected the rework to be saved onto C-0003: \(driver.effects)")
            return
        }
        #expect(saved.id == "C-0003" && saved.context.team == "Noord B" && saved.status == .ingediend)
        #expect(!driver.effects.contains { if case .writeCase = $0 { true } else { false } })
    }

    @Test("a draft kept from before the starting point was saved asks before it replaces the newer version; no keeps everything")
    func asksBeforeReplacing() throws {
        var author = try Self.reworking().0
        author.state.intake?.draft.editingBase = nil
        // Another window of bram's resubmitted it and a colleague sent it back again, with new remarks.
        var current = try #require(author.state.record("C-0003"))
        try current.move(to: .ingediend, by: "bram", at: "2026-11-24T09:00:00Z", reason: "opnieuw")
        try current.move(to: .teruggestuurd, by: "dana", at: "2026-11-24T10:00:00Z", reason: "Graag per regel onderbouwen.")
        current.revision = 2
        author.state.replaceRecord(current)
        for _ in 0..<6 { author.press(.pageDown) }
        author.effects = []
        author.press(.character("i"))
        #expect(author.state.confirmation == .overwriteNewer("C-0003", submit: true))
        #expect(author.effects.isEmpty)
        author.press(.character("n"))
        #expect(author.state.notice == "Niets opgeslagen; je aanpassing blijft in je concept.")
        #expect(author.effects.isEmpty)
        author.press(.character("i"), .character("j"))
        guard case .saveCase(let saved, _) = author.effects.last else {
            Issue.record("expected the rework to be saved after yes")
            return
        }
        #expect(saved.revision == 2, "written over the version the author was shown")
        #expect(saved.status == .ingediend)
        #expect(author.draft?.editingRevision == 2)
    }
}

@Suite("Screens follow the disk")
struct ReloadTests {
    @Test("opening the browser or the dashboard reads the business case again, and the answer replaces every case")
    func reloadOnOpen() throws {
        var driver = ReviewFlowTests.driver(user: "chris")
        driver.press(.escape)
        driver.effects = []
        driver.press(.right, .enter)
        #expect(driver.effects == [.reloadCases])
        var approved = try #require(driver.state.record("C-0001"))
        try approved.move(to: .goedgekeurd, by: "dana", at: "2026-11-24T10:00:00Z", reason: "")
        driver.deliver(.casesReloaded(PreparedFigures([CaseFigurePair(approved, options: driver.state.estimateOptions)]), overview: driver.state.overview,
                                      options: driver.state.estimateOptions))
        #expect(driver.state.cases.map(\.current.status) == [.goedgekeurd])
        #expect(driver.state.screen == .dashboard)
        #expect(driver.state.dashboardSummary.statusCounts == [.goedgekeurd: 1])
        // The browser's rows are built when it opens, from the same cases.
        driver.press(.escape, .left, .enter)
        #expect(driver.state.screen == .browser)
        #expect(driver.state.browserRows.map(\.figures.status) == [.goedgekeurd])
    }

    @Test("the VOORBEELD banner lasts while every case is fictional; with the first real one it says how many examples still count (finding 10, helper-31)")
    func exampleBannerEnds() throws {
        var driver = IntakeDriver()
        driver.state.setRecords(ReviewFlowTests.records().map { record in
            var example = record
            example.fictional = true
            return example
        })
        #expect(driver.state.overview.examples.marker == "VOORBEELD (fictief)")
        var real = try #require(ReviewFlowTests.records().first)
        real.id = "C-0042"
        driver.deliver(.caseWritten(real))
        #expect(driver.state.overview.examples.marker == "3 van 4 fictief")
        #expect(driver.state.overview.examples.reportNote
                == "LET OP: 3 van de 4 casussen in deze business case zijn fictieve voorbeelden; waar ze meetellen, zitten ze in de cijfers. Haal ze uit de map om alleen echte casussen te tellen.")
        #expect(driver.state.overview.caseCount == 4)
        #expect(ExampleShare(fictional: 0, of: 4, emptyIsExample: true).marker == nil, "real cases only: no word")
    }

    @Test("a case that cannot be read when it is opened: back to the list with a message, never an empty screen")
    func unreadableOnOpen() {
        var driver = IntakeDriver()
        driver.state.setCases(ReviewFlowTests.records().map { CaseFigurePair($0, options: .plain) })  // figures only, as from the index
        driver.press(.right, .enter, .enter)
        #expect(driver.effects.last == .loadCases(["C-0001"]))
        #expect(driver.state.screen == .browser)
        #expect(driver.state.notice == "Casus C-0001 kan nu niet worden gelezen; 'rendementsmeter validate' zegt waarom.")
    }

    @Test("below the minimum size no key acts (Enter, b, g approved an invisible case before); Ctrl-Q still stops")
    func noKeysWhenTooSmall() {
        var driver = ReviewFlowTests.driver(user: "chris")
        driver.press(.enter)                          // C-0001 open, 80x24
        #expect(driver.state.screen == .caseView)
        driver.deliver(.resized(Size(width: 60, height: 20)))
        driver.effects = []
        driver.press(.character("b"), .character("g"), .enter, .escape, .character("q"))
        #expect(driver.effects.isEmpty, "no lock, no approval, no quit")
        #expect(driver.state.screen == .caseView)
        #expect(driver.state.caseView?.reviewing == false)
        driver.press(.control("q"))
        #expect(driver.effects == [.quit])
    }

    @Test("the author's own submitted case says why it cannot be changed; an untouched new case is no obstacle to reopening a concept")
    func reopenMessages() {
        var author = ReviewFlowTests.driver(user: "anouk")
        author.press(.enter, .character("a"))                 // C-0001, anouk's, submitted
        #expect(author.state.notice == "Je casus is ingediend; aanpassen kan weer als een collega hem terugstuurt.")
        var bram = ReviewFlowTests.driver(user: "bram")
        bram.press(.escape, .left, .enter)                   // Nieuwe casus, nothing typed
        #expect(bram.state.screen == .intake)
        bram.press(.escape)
        #expect(bram.state.screen == .start && bram.state.intake == nil && bram.state.notice == nil, "\(String(describing: bram.state.intake?.draft))")
        bram.press(.right, .enter, .down, .down, .enter, .character("a"))   // C-0003, sent back to bram
        #expect(bram.state.screen == .intake, "\(bram.state.notice ?? "")")
        #expect(bram.draft?.editingCaseID == "C-0003")
    }

    @Test("in a review prompt, an arrow or End keeps the value shown for changing it; typing at once replaces it")
    func promptKeepsValueAfterArrow() {
        var driver = ReviewFlowTests.driver(user: "chris")
        driver.press(.enter, .character("b"))
        driver.deliver(.lockResult(id: "C-0001", .acquired))
        driver.press(.down, .character("k"), .end)
        driver.type("5")
        #expect(driver.state.caseView?.prompt?.text == "505", "End, then 5: the value was kept (it became 5)")
    }

    @Test("Home and End in the browser go to the first and the last case")
    func browserHomeAndEnd() {
        var driver = ReviewFlowTests.driver(user: "chris")
        driver.press(.end)
        #expect(driver.state.browser.cursor == 2)
        driver.press(.home)
        #expect(driver.state.browser.cursor == 0)
    }
}
