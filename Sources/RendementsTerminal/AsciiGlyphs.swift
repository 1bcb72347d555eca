import Foundation

/// What a terminal without UTF-8 (a non-UTF-8 locale) shows for a character the UI
/// draws: box lines and blocks through ncurses' own line drawing (the terminal's
/// alternate character set), everything else as one plain ASCII character, so every
/// cell keeps its width and no column shifts. Amounts say `EUR` instead of `€` before
/// they are laid out (`DutchNumber.euroSign`), so this table never meets a euro sign
/// in an amount.
enum AsciiGlyph: Equatable {
    /// The VT100 letter of an ncurses line-drawing character (`q` is a horizontal line).
    case line(UInt8)
    case text(UInt8)

    static func of(_ character: Character) -> AsciiGlyph {
        if let ascii = character.asciiValue { return .text(ascii) }
        if let letter = lines[character] { return .line(letter) }
        if let text = texts[character] { return .text(text) }
        // Accented letters lose their accent (é → e); anything else becomes "?".
        let folded = String(character).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        if folded.count == 1, let ascii = folded.first?.asciiValue { return .text(ascii) }
        return .text(UInt8(ascii: "?"))
    }

    private static let lines: [Character: UInt8] = [
        "─": UInt8(ascii: "q"), "│": UInt8(ascii: "x"), "┌": UInt8(ascii: "l"), "┐": UInt8(ascii: "k"),
        "└": UInt8(ascii: "m"), "┘": UInt8(ascii: "j"), "├": UInt8(ascii: "t"), "┤": UInt8(ascii: "u"),
        "┬": UInt8(ascii: "w"), "┴": UInt8(ascii: "v"), "┼": UInt8(ascii: "n"), "█": UInt8(ascii: "0"),
        "▏": UInt8(ascii: "x"),
    ]

    private static let texts: [Character: UInt8] = [
        "·": UInt8(ascii: "-"), "×": UInt8(ascii: "x"), "—": UInt8(ascii: "-"), "–": UInt8(ascii: "-"), "−": UInt8(ascii: "-"),
        "→": UInt8(ascii: ">"), "←": UInt8(ascii: "<"), "↑": UInt8(ascii: "^"), "↓": UInt8(ascii: "v"), "▶": UInt8(ascii: ">"),
        "‹": UInt8(ascii: "<"), "›": UInt8(ascii: ">"), "…": UInt8(ascii: "."), "÷": UInt8(ascii: "/"), "“": UInt8(ascii: "\""),
        "”": UInt8(ascii: "\""), "‘": UInt8(ascii: "'"), "’": UInt8(ascii: "'"), "≥": UInt8(ascii: ">"), "≤": UInt8(ascii: "<"),
        "✗": UInt8(ascii: "x"), "€": UInt8(ascii: "E"),
    ]
}
