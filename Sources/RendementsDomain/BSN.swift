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

    /// Every number of exactly nine digits in the text that passes the eleven-test, as nine
    /// ASCII digits. Written the ways people write a BSN: with up to three spaces, dots,
    /// dashes, slashes, underscores or commas between digits (`111 222 333`, `1112.22.333`, `111-222-333`) and in any script's
    /// decimal digits (full-width `１１１２２２３３３` too).
    public static func candidates(in text: String) -> [String] {
        // Most stories are plain ASCII: scanned by byte, the same rules; walking characters
        // and asking Unicode for each one's numeric value was a seventh of `validate`. And most
        // texts hold fewer than nine digits in all, so no number of nine: counted first, in the
        // same pass (any script's decimal digits count, so the count never misses one).
        var digits = 0
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x80 {
                ascii = false
            } else if byte &- UInt8(ascii: "0") < 10 {
                digits += 1
            }
        }
        if ascii { return digits < 9 ? [] : asciiCandidates(in: text) }
        for scalar in text.unicodeScalars where !scalar.isASCII && scalar.properties.numericType == .decimal { digits += 1 }
        return digits < 9 ? [] : unicodeCandidates(in: text)
    }

    static func asciiCandidates(in text: String) -> [String] {
        var found: [String] = []
        var digits: [UInt8] = []
        var separatorRun = 0
        func close() {
            if digits.count == 9 {
                let number = String(decoding: digits, as: UTF8.self)
                if passesElevenTest(number) { found.append(number) }
            }
            digits.removeAll(keepingCapacity: true)
            separatorRun = 0
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits.append(byte)
                separatorRun = 0
            case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "_"), UInt8(ascii: ","):
                if !digits.isEmpty, separatorRun < 3 { separatorRun += 1 } else { close() }
            default:
                close()
            }
        }
        close()
        return found
    }

    static func unicodeCandidates(in text: String) -> [String] {
        var found: [String] = []
        var digits = ""
        var separatorRun = 0
        func close() {
            if digits.count == 9 && passesElevenTest(digits) { found.append(digits) }
            digits = ""
            separatorRun = 0
        }
        for character in text {
            if let digit = asciiDigit(character) {
                digits.append(digit)
                separatorRun = 0
            } else if !digits.isEmpty, separatorRun < 3, separators.contains(character) {
                separatorRun += 1  // "111 - 222 - 333": up to three separators between digits
            } else {
                close()
            }
        }
        close()
        return found
    }

    /// What may stand between the digits of one number.
    static let separators: Set<Character> = [" ", ".", "-", "/", "_", ",", "\u{00A0}", "\u{202F}", "\u{2010}", "\u{2011}", "\u{2013}", "\u{FF0E}", "\u{FF0D}", "\u{3000}"]

    /// The ASCII digit of any decimal digit (Arabic-Indic, full-width, …); nil for anything else.
    static func asciiDigit(_ character: Character) -> Character? {
        // Most characters of a story with accents are still ASCII: no need to ask Unicode's
        // tables about them (that lookup was most of checking such a story).
        if let ascii = character.asciiValue { return ascii >= 0x30 && ascii <= 0x39 && character.unicodeScalars.count == 1 ? character : nil }
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
              scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue,
              let digit = Int(exactly: value), (0...9).contains(digit) else { return nil }
        return Character(String(digit))
    }
}
