/// Terminal column width of text.
///
/// Pure Swift instead of libc `wcwidth`, so rendering does not depend on the
/// process locale and screens can be tested without a terminal: combining
/// marks and zero-width characters take 0 columns, East Asian wide and emoji
/// ranges take 2, everything else 1.
public enum TextWidth {
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        return of(scalar: first)
    }

    public static func of(_ text: String) -> Int { text.reduce(0) { $0 + of($1) } }

    static func of(scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(value) } ? 2 : 1
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
