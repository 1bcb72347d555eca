import Foundation

/// One group of the sector view (`report --sector`, the sector analyst's screen): approved cases
/// of every organisation per intervention, law and year. The server leaves out any group of
/// fewer than 10 cases or 3 organisations; no case is ever shown.
public struct SectorGroup: Hashable, Sendable {
    public let intervention: String
    public let law: String
    public let year: Int
    public let cases: Int
    public let organisations: Int
    public let avoided: Money
    public let deployed: Money
    public let effort: Money
    /// The median of the cases' own ratios (a statistic, not money).
    public let medianCaseRatio: Double?

    public init(intervention: String, law: String, year: Int, cases: Int, organisations: Int, avoided: Money, deployed: Money, effort: Money,
                medianCaseRatio: Double?) {
        self.intervention = intervention
        self.law = law
        self.year = year
        self.cases = cases
        self.organisations = organisations
        self.avoided = avoided
        self.deployed = deployed
        self.effort = effort
        self.medianCaseRatio = medianCaseRatio
    }

    /// Deployed care and own effort: what the group cost.
    public var cost: Money { deployed + effort }

    /// The ratio of the sums (avoided ÷ cost); nil without cost.
    public var ratio: Decimal? { Totals(avoided: avoided, deployed: deployed, effort: effort).returnRatio }

    /// The median case ratio to two decimals, as shown.
    public var shownMedian: String {
        medianCaseRatio.map { DutchNumber.ratio(Decimal(($0 * 100).rounded()) / 100) } ?? "–"
    }
}

/// The smallest group the sector view shows: fewer cases or organisations could point at one.
public enum SectorRules {
    public static let minimumCases = 10
    public static let minimumOrganisations = 3
}
