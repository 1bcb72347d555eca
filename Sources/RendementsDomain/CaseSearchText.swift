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
    /// Lower case without accents, however they were typed: "Résumé", "re\u{301}sume\u{301}"
    /// and "resume" are the same to a search.
    public var searchFolded: String {
        // Plain ASCII (most stories) folds to its lower case; Foundation's folding of the
        // whole text was a twentieth of reading a business case.
        if utf8.allSatisfy({ $0 < 0x80 }) { return Self.asciiLowercased(utf8) }
        // Folding is scalar by scalar (an accent typed apart folds to nothing), so the ASCII
        // between the other characters ("financiële") is lowered directly, byte by byte,
        // and only the rest goes through Foundation, which was a tenth of reading a case.
        var folded = ""
        folded.reserveCapacity(utf8.count)
        let bytes = Array(utf8)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] < 0x80 { end += 1 }
            // The letter before other characters goes with them: an accent typed apart is its.
            let base = end < bytes.count && end > start ? end - 1 : end
            folded += Self.asciiLowercased(bytes[start..<base])
            guard base < bytes.count else { break }
            end = max(end, base + 1)
            while end < bytes.count, bytes[end] >= 0x80 { end += 1 }
            folded += String(decoding: bytes[base..<end], as: UTF8.self)
                .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
            start = end
        }
        return folded
    }

    private static func asciiLowercased(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
    }
}
