import Foundation
import RendementsDomain

/// Care lines: most of a case file (4 to 14 avoided lines of a dozen fields each).
extension CaseDocumentReader {
    func avoided(_ node: Int) -> AvoidedCareLine? {
        var item: PricedItem?, quantity: Quantity?, likelihood: Percentage?, reasoning: String?
        var horizonYears: Int?, dropOff: Percentage?, lowQuantity: Quantity?, highQuantity: Quantity?
        var lowLikelihood: Percentage?, highLikelihood: Percentage?, certainty: Certainty?
        let complete = forEachMember(of: node) { key, value in
            switch true {
            case named(key, "item"): item = pricedItem(value); return item != nil
            case named(key, "quantity"): quantity = self.quantity(value); return quantity != nil
            case named(key, "likelihood"): likelihood = percentage(value); return likelihood != nil
            case named(key, "reasoning"): reasoning = string(value); return reasoning != nil
            case named(key, "horizonYears"): return optional(value, &horizonYears) { try? document.integer($0) }
            case named(key, "dropOff"): return optional(value, &dropOff, percentage)
            case named(key, "lowQuantity"): return optional(value, &lowQuantity, self.quantity)
            case named(key, "highQuantity"): return optional(value, &highQuantity, self.quantity)
            case named(key, "lowLikelihood"): return optional(value, &lowLikelihood, percentage)
            case named(key, "highLikelihood"): return optional(value, &highLikelihood, percentage)
            case named(key, "certainty"): return optional(value, &certainty) { string($0).flatMap(Certainty.init(rawValue:)) }
            default: return true
            }
        }
        guard complete, let item, let quantity, let likelihood, let reasoning else { return nil }
        return AvoidedCareLine(item: item, quantity: quantity, likelihood: likelihood, reasoning: reasoning, horizonYears: horizonYears,
                               dropOff: dropOff, lowQuantity: lowQuantity, highQuantity: highQuantity, lowLikelihood: lowLikelihood,
                               highLikelihood: highLikelihood, certainty: certainty)
    }

    func deployed(_ node: Int) -> DeployedCareLine? {
        var item: PricedItem?, quantity: Quantity?, note: String?
        let complete = forEachMember(of: node) { key, value in
            switch true {
            case named(key, "item"): item = pricedItem(value); return item != nil
            case named(key, "quantity"): quantity = self.quantity(value); return quantity != nil
            case named(key, "note"): note = string(value); return note != nil
            default: return true
            }
        }
        guard complete, let item, let quantity, let note else { return nil }
        return DeployedCareLine(item: item, quantity: quantity, note: note)
    }

    private func pricedItem(_ node: Int) -> PricedItem? {
        var code: String?, law: String?, description: String?, unit: String?, unitPrice: Money?, priceYear: Int?
        var kind: PriceKind?, grade: ConfidenceGrade?
        let complete = forEachMember(of: node) { key, value in
            switch true {
            case named(key, "code"): code = string(value); return code != nil
            case named(key, "law"): law = string(value); return law != nil
            case named(key, "description"): description = string(value); return description != nil
            case named(key, "unit"): unit = string(value); return unit != nil
            case named(key, "unitPrice"): unitPrice = money(value); return unitPrice != nil
            case named(key, "priceYear"): priceYear = try? document.integer(value); return priceYear != nil
            case named(key, "kind"): kind = string(value).flatMap(PriceKind.init(rawValue:)); return kind != nil
            case named(key, "grade"): return optional(value, &grade) { string($0).flatMap(ConfidenceGrade.init(rawValue:)) }
            default: return true
            }
        }
        guard complete, let code, let law, let description, let unit, let unitPrice, let priceYear, let kind else { return nil }
        return PricedItem(code: code, law: law, description: description, unit: unit, unitPrice: unitPrice, priceYear: priceYear,
                          kind: kind, grade: grade)
    }

    /// As `Quantity.init(from:)`: a count, or a rate per a period times a number of periods, each a decimal ≥ 0.
    private func quantity(_ node: Int) -> Quantity? {
        guard document.nodes[node].kind == .object else { return nil }
        func decimal(_ key: String) -> Decimal? { document.member(key, in: node).flatMap(exactDecimal) }
        if document.member("count", in: node) != nil { return decimal("count").map { .count($0) } }
        guard let perNode = document.member("per", in: node), let per = string(perNode),
              let amount = decimal("rate"), let periods = decimal("periods") else { return nil }
        return .rate(amount: amount, per: per, periods: periods)
    }
}
