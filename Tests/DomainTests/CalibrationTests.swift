import Foundation
import Testing
@testable import RendementsDomain

/// Issue 14: calibration compares estimates with colleagues' and shows how review moved them.
@Suite("Calibration: each line as estimated and as approved, spreads per item, and the worker's mirror")
struct CalibrationTests {
    /// Case `id` by `author` with lines HA (4 ×, 75 %), GGZ (2 per week × 26, 50 %) and SEH (1 ×, 25 %), approved after `review`.
    static func approved(_ id: String, author: String = "ans", fictional: Bool = false,
                         review: (inout CaseRecord) throws -> Void = { _ in }) throws -> CaseRecord {
        var record = Fixture.record(id: id, status: .ingediend, avoided: [
            Fixture.avoided("HA", law: "Zvw", price: "10.00", count: 4, likelihood: 75),
            AvoidedCareLine(item: Fixture.item("GGZ", law: "Zvw", price: "100.00"), quantity: .rate(amount: 2, per: "week", periods: 26),
                            likelihood: Fixture.percent(50), reasoning: "omdat"),
            Fixture.avoided("SEH", law: "Zvw", price: "300.00", count: 1, likelihood: 25),
        ])
        record.author = author
        record.fictional = fictional
        try review(&record)
        try record.move(to: .goedgekeurd, by: "bram", at: "t", reason: "")
        return record
    }

    @Test("undoing the review line by line gives the author's estimate: a changed likelihood and quantity, a removed and an added line")
    func linesAsEstimatedAndApproved() throws {
        let record = try Self.approved("C-0007") { record in
            try record.review(.likelihood(line: 1, Fixture.percent(50)), by: "bram", at: "t", reason: "Huisarts was al in beeld.")
            try record.review(.removeLine(2), by: "bram", at: "t", reason: "Geen wachtlijst bekend.")
            // GGZ gone: SEH is line 2 now.
            try record.review(.quantity(line: 2, .count(2)), by: "bram", at: "t", reason: "Twee bezoeken in het dossier.")
            try record.review(.addLine(Fixture.avoided("POH", law: "Zvw", price: "20.00", count: 3, likelihood: 90)), by: "bram", at: "t",
                              reason: "POH-gesprekken vergeten.")
        }
        let lines = ReviewedLine.lines(of: record)
        #expect(lines == [
            ReviewedLine(caseID: "C-0007", author: "ans", intervention: "Sociaal Recept", code: "HA",
                         estimated: LineValues(units: 4, likelihood: 75), approved: LineValues(units: 4, likelihood: 50),
                         reasons: ["Huisarts was al in beeld."]),
            ReviewedLine(caseID: "C-0007", author: "ans", intervention: "Sociaal Recept", code: "GGZ",
                         estimated: LineValues(units: 52, likelihood: 50), approved: nil, reasons: ["Geen wachtlijst bekend."]),
            ReviewedLine(caseID: "C-0007", author: "ans", intervention: "Sociaal Recept", code: "SEH",
                         estimated: LineValues(units: 1, likelihood: 25), approved: LineValues(units: 2, likelihood: 25),
                         reasons: ["Twee bezoeken in het dossier."]),
            ReviewedLine(caseID: "C-0007", author: "ans", intervention: "Sociaal Recept", code: "POH",
                         estimated: nil, approved: LineValues(units: 3, likelihood: 90), reasons: ["POH-gesprekken vergeten."]),
        ])
        #expect(lines.map(\.reviewChanged) == [true, true, true, true])
    }

    @Test("a swapped item is the author's item removed and the reviewer's added, both with the reason (found by a helper: it counted as unchanged)")
    func swappedItem() throws {
        let record = try Self.approved("C-0008") { record in
            try record.review(.item(line: 3, Fixture.item("POH", law: "Zvw", price: "20.00")), by: "bram", at: "t", reason: "Eigenlijk de POH.")
            try record.review(.removeLine(2), by: "bram", at: "t", reason: "Geen wachtlijst.")
        }
        let lines = ReviewedLine.lines(of: record)
        #expect(lines.map(\.code) == ["HA", "GGZ", "SEH", "POH"])
        #expect(lines[1].estimated == LineValues(units: 52, likelihood: 50), "the removed line's likelihood from the estimate kept at the first review")
        #expect(lines[2] == ReviewedLine(caseID: "C-0008", author: "ans", intervention: "Sociaal Recept", code: "SEH",
                                         estimated: LineValues(units: 1, likelihood: 25), approved: nil, reasons: ["Eigenlijk de POH."]))
        #expect(lines[3] == ReviewedLine(caseID: "C-0008", author: "ans", intervention: "Sociaal Recept", code: "POH",
                                         estimated: nil, approved: LineValues(units: 1, likelihood: 25), reasons: ["Eigenlijk de POH."]))
        #expect(lines.map(\.reviewChanged) == [false, true, true, true])
    }

    @Test("only approved, real cases count; an unreviewed line is unchanged; the author's rework ends what review is said to have moved")
    func whichCasesCount() throws {
        var concept = Fixture.record(status: .ingediend, avoided: [Fixture.avoided("HA", law: "Zvw", price: "1.00", count: 1, likelihood: 50)])
        #expect(ReviewedLine.lines(of: concept).isEmpty, "submitted, not approved")
        #expect(ReviewedLine.lines(of: try Self.approved("C-0002", fictional: true)).isEmpty)
        let plain = ReviewedLine.lines(of: try Self.approved("C-0003"))
        #expect(plain.map(\.reviewChanged) == [false, false, false])
        #expect(plain.map(\.estimated) == [LineValues(units: 4, likelihood: 75), LineValues(units: 52, likelihood: 50), LineValues(units: 1, likelihood: 25)])

        try concept.review(.likelihood(line: 1, Fixture.percent(25)), by: "bram", at: "t", reason: "Te hoog.")
        try concept.move(to: .teruggestuurd, by: "bram", at: "t", reason: "Graag aanpassen.")
        concept.history.append(CaseEvent(at: "t", by: "tester", action: .aanpassing, field: "inhoud", old: "", new: "", reason: "Aangepast door de auteur"))
        try concept.move(to: .ingediend, by: "tester", at: "t", reason: "")
        try concept.move(to: .goedgekeurd, by: "bram", at: "t", reason: "")
        #expect(ReviewedLine.lines(of: concept).map(\.reviewChanged) == [false], "the reworked line is the author's own")
    }

    @Test("a rework that names its parts ends the walk back only when it changed the avoided lines (helper finding: a reworked story made the reviewer's values the author's)")
    func reworkOfTheStory() throws {
        func resubmitted(after rework: String) throws -> CaseRecord {
            var record = Fixture.record(status: .ingediend, avoided: [Fixture.avoided("HA", law: "Zvw", price: "1.00", count: 1, likelihood: 50)])
            try record.review(.likelihood(line: 1, Fixture.percent(25)), by: "bram", at: "t", reason: "Te hoog.")
            try record.move(to: .teruggestuurd, by: "bram", at: "t", reason: "Graag aanpassen.")
            record.history.append(CaseEvent(at: "t", by: "tester", action: .aanpassing, field: rework, old: "", new: "", reason: "Aangepast door de auteur"))
            try record.move(to: .ingediend, by: "tester", at: "t", reason: "")
            try record.move(to: .goedgekeurd, by: "bram", at: "t", reason: "")
            return record
        }
        let story = ReviewedLine.lines(of: try resubmitted(after: "inhoud: verhaal, inzet"))
        #expect(story.map(\.estimated) == [LineValues(units: 1, likelihood: 50)])
        #expect(story.map(\.approved) == [LineValues(units: 1, likelihood: 25)])
        #expect(story.map(\.reasons) == [["Te hoog."]])
        #expect(ReviewedLine.lines(of: try resubmitted(after: "inhoud: verhaal, onderbouwing voorkomen")).map(\.reviewChanged) == [true])
        #expect(ReviewedLine.lines(of: try resubmitted(after: "inhoud: verhaal, voorkomen")).map(\.reviewChanged) == [false])
        #expect(ReviewedLine.lines(of: try resubmitted(after: "inhoud")).map(\.reviewChanged) == [false], "a rework from before the parts were named")
    }

    @Test("the rework event names the parts the author changed")
    func reworkParts() {
        let before = Fixture.record(status: .teruggestuurd, avoided: [Fixture.avoided("HA", law: "Zvw", price: "1.00", count: 1, likelihood: 50)])
        var after = before
        #expect(Rework.eventField(from: before, to: after) == nil)
        after.effort.volunteerRate = Money(cents: 1880)
        #expect(Rework.eventField(from: before, to: after) == nil, "a volunteer rate without volunteer hours costs nothing")
        after.story.situation = "Anders."
        after.avoided[0].reasoning = "Beter onderbouwd."
        #expect(Rework.eventField(from: before, to: after) == "inhoud: verhaal, onderbouwing voorkomen", "a reworded reasoning is not a new estimate (helper finding)")
        after.avoided[0].likelihood = Fixture.percent(40)
        #expect(Rework.eventField(from: before, to: after) == "inhoud: verhaal, voorkomen")
    }

    @Test("quartiles are the medians of the halves, exactly")
    func quartiles() {
        #expect(Quartiles([5, 1, 3, 2, 4]) == Quartiles(lower: 1.5, median: 3, upper: 4.5))
        #expect(Quartiles([4, 1, 3, 2]) == Quartiles(lower: 1.5, median: 2.5, upper: 3.5))
        #expect(Quartiles([7]) == Quartiles(lower: 7, median: 7, upper: 7))
        #expect(Quartiles([]) == nil)
    }

    static func line(_ caseID: String, _ author: String, _ code: String, estimated: (Double, Double)?, approved: (Double, Double)?,
                     intervention: String = "Sociaal Recept", reason: String = "") -> ReviewedLine {
        ReviewedLine(caseID: caseID, author: author, intervention: intervention, code: code,
                     estimated: estimated.map { LineValues(units: $0.0, likelihood: $0.1) }, approved: approved.map { LineValues(units: $0.0, likelihood: $0.1) },
                     reasons: reason.isEmpty ? [] : [reason])
    }

    @Test("per item: spreads, review's moves, widest first, nothing from fewer than 5 cases, no author anywhere")
    func spreads() {
        var lines: [ReviewedLine] = []
        // HA in 6 cases: likelihoods 25 50 50 75 75 90, units 1 … 6; review lowered two likelihoods by 25 and raised one quantity by 2.
        let haLikelihoods: [Double] = [25, 50, 50, 75, 75, 90]
        for number in 1...6 {
            let likelihood = haLikelihoods[number - 1]
            let approved = number == 4 || number == 5 ? (Double(number), likelihood - 25) : number == 6 ? (8, likelihood) : (Double(number), likelihood)
            lines.append(Self.line("C-000\(number)", ["ans", "bo", "cor"][number % 3], "HA", estimated: (Double(number), likelihood), approved: approved))
        }
        // GGZ in 5 cases of 3 authors, all alike; one removed by review. POH in 6 cases of 2 authors: left out.
        for number in 1...5 { lines.append(Self.line("C-000\(number)", ["ans", "bo", "cor"][number % 3], "GGZ", estimated: (10, 50), approved: number == 1 ? nil : (10, 50))) }
        for number in 1...6 { lines.append(Self.line("C-000\(number)", ["ans", "bo"][number % 2], "POH", estimated: (Double(number), 50), approved: (Double(number), 50))) }
        // SEH in 4 cases: left out.
        for number in 1...4 { lines.append(Self.line("C-000\(number)", "ans", "SEH", estimated: (1, 10), approved: (1, 90))) }
        let spreads = Calibration.spreads(lines)
        #expect(spreads.map(\.code) == ["HA", "GGZ"])
        let ha = spreads[0]
        #expect(ha.cases == 6 && ha.lines == 6 && ha.changed == 3)
        #expect(ha.likelihood == Quartiles(lower: 50, median: 62.5, upper: 75))
        #expect(ha.units == Quartiles(lower: 2, median: 3.5, upper: 5))
        #expect(ha.likelihoodMoves == ReviewMoves(up: 0, down: 2, medianSize: 25))
        #expect(ha.unitMoves == ReviewMoves(up: 1, down: 0, medianSize: 2))
        #expect(ha.spread == 0.25 + 3 / 3.5)
        #expect(spreads[1].changed == 1 && spreads[1].spread == 0)
        let text = spreads.map { String(describing: $0) }.joined()
        #expect(!text.contains("ans") && !text.contains("bo\"") && !text.contains("cor"), "an item's figures name nobody")
    }

    @Test("the worker's mirror: own medians, colleagues' approved medians from 5 cases or none, review's moves and reasons")
    func own() {
        var lines: [ReviewedLine] = []
        for number in 1...3 {
            lines.append(Self.line("C-010\(number)", "ans", "HA", estimated: (Double(number + 3), 90), approved: number == 3 ? (4, 50) : (Double(number + 3), 90),
                                   reason: number == 3 ? "Eén bezoek was al gepland." : ""))
        }
        for number in 1...5 { lines.append(Self.line("C-020\(number)", "col\(number)", "HA", estimated: (9, 50), approved: (Double(number), 50))) }
        // Five Schuldhulp cases of one colleague: their median would be that colleague's.
        for number in 1...5 { lines.append(Self.line("C-040\(number)", "solo", "HA", estimated: (2, 50), approved: (2, 50), intervention: "Schuldhulp")) }
        lines.append(Self.line("C-0301", "col1", "GGZ", estimated: (1, 50), approved: (1, 50)))
        lines.append(Self.line("C-0102", "ans", "GGZ", estimated: (3, 75), approved: nil, reason: "Niet aannemelijk."))
        lines.append(Self.line("C-0103", "ans", "HA", estimated: (1, 50), approved: (1, 50), intervention: "Schuldhulp"))
        let own = Calibration.own(lines, author: "ans")
        #expect(own.map { "\($0.intervention)/\($0.code)" } == ["Sociaal Recept/HA", "Schuldhulp/HA", "Sociaal Recept/GGZ"])
        let ha = own[0]
        #expect(ha.lines == 3 && ha.medianUnits == 5 && ha.medianLikelihood == 90)
        #expect(ha.colleagues == OwnEstimate.Colleagues(cases: 5, medianUnits: 3, medianLikelihood: 50))
        #expect(ha.changed == 1 && ha.removed == 0)
        #expect(ha.unitMoves == ReviewMoves(up: 0, down: 1, medianSize: 2))
        #expect(ha.likelihoodMoves == ReviewMoves(up: 0, down: 1, medianSize: 40))
        #expect(ha.reasons == [ReviewReason(caseID: "C-0103", text: "Eén bezoek was al gepland.")])
        #expect(own[1].colleagues == nil, "five Schuldhulp cases, all one colleague's")
        #expect(own[2].colleagues == nil, "GGZ in 1 colleague's case: a median would point at them")
        #expect(own[2].removed == 1 && own[2].reasons == [ReviewReason(caseID: "C-0102", text: "Niet aannemelijk.")])
        #expect(Calibration.own(lines, author: "nobody").isEmpty)
    }
}
