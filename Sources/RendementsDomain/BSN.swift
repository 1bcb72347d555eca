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
    /// the way a BSN is written (`notations`): nine digits in a row, or in groups of 3-3-3
    /// (`111 222 333`), 4-2-3 (`1112.22.333`), 2-2-2-3, 3-2-4 or nine single digits, joined by one
    /// space, dot or dash throughout; in any script's decimal digits (full-width `１１１２２２３３３`
    /// too), with invisible characters (a zero-width space, a soft hyphen, a combining mark)
    /// anywhere in it, and next to other numbers (`BSN 111222333, 45 jaar`, helper-19). This is
    /// what is refused, in the app and on the server. Numbers joined in other ways are only a
    /// warning (`lookalikes(in:)`): read as one number they made amounts (`22.938,81, 15.763,39`),
    /// time slots and date ranges pass the eleven-test about one time in eleven (helper-21).
    public static func candidates(in text: String) -> [String] {
        guard let bytes = plainIfNine(text) else { return [] }
        return notations(in: bytes)
    }

    /// The text's bytes as `plain(_:)` makes them, or nil when it holds fewer than nine digits.
    static func plainIfNine(_ text: String) -> [UInt8]? {
        // Most stories are plain ASCII: scanned by byte, the same rules; walking the text and asking
        // Unicode for each scalar's numeric value was a seventh of `validate`. And most texts hold
        // fewer than nine digits in all, so no number of nine: counted first, in the same pass
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
        guard digits >= 9 else { return nil }
        return ascii ? Array(text.utf8) : plain(text)
    }

    /// How a BSN is written: the lengths of its digit groups. The 4-2-3 form is the one on
    /// Dutch documents (`1234.56.782`); 2-2-2-3 is the old sofinummer's.
    public static let notationGroups: [[Int]] = [[9], [3, 3, 3], [4, 2, 3], [2, 2, 2, 3], [3, 2, 4], Array(repeating: 1, count: 9)]

    /// What joins the groups of a written BSN: one of these, the same one throughout.
    public static let joiningSeparators: [UInt8] = Array(" .-".utf8)

    /// The nine-digit numbers written as a BSN in text made plain, in the order they end.
    static func notations(in bytes: [UInt8]) -> [String] {
        let groups = digitGroups(in: bytes)
        // The one joining byte before each group, or 0.
        let joins = groups.indices.map { index -> UInt8 in
            guard index > 0, groups[index].lowerBound - groups[index - 1].upperBound == 1 else { return 0 }
            let between = bytes[groups[index].lowerBound - 1]
            return joiningSeparators.contains(between) ? between : 0
        }
        var found: [String] = []
        for last in groups.indices {
            for lengths in notationGroups where lengths.count <= last + 1 && lengths.last == groups[last].count {
                let first = last + 1 - lengths.count
                guard zip(groups[first...last], lengths).allSatisfy({ $0.count == $1 }),
                      lengths.count == 1 || joins[(first + 1)...last].allSatisfy({ $0 != 0 && $0 == joins[last] }) else { continue }
                let number = String(decoding: groups[first...last].flatMap { bytes[$0] }, as: UTF8.self)
                if passesElevenTest(number) { found.append(number) }
            }
        }
        return found
    }

    /// The text as `candidates(in:)` and `lookalikes(in:)` read it: any script's digits as ASCII digits, what shows as
    /// nothing left out, other separators as a space, and anything else as `x`. The server makes
    /// its text plain the same way, from the same lists (`BSNCharacters`).
    static func plain(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let digit = asciiDigit(scalar) {
                bytes.append(digit)
            } else if isInvisible(scalar) {
                continue  // a zero-width space, a soft hyphen or a combining mark changes nothing on screen
            } else if separators.contains(scalar) {
                bytes.append(scalar.isASCII ? UInt8(scalar.value) : UInt8(ascii: " "))
            } else {
                bytes.append(scalar.isASCII ? UInt8(scalar.value) : UInt8(ascii: "x"))
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

    /// What may stand between the digits of one number read loosely; those that are not ASCII are read as a space.
    public static let separators: Set<Unicode.Scalar> = Set(looseSeparators.map { Unicode.Scalar($0) }).union([
        "\u{00A0}", "\u{2007}", "\u{2009}", "\u{200A}", "\u{202F}", "\u{3000}",  // spaces: no-break, figure, thin, hair, narrow, ideographic
        "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}", "\u{FF0D}",  // hyphens, dashes, minus, full-width hyphen
        "\u{FF0E}", "\u{FF1A}",  // full-width full stop and colon
    ])

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
