import Foundation

/// Writes an `Encodable` value byte for byte as `JSONEncoder` with `.sortedKeys` does,
/// for the content seal of every case. `JSONEncoder` builds a tree of boxed values and
/// sorts keys with a locale-aware comparison; that was a quarter of reading a business
/// case. This writer covers what a case's content holds (strings, integers, booleans,
/// arrays and objects whose keys are ASCII letters) and answers nil for anything else
/// (numbers with a fraction, `Date`, `Data`, `URL`, `Decimal`, other keys), so the caller
/// falls back to `JSONEncoder` and a seal never depends on which path made it.
enum CanonicalJSON {
    static func encode<T: Encodable>(_ value: T) -> [UInt8]? {
        let root = Node()
        let context = Context()
        do {
            try Writer(node: root, context: context).encodeValue(value)
        } catch {
            return nil
        }
        guard !context.unsupported else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        guard root.write(into: &output) else { return nil }
        return output
    }

    /// Set when the value holds something this writer does not reproduce exactly.
    final class Context {
        var unsupported = false
    }

    struct Unsupported: Error {}

    /// One value in the tree: a finished scalar, an object or an array.
    final class Node {
        enum Kind { case pending, scalar, object, array }
        var kind = Kind.pending
        var scalar: [UInt8] = []
        var keys: [String] = []
        var children: [Node] = []

        func write(into output: inout [UInt8]) -> Bool {
            switch kind {
            case .pending:
                return false
            case .scalar:
                output.append(contentsOf: scalar)
            case .array:
                output.append(UInt8(ascii: "["))
                for (index, child) in children.enumerated() {
                    if index > 0 { output.append(UInt8(ascii: ",")) }
                    guard child.write(into: &output) else { return false }
                }
                output.append(UInt8(ascii: "]"))
            case .object:
                guard let order = CanonicalJSON.sortedOrder(keys) else { return false }
                output.append(UInt8(ascii: "{"))
                for (position, index) in order.enumerated() {
                    if position > 0 { output.append(UInt8(ascii: ",")) }
                    CanonicalJSON.appendString(keys[index], to: &output)
                    output.append(UInt8(ascii: ":"))
                    guard children[index].write(into: &output) else { return false }
                }
                output.append(UInt8(ascii: "}"))
            }
            return true
        }
    }

    /// `JSONEncoder` sorts with `[.numeric, .caseInsensitive, .forcedOrdering]`. For keys of
    /// ASCII letters that is the order of their lower-case bytes; anything else (digits,
    /// marks, keys equal but for case) is left to `JSONEncoder`.
    static func sortedOrder(_ keys: [String]) -> [Int]? {
        var folded: [[UInt8]] = []
        folded.reserveCapacity(keys.count)
        for key in keys {
            var bytes: [UInt8] = []
            for byte in key.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): bytes.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                default: return nil
                }
            }
            folded.append(bytes)
        }
        let order = folded.indices.sorted { folded[$0].lexicographicallyPrecedes(folded[$1]) }
        for (left, right) in zip(order, order.dropFirst()) where folded[left] == folded[right] {
            return nil
        }
        return order
    }

    /// A JSON string as `JSONEncoder` escapes it: quote, backslash and slash, the short
    /// escapes, other control characters as `\u00XX`; everything else as UTF-8.
    static func appendString(_ text: String, to output: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "/"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "/")])
            case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

extension CanonicalJSON {
    /// The `Encoder` handed to each value; it fills one node.
    struct Writer: Encoder {
        let node: Node
        let context: Context
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            claim(.object)
            return KeyedEncodingContainer(Keyed<Key>(node: node, context: context))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            claim(.array)
            return Unkeyed(node: node, context: context)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(node: node, context: context)
        }

        /// A node takes one shape; asking for two (or a container after a scalar) is left to `JSONEncoder`.
        private func claim(_ kind: Node.Kind) {
            if node.kind == .pending {
                node.kind = kind
            } else if node.kind != kind {
                context.unsupported = true
            }
        }

        /// Leaves are told apart by their type's identity, not by casts: a cast to a protocol
        /// looks up conformances and cost as much as the encoding itself.
        func encodeValue<T: Encodable>(_ value: T) throws {
            if T.self == String.self, let text = value as? String {
                node.setScalar(text)
            } else if T.self == Int.self, let number = value as? Int {
                node.setScalar(number)
            } else if T.self == Bool.self, let truth = value as? Bool {
                node.setScalar(truth)
            } else if T.self == Double.self || T.self == Float.self || T.self == Decimal.self || T.self == Date.self
                || T.self == Data.self || T.self == URL.self {
                throw Unsupported()
            } else {
                try value.encode(to: self)
                if node.kind == .pending { throw Unsupported() }
            }
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        let context: Context
        var codingPath: [any CodingKey] { [] }

        private func child(_ key: Key) -> Node {
            let child = Node()
            node.keys.append(key.stringValue)
            node.children.append(child)
            return child
        }

        mutating func encodeNil(forKey key: Key) throws { child(key).setNull() }
        mutating func encode(_ value: String, forKey key: Key) throws { child(key).setScalar(value) }
        mutating func encode(_ value: Int, forKey key: Key) throws { child(key).setScalar(value) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { child(key).setScalar(value) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try Writer(node: child(key), context: context).encodeValue(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            Writer(node: child(key), context: context).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            Writer(node: child(key), context: context).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            context.unsupported = true
            return Writer(node: Node(), context: context)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            context.unsupported = true
            return Writer(node: Node(), context: context)
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        let context: Context
        var codingPath: [any CodingKey] { [] }
        var count: Int { node.children.count }

        private func child() -> Node {
            let child = Node()
            node.children.append(child)
            return child
        }

        mutating func encodeNil() throws { child().setNull() }
        mutating func encode(_ value: String) throws { child().setScalar(value) }
        mutating func encode(_ value: Int) throws { child().setScalar(value) }
        mutating func encode(_ value: Bool) throws { child().setScalar(value) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try Writer(node: child(), context: context).encodeValue(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            Writer(node: child(), context: context).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            Writer(node: child(), context: context).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            context.unsupported = true
            return Writer(node: Node(), context: context)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        let context: Context
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { node.setNull() }
        mutating func encode(_ value: String) throws { node.setScalar(value) }
        mutating func encode(_ value: Bool) throws { node.setScalar(value) }
        mutating func encode(_ value: Int) throws { node.setScalar(value) }
        mutating func encode(_ value: Int8) throws { node.setScalar(value) }
        mutating func encode(_ value: Int16) throws { node.setScalar(value) }
        mutating func encode(_ value: Int32) throws { node.setScalar(value) }
        mutating func encode(_ value: Int64) throws { node.setScalar(value) }
        mutating func encode(_ value: UInt) throws { node.setScalar(value) }
        mutating func encode(_ value: UInt8) throws { node.setScalar(value) }
        mutating func encode(_ value: UInt16) throws { node.setScalar(value) }
        mutating func encode(_ value: UInt32) throws { node.setScalar(value) }
        mutating func encode(_ value: UInt64) throws { node.setScalar(value) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try Writer(node: node, context: context).encodeValue(value)
        }
    }
}

extension CanonicalJSON.Node {
    func setScalar(_ text: String) {
        kind = .scalar
        CanonicalJSON.appendString(text, to: &scalar)
    }

    func setScalar<Number: BinaryInteger>(_ number: Number) {
        kind = .scalar
        scalar.append(contentsOf: Array(String(number).utf8))
    }

    func setScalar(_ truth: Bool) {
        kind = .scalar
        scalar.append(contentsOf: Array((truth ? "true" : "false").utf8))
    }

    func setNull() {
        kind = .scalar
        scalar.append(contentsOf: Array("null".utf8))
    }
}
