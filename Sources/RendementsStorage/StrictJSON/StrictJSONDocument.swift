/// A JSON text parsed into a flat list of nodes over its bytes, for `StrictJSONDecoder`.
///
/// Strict on purpose: it accepts only what RFC 8259 allows in UTF-8, without a byte order mark,
/// nested at most 256 deep. Anything else throws, and the caller falls back to Foundation's
/// decoder, which then gives the verdict and the message. Strings are not turned into `String`
/// until a decoder asks for them, so keys and values nobody reads cost a scan only.
struct StrictJSONDocument {
    /// `string` is ASCII without escapes (the most common kind in case files: no need to check its encoding).
    enum Kind: UInt8 { case object, array, string, utf8String, escapedString, number, integer, trueValue, falseValue, null }

    /// One value. For strings and numbers `start..<end` are the bytes (a string's without its
    /// quotes); for objects and arrays `count` is the number of members (an object's members are
    /// key and value nodes in turn) and `next` is the node after the whole subtree.
    struct Node {
        var kind: Kind
        var start: Int32
        var end: Int32
        var count: Int32
        var next: Int32
    }

    /// Why the strict reader stepped aside; never shown, the fallback decoder explains.
    struct Refusal: Error {}

    let bytes: [UInt8]
    private(set) var nodes: [Node] = []

    private static let maximumDepth = 256

    init(_ bytes: [UInt8]) throws {
        guard bytes.count < Int32.max else { throw Refusal() }
        self.bytes = bytes
        nodes.reserveCapacity(bytes.count / 12)
        var position = 0
        try bytes.withUnsafeBufferPointer { buffer in
            position = Self.skipWhitespace(buffer, from: 0)
            position = try parseValue(buffer, at: position, depth: 0)
            position = Self.skipWhitespace(buffer, from: position)
        }
        guard position == bytes.count else { throw Refusal() }
    }

    private static func skipWhitespace(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var position = start
        while position < buffer.count {
            switch buffer[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return position
            }
        }
        return position
    }

    /// Parses the value at `position` into `nodes`; returns the position after it.
    private mutating func parseValue(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int, depth: Int) throws -> Int {
        guard position < buffer.count, depth < Self.maximumDepth else { throw Refusal() }
        switch buffer[position] {
        case UInt8(ascii: "{"): return try parseContainer(buffer, at: position, depth: depth, object: true)
        case UInt8(ascii: "["): return try parseContainer(buffer, at: position, depth: depth, object: false)
        case UInt8(ascii: "\""): return try parseString(buffer, at: position)
        case UInt8(ascii: "t"): return try parseLiteral(buffer, at: position, "true", .trueValue)
        case UInt8(ascii: "f"): return try parseLiteral(buffer, at: position, "false", .falseValue)
        case UInt8(ascii: "n"): return try parseLiteral(buffer, at: position, "null", .null)
        default: return try parseNumber(buffer, at: position)
        }
    }

    private mutating func append(_ kind: Kind, _ start: Int, _ end: Int) {
        nodes.append(Node(kind: kind, start: Int32(start), end: Int32(end), count: 0, next: Int32(nodes.count + 1)))
    }

    private mutating func parseContainer(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int, depth: Int, object: Bool) throws -> Int {
        let index = nodes.count
        nodes.append(Node(kind: object ? .object : .array, start: Int32(start), end: 0, count: 0, next: 0))
        let close = UInt8(ascii: object ? "}" : "]")
        var position = Self.skipWhitespace(buffer, from: start + 1)
        var count: Int32 = 0
        if position < buffer.count, buffer[position] == close {
            position += 1
        } else {
            while true {
                if object {
                    guard position < buffer.count, buffer[position] == UInt8(ascii: "\"") else { throw Refusal() }
                    let key = nodes.count
                    position = Self.skipWhitespace(buffer, from: try parseString(buffer, at: position))
                    try checkKey(key, buffer, firstKey: index + 1)
                    guard position < buffer.count, buffer[position] == UInt8(ascii: ":") else { throw Refusal() }
                    position = Self.skipWhitespace(buffer, from: position + 1)
                }
                position = Self.skipWhitespace(buffer, from: try parseValue(buffer, at: position, depth: depth + 1))
                count += 1
                guard position < buffer.count else { throw Refusal() }
                if buffer[position] == close { position += 1; break }
                guard buffer[position] == UInt8(ascii: ",") else { throw Refusal() }
                position = Self.skipWhitespace(buffer, from: position + 1)
            }
        }
        nodes[index].end = Int32(position)
        nodes[index].count = count
        nodes[index].next = Int32(nodes.count)
        return position
    }

    /// Keys are plain ASCII, without escapes, and each once per object: Foundation unescapes and
    /// compares keys as Unicode text, and decides alone what a repeated key means.
    private func checkKey(_ key: Int, _ buffer: UnsafeBufferPointer<UInt8>, firstKey: Int) throws {
        let name = nodes[key]
        guard name.kind == .string else { throw Refusal() }
        let start = Int(name.start), length = Int(name.end - name.start)
        var earlier = firstKey
        while earlier < key {
            let other = nodes[earlier]
            if Int(other.end - other.start) == length,
               (0..<length).allSatisfy({ buffer[Int(other.start) + $0] == buffer[start + $0] }) { throw Refusal() }
            earlier = Int(nodes[earlier + 1].next)
        }
    }

    private mutating func parseString(_ buffer: UnsafeBufferPointer<UInt8>, at quote: Int) throws -> Int {
        var position = quote + 1
        var escaped = false
        var bits: UInt8 = 0
        while position < buffer.count {
            let byte = buffer[position]
            bits |= byte
            if byte == UInt8(ascii: "\"") {
                append(escaped ? .escapedString : bits < 0x80 ? .string : .utf8String, quote + 1, position)
                return position + 1
            }
            guard byte >= 0x20 else { throw Refusal() }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                guard position + 1 < buffer.count else { throw Refusal() }
                switch buffer[position + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    position += 2
                case UInt8(ascii: "u"):
                    guard position + 5 < buffer.count, (2...5).allSatisfy({ Self.hexValue(buffer[position + $0]) != nil }) else { throw Refusal() }
                    position += 6
                default:
                    throw Refusal()
                }
            } else {
                position += 1
            }
        }
        throw Refusal()
    }

    private mutating func parseLiteral(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int, _ word: StaticString, _ kind: Kind) throws -> Int {
        let length = word.utf8CodeUnitCount
        guard start + length <= buffer.count else { throw Refusal() }
        for offset in 0..<length where buffer[start + offset] != word.utf8Start[offset] { throw Refusal() }
        append(kind, start, start + length)
        return start + length
    }

    /// RFC 8259's number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func parseNumber(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int) throws -> Int {
        var position = start
        func digits() -> Int {
            let first = position
            while position < buffer.count, buffer[position] >= 0x30, buffer[position] <= 0x39 { position += 1 }
            return position - first
        }
        if position < buffer.count, buffer[position] == UInt8(ascii: "-") { position += 1 }
        let leadingZero = position < buffer.count && buffer[position] == 0x30
        let whole = digits()
        guard whole > 0, !(leadingZero && whole > 1) else { throw Refusal() }
        var integer = true
        if position < buffer.count, buffer[position] == UInt8(ascii: ".") {
            position += 1
            integer = false
            guard digits() > 0 else { throw Refusal() }
        }
        if position < buffer.count, buffer[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            integer = false
            if position < buffer.count, buffer[position] == UInt8(ascii: "+") || buffer[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw Refusal() }
        }
        append(integer ? .integer : .number, start, position)
        return position
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }
}
