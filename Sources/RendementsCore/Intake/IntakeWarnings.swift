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
                // The running totals leave out lines not valued yet: each valued line is named by its place in the draft,
                // found by walking both in order (a line the list lacks made "regel 2" of line 3, found by a helper).
                var place = 0
                for line in valuation.avoidedLines {
                    while place < draft.avoided.count, draft.avoided[place].item.code != line.line.item.code { place += 1 }
                    if line.value.cents * 2 > total.cents {
                        warnings.append("Regel \(place + 1) (\(line.line.item.description)) is meer dan de helft van de voorkomen zorg; onderbouw die extra goed.")
                    }
                    place += 1
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
