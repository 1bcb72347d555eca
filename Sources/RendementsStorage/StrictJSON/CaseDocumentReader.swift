import Foundation
import RendementsDomain

/// The types of a case file read straight off a `StrictJSONDocument`, without `Codable`.
///
/// Going through `Decoder` containers for every field of a case cost more than parsing its file:
/// a third of a cold `report` at 100,000 cases. Each reader does what the type's `init(from:)`
/// does with `StrictJSONDecoder` (the same value readers, the same checks, the same defaults,
/// other keys ignored) and gives up (nil) on anything else, so that the `Codable` path runs and
/// gives the verdict and the message: whatever this reads, that path reads the same (tested on
/// variants, mutations and damaged files).
struct CaseDocumentReader {
    let document: StrictJSONDocument

    /// `type` read here when it is a case-file type this reader knows, else nil (read it by `Codable`).
    func read<T>(_ type: T.Type, at node: Int) -> T? {
        if type == CaseRecord.self { return record(node) as? T }
        if type == [AvoidedCareLine].self { return array(node, avoided) as? T }
        if type == [DeployedCareLine].self { return array(node, deployed) as? T }
        if type == AvoidedCareLine.self { return avoided(node) as? T }
        if type == DeployedCareLine.self { return deployed(node) as? T }
        return nil
    }

    func array<Element>(_ node: Int, _ element: (Int) -> Element?) -> [Element]? {
        guard document.nodes[node].kind == .array else { return nil }
        var elements: [Element] = []
        elements.reserveCapacity(Int(document.nodes[node].count))
        for child in document.elements(of: node) {
            guard let read = element(child) else { return nil }
            elements.append(read)
        }
        return elements
    }

    /// A string as `decode(String.self)` reads it.
    func string(_ node: Int) -> String? { try? document.string(node) }

    /// As `Money.init(from:)`.
    func money(_ node: Int) -> Money? { string(node).flatMap { Money(euros: $0) } }

    /// A decimal ≥ 0 written as text, as `ExactText` and `Quantity` read it.
    func exactDecimal(_ node: Int) -> Decimal? {
        string(node).flatMap { DecimalText.parse($0, atLeastZeroAndAtMost: nil) }
    }

    /// As `Percentage.init(from:)`.
    func percentage(_ node: Int) -> Percentage? {
        string(node).flatMap { Percentage(text: $0) }
    }

    /// An optional field as `decodeIfPresent` reads it: null is nil; anything else must read.
    func optional<Value>(_ node: Int, _ field: inout Value?, _ read: (Int) -> Value?) -> Bool {
        if document.nodes[node].kind == .null { return true }
        field = read(node)
        return field != nil
    }

    /// Calls `body` with each member's key and value node, in the order written, until it returns
    /// false; false when the node is not an object or `body` stopped.
    func forEachMember(of object: Int, _ body: (_ key: Int, _ value: Int) -> Bool) -> Bool {
        guard document.nodes[object].kind == .object else { return false }
        var key = object + 1
        for _ in 0..<document.nodes[object].count {
            guard body(key, key + 1) else { return false }
            key = Int(document.nodes[key + 1].next)
        }
        return true
    }

    /// True when the key at `node` is `name` (keys are plain ASCII without escapes: the parser refused others).
    func named(_ node: Int, _ name: StaticString) -> Bool {
        let key = document.nodes[node]
        let length = Int(key.end - key.start)
        guard length == name.utf8CodeUnitCount else { return false }
        let start = Int(key.start)
        for offset in 0..<length where document.bytes[start + offset] != name.utf8Start[offset] { return false }
        return true
    }
}
