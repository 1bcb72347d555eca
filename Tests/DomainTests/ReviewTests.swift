import Foundation
import Testing
@testable import RendementsDomain

@Suite("Review in the domain: reasons, status flow, original kept")
struct ReviewTests {
    static func submitted() -> CaseRecord {
        var record = Fixture.record(status: .ingediend, avoided: [
            Fixture.avoided("ZVW-HA", law: "zvw", price: "30.87", count: 6, likelihood: 75),
            Fixture.avoided("WLZ-VPH", law: "wlz", price: "290.00", count: 90, likelihood: 50),
        ], attribution: 70)
        record.author = "anouk"
        return record
    }

    @Test("the original estimate is compared at the prices the case has now: a re-pricing after the review is not the reviewer's change (helper-33)")
    func originalAtCurrentPrices() throws {
        var record = Self.submitted()
        try record.review(.likelihood(line: 2, Fixture.percent(25)), by: "bram", at: "2026-11-24T10:00:00Z", reason: "Opname was niet concreet.")
        // A beheerder re-prices the nursing-home day from € 290,00 to € 300,00 (the current lines only, as `reprice` does).
        record.avoided[1].item.unitPrice = Fixture.money("300.00")
        #expect(record.original?.avoided[1].item.unitPrice == Fixture.money("290.00"), "the stored estimate is as it was")
        // 300 × 90 × .5 × .7 = 9450.00 against 300 × 90 × .25 × .7 = 4725.00: only the likelihood differs.
        #expect(try CaseValuation(record.asOriginallyEstimated, options: .plain).perLaw["wlz"]?.avoided == Fixture.money("9450.00"))
        #expect(try CaseValuation(record, options: .plain).perLaw["wlz"]?.avoided == Fixture.money("4725.00"))
        #expect(record.asOriginallyEstimated.avoided.map(\.likelihood.value) == [75, 50])
        // An item the reviewer replaced keeps the price it was estimated with.
        try record.review(.item(line: 1, PricedItem(code: "ZVW-HA-LANG", law: "zvw", description: "Lang consult", unit: "consult",
                                                     unitPrice: Fixture.money("61.74"), priceYear: 2022, kind: .kosten)),
                          by: "bram", at: "2026-11-24T10:05:00Z", reason: "Het was een lang consult.")
        #expect(record.asOriginallyEstimated.avoided[0].item.unitPrice == Fixture.money("30.87"))
    }

    @Test("a change needs a reason, keeps the original estimate and appends an event")
    func adjust() throws {
        var record = Self.submitted()
        #expect(throws: ReviewError.reasonRequired) {
            try record.review(.likelihood(line: 2, Fixture.percent(25)), by: "bram", at: "2026-11-24T10:00:00Z", reason: "  ")
        }
        #expect(record.history.isEmpty)
        try record.review(.likelihood(line: 2, Fixture.percent(25)), by: "bram", at: "2026-11-24T10:00:00Z", reason: "Opname was niet concreet.")
        #expect(record.avoided[1].likelihood.value == 25)
        #expect(record.original?.avoided[1].likelihood.value == 50)
        #expect(record.history.count == 1)
        let event = try #require(record.history.first)
        #expect([event.by, event.field, event.old, event.new, event.reason] == ["bram", "voorkomen[2].kans", "50", "25", "Opname was niet concreet."])
        // Original vs reviewed: 290 × 90 × .5 × .7 = 9135.00 before, × .25 = 4567.50 after.
        #expect(try CaseValuation(record.asOriginallyEstimated, options: .plain).perLaw["wlz"]?.avoided == Fixture.money("9135.00"))
        #expect(try CaseValuation(record, options: .plain).perLaw["wlz"]?.avoided == Fixture.money("4567.50"))

        try record.review(.removeLine(1), by: "bram", at: "2026-11-24T10:01:00Z", reason: "Dubbel geteld.")
        #expect(record.avoided.map(\.item.code) == ["WLZ-VPH"])
        #expect(record.original?.avoided.count == 2, "the original is taken once, at the first change")
        #expect(throws: ReviewError.noSuchLine(2, count: 1)) {
            try record.review(.quantity(line: 2, .count(1)), by: "bram", at: "t", reason: "x")
        }
    }

    @Test("a reviewer's quantity beyond the bounds, or a line worth more than € 100 million, is refused and changes nothing (helper finding: the case became unreadable and could not be saved again)")
    func reviewWithinBounds() throws {
        var record = Self.submitted()
        let before = record
        #expect(throws: ReviewError.outOfBounds("voorkomen zorg regel 1: hoeveelheid 1.234.567 is groter dan het maximum van 1.000.000")) {
            try record.review(.quantity(line: 1, .count(1_234_567)), by: "bram", at: "t", reason: "Veel.")
        }
        #expect(ReviewError.outOfBounds("voorkomen zorg regel 1: hoeveelheid 1.234.567 is groter dan het maximum van 1.000.000").dutchMessage
                == "Niet gewijzigd: voorkomen zorg regel 1: hoeveelheid 1.234.567 is groter dan het maximum van 1.000.000.")
        // 1,000,000 nursing days at € 290 × 50 % × 70 % is € 101.5 million on one line: within the quantity bound, beyond the line's.
        #expect(throws: ReviewError.self) {
            try record.review(.quantity(line: 2, .count(1_000_000)), by: "bram", at: "t", reason: "Veel.")
        }
        #expect(record == before, "nothing changed, no event")
        var added = Fixture.avoided("ZVW-HA", law: "zvw", price: "30.87", count: 6, likelihood: 75)
        added.quantity = .count(2_000_000)
        #expect(throws: ReviewError.self) { try record.review(.addLine(added), by: "bram", at: "t", reason: "Vergeten.") }
        #expect(throws: ReviewError.unchanged, "a step that keeps the value is no step (helper finding: '1500,5 → 1500,5')") {
            try record.review(.likelihood(line: 1, Fixture.percent(75)), by: "bram", at: "t", reason: "Klopt.")
        }
        #expect(record == before)
        try record.review(.quantity(line: 1, .count(1_000_000)), by: "bram", at: "t", reason: "Het maximum mag.")
        #expect(record.avoided[0].quantity == .count(1_000_000))
    }

    @Test("the status flow is enforced and nobody approves their own case")
    func statusFlow() throws {
        var record = Self.submitted()
        #expect(throws: ReviewError.ownCase(author: "anouk")) {
            try record.move(to: .goedgekeurd, by: "anouk", at: "t", reason: "")
        }
        #expect(throws: ReviewError.reasonRequired) { try record.move(to: .teruggestuurd, by: "bram", at: "t", reason: "") }
        try record.move(to: .teruggestuurd, by: "bram", at: "t1", reason: "Onderbouw regel 2.")
        #expect(record.currentRemarks == "Onderbouw regel 2.")
        #expect(throws: ReviewError.statusNotAllowed(from: .teruggestuurd, to: .goedgekeurd)) {
            try record.move(to: .goedgekeurd, by: "bram", at: "t2", reason: "")
        }
        #expect(throws: ReviewError.notUnderReview(.teruggestuurd)) {
            try record.review(.attribution(Fixture.percent(50)), by: "bram", at: "t", reason: "x")
        }
        try record.move(to: .ingediend, by: "anouk", at: "t3", reason: "Aangevuld.")
        try record.move(to: .goedgekeurd, by: "bram", at: "t4", reason: "")
        #expect(record.status == .goedgekeurd)
        #expect(record.history.map(\.new) == ["teruggestuurd", "ingediend", "goedgekeurd"])
        #expect(record.currentRemarks == nil)
    }

    @Test("a history field reads as Dutch (the stored, hashed path is unchanged)")
    func dutchField() {
        func event(_ field: String) -> CaseEvent {
            CaseEvent(at: "2026-11-24T10:00:00Z", by: "bram", action: .wijziging, field: field, old: "50", new: "25", reason: "r")
        }
        #expect(event("voorkomen[2].kans").dutchField == "voorkomen regel 2, kans")
        #expect(event("voorkomen[3]").dutchField == "voorkomen regel 3")
        #expect(event("ingezet[1].prijs").dutchField == "ingezet regel 1, prijs")
        #expect(event("toerekening").dutchField == "toerekening")
        #expect(event("voorkomen[2].kans").field == "voorkomen[2].kans")
    }

    @Test("a history step reads the Dutch way: percentages with a comma, quantities grouped, a rework by its parts (helper finding: '33.333 → 12.5' read as thousands)")
    func dutchChange() {
        func event(_ action: CaseEvent.Action, _ field: String, _ old: String, _ new: String) -> String {
            CaseEvent(at: "t", by: "bram", action: action, field: field, old: old, new: new, reason: "r").dutchChange
        }
        #expect(event(.wijziging, "voorkomen[1].kans", "33.333", "12.5") == "voorkomen regel 1, kans: 33,333 % → 12,5 %")
        #expect(event(.wijziging, "toerekening", "100", "80") == "toerekening: 100 % → 80 %")
        #expect(event(.wijziging, "voorkomen[2].hoeveelheid", "1500,5", "2 per week × 26") == "voorkomen regel 2, hoeveelheid: 1.500,5 → 2 per week × 26")
        #expect(event(.regelVerwijderd, "voorkomen[3]", "ZVW-HA 4", "") == "voorkomen regel 3: ZVW-HA 4 → —")
        #expect(event(.aanpassing, "inhoud: verhaal, inzet", "", "") == "aangepast: verhaal, inzet")
        #expect(event(.aanpassing, "inhoud", "", "") == "inhoud aangepast")
        #expect(event(.status, "status", "ingediend", "goedgekeurd") == "status ingediend → goedgekeurd")
    }

    @Test("how a worker knows fits beside its label at 80 columns; a draft in the old wording still reads")
    func certaintyNames() {
        #expect(Certainty.allCases.map(\.dutchName).allSatisfy { $0.count <= 44 }, "'bevestigd door een collega of andere professional' was cut to 'professiona'")
        #expect(Certainty(dutchName: "bevestigd door een collega of andere professional") == .bevestigd)
        #expect(Certainty(dutchName: "bevestigd door een andere professional") == .bevestigd)
        #expect(Certainty(dutchName: "weet niet") == nil)
    }
}
