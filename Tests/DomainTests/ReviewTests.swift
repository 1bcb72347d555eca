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
        #expect(try CaseValuation(record.asOriginallyEstimated).perLaw["wlz"]?.avoided == Fixture.money("9135.00"))
        #expect(try CaseValuation(record).perLaw["wlz"]?.avoided == Fixture.money("4567.50"))

        try record.review(.removeLine(1), by: "bram", at: "2026-11-24T10:01:00Z", reason: "Dubbel geteld.")
        #expect(record.avoided.map(\.item.code) == ["WLZ-VPH"])
        #expect(record.original?.avoided.count == 2, "the original is taken once, at the first change")
        #expect(throws: ReviewError.noSuchLine(2, count: 1)) {
            try record.review(.quantity(line: 2, .count(1)), by: "bram", at: "t", reason: "x")
        }
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

    @Test("how a worker knows fits beside its label at 80 columns; a draft in the old wording still reads")
    func certaintyNames() {
        #expect(Certainty.allCases.map(\.dutchName).allSatisfy { $0.count <= 44 }, "'bevestigd door een collega of andere professional' was cut to 'professiona'")
        #expect(Certainty(dutchName: "bevestigd door een collega of andere professional") == .bevestigd)
        #expect(Certainty(dutchName: "bevestigd door een andere professional") == .bevestigd)
        #expect(Certainty(dutchName: "weet niet") == nil)
    }
}
