import Foundation
import RendementsDomain

/// The care lines of a case read straight off a `StrictJSONDocument`, without `Codable`.
///
/// Lines are most of a case file (4 to 14 avoided lines of a dozen fields each), and going
/// through `Decoder` containers for every field cost more than parsing the file: a third of a
/// cold `report`. Each reader does what the type's synthesized `init(from:)` does with
/// `StrictJSONDecoder` (the same value readers, the same checks, other keys ignored) and gives
/// up (nil) on anything else, so that the `Codable` path runs and gives the verdict and the
/// message: whatever this reads, that path reads the same (tested on damaged files).
struct CareLineReader {
    let document: StrictJSONDocument

    /// `type` read here when it is one of the care-line types, else nil (read it by `Codable`).
    func read<T>(_ type: T.Type, at node: Int) -> T? {
        if type == [AvoidedCareLine].self { return array(node, avoided) as? T }
        if type == [DeployedCareLine].self { return array(node, deployed) as? T }
        if type == AvoidedCareLine.self { return avoided(node) as? T }
        if type == DeployedCareLine.self { return deployed(node) as? T }
        return nil
    }

    private func array<Line>(_ node: Int, _ line: (Int) -> Line?) -> [Line]? {
        guard document.nodes[node].kind == .array else { return nil }
        var lines: [Line] = []
        lines.reserveCapacity(Int(document.nodes[node].count))
        for element in document.elements(of: node) {
            guard let read = line(element) else { return nil }
            lines.append(read)
        }
        return lines
    }

    func avoided(_ node: Int) -> AvoidedCareLine? {
        var item: PricedItem?, quantity: Quantity?, likelihood: Percentage?, reasoning: String?
        var horizonYears: Int?, dropOff: Percentage?, lowQuantity: Quantity?, highQuantity: Quantity?
        var lowLikelihood: Percentage?, highLikelihood: Percentage?, certainty: Certainty?
        let complete = forEachMember(of: node) { key, value in
            switch true {
            case named(key, "item"): item = pricedItem(value); return item != nil
            case named(key, "quantity"): quantity = self.quantity(value); return quantity != nil
            case named(key, "likelihood"): likelihood = percentage(value); return likelihood != nil
            case named(key, "reasoning"): reasoning = try? document.string(value); return reasoning != nil
            case named(key, "horizonYears"): return optional(value, &horizonYears) { try? document.integer($0) }
            case named(key, "dropOff"): return optional(value, &dropOff, percentage)
            case named(key, "lowQuantity"): return optional(value, &lowQuantity, self.quantity)
            case named(key, "highQuantity"): return optional(value, &highQuantity, self.quantity)
            case named(key, "lowLikelihood"): return optional(value, &lowLikelihood, percentage)
            case named(key, "highLikelihood"): return optional(value, &highLikelihood, percentage)
            case named(key, "certainty"): return optional(value, &certainty) { (try? document.string($0)).flatMap(Certainty.init(rawValue:)) }
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
            case named(key, "note"): note = try? document.string(value); return note != nil
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
            case named(key, "code"): code = try? document.string(value); return code != nil
            case named(key, "law"): law = try? document.string(value); return law != nil
            case named(key, "description"): description = try? document.string(value); return description != nil
            case named(key, "unit"): unit = try? document.string(value); return unit != nil
            case named(key, "unitPrice"): unitPrice = (try? document.string(value)).flatMap { Money(euros: $0) }; return unitPrice != nil
            case named(key, "priceYear"): priceYear = try? document.integer(value); return priceYear != nil
            case named(key, "kind"): kind = (try? document.string(value)).flatMap(PriceKind.init(rawValue:)); return kind != nil
            case named(key, "grade"): return optional(value, &grade) { (try? document.string($0)).flatMap(ConfidenceGrade.init(rawValue:)) }
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
        func decimal(_ key: String) -> Decimal? {
            guard let member = document.member(key, in: node), let text = try? document.string(member),
                  let value = DecimalText.parse(text), value >= 0 else { return nil }
            return value
        }
        if document.member("count", in: node) != nil { return decimal("count").map { .count($0) } }
        guard let perNode = document.member("per", in: node), let per = try? document.string(perNode),
              let amount = decimal("rate"), let periods = decimal("periods") else { return nil }
        return .rate(amount: amount, per: per, periods: periods)
    }

    /// As `Percentage.init(from:)`.
    private func percentage(_ node: Int) -> Percentage? {
        (try? document.string(node)).flatMap(DecimalText.parse).flatMap { Percentage($0) }
    }

    /// An optional field as `decodeIfPresent` reads it: null is nil; anything else must read.
    private func optional<Value>(_ node: Int, _ field: inout Value?, _ read: (Int) -> Value?) -> Bool {
        if document.nodes[node].kind == .null { return true }
        field = read(node)
        return field != nil
    }

    /// Calls `body` with each member's key and value node, in the order written, until it returns
    /// false; false when the node is not an object or `body` stopped.
    private func forEachMember(of object: Int, _ body: (_ key: Int, _ value: Int) -> Bool) -> Bool {
        guard document.nodes[object].kind == .object else { return false }
        var key = object + 1
        for _ in 0..<document.nodes[object].count {
            guard body(key, key + 1) else { return false }
            key = Int(document.nodes[key + 1].next)
        }
        return true
    }

    /// True when the key at `node` is `name` (keys are plain ASCII without escapes: the parser refused others).
    private func named(_ node: Int, _ name: StaticString) -> Bool {
        let key = document.nodes[node]
        let length = Int(key.end - key.start)
        guard length == name.utf8CodeUnitCount else { return false }
        let start = Int(key.start)
        for offset in 0..<length where document.bytes[start + offset] != name.utf8Start[offset] { return false }
        return true
    }
}
