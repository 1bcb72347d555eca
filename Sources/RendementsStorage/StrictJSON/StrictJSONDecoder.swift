import Foundation

/// A `Decoder` over a `StrictJSONDocument`, for reading case files fast: the types' own
/// `init(from:)` runs unchanged, but keys are matched on the file's bytes and strings are made
/// only when read. It reads a strict subset (strings, integers, booleans, null, objects,
/// arrays; no duplicate or escaped keys) and refuses everything else, so that whatever it
/// accepts, Foundation's `JSONDecoder` accepts with the same result; callers fall back to that
/// decoder on a refusal, for the verdict and the message. Foundation's Codable layer was a
/// third of reading a business case.
enum StrictJSONDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decodeKeepingDocument(type, from: data).value
    }

    /// The value with the document it was read from (the content seal is read off it).
    static func decodeKeepingDocument<T: Decodable>(_ type: T.Type, from data: Data) throws -> (value: T, document: StrictJSONDocument) {
        let source = Source(try StrictJSONDocument([UInt8](data)))
        return (try source.value(type, at: 0), source.document)
    }

    /// The parsed document, shared by every decoder and container of one decode.
    final class Source {
        let document: StrictJSONDocument
        init(_ document: StrictJSONDocument) { self.document = document }

        /// The value at `node` as `T`, by its own `init(from:)` (primitives come back through
        /// `SingleValue`), or by `CaseDocumentReader`. Not through `Any`: boxing each line into an existential and casting it
        /// back cost an allocation per value.
        func value<T: Decodable>(_ type: T.Type, at node: Int) throws -> T {
            if let line = CaseDocumentReader(document: document).read(type, at: node) { return line }
            return try T(from: NodeDecoder(source: self, node: node))
        }
    }

    struct NodeDecoder: Decoder {
        let source: Source
        let node: Int
        // Paths only matter for error messages, which come from the fallback decoder.
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard source.document.nodes[node].kind == .object else { throw StrictJSONDocument.Refusal() }
            return KeyedDecodingContainer(KeyedContainer<Key>(source: source, object: node))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard source.document.nodes[node].kind == .array else { throw StrictJSONDocument.Refusal() }
            return UnkeyedContainer(source: source, elements: source.document.elements(of: node))
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValue(source: source, node: node) }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let source: Source
        let object: Int
        var codingPath: [any CodingKey] { [] }

        var allKeys: [Key] { ((try? source.document.keys(of: object)) ?? []).compactMap(Key.init(stringValue:)) }

        func contains(_ key: Key) -> Bool { source.document.member(key.stringValue, in: object) != nil }

        private func node(_ key: Key) throws -> Int {
            guard let found = source.document.member(key.stringValue, in: object) else { throw StrictJSONDocument.Refusal() }
            return found
        }

        func decodeNil(forKey key: Key) throws -> Bool { source.document.nodes[try node(key)].kind == .null }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try source.value(type, at: try node(key)) }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let found = source.document.member(key.stringValue, in: object), source.document.nodes[found].kind != .null else { return nil }
            return try source.value(type, at: found)
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try source.document.bool(try node(key)) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try source.document.string(try node(key)) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try source.document.integer(try node(key)) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { throw StrictJSONDocument.Refusal() }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw StrictJSONDocument.Refusal() }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { throw StrictJSONDocument.Refusal() }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { throw StrictJSONDocument.Refusal() }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { throw StrictJSONDocument.Refusal() }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { throw StrictJSONDocument.Refusal() }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { throw StrictJSONDocument.Refusal() }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { throw StrictJSONDocument.Refusal() }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { throw StrictJSONDocument.Refusal() }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { throw StrictJSONDocument.Refusal() }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { throw StrictJSONDocument.Refusal() }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try NodeDecoder(source: source, node: try node(key)).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try NodeDecoder(source: source, node: try node(key)).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { throw StrictJSONDocument.Refusal() }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw StrictJSONDocument.Refusal() }
    }

    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let source: Source
        let elements: [Int]
        var currentIndex = 0
        var codingPath: [any CodingKey] { [] }
        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        private mutating func next() throws -> Int {
            guard !isAtEnd else { throw StrictJSONDocument.Refusal() }
            defer { currentIndex += 1 }
            return elements[currentIndex]
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { throw StrictJSONDocument.Refusal() }
            guard source.document.nodes[elements[currentIndex]].kind == .null else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try source.value(type, at: try next()) }
        mutating func decode(_ type: Bool.Type) throws -> Bool { try source.document.bool(try next()) }
        mutating func decode(_ type: String.Type) throws -> String { try source.document.string(try next()) }
        mutating func decode(_ type: Int.Type) throws -> Int { try source.document.integer(try next()) }
        mutating func decode(_ type: Double.Type) throws -> Double { throw StrictJSONDocument.Refusal() }
        mutating func decode(_ type: Float.Type) throws -> Float { throw StrictJSONDocument.Refusal() }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { throw StrictJSONDocument.Refusal() }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { throw StrictJSONDocument.Refusal() }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { throw StrictJSONDocument.Refusal() }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { throw StrictJSONDocument.Refusal() }
        mutating func decode(_ type: UInt.Type) throws -> UInt { throw StrictJSONDocument.Refusal() }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { throw StrictJSONDocument.Refusal() }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { throw StrictJSONDocument.Refusal() }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { throw StrictJSONDocument.Refusal() }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { throw StrictJSONDocument.Refusal() }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try NodeDecoder(source: source, node: try next()).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try NodeDecoder(source: source, node: try next()).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { throw StrictJSONDocument.Refusal() }
    }

    struct SingleValue: SingleValueDecodingContainer {
        let source: Source
        let node: Int
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { source.document.nodes[node].kind == .null }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try source.value(type, at: node) }
        func decode(_ type: Bool.Type) throws -> Bool { try source.document.bool(node) }
        func decode(_ type: String.Type) throws -> String { try source.document.string(node) }
        func decode(_ type: Int.Type) throws -> Int { try source.document.integer(node) }
        func decode(_ type: Double.Type) throws -> Double { throw StrictJSONDocument.Refusal() }
        func decode(_ type: Float.Type) throws -> Float { throw StrictJSONDocument.Refusal() }
        func decode(_ type: Int8.Type) throws -> Int8 { throw StrictJSONDocument.Refusal() }
        func decode(_ type: Int16.Type) throws -> Int16 { throw StrictJSONDocument.Refusal() }
        func decode(_ type: Int32.Type) throws -> Int32 { throw StrictJSONDocument.Refusal() }
        func decode(_ type: Int64.Type) throws -> Int64 { throw StrictJSONDocument.Refusal() }
        func decode(_ type: UInt.Type) throws -> UInt { throw StrictJSONDocument.Refusal() }
        func decode(_ type: UInt8.Type) throws -> UInt8 { throw StrictJSONDocument.Refusal() }
        func decode(_ type: UInt16.Type) throws -> UInt16 { throw StrictJSONDocument.Refusal() }
        func decode(_ type: UInt32.Type) throws -> UInt32 { throw StrictJSONDocument.Refusal() }
        func decode(_ type: UInt64.Type) throws -> UInt64 { throw StrictJSONDocument.Refusal() }
    }
}
