extension CaseRecord {
    /// What the browser's `/` search looks in: the story, every reasoning and every note, lower-cased.
    public var searchText: String {
        ([story.situation, story.approach, story.result] + avoided.map(\.reasoning) + deployed.map(\.note))
            .joined(separator: "\n").lowercased()
    }

    /// True when `query` (any case) occurs in the searched text.
    public func matches(search query: String) -> Bool {
        searchText.contains(query.lowercased())
    }
}
