import Foundation
import Testing
@testable import RendementsDomain
@testable import RendementsStorage

/// Types into the app in tmux and counts what a person would press:
/// named keys (Tab, Enter, arrows, …) and typed characters separately.
final class KeyScript {
    let session: TmuxSession
    private(set) var namedKeys = 0
    private(set) var typedCharacters = 0

    init(_ session: TmuxSession) { self.session = session }

    func press(_ keys: String...) throws {
        namedKeys += keys.count
        try session.tmux(["send-keys", "-t", "main"] + keys)
    }

    func type(_ text: String) throws {
        typedCharacters += text.count
        try session.type(text)
    }

    /// From the start screen into a new Sociaal Recept case of Team Noord in Voorbeeldstad,
    /// 06-01-2025 to 25-04-2025, up to the referrer.
    func openSociaalReceptCase() throws {
        try press("Enter", "Right", "Tab")                     // Nieuwe casus; interventie Sociaal Recept
        try type("Team Noord"); try press("Enter")
        try type("Voorbeeldstad"); try press("Enter")
        try type("06-01-2025"); try press("Enter")
        try type("25-04-2025"); try press("Enter")
    }

    /// One avoided or deployed line: `a`, search, Enter, then the fields in order.
    func line(search: String, quantity: String, per: Int = 0, periods: String = "", likelihoodSteps: [String]? = nil, reasoning: String) throws {
        try press("a")
        try type(search)
        try press("Enter")
        try type(quantity)
        try press("Enter")
        for _ in 0..<per { try press("Right") }
        try press("Enter")
        if per > 0 {
            try type(periods)
            try press("Enter")
        }
        if let likelihoodSteps {
            for step in likelihoodSteps { try press(step) }
            try press("Enter")
        }
        try type(reasoning)
        try press("Enter")
    }
}

@Suite("Entering cases in the real app", .serialized)
struct IntakeEndToEndTests {
    @Test("a nine-line case across six laws, entered by keys, is written field by field and priced to the cent")
    func completeCase() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let started = Date()
        let session = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": "sw-e2e"], in: scratch.url)
        let keys = KeyScript(session)
        try session.waitFor("Rendement (voorkomen")

        try keys.openSociaalReceptCase()
        try keys.press("Right", "Enter")                            // verwijzer: huisarts
        try keys.press("Left", "Left", "Enter")                     // leeftijd: 75+ then 65-74
        try keys.press("Right", "Enter")                            // huishouden: alleenstaand
        try keys.press("Space", "PageDown")                         // Financiën
        try keys.type("Eenzame weduwnaar, veel bij de huisarts."); try keys.press("Tab")
        try keys.type("Wandelgroep en een maatje."); try keys.press("Tab")
        try keys.type("Actiever; minder zorg."); try keys.press("PageDown")
        try keys.type("14"); try keys.press("Tab", "Tab", "Tab")
        try keys.type("20"); try keys.press("PageDown")
        try keys.line(search: "respijt", quantity: "2", reasoning: "")
        try keys.press("PageDown")
        try keys.line(search: "fysio", quantity: "9", likelihoodSteps: [], reasoning: "Fysio adviseerde bewegen.")
        try keys.line(search: "huisarts", quantity: "2", per: 2, periods: "12", likelihoodSteps: ["Left"], reasoning: "Kwam elke week.")
        try keys.line(search: "verpleeghuis", quantity: "30", likelihoodSteps: ["Right"], reasoning: "Opname besproken.")
        try keys.line(search: "jeugdhulp", quantity: "2", per: 2, periods: "26", likelihoodSteps: [], reasoning: "Kleinzoon inwonend.")
        try keys.line(search: "eerste hulp", quantity: "1", likelihoodSteps: ["Right"], reasoning: "Viel eerder.")
        try keys.line(search: "uitzetting", quantity: "1", likelihoodSteps: ["Right", "Right"], reasoning: "Huurachterstand.")
        try keys.line(search: "bijstand", quantity: "6", likelihoodSteps: ["Right"], reasoning: "Dreigde baan te verliezen.")
        try keys.line(search: "vernieling", quantity: "1", likelihoodSteps: ["Right", "Right"], reasoning: "Politie kende hem.")
        try keys.press("PageDown", "BSpace", "BSpace", "BSpace")
        try keys.type("80")
        try keys.press("PageDown")
        let overview = try session.waitFor("Alleen deze casus")
        #expect(overview.contains("Totaal"))
        try keys.press("i")
        let question = try session.waitFor("Casus indienen bij een collega")
        #expect(question.contains("Daarna wijzig je hem alleen nog als hij wordt teruggestuurd."))
        try keys.press("j")
        try session.waitFor("Casus C-0008 is ingediend.")
        let seconds = Date().timeIntervalSince(started)
        print("intake e2e: \(keys.namedKeys) named keys + \(keys.typedCharacters) typed characters = \(keys.namedKeys + keys.typedCharacters) keystrokes, \(String(format: "%.1f", seconds)) s")

        let cases = scratch.url.appendingPathComponent("cases")
        guard case .success(let record) = CaseStore(folder: cases).load(fileName: "C-0008.json") else {
            Issue.record("C-0008.json could not be read")
            return
        }
        #expect(record.status == .ingediend)
        #expect(record.author == "sw-e2e")
        #expect(record.fictional == false)
        #expect(record.priceListVersion == "2026.1")
        #expect(record.context == CaseContext(intervention: "Sociaal Recept", team: "Team Noord", municipality: "Voorbeeldstad",
                                              periodStart: try #require(CalendarDay(iso: "2025-01-06")), periodEnd: try #require(CalendarDay(iso: "2025-04-25")),
                                              referrer: "huisarts", ageBand: "65-74", household: "alleenstaand", lifeDomains: [.financien]))
        #expect(record.story == CaseStory(situation: "Eenzame weduwnaar, veel bij de huisarts.", approach: "Wandelgroep en een maatje.", result: "Actiever; minder zorg."))
        #expect(record.effort.workers.map { "\($0.rateCode) \($0.hours) \($0.hourlyRate.plainText)" } == ["sociaal-werker 14 64.00"])
        #expect(record.effort.volunteerHours == 20)
        #expect(record.deployed.map(\.item.code) == ["WMO-RESPIJT"])
        #expect(record.deployed.first?.quantity == .count(2))
        #expect(record.avoided.map(\.item.code) == ["ZVW-FYSIO", "ZVW-HA-CONSULT", "WLZ-VPH", "JW-IB-LICHT", "ZVW-SEH", "WON-UITZETTING",
                                                    "PW-BIJSTAND-ALLEEN", "JUS-VERNIELING"])
        #expect(record.avoided.map(\.likelihood.value) == [75, 90, 50, 75, 50, 25, 50, 25])
        #expect(record.avoided[1].quantity == .rate(amount: 2, per: "week", periods: 12))
        #expect(record.avoided[3].quantity == .rate(amount: 2, per: "week", periods: 26))
        #expect(record.avoided.map(\.reasoning).first == "Fysio adviseerde bewegen.")
        #expect(record.attribution.value == 80)
        #expect(Set(record.avoided.map(\.item.law) + record.deployed.map(\.item.law)).count == 7)

        let valuation = try CaseValuation(record, options: .plain)
        // 38.89×9×.75×.8 = 210.006 → 210.01 · 30.87×24×.9×.8 = 533.4336 → 533.43 · 290×30×.5×.8 = 3480.00
        // 45.77×52×.75×.8 = 1428.024 → 1428.02 · 258×.5×.8 = 103.20 · 7500×.25×.8 = 1500.00 · 8809×.25×.8 = 1761.80
        #expect(valuation.avoidedLines.map(\.value.cents) == [21001, 53343, 348000, 142802, 10320, 150000, 308119, 176180])
        #expect(valuation.total.avoided == Money(cents: 901646))
        #expect(valuation.total.avoidedTransfers == Money(cents: 308119), "1283.83×6×.5×.8 = 3081.192 → 3081.19, kept out of the societal total")
        #expect(valuation.total.deployed == Money(cents: 40842))
        #expect(valuation.total.effort == Money(cents: 127200))
        #expect(valuation.total.net == Money(cents: 733604))
        #expect(valuation.perLaw["zvw"]?.avoided == Money(cents: 84664))
        #expect(!FileManager.default.fileExists(atPath: cases.appendingPathComponent(".drafts/sw-e2e.json").path), "the draft is gone once the case is written")

        let report = try Binary.run(["report"], in: scratch.url)
        #expect(report.stdout.contains("Telt: ingediende en goedgekeurde casussen (6 van 8)"))
        let validate = try Binary.run(["validate"], in: scratch.url)
        #expect(validate.status == 0, "\(validate.stdout)")
    }

    /// A colleague's real Sociaal Recept case that avoided `visits` GP visits at 75 %, submitted and, when asked, approved.
    static func colleagueCase(_ cases: URL, visits: Int, approved: Bool) throws {
        let list = try #require(PriceListReader.read(folder: cases.deletingLastPathComponent().appendingPathComponent("price-lists/standaard")).priceList)
        let consult = try #require(list.item("ZVW-HA-CONSULT"))
        try CaseStore(folder: cases).create { id in
            var record = CaseRecord(
                id: id, fictional: false, status: .concept, author: "sw-collega",
                context: CaseContext(intervention: "Sociaal Recept", team: "Team Zuid", municipality: "Voorbeeldstad",
                                     periodStart: CalendarDay(year: 2025, month: 1, day: 6)!, periodEnd: CalendarDay(year: 2025, month: 3, day: 31)!,
                                     referrer: "huisarts", ageBand: "65-74", household: "alleenstaand", lifeDomains: [.financien]),
                story: CaseStory(situation: "Eenzaam.", approach: "Wandelgroep.", result: "Actiever."),
                effort: OwnEffort(workers: [WorkerHours(rateCode: "sociaal-werker", description: "Sociaal werker", hours: 5, hourlyRate: Money(cents: 6400))]),
                deployed: [], avoided: [AvoidedCareLine(item: PricedItem(consult), quantity: .count(Decimal(visits)), likelihood: Percentage(75)!,
                                                        reasoning: "Kwam vaak.")],
                attribution: Percentage(80)!, priceListVersion: list.version)
            try? record.move(to: .ingediend, by: "sw-collega", at: "2026-01-05T09:00:00Z", reason: "ingediend")
            if approved { try? record.move(to: .goedgekeurd, by: "bo-beoordelaar", at: "2026-01-06T09:00:00Z", reason: "") }
            return record
        }
    }

    @Test("a case approved in this window teaches at once: its lines are in the next suggestions without a reload (found by a helper)")
    func approvalTeachesAtOnce() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let cases = scratch.url.appendingPathComponent("cases")
        for visits in 4...7 { try Self.colleagueCase(cases, visits: visits, approved: true) }
        try Self.colleagueCase(cases, visits: 8, approved: false)      // C-0012, waiting for review
        let session = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": "sw-bram"], in: scratch.url)
        let keys = KeyScript(session)
        try session.waitFor("Rendement (voorkomen")
        try keys.press("Right", "Enter")
        try session.waitFor("Casussen beoordelen — sw-bram")
        try keys.press("End", "Enter")
        try session.waitFor("C-0012 · Ingediend · auteur sw-collega")
        try keys.press("b")
        try session.waitFor("BEOORDELEN (vergrendeld)")
        try keys.press("g")
        try session.waitFor("Casus C-0012 goedkeuren (netto")
        try keys.press("y")
        try session.waitFor("Casus C-0012 is goedgekeurd en opgeslagen.")
        // Straight to a new case: no reload of the business case happens on the way.
        try keys.press("Escape", "Escape", "Left", "Enter", "Right", "Tab", "PageDown", "PageDown", "PageDown", "PageDown", "a")
        let picker = try session.waitFor("★ Huisarts consult gemiddeld", seconds: 5)
        #expect(picker.contains("5 van 5 · 6 × · waarschijnlijk"))
    }

    @Test("issue 14: five approved cases suggest a line; one key adds it, the worker lowers the quantity, writes why, and it is written so")
    func suggestedLine() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let cases = scratch.url.appendingPathComponent("cases")
        // Five colleagues' approved Sociaal Recept cases that all avoided GP visits: 4, 5, 6, 7 and 8 of them, at 75 %.
        for visits in 4...8 { try Self.colleagueCase(cases, visits: visits, approved: true) }
        let session = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": "sw-nieuw"], in: scratch.url)
        let keys = KeyScript(session)
        try session.waitFor("Rendement (voorkomen")
        try keys.openSociaalReceptCase()
        try keys.press("Right", "Enter", "Left", "Left", "Enter", "Right", "Enter", "Space", "PageDown")
        try keys.type("Eenzame weduwnaar."); try keys.press("Tab")
        try keys.type("Wandelgroep."); try keys.press("Tab")
        try keys.type("Actiever."); try keys.press("PageDown")
        try keys.type("6"); try keys.press("PageDown", "PageDown")  // 6 hours; past deployed care to avoided care
        try keys.press("a")
        let picker = try session.waitFor("★ Huisarts consult gemiddeld")
        #expect(picker.contains("│ ★ Huisarts consult gemiddeld             5 van 5 · 6 × · waarschijnlijk  │"))
        #expect(!picker.contains("sw-collega") && !picker.contains("bo-beoordelaar"), "a suggestion names nobody")
        try keys.press("Enter")                                     // the suggestion: 6 visits at 75 %
        try session.waitFor("Startwaarden uit 5 van 5 goedgekeurde casussen")
        try keys.type("4"); try keys.press("Enter", "Enter", "Enter") // fewer visits for this man; per: totaal; likelihood kept
        try keys.type("Huisarts zag hem maandelijks."); try keys.press("Enter")
        try keys.press("PageDown", "PageDown", "i")
        try session.waitFor("Casus indienen bij een collega")
        try keys.press("j")
        try session.waitFor("Casus C-0013 is ingediend.")
        let record = try CaseStore(folder: cases).load(id: "C-0013").get()
        #expect(record.avoided.map(\.item.code) == ["ZVW-HA-CONSULT"])
        #expect(record.avoided.first?.quantity == .count(4))
        #expect(record.avoided.first?.likelihood == Percentage(75))
        #expect(record.avoided.first?.reasoning == "Huisarts zag hem maandelijks.")
        print("suggested line e2e: \(keys.namedKeys) named keys + \(keys.typedCharacters) typed characters")
    }

    /// How a worker gets through the pick lists and pre-filled fields: with the keys the
    /// first version offered (arrows through every pick list, Backspace over a pre-filled
    /// value, PgDn to move on), or with type-ahead, select-on-entry and Enter.
    enum KeyPath: String, CaseIterable, CustomTestStringConvertible {
        case firstVersion = "voor"
        case now = "na"
        /// Issue 14: as `now`, with five approved cases of colleagues that suggest every line.
        case suggested = "met voorstellen"
        var testDescription: String { rawValue }
    }

    /// Five approved Sociaal Recept cases by a colleague with the eight-line case's lines, as counts.
    static func colleaguesHistory(_ folder: URL) throws {
        let list = try #require(PriceListReader.read(folder: folder.deletingLastPathComponent().appendingPathComponent("price-lists/standaard")).priceList)
        func item(_ code: String) throws -> PricedItem { PricedItem(try #require(list.item(code))) }
        let avoided: [(String, Decimal, Decimal)] = [("ZVW-HA-CONSULT", 20, 75), ("ZVW-FYSIO", 6, 50), ("ZVW-SEH", 1, 25), ("ZVW-AMBU-GEWOGEN", 1, 25),
                                                     ("WLZ-VPH", 60, 50), ("WMO-HH-THUIS", 78, 75), ("WMO-CONSULT-MW", 4, 90)]
        let lines = try avoided.map { code, units, likelihood in
            AvoidedCareLine(item: try item(code), quantity: .count(units), likelihood: try #require(Percentage(likelihood)), reasoning: "Eerder gezien.")
        }
        let respite = DeployedCareLine(item: try item("WMO-RESPIJT"), quantity: .count(3), note: "")
        for _ in 0..<5 {
            try CaseStore(folder: folder).create { id in
                var record = CaseRecord(
                    id: id, author: "sw-collega",
                    context: CaseContext(intervention: "Sociaal Recept", team: "Team West", municipality: "Voorbeeldstad",
                                         periodStart: CalendarDay(year: 2025, month: 1, day: 6)!, periodEnd: CalendarDay(year: 2025, month: 3, day: 31)!,
                                         referrer: "wijkteam", ageBand: "65-74", household: "samenwonend", lifeDomains: [.financien]),
                    story: CaseStory(situation: "Mantelzorger overbelast.", approach: "Respijt.", result: "Thuis."),
                    effort: OwnEffort(workers: [WorkerHours(rateCode: "sociaal-werker", description: "Sociaal werker", hours: 20, hourlyRate: Money(cents: 6400))]),
                    deployed: [respite], avoided: lines, attribution: Percentage(70)!, priceListVersion: list.version)
                try? record.move(to: .ingediend, by: "sw-collega", at: "2026-01-05T09:00:00Z", reason: "ingediend")
                try? record.move(to: .goedgekeurd, by: "bo-beoordelaar", at: "2026-01-06T09:00:00Z", reason: "")
                return record
            }
        }
    }

    @Test("an eight-line case over three laws: the navigation keys are counted and printed (issue 12's key count)",
          arguments: KeyPath.allCases)
    func eightLineKeyCount(path: KeyPath) throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        if path == .suggested { try Self.colleaguesHistory(scratch.url.appendingPathComponent("cases")) }
        let newID = path == .suggested ? "C-0013" : "C-0008"
        let session = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": "sw-acht"], in: scratch.url)
        let keys = KeyScript(session)
        try session.waitFor("Rendement (voorkomen")
        let modern = path != .firstVersion
        /// A pick list: arrows then Enter before, a typed letter then Enter now.
        func choose(arrows: [String], typing: String) throws {
            if modern { try keys.type(typing) } else { for arrow in arrows { try keys.press(arrow) } }
            try keys.press("Enter")
        }
        /// Moving on to the next step from a form step's last field.
        func nextStep() throws { try keys.press(modern ? "Enter" : "PageDown") }

        try keys.press("Enter", "Right", "Tab")                     // Nieuwe casus; interventie Sociaal Recept
        try keys.type("Team Oost"); try keys.press("Enter")
        try keys.type("Voorbeeldstad"); try keys.press("Enter")
        try keys.type("03-02-2025"); try keys.press("Enter")
        try keys.type("30-06-2025"); try keys.press("Enter")
        try choose(arrows: ["Right", "Right"], typing: "w")         // verwijzer: wijkteam
        try choose(arrows: ["Left", "Left"], typing: "6")           // leeftijd: 65-74
        try choose(arrows: ["Right", "Right"], typing: "s")         // huishouden: samenwonend
        try keys.press("Space", "PageDown")                         // Financiën
        try keys.type("Mantelzorger overbelast, partner met dementie."); try keys.press("Tab")
        try keys.type("Respijt, maatje en huishoudelijke hulp."); try keys.press("Tab")
        try keys.type("Partner blijft thuis wonen."); try keys.press("PageDown")
        try keys.type("20"); try keys.press("Tab", "Tab", "Tab")
        try keys.type("10"); try keys.press("PageDown")
        if path == .suggested {
            // Each line is the first suggestion: `a`, Enter on it, Enter past quantity, per and likelihood, then why.
            func suggestedLine(_ description: String, _ reasoning: String?) throws {
                try keys.press("a")
                try session.waitFor("★ \(description)")
                try keys.press("Enter", "Enter", "Enter")
                if let reasoning {
                    try keys.press("Enter")
                    try keys.type(reasoning)
                }
                try keys.press("Enter")
            }
            try suggestedLine("Respijtzorg", nil)
            try keys.press("PageDown")
            for (description, reasoning) in [("Verpleeghuis", "Opname was aangevraagd."), ("Consult maatschappelijk werk", "Gesprekken bij maatschappelijk werk."),
                                             ("Huishoudelijke hulp thuis", "Zoon doet het huishouden."), ("Ambulance", "Bij een val."),
                                             ("Fysiotherapie", "Viel twee keer."), ("Huisarts consult gemiddeld", "Elke week bij de huisarts."),
                                             ("Spoedeisende hulp", "Val in de badkamer.")] {
                try suggestedLine(description, reasoning)
            }
        } else {
            try keys.line(search: "respijt", quantity: "3", reasoning: "")
            try keys.press("PageDown")
        }
        /// One avoided line; `arrows`/`letter` pick the likelihood (default waarschijnlijk).
        func avoided(_ search: String, _ quantity: String, per: Int = 0, periods: String = "", arrows: [String], letter: String,
                     _ reasoning: String) throws {
            try keys.press("a")
            try keys.type(search)
            try keys.press("Enter")
            try keys.type(quantity)
            try keys.press("Enter")
            for _ in 0..<per { try keys.press("Right") }
            try keys.press("Enter")
            if per > 0 {
                try keys.type(periods)
                try keys.press("Enter")
            }
            if modern && !letter.isEmpty { try keys.type(letter) } else { for arrow in arrows { try keys.press(arrow) } }
            try keys.press("Enter")
            try keys.type(reasoning)
            try keys.press("Enter")
        }
        if path != .suggested {
            try avoided("huisarts", "1", per: 2, periods: "20", arrows: [], letter: "", "Elke week bij de huisarts.")
            try avoided("fysio", "6", arrows: ["Right"], letter: "e", "Viel twee keer.")
            try avoided("eerste hulp", "1", arrows: ["Right", "Right"], letter: "m", "Val in de badkamer.")
            try avoided("ambulance", "1", arrows: ["Right", "Right"], letter: "m", "Bij een val.")
            try avoided("verpleeghuis", "60", arrows: ["Right"], letter: "e", "Opname was aangevraagd.")
            try avoided("schoonmaak", "3", per: 2, periods: "26", arrows: [], letter: "", "Zoon doet het huishouden.")
            try avoided("amw", "4", arrows: ["Left"], letter: "b", "Gesprekken bij maatschappelijk werk.")
        }
        try keys.press("PageDown")                                  // from inside a line, PgDn moves on in both
        if !modern { try keys.press("BSpace", "BSpace", "BSpace") }  // toerekening: 100 was there
        try keys.type("70")
        try nextStep()
        let overview = try session.waitFor("Alleen deze casus")
        #expect(overview.contains("Totaal"))
        try keys.press("i", "j")   // submitting asks first (one key more since the count of 92 / 76)
        try session.waitFor("Casus \(newID) is ingediend.")
        print("acht regels, drie wetten (\(path.rawValue)): \(keys.namedKeys) navigatietoetsen + \(keys.typedCharacters) getypte tekens")

        guard case .success(let record) = CaseStore(folder: scratch.url.appendingPathComponent("cases")).load(fileName: "\(newID).json") else {
            Issue.record("\(newID).json could not be read")
            return
        }
        // Both ways give the same case, to the line.
        #expect(record.context.referrer == "wijkteam")
        #expect(record.context.ageBand == "65-74")
        #expect(record.context.household == "samenwonend")
        #expect(record.deployed.map(\.item.code) == ["WMO-RESPIJT"])
        // The same lines at the same likelihoods and values (in the order they were added).
        let lines = record.avoided.map { "\($0.item.code) \($0.likelihood.value) \($0.quantity.units)" }
        let expected = ["ZVW-HA-CONSULT 75 20", "ZVW-FYSIO 50 6", "ZVW-SEH 25 1", "ZVW-AMBU-GEWOGEN 25 1", "WLZ-VPH 50 60",
                        "WMO-HH-THUIS 75 78", "WMO-CONSULT-MW 90 4"]
        #expect(path == .suggested ? lines.sorted() == expected.sorted() : lines == expected)
        #expect(Set(record.avoided.map(\.item.law) + record.deployed.map(\.item.law)) == ["zvw", "wlz", "wmo"])
        #expect(record.attribution.value == 70)
        #expect(keys.namedKeys == [KeyPath.firstVersion: 93, .now: 77, .suggested: 71][path], "the navigation keys of this case")
    }

    @Test("killed halfway through a case: the draft is offered on restart and holds everything typed")
    func killedHalfway() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let session = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": "sw-kill"], runs: 2, in: scratch.url)
        let keys = KeyScript(session)
        try session.waitFor("Rendement (voorkomen")
        try keys.press("Enter", "Right", "Right", "Tab")
        try keys.type("Team Zuid"); try keys.press("PageDown")
        try keys.type("Halverwege gestopt, maar niets kwijt.")
        try keys.press("PageDown", "PageDown", "PageDown")
        try keys.line(search: "fysio", quantity: "3", likelihoodSteps: [], reasoning: "Laatste regel")
        try session.waitFor("Laatste regel")
        kill(try TerminalAppTests.appPID(session), SIGKILL)

        let offer = try session.waitFor("Er staat een onafgeronde casus klaar")
        #expect(offer.contains("Schuldhulp vroegsignalering"))
        try keys.press("j")
        try session.waitFor("Verder met de bewaarde casus.")
        let lines = try session.waitFor("[Laatste regel")
        #expect(lines.contains("Stap 5/7"), "the draft opens on the step where it was left")
        #expect(lines.contains("3 zitting"))
        #expect(lines.contains("[Laatste regel"))

        let draftURL = scratch.url.appendingPathComponent("cases/.drafts/sw-kill.json")
        let draft = try String(contentsOf: draftURL, encoding: .utf8)
        #expect(draft.contains("\"team\" : \"Team Zuid\""))
        #expect(draft.contains("\"situation\" : \"Halverwege gestopt, maar niets kwijt.\""))
        #expect(draft.contains("\"text\" : \"Laatste regel\""))
        let mode = try FileManager.default.attributesOfItem(atPath: draftURL.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(try Binary.run(["validate"], in: scratch.url).status == 0, "a draft is not a case and breaks nothing")
    }
}

@Suite("Saving when the business case cannot be written", .serialized)
struct FailedSaveEndToEndTests {
    @Test("the draft goes to a private reserve folder, the screen says so, and the next start offers it")
    func reserveCopy() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let home = scratch.url.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        // A file where the draft folder should be: every draft save into the business case fails.
        try "geen map".write(to: scratch.url.appendingPathComponent("cases/.drafts"), atomically: true, encoding: .utf8)

        let session = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": "sw-vol", "HOME": home.path], runs: 2, in: scratch.url)
        let keys = KeyScript(session)
        try session.waitFor("Rendement (voorkomen")
        try keys.press("Enter", "Tab")
        try keys.type("Team West")
        try session.waitFor("[Team West")
        let screen = try session.waitFor("Niet opgeslagen:")
        #expect(screen.contains("reservekopie in"))
        #expect(screen.contains("Ctrl-S probeert opnieuw"))
        let reserve = home.appendingPathComponent(".rendementsmeter/concepten/sw-vol.json")
        #expect(try String(contentsOf: reserve, encoding: .utf8).contains("\"team\" : \"Team West\""))

        try keys.press("C-q")
        try session.waitFor("Afsluiten verliest die")
        try keys.press("j")
        let offer = try session.waitFor("Er staat een onafgeronde casus klaar")
        #expect(offer.contains("Wil je daarmee verder gaan?"))
        try keys.press("j")
        #expect(try session.waitFor("[Team West").contains("Team"))
    }
}
