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

    @Test("a kept draft takes the open list's prices and version and says so; a line the list lacks stops the submission until it is replaced")
    func keptDraft() throws {
        var draft = IntakeDraft(author: "sw-test", priceListVersion: "2025.1")
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
        #expect(driver.state.notice == "Verder met de bewaarde casus. Geprijsd met prijslijst 2025.1; nu geldt t1: 1 regel kreeg de nieuwe prijs. "
                + "Niet in t1: OUD-ITEM; kies bij die regel een ander product.")
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
        #expect(conversion.provisional(opened)?.total.deployed == .zero, "running totals leave the unlisted line out, not all of them")

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
        var sent = CaseRecord(
            id: "C-0001", status: .ingediend, author: "anouk",
            context: CaseContext(intervention: "Sociaal Recept", team: "Noord", municipality: "X",
                                 periodStart: try #require(CalendarDay(year: 2025, month: 1, day: 1)), periodEnd: try #require(CalendarDay(year: 2025, month: 6, day: 1))),
            story: CaseStory(situation: "Eenzaam."),
            avoided: [AvoidedCareLine(item: Self.oldFysio, quantity: .count(10), likelihood: try #require(Percentage(50)), reasoning: "fysio")],
            attribution: .full, priceListVersion: "2025.1")
        try sent.move(to: .teruggestuurd, by: "chris", at: "t", reason: "Graag aanvullen.")
        var author = ReviewFlowTests.driver(user: "anouk")
        author.state.setRecords([sent])
        author.press(.enter, .character("a"))
        #expect(author.state.notice == "Opmerkingen: Graag aanvullen. Geprijsd met prijslijst 2025.1; nu geldt t1: 1 regel kreeg de nieuwe prijs.")
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
        #expect(resubmitted.history[1].reason == "Herprijsd naar prijslijst Test, versie t1 (was 2025.1)")
        #expect(resubmitted.history.last?.reason == "Ongewijzigd opnieuw ingediend")
    }
}
