import Foundation

/// The approved lines of other cases with the same item in the same intervention: what a
/// reviewer compares a line with ("hoger dan 9 van de 10 vergelijkbare regels").
public struct ComparableLines: Hashable, Sendable {
    public let units: [Decimal]
    public let likelihoods: [Decimal]
    /// How many cases the lines come from: one colleague's case with five such lines is one case.
    public let cases: Int

    public init(units: [Decimal], likelihoods: [Decimal], cases: Int) {
        self.units = units.sorted()
        self.likelihoods = likelihoods.sorted()
        self.cases = cases
    }

    /// `vergeleken met 10 goedgekeurde regels bij Sociaal Recept: hoeveelheid hoger dan 9 van de 10, kans in het midden van de 10`;
    /// nil when the lines come from fewer than `Suggestions.minimumCases` cases (then it would point at a colleague).
    public func dutchPosition(units value: Decimal, likelihood: Percentage, intervention: String) -> String? {
        guard cases >= Suggestions.minimumCases else { return nil }
        return "vergeleken met \(units.count) goedgekeurde regels bij \(intervention): hoeveelheid \(Self.position(value, units)), "
            + "kans \(Self.position(likelihood.value, likelihoods))"
    }

    /// `hoger dan 9 van de 10`, `lager dan 4 van de 10`, or `in het midden van de 10`.
    static func position(_ value: Decimal, _ sorted: [Decimal]) -> String {
        let below = sorted.filter { $0 < value }.count
        let above = sorted.filter { $0 > value }.count
        let count = sorted.count
        if below > above { return "hoger dan \(below) van de \(count)" }
        if above > below { return "lager dan \(above) van de \(count)" }
        return "in het midden van de \(count)"
    }
}
