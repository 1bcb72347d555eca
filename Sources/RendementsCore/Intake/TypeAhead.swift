import Foundation

/// Choosing from a pick list by typing the start of an option.
enum TypeAhead {
    /// The first option that starts with `typed` (ignoring case and accents), else the
    /// first that contains it at the start of a word; nil when none does.
    static func match(_ typed: String, in options: [String]) -> String? {
        let needle = fold(typed)
        guard !needle.isEmpty else { return nil }
        if let option = options.first(where: { fold($0).hasPrefix(needle) }) { return option }
        return options.first { option in fold(option).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { $0.hasPrefix(needle) } }
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
