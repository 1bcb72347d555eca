extension StrictJSONDocument {
    /// The string at `node`, or a refusal when it is not a string or not valid UTF-8 (also after
    /// unescaping: a lone surrogate is refused).
    func string(_ node: Int) throws -> String {
        let value = nodes[node]
        switch value.kind {
        case .string:
            return String(decoding: bytes[Int(value.start)..<Int(value.end)], as: UTF8.self)
        case .utf8String:
            let text = bytes.withUnsafeBufferPointer { buffer in
                String(validating: UnsafeBufferPointer(rebasing: buffer[Int(value.start)..<Int(value.end)]), as: UTF8.self)
            }
            guard let text else { throw Refusal() }
            return text
        case .escapedString:
            guard let text = String(validating: try unescaped(value), as: UTF8.self) else { throw Refusal() }
            return text
        default:
            throw Refusal()
        }
    }

    private func unescaped(_ value: Node) throws -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(Int(value.end - value.start))
        var position = Int(value.start)
        let end = Int(value.end)
        func hex4(_ at: Int) -> UInt32 {
            (0..<4).reduce(0) { $0 << 4 | (Self.hexValue(bytes[at + $1]) ?? 0) }
        }
        while position < end {
            let byte = bytes[position]
            guard byte == UInt8(ascii: "\\") else { result.append(byte); position += 1; continue }
            let code = bytes[position + 1]
            position += 2
            switch code {
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(position)
                position += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by an escaped low one.
                    guard position + 6 <= end, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else { throw Refusal() }
                    let low = hex4(position + 2)
                    guard (0xDC00..<0xE000).contains(low) else { throw Refusal() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    position += 6
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw Refusal() }
                result.append(contentsOf: unicode.utf8)
            default: result.append(code)
            }
        }
        return result
    }

    /// The integer at `node`: digits only (no fraction or exponent), within `Int`.
    func integer(_ node: Int) throws -> Int {
        let value = nodes[node]
        guard value.kind == .integer else { throw Refusal() }
        var position = Int(value.start)
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        var result = 0
        while position < Int(value.end) {
            let digit = Int(bytes[position] - 0x30)
            let (times, overflowA) = result.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflowA, !overflowB else { throw Refusal() }
            result = next
            position += 1
        }
        return result
    }

    func bool(_ node: Int) throws -> Bool {
        switch nodes[node].kind {
        case .trueValue: true
        case .falseValue: false
        default: throw Refusal()
        }
    }

    /// The value node of `key` in the object at `object`, nil when absent (keys are unique and
    /// unescaped: the parser refused any other object).
    func member(_ key: String, in object: Int) -> Int? {
        var key = key
        return key.withUTF8 { wanted -> Int? in
            var child = object + 1
            for _ in 0..<nodes[object].count {
                let name = nodes[child]
                if Int(name.end - name.start) == wanted.count, bytesEqual(at: Int(name.start), wanted) { return child + 1 }
                child = Int(nodes[child + 1].next)
            }
            return nil
        }
    }

    private func bytesEqual(at start: Int, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        for offset in 0..<wanted.count where bytes[start + offset] != wanted[offset] { return false }
        return true
    }

    /// The member nodes of the array at `array`.
    func elements(of array: Int) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(Int(nodes[array].count))
        var child = array + 1
        for _ in 0..<nodes[array].count {
            result.append(child)
            child = Int(nodes[child].next)
        }
        return result
    }

    /// The keys of the object at `object`, in the order written.
    func keys(of object: Int) throws -> [String] {
        var result: [String] = []
        var child = object + 1
        for _ in 0..<nodes[object].count {
            result.append(try string(child))
            child = Int(nodes[child + 1].next)
        }
        return result
    }
}
