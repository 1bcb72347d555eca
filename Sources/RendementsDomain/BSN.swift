/// Guards pseudonymity: finds citizen service numbers (BSN) in free text.
public enum BSN {
    /// The eleven-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not all zeros).
    public static func passesElevenTest(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == 9, digits.count == 9, values.contains(where: { $0 != 0 }) else { return false }
        var sum = 0
        for (index, digit) in values.enumerated() {
            sum += index == 8 ? -digit : digit * (9 - index)
        }
        return sum % 11 == 0
    }

    /// Every BSN in the text, as nine ASCII digits: a number that passes the eleven-test, written
    /// the way a BSN is written (`notations(in:)`: nine digits in a row, or groups of 3-3-3 or
    /// 4-2-3 joined by one space, dot, dash or comma throughout), or any eight or nine digits right
    /// after the word BSN (`labelled(in:)`: `BSN |1|2|3|…`, `BSN 12345672` with its leading zero
    /// dropped); in any script's decimal digits, with invisible characters anywhere in it, and next
    /// to other numbers (`BSN 111222333, 45 jaar`, helper-19). This is what is refused, in the app
    /// and on the server. Digits joined in other ways are only a warning (`lookalikes(in:)`): read
    /// as one number, amounts, time slots, score lists and periods pass the eleven-test about one
    /// time in eleven (helper-21, helper-22).
    public static func candidates(in text: String) -> [String] {
        plainIfEight(text).map(refused(in:)) ?? []
    }

    /// The numbers `candidates(in:)` finds, in text made plain.
    static func refused(in bytes: [UInt8]) -> [String] {
        let written = notations(in: bytes)
        return written + labelled(in: bytes).filter { !written.contains($0) }
    }

    /// The text's bytes as `plain(_:)` makes them, or nil when it holds fewer than eight digits
    /// (a BSN after its label may have lost its leading zero).
    static func plainIfEight(_ text: String) -> [UInt8]? {
        // Most stories are plain ASCII: scanned by byte, the same rules; walking the text and asking
        // Unicode for each scalar's numeric value was a seventh of `validate`. And most texts hold
        // fewer than eight digits in all, so no number: counted first, in the same pass
        // (any script's decimal digits count, so the count never misses one).
        var digits = 0
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x80 {
                ascii = false
            } else if byte &- UInt8(ascii: "0") < 10 {
                digits += 1
            }
        }
        if !ascii {
            for scalar in text.unicodeScalars where !scalar.isASCII && scalar.properties.numericType == .decimal { digits += 1 }
        }
        guard digits >= 8 else { return nil }
        return ascii ? Array(text.utf8) : plain(text)
    }

    /// What `plain(_:)` makes of any other character that is not ASCII: no letter, digit or separator.
    static let otherCharacter: UInt8 = 0x01

    /// The text as `candidates(in:)` and `lookalikes(in:)` read it: any script's digits as ASCII
    /// digits, what shows as nothing left out, other separators as a space, and any other
    /// character that is not ASCII as `otherCharacter`. The server makes
    /// its text plain the same way, from the same lists (`BSNCharacters`).
    static func plain(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let digit = asciiDigit(scalar) {
                bytes.append(digit)
            } else if isInvisible(scalar) {
                continue  // a zero-width space, a soft hyphen or a combining mark changes nothing on screen
            } else if isSeparator(scalar) {
                bytes.append(scalar.isASCII ? UInt8(scalar.value) : UInt8(ascii: " "))
            } else {
                // Neither letter nor digit, as the server reads it: `BSN “36625851”` with Word's quotes (helper-23).
                bytes.append(scalar.isASCII ? UInt8(scalar.value) : otherCharacter)
            }
        }
        return bytes
    }

    /// Where each run of digits is.
    static func digitGroups(in bytes: [UInt8]) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var position = 0
        while position < bytes.count {
            guard isDigit(bytes[position]) else {
                position += 1
                continue
            }
            let start = position
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            groups.append(start..<position)
        }
        return groups
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// What may stand between the digits of one number read loosely, in ASCII: space, `.`, `-`, `/`, `_`, tab and line ends.
    /// Not `,` and `:`: lists of amounts (`22.938,81, 15.763,39`) and times (`8:15-9:15`) joined into
    /// numbers that pass the eleven-test in one text in five and one in twenty (helper-21).
    public static let looseSeparators: [UInt8] = Array(" .-/_\t\n\r".utf8)

    /// Separators of no space or dash category: the middle dot, the one-dot leader, the minus, the
    /// full-width full stop and colon; commas that are not ASCII; and characters that show blank
    /// (the Hangul fillers, the blank braille cell), which hid a BSN (helper-23).
    private static let otherSeparators: Set<Unicode.Scalar> = ["\u{00B7}", "\u{2024}", "\u{2212}", "\u{FF0E}", "\u{FF1A}",
                                                               "\u{FF0C}", "\u{201A}", "\u{066C}", "\u{3164}", "\u{115F}",
                                                               "\u{1160}", "\u{FFA0}", "\u{2800}"]

    /// What may stand between the digits of one number: the loose ASCII separators, and any
    /// Unicode space, dash or line separator, the middle dot, the one-dot leader and the
    /// full-width full stop and colon, which `plain(_:)` reads as a space (a PDF letter's en space
    /// or em space hid a BSN from the list this was before: helper-22).
    public static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return looseSeparators.contains(UInt8(scalar.value)) }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .dashPunctuation, .lineSeparator, .paragraphSeparator: return true
        default: return otherSeparators.contains(scalar)
        }
    }

    /// Characters that show as nothing: formatting (zero-width space and joiners, soft hyphen,
    /// direction marks, byte order mark) and marks that combine with the character before.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .format, .nonspacingMark, .enclosingMark: true
        default: false
        }
    }

    /// The ASCII digit of any decimal digit (Arabic-Indic, full-width, …); nil for anything else.
    public static func asciiDigit(_ scalar: Unicode.Scalar) -> UInt8? {
        // Most scalars of a story with accents are still ASCII: no need to ask Unicode's tables about them.
        if scalar.isASCII { return scalar.value >= 0x30 && scalar.value <= 0x39 ? UInt8(scalar.value) : nil }
        guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue,
              let digit = Int(exactly: value), (0...9).contains(digit) else { return nil }
        return UInt8(ascii: "0") + UInt8(digit)
    }
}
