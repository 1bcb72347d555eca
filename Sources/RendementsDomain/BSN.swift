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

    /// Every number of nine digits in the text that passes the eleven-test, as nine ASCII digits.
    /// Written the ways people write a BSN: with up to three spaces, dots, dashes, slashes,
    /// underscores, commas, colons, tabs or line ends between digits (`111 222 333`,
    /// `1112.22.333`, `111-222-333`), in any script's decimal digits (full-width `１１１２２２３３３`
    /// too), with invisible characters (a zero-width space, a soft hyphen, a combining mark)
    /// anywhere in it, and next to other numbers: in `BSN 111222333, 45 jaar` the separators join
    /// the BSN and the age into one run, so every whole group of digits, and every series of
    /// neighbouring groups, that holds nine digits is a candidate (helper-19).
    public static func candidates(in text: String) -> [String] {
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
        guard digits >= 9 else { return [] }
        var bytes = ascii ? Array(text.utf8) : plain(text)
        maskDates(&bytes)
        return candidates(in: bytes)
    }

    /// The digit groups of one run (digits with at most three separators between them), and
    /// the nine-digit numbers found in the runs closed so far.
    struct Runs {
        private(set) var found: [String] = []
        private var groups: [[UInt8]] = []
        private var group: [UInt8] = []
        private var separators = 0

        mutating func digit(_ ascii: UInt8) {
            group.append(ascii)
            separators = 0
        }

        mutating func separator() {
            guard !group.isEmpty || !groups.isEmpty, separators < 3 else { return close() }
            if !group.isEmpty { groups.append(group) }
            group = []
            separators += 1
        }

        /// Ends the run: each whole group, or series of neighbouring groups, of nine digits is a candidate.
        mutating func close() {
            if !group.isEmpty { groups.append(group) }
            for first in groups.indices {
                var number: [UInt8] = []
                for next in groups[first...] {
                    number += next
                    if number.count >= 9 { break }
                }
                guard number.count == 9 else { continue }
                let text = String(decoding: number, as: UTF8.self)
                if passesElevenTest(text) { found.append(text) }
            }
            groups = []
            group = []
            separators = 0
        }
    }

    /// The nine-digit numbers in text made plain (ASCII digits and separators; anything else ends a run).
    static func candidates(in bytes: [UInt8]) -> [String] {
        var runs = Runs()
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): runs.digit(byte)
            case _ where asciiSeparators.contains(byte): runs.separator()
            default: runs.close()
            }
        }
        runs.close()
        return runs.found
    }

    /// The text as `candidates(in:)` reads it: any script's digits as ASCII digits, what shows as
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

    /// Turns dates into `x`: a period written `1-1-2025 - 1-10-2025` joined into the nine digits
    /// 112025110, which pass the eleven-test, so one in eleven date ranges was refused as a BSN
    /// (helper-20). A date is a day, month and year (`d-m-jjjj`) or a year, month and day
    /// (`jjjj-m-d`), with `-`, `/` or `.` twice, day 1–31, month 1–12, year 1900–2099, between
    /// non-digits. The server's `rm_has_bsn` masks the same dates with one regular expression.
    static func maskDates(_ bytes: inout [UInt8]) {
        var start = 0
        while start < bytes.count {
            guard isDigit(bytes[start]), start == 0 || !isDigit(bytes[start - 1]), let end = dateEnd(bytes, from: start) else {
                start += 1
                continue
            }
            for position in start..<end { bytes[position] = UInt8(ascii: "x") }
            start = end
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// Where a date that begins at `start` ends, or nil.
    private static func dateEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        func group(at position: Int) -> (value: Int, end: Int) {
            var end = position
            var value = 0
            while end < bytes.count, isDigit(bytes[end]), end - position < 5 {
                value = value * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                end += 1
            }
            return (value, end)
        }
        let first = group(at: start)
        guard first.end < bytes.count, let separator = Array("-/.".utf8).first(where: { $0 == bytes[first.end] }) else { return nil }
        let second = group(at: first.end + 1)
        guard second.end > first.end + 1, second.end < bytes.count, bytes[second.end] == separator else { return nil }
        let third = group(at: second.end + 1)
        guard third.end > second.end + 1, third.end == bytes.count || !isDigit(bytes[third.end]) else { return nil }
        let lengths = (first.end - start, second.end - first.end - 1, third.end - second.end - 1)
        let (day, month, year): (Int, Int, Int)
        switch lengths {
        case (1...2, 1...2, 4): (day, month, year) = (first.value, second.value, third.value)
        case (4, 1...2, 1...2): (day, month, year) = (third.value, second.value, first.value)
        default: return nil
        }
        return (1...31).contains(day) && (1...12).contains(month) && (1900...2099).contains(year) ? third.end : nil
    }

    /// What may stand between the digits of one number, in ASCII: space, `.`, `-`, `/`, `_`, `,`, `:`, tab and line ends.
    public static let asciiSeparators: [UInt8] = Array(" .-/_,:\t\n\r".utf8)

    /// What may stand between the digits of one number.
    public static let separators: Set<Unicode.Scalar> = Set(asciiSeparators.map { Unicode.Scalar($0) }).union([
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
