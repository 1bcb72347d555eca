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
        if utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        }
        return folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
}
