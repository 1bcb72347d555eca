import Foundation
import Testing
@testable import RendementsDomain

/// Issue 14: the statistics behind suggestions while entering.
@Suite("Suggestions from approved cases: counts, medians and suppression")
struct SuggestionTests {
    static func line(_ caseKey: Int64, _ code: String, _ units: Decimal, _ likelihood: Decimal?) -> ApprovedLine {
        ApprovedLine(caseKey: caseKey, code: code, units: units, likelihood: likelihood.flatMap(Percentage.init))
    }

    @Test("medians of an odd and an even count, to the exact decimal")
    func medians() {
        #expect(Suggestions.median([5, 1, 3]) == 3)
        #expect(Suggestions.median([4, 1, 3, 2]) == Decimal(string: "2.5"))
        #expect(Suggestions.median([]) == nil)
    }

    @Test("an item counts once per case; the median is over its lines; most used first, ties by code")
    func countsAndOrder() {
        var lines: [ApprovedLine] = []
        for key in Int64(1)...6 { lines.append(Self.line(key, "HA-CONSULT", Decimal(key), 75)) }
        lines.append(Self.line(6, "HA-CONSULT", 20, 50))  // twice in case 6: still 6 cases
        for key in Int64(1)...5 { lines.append(Self.line(key, "GGZ", 2, 25)) }
        for key in Int64(1)...5 { lines.append(Self.line(key, "AAA", 1, 90)) }
        let ranked = Suggestions.rank(lines, outOf: 8, scope: .intervention("Sociaal Recept"))
        #expect(ranked.map(\.code) == ["HA-CONSULT", "AAA", "GGZ"])
        #expect(ranked[0].cases == 6 && ranked[0].outOf == 8)
        #expect(ranked[0].medianUnits == 4, "1 2 3 4 5 6 20: the middle is 4")
        #expect(ranked[0].medianLikelihood == Percentage(75))
        #expect(ranked[0].dutchEvidence == "6 van 8 casussen, mediaan 4 ×, waarschijnlijk (75 %)")
        #expect(ranked[0].scope.dutchLead == "eerder bij Sociaal Recept")
    }

    @Test("nothing rests on fewer than 5 cases: an item in 4 cases, or a scope of 4 cases, gives no suggestion")
    func suppression() {
        let four = (Int64(1)...4).map { Self.line($0, "HA-CONSULT", 1, 75) }
        #expect(Suggestions.rank(four, outOf: 40, scope: .similar).isEmpty)
        let five = (Int64(1)...5).map { Self.line($0, "HA-CONSULT", 1, 75) }
        #expect(Suggestions.rank(five, outOf: 4, scope: .similar).isEmpty, "a scope of 4 approved cases")
        #expect(Suggestions.rank(five, outOf: 5, scope: .similar).map(\.cases) == [5])
        #expect(Suggestions.rank(five, outOf: 5, scope: .similar, excluding: ["HA-CONSULT"]).isEmpty)
    }

    @Test("deployed care has no likelihood; an unusual median likelihood is said as a percentage")
    func wording() {
        let deployed = (Int64(1)...5).map { Self.line($0, "FYSIO", Decimal($0), nil) }
        let ranked = Suggestions.rank(deployed, outOf: 5, scope: .similar)
        #expect(ranked.first?.medianLikelihood == nil)
        #expect(ranked.first?.dutchEvidence == "5 van 5 casussen, mediaan 3 ×")
        #expect(Suggestions.likelihoodWords(Percentage(Decimal(string: "62.5")!)!) == "kans 62,5 %")
    }
}

@Suite("A line among comparable approved lines")
struct LineComparisonTests {
    @Test("higher, lower and in the middle, counted exactly; lines from fewer than 5 cases say nothing")
    func positions() {
        // Sorted: 1 2 2 2 3 4 5 6 8 9 and 25 50 50 75 75 75 75 75 90 90.
        let lines = ComparableLines(units: [1, 2, 2, 3, 4, 5, 6, 8, 9, 2], likelihoods: [50, 75, 75, 75, 75, 75, 90, 90, 25, 50], cases: 10)
        #expect(lines.dutchPosition(units: 10, likelihood: Percentage(75)!, intervention: "Sociaal Recept")
                == "vergeleken met 10 goedgekeurde regels bij Sociaal Recept: hoeveelheid hoger dan 10 van de 10, kans hoger dan 3 van de 10")
        #expect(ComparableLines.position(2, lines.units) == "lager dan 6 van de 10")
        #expect(ComparableLines.position(4, lines.units) == "hoger dan 5 van de 10")
        #expect(ComparableLines.position(3, [1, 2, 3, 4, 5]) == "in het midden van de 5")
        #expect(ComparableLines(units: [1, 2, 3, 4], likelihoods: [50, 50, 50, 50], cases: 4)
            .dutchPosition(units: 2, likelihood: Percentage(50)!, intervention: "X") == nil)
        // Five lines from one colleague's case are one case: nothing is said (found by a helper).
        #expect(ComparableLines(units: [1, 2, 3, 4, 5], likelihoods: [50, 50, 50, 50, 50], cases: 1)
            .dutchPosition(units: 2, likelihood: Percentage(50)!, intervention: "X") == nil)
    }
}
