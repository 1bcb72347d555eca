import Foundation

extension CaseRecord {
    /// What the browser's `/` search looks in: the story, every reasoning and every note,
    /// folded (see `searchFolded`).
    public var searchText: String {
        ([story.situation, story.approach, story.result] + avoided.map(\.reasoning) + deployed.map(\.note))
            .joined(separator: "\n").searchFolded
    }

    /// True when `query` occurs in the searched text, whatever its case or accents.
    public func matches(search query: String) -> Bool {
        searchText.contains(query.searchFolded)
    }
}

extension String {
    /// Lower case without accents or ligatures, however they were typed: "Résumé",
    /// "re\u{301}sume\u{301}" and "resume" are the same to a search, as are "Ĳssel" and "ijssel".
    public var searchFolded: String {
        // Plain ASCII (most stories) folds to its lower case; Foundation's folding of the
        // whole text was a twentieth of reading a business case.
        if utf8.allSatisfy({ $0 < 0x80 }) { return Self.asciiLowercased(utf8) }
        return Self.folded(Array(utf8), latinTable: true)
    }

    /// Soft hyphen, zero-width space, joiners, word joiner and byte-order mark.
    static let invisible: Set<Unicode.Scalar> = ["\u{AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"]

    /// `searchFolded` of text that is not all ASCII. `latinTable`: accented Latin-1 letters
    /// (ë, é, ï, Ö…) fold by a table Foundation itself filled, instead of one Foundation call
    /// per word that has one: those calls were half of making a case's searched text.
    static func folded(_ bytes: [UInt8], latinTable: Bool) -> String {
        // Folding is scalar by scalar (an accent typed apart folds to nothing), so the ASCII
        // between the other characters ("financiële") is lowered directly, byte by byte,
        // and only the rest goes through Foundation, which was a tenth of reading a case.
        var folded = ""
        folded.reserveCapacity(bytes.count)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] < 0x80 { end += 1 }
            // The letter before other characters goes with them: an accent typed apart is its.
            let base = end < bytes.count && end > start ? end - 1 : end
            folded += Self.asciiLowercased(bytes[start..<base])
            guard base < bytes.count else { break }
            end = Swift.max(end, base + 1)
            while end < bytes.count, bytes[end] >= 0x80 { end += 1 }
            if latinTable, let quick = latinFolded(bytes[base..<end]) {
                folded += quick
            } else {
                // Compatibility forms first: the Dutch ligature "Ĳssel" (and "ﬁets", full-width
                // letters) is found by "ijssel" as typed on any keyboard (found by a helper).
                // Invisible joiners and the soft hyphen (text pasted from Word) are no letters: "zelf\u{AD}redzaam"
                // is found by "zelfredzaam" (found by a helper).
                var run = String(decoding: bytes[base..<end], as: UTF8.self).decomposedStringWithCompatibilityMapping
                    .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
                run.unicodeScalars.removeAll { Self.invisible.contains($0) }
                folded += run
            }
            start = end
        }
        return folded
    }

    /// ASCII and accented Latin-1 letters folded by `latinFolds`; nil for anything else (a
    /// combining accent, another script, a letter without a one-letter fold such as æ or ß).
    private static func latinFolded(_ bytes: ArraySlice<UInt8>) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x80 {
                result.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
                index += 1
                continue
            }
            guard byte == 0xC3, index + 1 < bytes.endIndex, (0x80...0xBF).contains(bytes[index + 1]),
                  let folded = latinFolds[Int(bytes[index + 1] - 0x80)] else { return nil }
            result.append(folded)
            index += 2
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// U+00C0 to U+00FF as Foundation folds each alone (case and accents), when that is one ASCII letter.
    private static let latinFolds: [UInt8?] = (0xC0...0xFF).map { value in
        guard let scalar = Unicode.Scalar(value) else { return nil }
        let folded = Array(String(Character(scalar)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased().utf8)
        return folded.count == 1 && folded[0] < 0x80 ? folded[0] : nil
    }

    private static func asciiLowercased(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
    }
}
