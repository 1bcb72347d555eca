import Foundation
import RendementsDomain

/// What a careful colleague would point out before the case is submitted.
public enum IntakeWarnings {
    /// Avoided care above this is unusual for one case and worth a second look.
    public static let largeTotal = Money(cents: 100_000_00)

    public static func warnings(_ draft: IntakeDraft, valuation: CaseValuation?, priceList: PriceList? = nil) -> [String] {
        var warnings = (priceList?.doubleCounting(draft.avoided.map(\.item.code)) ?? []).map { "Dubbeltelling: " + $0 }
        for (index, line) in draft.avoided.enumerated() where line.text.trimmingCharacters(in: .whitespaces).isEmpty {
            warnings.append("Regel \(index + 1) (\(line.item.description)) heeft geen onderbouwing.")
        }
        if let valuation {
            let total = valuation.total.avoided + valuation.total.avoidedTransfers
            if valuation.avoidedLines.count > 1 {
                for (index, line) in valuation.avoidedLines.enumerated() where line.value.cents * 2 > total.cents {
                    warnings.append("Regel \(index + 1) (\(line.line.item.description)) is meer dan de helft van de voorkomen zorg; onderbouw die extra goed.")
                }
            }
            if valuation.total.avoided > largeTotal {
                warnings.append("De voorkomen zorg is erg hoog (\(DutchNumber.euro(valuation.total.avoided))); controleer hoeveelheden en eenheden.")
            }
        }
        if !draft.avoided.isEmpty && draft.avoided.allSatisfy({ Choices.likelihoodPercent($0.likelihood) == nil && DutchNumber.parse($0.customLikelihood) == 100 }) {
            warnings.append("Alle kansen staan op 100 %: was de zorg zonder ons echt zeker nodig geweest?")
        }
        let texts = [draft.situation, draft.approach, draft.result] + draft.avoided.map(\.text) + draft.deployed.map(\.text)
        if let privacy = texts.lazy.compactMap(PrivacyGuard.warningText).first { warnings.append(privacy) }
        return warnings
    }
}
