import Foundation

/// The content seal read off a case file's own bytes, without decoding and encoding again.
///
/// The app writes a case with sorted keys, and the seal is the same content with sorted keys,
/// compact and with `/` escaped; so for a file the app wrote, dropping the whitespace between
/// tokens and escaping `/` gives the sealed bytes. A file written otherwise (keys reordered,
/// other escapes, a part missing) gives other bytes and no match, and the caller computes the
/// seal from the decoded case as before. A match is as good as that computation because the
/// content reads back as it was written (the seal test holds both to the same cases).
enum WrittenSeal {
    /// The seal's parts in the order the seal sorts them.
    static let parts = ["attribution", "avoided", "deployed", "effort"].map { Array($0.utf8) }

    static func hash(_ data: Data) -> String? {
        data.withUnsafeBytes { raw -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let spans = topLevelSpans(bytes) else { return nil }
            return seal(capacity: bytes.count) { part, sealed in
                guard let span = spans[part] else { return false }
                compact(bytes[span], into: &sealed)
                return true
            }
        }
    }

    /// The hash of `{"attribution":…,"avoided":…,"deployed":…,"effort":…}`, each part's value
    /// written by `value` (false: the part is missing, and there is no seal).
    static func seal(capacity: Int, _ value: (_ part: Int, _ sealed: inout [UInt8]) -> Bool) -> String? {
        var sealed: [UInt8] = [UInt8(ascii: "{")]
        sealed.reserveCapacity(capacity)
        for (index, part) in parts.enumerated() {
            if index > 0 { sealed.append(UInt8(ascii: ",")) }
            sealed.append(UInt8(ascii: "\""))
            sealed.append(contentsOf: part)
            sealed.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
            guard value(index, &sealed) else { return nil }
        }
        sealed.append(UInt8(ascii: "}"))
        return sha256Hex(Data(sealed))
    }

    /// Where the value of each part starts and ends in the top-level object; nil when the
    /// bytes are not one object this scan understands.
    private static func topLevelSpans(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>?]? {
        var spans = [Range<Int>?](repeating: nil, count: parts.count)
        var index = skipSpace(bytes, 0)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        while true {
            index = skipSpace(bytes, index)
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "}") { return spans }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            guard bytes[index] == UInt8(ascii: "\""), let keyEnd = stringEnd(bytes, index) else { return nil }
            let key = bytes[(index + 1)..<(keyEnd - 1)]
            index = skipSpace(bytes, keyEnd)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            let start = skipSpace(bytes, index + 1)
            guard let end = valueEnd(bytes, start) else { return nil }
            if let part = parts.firstIndex(where: { $0.elementsEqual(key) }) {
                guard spans[part] == nil else { return nil }
                spans[part] = start..<end
            }
            index = end
        }
    }

    private static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var index = start
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        return index
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The index after the closing quote of the string opening at `start`: the next quote not
    /// escaped (preceded by an even number of backslashes), found with `memchr` over long stories.
    private static func stringEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = start + 1
        while index < bytes.count {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "\"")), bytes.count - index) else { return nil }
            let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var backslashes = 0
            while quote - 1 - backslashes > start, bytes[quote - 1 - backslashes] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 0 { return quote + 1 }
            index = quote + 1
        }
        return nil
    }

    /// The index after the value starting at `start`: a string, or anything up to the `,` or
    /// closing bracket at its own depth.
    private static func valueEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                guard let end = stringEnd(bytes, index) else { return nil }
                index = end
                if depth == 0 { return index }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return index }
                depth -= 1
                if depth == 0 { return index + 1 }
            case UInt8(ascii: ","):
                if depth == 0 { return index }
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// The value without whitespace between tokens and with `/` in strings escaped, as the seal writes it.
    /// Copied a run at a time between the bytes it drops or adds: appended byte by byte, this
    /// was a tenth of reading a case file.
    private static func compact(_ value: Slice<UnsafeBufferPointer<UInt8>>, into output: inout [UInt8]) {
        let bytes = value.base
        let end = value.endIndex
        var index = value.startIndex
        var runStart = index
        var inString = false
        func copyRun(upTo limit: Int) {
            if runStart < limit { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<limit])) }
        }
        while index < end {
            let byte = bytes[index]
            if inString {
                switch byte {
                case UInt8(ascii: "\\"):
                    index += 2  // the escaped byte is kept as it is, whatever it is
                    continue
                case UInt8(ascii: "\""):
                    inString = false
                case UInt8(ascii: "/"):
                    copyRun(upTo: index)
                    output.append(UInt8(ascii: "\\"))
                    runStart = index
                default:
                    break
                }
            } else if isSpace(byte) {
                copyRun(upTo: index)
                runStart = index + 1
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            }
            index += 1
        }
        copyRun(upTo: min(index, end))
    }
}
