import Testing
@testable import RendementsCore
@testable import RendementsDomain

/// A draft or rework opened under a newer price list than the one it was priced with (the
/// README called this unsolved: a resumed draft kept its old lines and version and priced new
/// lines with the new list, so one case held prices from two lists).
@Suite("A draft priced with an older list")
struct DraftRepricingTests {
    static let oldFysio = PricedItem(code: "ZVW-FYSIO", law: "zvw", description: "Fysiotherapie", unit: "zitting",
                                     unitPrice: Money(cents: 3500), priceYear: 2021, kind: .kosten, grade: .oranje)

    /// anouk's case, priced with list t0, sent back by chris.
    static func sentBack(_ avoided: [AvoidedCareLine]) throws -> CaseRecord {
        var sent = CaseRecord(
            id: "C-0001", status: .ingediend, author: "anouk",
            context: CaseContext(intervention: "Sociaal Recept", team: "Noord", municipality: "X",
                                 periodStart: try #require(CalendarDay(year: 2025, month: 1, day: 1)), periodEnd: try #require(CalendarDay(year: 2025, month: 6, day: 1))),
            story: CaseStory(situation: "Eenzaam."),
            avoided: avoided, attribution: .full, priceListVersion: "t0")
        try sent.move(to: .teruggestuurd, by: "chris", at: "t", reason: "Graag aanvullen.")
        return sent
    }

    @Test("a draft priced with a newer list than the one open is not moved back to the older one")
    func neverBack() throws {
        var draft = IntakeDraft(author: "sw-test", priceListVersion: "t2")
        var line = DraftLine(item: Self.oldFysio)
        line.quantity = "9"
        draft.avoided = [line]
        let before = draft
        #expect(IntakeDriver().state.intakeForm.priceList?.version == "t1")
        #expect(DraftRepricing.apply(IntakeDriver().state.intakeForm, to: &draft) == nil)
        #expect(draft == before)
    }

    @Test("a kept draft takes the open list's prices and version and says so; a line the list lacks stops the submission until it is replaced")
    func keptDraft() throws {
        var draft = IntakeDraft(author: "sw-test", priceListVersion: "t0")
        draft.team = "Team Oost"
        var avoided = DraftLine(item: Self.oldFysio)
        avoided.quantity = "9"
        var gone = DraftLine(item: PricedItem(code: "OUD-ITEM", law: "wmo", description: "Oud product", unit: "uur",
                                              unitPrice: Money(cents: 5000), priceYear: 2021, kind: .kosten))
        gone.quantity = "2"
        draft.avoided = [avoided]
        draft.deployed = [gone]
        var driver = IntakeDriver(pendingDraft: draft)
        driver.press(.character("j"))
        #expect(driver.state.notice == "Verder met de bewaarde casus. Geprijsd met prijslijst t0; nu geldt t1: 1 regel kreeg de nieuwe prijs. "
                + "Niet in t1: OUD-ITEM; kies een ander product.")
        let opened = try #require(driver.draft)
        #expect(opened.priceListVersion == "t1")
        #expect(opened.avoided[0].item == PricedItem(code: "ZVW-FYSIO", law: "zvw", description: "Fysiotherapie", unit: "zitting",
                                                      unitPrice: Money(cents: 3889), priceYear: 2022, kind: .kosten, grade: .groen))
        #expect(opened.deployed[0].item.unitPrice == Money(cents: 5000), "a line the list lacks is kept as typed, never dropped")

        let conversion = DraftConversion(form: driver.state.intakeForm)
        guard case .failure(let incomplete) = conversion.record(opened, status: .ingediend) else {
            Issue.record("a case with an item its list lacks was made")
            return
        }
        #expect(incomplete.problems.filter { $0.step == .ingezet }
                == [DraftProblem(step: .ingezet, field: .lines(.deployed), message: "Regel 1: OUD-ITEM staat niet in prijslijst t1; verwijder de regel en kies een ander product.")])
        #expect(conversion.provisional(opened, options: .plain)?.total.deployed == .zero, "running totals leave the unlisted line out, not all of them")

        var mended = opened
        mended.deployed = []
        mended.intervention = "Sociaal Recept"
        (mended.municipality, mended.periodStart, mended.periodEnd, mended.situation) = ("Teststad", "06-01-2025", "25-04-2025", "Eenzaam.")
        let record = try conversion.record(mended, status: .ingediend).get()
        #expect(record.priceListVersion == "t1")
        #expect(record.avoided.map(\.item.unitPrice) == [Money(cents: 3889)])
    }

    @Test("a draft on the open list is left as it is, and says nothing more")
    func sameList() throws {
        var draft = IntakeDraft(author: "sw-test", priceListVersion: "t1")
        draft.avoided = [DraftLine(item: Self.oldFysio)]
        var driver = IntakeDriver(pendingDraft: draft)
        driver.press(.character("j"))
        #expect(driver.state.notice == "Verder met de bewaarde casus.")
        #expect(driver.draft?.avoided.first?.item == Self.oldFysio, "its own prices: re-pricing a case on its own list is an explicit act")
    }

    @Test("a case sent back after a new list: the rework prices with it, and the case records the move as `reprice` does")
    func rework() throws {
        let sent = try Self.sentBack([AvoidedCareLine(item: Self.oldFysio, quantity: .count(10), likelihood: try #require(Percentage(50)), reasoning: "fysio")])
        var author = ReviewFlowTests.driver(user: "anouk")
        author.state.setRecords([sent])
        author.press(.enter, .character("a"))
        #expect(author.state.notice == "Opmerkingen: Graag aanvullen. · Geprijsd met prijslijst t0; nu geldt t1: 1 regel kreeg de nieuwe prijs.")
        for _ in 0..<6 { author.press(.pageDown) }
        author.effects = []
        author.press(.character("i"), .character("j"))
        guard case .saveCase(let resubmitted, _) = author.effects.last else {
            Issue.record("expected a resubmission, problems: \(author.intake?.submitProblems ?? [])")
            return
        }
        #expect(resubmitted.priceListVersion == "t1")
        #expect(resubmitted.avoided.map(\.item.unitPrice) == [Money(cents: 3889)])
        #expect(resubmitted.history.map { "\($0.action.rawValue) \($0.field) \($0.old) → \($0.new) \($0.by)" } == [
            "status status ingediend → teruggestuurd chris",
            "herprijzing voorkomen[1].prijs ZVW-FYSIO € 35,00 (2021) → ZVW-FYSIO € 38,89 (2022) anouk",
            "status status teruggestuurd → ingediend anouk",
        ], "the moved price is a re-pricing, not the author's rework of the estimate")
        #expect(resubmitted.history[1].reason == "Herprijsd naar prijslijst Test, versie t1 (was t0)")
        #expect(resubmitted.history.last?.reason == "Ongewijzigd opnieuw ingediend")
    }

    @Test("hours for a rate the list lacks are shown, named and never dropped; a typed rate that differs from the list's is kept and named (helper-29)")
    func hoursAndRates() throws {
        var draft = IntakeDraft(author: "sw-test", priceListVersion: "t0")
        draft.workerHours = ["sociaal-werker": "5", "begeleider-basis": "12"]
        draft.workerRates = ["sociaal-werker": "60,00"]
        var driver = IntakeDriver(pendingDraft: draft)
        driver.press(.character("j"))
        #expect(driver.state.notice == "Verder met de bewaarde casus. Geprijsd met prijslijst t0; nu geldt t1: geen prijs veranderd. "
                + "Uurtarief begeleider-basis staat niet in t1; zet die uren bij Inzet om. Sociaal werker blijft € 60,00/uur (lijst: € 64,00).")
        let opened = try #require(driver.draft)
        #expect(opened.workerHours["begeleider-basis"] == "12", "the hours stay")
        let inzet = driver.state.intakeForm.fields(.inzet, draft: opened, selected: [:])
        #expect(inzet.prefix(3).map(\.label) == ["Sociaal werker", "begeleider-basis (niet in prijslijst)", "Vrijwilligersuren (€ 18,80/uur)"])
        let conversion = DraftConversion(form: driver.state.intakeForm)
        guard case .failure(let incomplete) = conversion.record(opened, status: .ingediend) else {
            Issue.record("hours of a rate the list lacks were dropped from the case")
            return
        }
        #expect(incomplete.problems.filter { $0.step == .inzet } == [DraftProblem(
            step: .inzet, field: .hours("begeleider-basis"),
            message: "Uren begeleider-basis: dit uurtarief staat niet in prijslijst t1; zet de uren bij een ander tarief en maak dit veld leeg.")])
        #expect(conversion.provisional(opened, options: .plain)?.total.effort == Money(cents: 30000), "running totals count the listed rate's hours: 5 × € 60,00")
        var moved = opened
        moved.workerHours = ["sociaal-werker": "17", "begeleider-basis": ""]
        #expect(driver.state.intakeForm.unlistedHourCodes(moved).isEmpty, "an emptied field is gone from the step")
    }

    @Test("a rework whose case holds an item the new list lacks: the author removes that line, and each price that moved is still its own step")
    func reworkWithMissingItem() throws {
        let sent = try Self.sentBack([
            AvoidedCareLine(item: Self.oldFysio, quantity: .count(10), likelihood: try #require(Percentage(50)), reasoning: "fysio"),
            AvoidedCareLine(item: PricedItem(code: "OUD-ITEM", law: "zvw", description: "Oud", unit: "stuk", unitPrice: Money(cents: 1000), priceYear: 2021, kind: .kosten),
                            quantity: .count(1), likelihood: try #require(Percentage(50)), reasoning: "oud"),
        ])
        var author = ReviewFlowTests.driver(user: "anouk")
        author.state.setRecords([sent])
        author.press(.enter, .character("a"))
        #expect(author.state.notice == "Opmerkingen: Graag aanvullen. · Geprijsd met prijslijst t0; nu geldt t1: 1 regel kreeg de nieuwe prijs. "
                + "Niet in t1: OUD-ITEM; kies een ander product.")
        for _ in 0..<4 { author.press(.pageDown) }
        author.press(.character("x"), .character("j"))  // the second avoided line, selected as the step opens, goes
        #expect(author.draft?.avoided.map(\.item.code) == ["ZVW-FYSIO"])
        author.press(.pageDown, .pageDown)
        author.effects = []
        author.press(.character("i"), .character("j"))
        guard case .saveCase(let resubmitted, _) = author.effects.last else {
            Issue.record("expected a resubmission, problems: \(author.intake?.submitProblems ?? [])")
            return
        }
        #expect(resubmitted.priceListVersion == "t1" && resubmitted.avoided.map(\.item.unitPrice) == [Money(cents: 3889)])
        #expect(resubmitted.history.map { "\($0.action.rawValue) \($0.field)" } == [
            "status status", "herprijzing voorkomen[1].prijs", "aanpassing inhoud: voorkomen", "status status",
        ], "before: only the version's move was recorded, and the moved price counted as the author's change")
    }

    @Test("quitting keeps the step the worker was on, so the draft reopens there (helper-29: it reopened two steps back)")
    func quitKeepsStep() throws {
        var driver = IntakeDriver()
        driver.openNewCase()
        driver.press(.tab)
        driver.type("Team Oost")
        driver.press(.pageDown, .pageDown)
        driver.effects = []
        driver.press(.control("q"), .character("j"))
        guard driver.effects.count == 2, case .saveDraft(let kept) = driver.effects[0], driver.effects[1] == .quit else {
            Issue.record("expected the draft saved, then quit: \(driver.effects)")
            return
        }
        #expect(kept.lastStep == IntakeStep.inzet.rawValue && kept.team == "Team Oost")
    }

    @Test("a warning names a line by its place in the draft, also when a line before it is not valued (helper-29: line 3 was called 2)")
    func warningsNameTheDraftsLine() throws {
        var draft = IntakeDraft(author: "sw-test", priceListVersion: "t1")
        let list = UpdateTests.list
        func line(_ code: String, _ quantity: String) throws -> DraftLine {
            var line = DraftLine(item: PricedItem(try #require(list.item(code))))
            line.quantity = quantity
            line.text = "onderbouwd"
            return line
        }
        var gone = try line("ZVW-FYSIO", "1")
        gone.item.code = "OUD-ITEM"
        draft.avoided = [try line("ZVW-FYSIO", "1"), gone, try line("ZVW-HA", "100")]
        let conversion = DraftConversion(form: IntakeForm(hourlyRates: [], interventions: Choices.interventions, priceList: list))
        #expect(IntakeWarnings.warnings(draft, valuation: conversion.provisional(draft, options: .plain))
                == ["Regel 3 (Huisarts consult) is meer dan de helft van de voorkomen zorg; onderbouw die extra goed."])
    }
}

/// Helper-31: a line over two years showed its value for one year in the intake's list, while the
/// running total counted both.
@Suite("A typed line's value")
struct DraftLineValueTests {
    @Test("a line over several years is shown at the value the totals count: horizon, drop-off and discounting included")
    func horizonIncluded() throws {
        let list = UpdateTests.list
        var line = DraftLine(item: PricedItem(try #require(list.item("ZVW-HA"))))
        line.quantity = "10"
        line.text = "onderbouwd"
        line.years = "2"
        line.dropOff = "10"
        var draft = IntakeDraft(author: "sw-test", priceListVersion: "t1")
        draft.avoided = [line]
        draft.attribution = "80"
        let conversion = DraftConversion(form: IntakeForm(hourlyRates: [], interventions: Choices.interventions, priceList: list))
        let counted = try #require(conversion.provisional(draft, options: .plain)?.avoidedLines.first?.value)
        #expect(conversion.lineValue(line, kind: .avoided, attribution: "80", options: .plain) == counted)
        var oneYear = line
        oneYear.years = "1"
        #expect(counted > (try #require(conversion.lineValue(oneYear, kind: .avoided, attribution: "80", options: .plain))))
        // A horizon not valid yet counts as one year in both.
        var typing = line
        typing.years = "9999"
        draft.avoided = [typing]
        #expect(conversion.lineValue(typing, kind: .avoided, attribution: "80", options: .plain) == conversion.provisional(draft, options: .plain)?.avoidedLines.first?.value)
    }
}
