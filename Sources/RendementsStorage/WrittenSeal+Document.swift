import Foundation

extension WrittenSeal {
    /// The seal of a case file the strict reader parsed (`document` is its parse): the same bytes
    /// as `hash(_:)` makes from the file, written from the parsed tokens instead of scanning the
    /// file twice more (finding the parts, then dropping the whitespace: a tenth of a cold report).
    static func hash(_ document: StrictJSONDocument) -> String? {
        guard document.nodes.first?.kind == .object else { return nil }
        var spans = [Int?](repeating: nil, count: parts.count)
        var key = 1
        for _ in 0..<document.nodes[0].count {
            let name = document.nodes[key]
            let bytes = document.bytes[Int(name.start)..<Int(name.end)]
            if let part = parts.firstIndex(where: { $0.elementsEqual(bytes) }) { spans[part] = key + 1 }
            key = Int(document.nodes[key + 1].next)
        }
        return document.bytes.withUnsafeBufferPointer { bytes in
            seal(capacity: bytes.count) { part, sealed in
                guard let value = spans[part] else { return false }
                compact(document, value, bytes, into: &sealed)
                return true
            }
        }
    }

    /// The value at `node` without whitespace, strings with `/` escaped: what `compact` makes of its bytes.
    private static func compact(_ document: StrictJSONDocument, _ node: Int, _ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        let value = document.nodes[node]
        switch value.kind {
        case .object, .array:
            let object = value.kind == .object
            output.append(UInt8(ascii: object ? "{" : "["))
            var child = node + 1
            for member in 0..<Int(value.count) {
                if member > 0 { output.append(UInt8(ascii: ",")) }
                if object {
                    string(document.nodes[child], bytes, into: &output)
                    output.append(UInt8(ascii: ":"))
                    child += 1
                }
                compact(document, child, bytes, into: &output)
                child = Int(document.nodes[child].next)
            }
            output.append(UInt8(ascii: object ? "}" : "]"))
        case .string, .utf8String, .escapedString:
            string(value, bytes, into: &output)
        case .number, .integer, .trueValue, .falseValue, .null:
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(value.start)..<Int(value.end)]))
        }
    }

    /// A string with its quotes, `/` escaped unless it already is (an escape is kept as written).
    private static func string(_ value: StrictJSONDocument.Node, _ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var runStart = Int(value.start)
        var index = runStart
        let end = Int(value.end)
        // Without escapes (nearly every string) only a slash matters, found with `memchr`.
        if value.kind != .escapedString, let base = bytes.baseAddress {
            while index < end, let found = memchr(base + index, Int32(UInt8(ascii: "/")), end - index) {
                let slash = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<slash]))
                output.append(UInt8(ascii: "\\"))
                runStart = slash
                index = slash + 1
            }
            index = end
        }
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 2
            case UInt8(ascii: "/"):
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(UInt8(ascii: "\\"))
                runStart = index
                index += 1
            default:
                index += 1
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
        output.append(UInt8(ascii: "\""))
    }
}
