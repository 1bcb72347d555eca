import Foundation

/// The value of one avoided-care line, with the factors that produced it.
public struct AvoidedLineValue: Hashable, Sendable {
    public let line: AvoidedCareLine
    public let estimate: LineEstimate
    /// The central value.
    public var value: Money { estimate.central }
}

/// A case priced: every line valued, totals per law and for the whole case.
///
/// The arithmetic lives here and only here:
/// - avoided line = unit price × quantity × likelihood × attribution,
///   multiplied exactly and rounded half-even to the cent once per line;
/// - deployed line = unit price × quantity, rounded the same way;
/// - own effort = Σ hours × rate (rounded per worker) + volunteer hours × rate + other costs.
public struct CaseValuation: Sendable {
    public let avoidedLines: [AvoidedLineValue]
    public let deployedValues: [Money]
    public let effort: Money
    /// Totals per law code; own effort is booked on the law that pays for it.
    public let perLaw: [String: Totals]
    /// The whole case; transfers kept apart from the societal figures.
    public let total: Totals

    public init(_ record: CaseRecord, options: EstimateOptions) throws(ValuationError) {
        var perLaw: [String: Totals] = [:]
        var total = Totals()

        var avoidedLines: [AvoidedLineValue] = []
        for line in record.avoided {
            let estimate = try LineEstimate(line, attribution: record.attribution, options: options, caseID: record.id)
            avoidedLines.append(AvoidedLineValue(line: line, estimate: estimate))
            var bucket = Totals()
            if line.item.kind == .transfer {
                bucket.avoidedTransfers = estimate.central
            } else {
                bucket.avoided = estimate.central
                bucket.avoidedLow = estimate.low
                bucket.avoidedHigh = estimate.high
                bucket.avoidedConservative = estimate.conservative
            }
            perLaw[line.item.law, default: Totals()] += bucket
            total += bucket
        }

        var deployedValues: [Money] = []
        for line in record.deployed {
            let factor = try LineEstimate.indexFactor(line.item, options, caseID: record.id)
            guard let value = line.item.unitPrice.multiplied(by: [factor, line.quantity.units]), value.isWithinLineBound else {
                throw ValuationError.overflow(caseID: record.id, what: line.item.code)
            }
            deployedValues.append(value)
            var bucket = Totals()
            if line.item.kind == .transfer { bucket.deployedTransfers = value } else { bucket.deployed = value }
            perLaw[line.item.law, default: Totals()] += bucket
            total += bucket
        }

        let effort = try CaseValuation.effortCost(record.effort, caseID: record.id)
        perLaw[record.effort.law, default: Totals()] += Totals(avoided: .zero, deployed: .zero, effort: effort)
        total.effort = effort

        self.avoidedLines = avoidedLines
        self.deployedValues = deployedValues
        self.effort = effort
        self.perLaw = perLaw
        self.total = total
    }

    /// The central value of one line (price year and horizon as in `options`).
    public static func avoidedValue(_ line: AvoidedCareLine, attribution: Percentage, caseID: String = "",
                                    options: EstimateOptions) throws(ValuationError) -> Money {
        try LineEstimate(line, attribution: attribution, options: options, caseID: caseID).central
    }

    public static func effortCost(_ effort: OwnEffort, caseID: String = "") throws(ValuationError) -> Money {
        var sum = Money.zero
        for worker in effort.workers {
            guard let cost = worker.hourlyRate.multiplied(by: [worker.hours]), cost.isWithinLineBound else {
                throw ValuationError.overflow(caseID: caseID, what: worker.rateCode)
            }
            sum += cost
        }
        guard let volunteers = effort.volunteerRate.multiplied(by: [effort.volunteerHours]), volunteers.isWithinLineBound else {
            throw ValuationError.overflow(caseID: caseID, what: "vrijwilligers")
        }
        sum += volunteers
        for cost in effort.otherCosts {
            guard cost.amount.isWithinLineBound else { throw ValuationError.overflow(caseID: caseID, what: cost.description) }
            sum += cost.amount
        }
        return sum
    }
}

/// Why a case could not be priced.
public enum ValuationError: Error, Hashable, Sendable {
    case overflow(caseID: String, what: String)
    case missingIndex(caseID: String, what: String, IndexError)

    public var dutchMessage: String {
        switch self {
        case .overflow(let caseID, let what):
            "Casus \(caseID): het bedrag voor '\(what)' is groter dan \(ValueBounds.maximumLineText) per regel. Controleer de hoeveelheid."
        case .missingIndex(let caseID, let what, let error):
            "Casus \(caseID), \(what): \(error.dutchMessage)"
        }
    }
}
