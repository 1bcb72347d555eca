/// Terminal column width of text.
///
/// Pure Swift instead of libc `wcwidth`, so rendering does not depend on the
/// process locale and screens can be tested without a terminal; the table is
/// generated from glibc's `wcwidth` (what ncursesw and tmux use), so the layout
/// and the terminal agree. A character (grapheme cluster) takes the columns of
/// its scalars together: an emoji family joined with ZWJ is three emoji wide on
/// a terminal that draws each scalar, as ncursesw does.
public enum TextWidth {
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.isASCII && scalars.count == 1 { return of(scalar: first) }
        return scalars.reduce(0) { $0 + of(scalar: $1) }
    }

    public static func of(_ text: String) -> Int { text.reduce(0) { $0 + of($1) } }

    public static func of(scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0xA0 { return 0 }
        if contains(zero, value) { return 0 }
        if contains(wide, value) { return 2 }
        return 1
    }

    /// False for scalars the terminal cannot draw (unassigned, private use): shown as "�".
    public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        !contains(unprintable, scalar.value)
    }

    /// A character as the cells a terminal draws: each scalar with columns starts a cell
    /// and takes the zero-width scalars after it (accents, joiners). Almost every
    /// character is one cell; an emoji sequence joined with ZWJ is one cell per emoji.
    public static func cells(of character: Character) -> [(glyph: Character, columns: Int)] {
        let scalars = character.unicodeScalars
        if scalars.count == 1 || !scalars.dropFirst().contains(where: { of(scalar: $0) > 0 }) {
            return [(character, of(character))]
        }
        var cells: [(glyph: Character, columns: Int)] = []
        var glyph = String.UnicodeScalarView()
        var columns = 0
        func close() {
            let text = String(glyph)
            // A zero-width scalar that does not join its base (a zero-width space) is dropped.
            if columns > 0, text.count == 1, let character = text.first { cells.append((character, columns)) }
        }
        for scalar in scalars {
            let width = of(scalar: scalar)
            if width > 0 {
                close()
                glyph = String.UnicodeScalarView([scalar])
                columns = width
            } else if columns > 0 {
                glyph.append(scalar)
                if String(glyph).count != 1 { glyph.removeLast() }
            }
        }
        close()
        return cells
    }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < ranges[middle].lowerBound {
                high = middle - 1
            } else if value > ranges[middle].upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// The longest prefix of `text` that fits in `width` columns, with `…` when cut.
    public static func clip(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let next = of(character)
            if used + next > width - 1 { break }
            result.append(character)
            used += next
        }
        return result + "…"
    }

    public static func padRight(_ text: String, to width: Int) -> String {
        let clipped = clip(text, to: width)
        return clipped + String(repeating: " ", count: max(0, width - of(clipped)))
    }

    public static func padLeft(_ text: String, to width: Int) -> String {
        let clipped = clip(text, to: width)
        return String(repeating: " ", count: max(0, width - of(clipped))) + clipped
    }
}
