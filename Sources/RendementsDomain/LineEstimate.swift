import Foundation

/// One avoided-care line worked out in full: every factor, and the low, central,
/// high and conservative values, each rounded half-even to the cent once.
///
/// central = unit price × index factor × quantity × likelihood × attribution × horizon,
/// horizon = Σ_{t=0}^{years−1} (1 − drop-off)^t ÷ (1 + discount rate)^t (year 1 counts in full),
/// conservative = central × (1 − cut for the price's confidence grade).
public struct LineEstimate: Hashable, Sendable {
    public let indexFactor: Decimal
    public let horizonFactor: Decimal
    public let gradeCut: Percentage
    public let grade: ConfidenceGrade?
    public let low: Money
    public let central: Money
    public let high: Money
    public let conservative: Money

    public init(_ line: AvoidedCareLine, attribution: Percentage, options: EstimateOptions, caseID: String = "") throws(ValuationError) {
        let item = line.item
        let index = try LineEstimate.indexFactor(item, options, caseID: caseID)
        let horizon = LineEstimate.horizon(years: line.years, dropOff: line.dropOff ?? .zero, discount: options.discountRate)
        let grade = item.grade ?? options.gradesByCode[item.code]
        let cut = grade.flatMap { options.gradeCuts[$0] } ?? .zero
        // The usual line (own price year, one year) is priced in integers; see ExactFactor.
        let plain = index == 1 && horizon == 1
        func exact(_ quantity: Quantity, _ likelihood: Percentage, _ cut: Percentage) -> Money? {
            guard plain, let units = quantity.exactUnits, let chance = likelihood.exactFraction,
                  let share = attribution.exactFraction, let kept = cut.exactComplementFraction else { return nil }
            return item.unitPrice.multipliedExactly(by: [units, chance, share, kept])
        }
        func value(_ quantity: Quantity, _ likelihood: Percentage, cut: Percentage = .zero) throws(ValuationError) -> Money {
            let computed = exact(quantity, likelihood, cut) ?? item.unitPrice.multiplied(by: [
                index, quantity.units, likelihood.fraction, attribution.fraction, horizon, cut.complement.fraction,
            ])
            guard let money = computed, money.isWithinLineBound else {
                throw .overflow(caseID: caseID, what: item.code)
            }
            return money
        }
        indexFactor = index
        horizonFactor = horizon
        self.grade = grade
        gradeCut = cut
        central = try value(line.quantity, line.likelihood)
        low = try value(line.lowQuantity ?? line.quantity, line.lowLikelihood ?? line.likelihood)
        high = try value(line.highQuantity ?? line.quantity, line.highLikelihood ?? line.likelihood)
        conservative = try value(line.quantity, line.likelihood, cut: cut)
    }

    /// The factor that brings the item's price to the report year (1 without a report year).
    public static func indexFactor(_ item: PricedItem, _ options: EstimateOptions, caseID: String) throws(ValuationError) -> Decimal {
        guard let year = options.reportYear else { return 1 }
        do {
            return try options.index.factor(from: item.priceYear, to: year)
        } catch {
            throw .missingIndex(caseID: caseID, what: item.code, error)
        }
    }

    /// Σ_{t=0}^{years−1} ((1 − dropOff) ÷ (1 + discount))^t, in Decimal (38 digits), unrounded.
    /// Years beyond `ValueBounds.horizonYears` (a case `ValueBounds` refuses, so never counted)
    /// count as its most: a million years of a falling term made Decimal trap on underflow.
    public static func horizon(years: Int, dropOff: Percentage, discount: Percentage) -> Decimal {
        guard years > 1 else { return 1 }
        let step = dropOff.complement.fraction / (1 + discount.fraction)
        var term = Decimal(1)
        var sum = Decimal(0)
        for _ in 0..<min(years, ValueBounds.horizonYears.upperBound) {
            sum += term
            term *= step
        }
        return sum
    }
}
