import Foundation

extension AvoidedLineValue {
    /// The factors between the unit price and the value besides quantity, likelihood and
    /// attribution, as a reader checks a line by hand: ` × index 1,081200 × 1,880196 (2 jaar,
    /// afname 10 %)`; empty when both are 1. A formula without them does not add up (helper-31:
    /// "1 × € 7.500,00 × 2 jaar × 40 % × 80 % = € 4.512,47").
    public var dutchFactors: String {
        func sixPlaces(_ factor: Decimal) -> String { DutchNumber.readable(DecimalText.rounded(factor, scale: 6, mode: .plain)) }
        var factors: [String] = []
        if estimate.indexFactor != 1 { factors.append("index \(sixPlaces(estimate.indexFactor))") }
        if estimate.horizonFactor != 1 {
            let dropOff = line.dropOff.map { $0 == .zero ? "" : ", afname \($0.dutchText)" } ?? ""
            factors.append("\(sixPlaces(estimate.horizonFactor)) (\(line.years) jaar\(dropOff))")
        }
        return factors.map { " × " + $0 }.joined()
    }
}
