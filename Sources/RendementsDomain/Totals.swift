import Foundation

/// Cost and saving sums for one law, one group or a whole business case.
///
/// `avoided` and `deployed` hold real resource costs only; transfers (such as
/// bijstand) are kept apart so the societal total never counts them, while a
/// financier's own view can.
public struct Totals: Hashable, Sendable {
    public var avoided = Money.zero
    public var deployed = Money.zero
    public var effort = Money.zero
    public var avoidedTransfers = Money.zero
    public var deployedTransfers = Money.zero
    /// The range and the conservative view of `avoided` (always shown beside it, never instead).
    public var avoidedLow = Money.zero
    public var avoidedHigh = Money.zero
    public var avoidedConservative = Money.zero

    public init() {}

    public init(avoided: Money, deployed: Money, effort: Money,
                avoidedTransfers: Money = .zero, deployedTransfers: Money = .zero) {
        self.avoided = avoided
        self.deployed = deployed
        self.effort = effort
        self.avoidedTransfers = avoidedTransfers
        self.deployedTransfers = deployedTransfers
        avoidedLow = avoided
        avoidedHigh = avoided
        avoidedConservative = avoided
    }

    /// Net results for the low and high ends and for the conservative view.
    public var netLow: Money { avoidedLow - deployed - effort }
    public var netHigh: Money { avoidedHigh - deployed - effort }
    public var netConservative: Money { avoidedConservative - deployed - effort }

    /// Societal net result: avoided − deployed − own effort (transfers left out).
    public var net: Money { avoided - deployed - effort }

    /// What the financier itself saves, transfers included.
    public var financierNet: Money { net + avoidedTransfers - deployedTransfers }

    /// Avoided ÷ (own effort + deployed), to two decimals, half-even; nil when nothing was spent.
    public var returnRatio: Decimal? {
        let spent = effort + deployed
        guard spent.cents > 0 else { return nil }
        return DecimalText.rounded(Decimal(avoided.cents) / Decimal(spent.cents), scale: 2, mode: .bankers)
    }

    public static func += (lhs: inout Totals, rhs: Totals) {
        lhs.avoided += rhs.avoided
        lhs.deployed += rhs.deployed
        lhs.effort += rhs.effort
        lhs.avoidedTransfers += rhs.avoidedTransfers
        lhs.deployedTransfers += rhs.deployedTransfers
        lhs.avoidedLow += rhs.avoidedLow
        lhs.avoidedHigh += rhs.avoidedHigh
        lhs.avoidedConservative += rhs.avoidedConservative
    }
}
