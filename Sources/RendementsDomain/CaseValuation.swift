import Foundation

/// The value of one avoided-care line, with the factors that produced it.
public struct AvoidedLineValue: Hashable, Sendable {
    public let line: AvoidedCareLine
    public let value: Money
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

    public init(_ record: CaseRecord) throws(ValuationError) {
        var perLaw: [String: Totals] = [:]
        var total = Totals()

        var avoidedLines: [AvoidedLineValue] = []
        for line in record.avoided {
            let value = try CaseValuation.avoidedValue(line, attribution: record.attribution, caseID: record.id)
            avoidedLines.append(AvoidedLineValue(line: line, value: value))
            var bucket = Totals()
            if line.item.kind == .transfer { bucket.avoidedTransfers = value } else { bucket.avoided = value }
            perLaw[line.item.law, default: Totals()] += bucket
            total += bucket
        }

        var deployedValues: [Money] = []
        for line in record.deployed {
            guard let value = line.item.unitPrice.multiplied(by: [line.quantity.units]) else {
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

    /// unit price × quantity × likelihood × attribution, in that order, rounded once.
    public static func avoidedValue(_ line: AvoidedCareLine, attribution: Percentage, caseID: String = "") throws(ValuationError) -> Money {
        let factors = [line.quantity.units, line.likelihood.fraction, attribution.fraction]
        guard let value = line.item.unitPrice.multiplied(by: factors) else {
            throw ValuationError.overflow(caseID: caseID, what: line.item.code)
        }
        return value
    }

    public static func effortCost(_ effort: OwnEffort, caseID: String = "") throws(ValuationError) -> Money {
        var sum = Money.zero
        for worker in effort.workers {
            guard let cost = worker.hourlyRate.multiplied(by: [worker.hours]) else {
                throw ValuationError.overflow(caseID: caseID, what: worker.rateCode)
            }
            sum += cost
        }
        guard let volunteers = effort.volunteerRate.multiplied(by: [effort.volunteerHours]) else {
            throw ValuationError.overflow(caseID: caseID, what: "vrijwilligers")
        }
        sum += volunteers
        for cost in effort.otherCosts { sum += cost.amount }
        return sum
    }
}

/// Why a case could not be priced.
public enum ValuationError: Error, Equatable, Sendable {
    case overflow(caseID: String, what: String)

    public var dutchMessage: String {
        switch self {
        case .overflow(let caseID, let what):
            "Casus \(caseID): het bedrag voor '\(what)' is te groot om te rekenen. Controleer de hoeveelheid."
        }
    }
}
