extension BSN {
    /// The words that say a BSN follows.
    public static let labels = ["bsn", "burgerservicenummer", "sofinummer", "sofi-nummer"]

    private static let labelBytes = labels.map { Array($0.utf8) }
    private static let numberWords = ["nummer", "nr"].map { Array($0.utf8) }

    /// How far after its label (and a following `nummer` or `nr`) a BSN's digits are looked for:
    /// up to the first letter, at most this many characters.
    public static let labelReach = 30

    /// The BSNs right after a label, however their digits are set out (`BSN |1|2|3|4|5|6|7|8|2|`,
    /// `bsn.nr. 1234 567 82`) and with the leading zero Excel drops (`BSN 12345672`): the first
    /// nine digits, or the first eight read with a zero before them, that pass the eleven-test
    /// (helper-22, helper-23).
    static func labelled(in bytes: [UInt8]) -> [String] {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }
        func lower(_ byte: UInt8) -> UInt8 { isLetter(byte) ? byte | 0x20 : byte }
        func starts(_ word: [UInt8], at position: Int) -> Bool {
            position + word.count <= bytes.count && zip(bytes[position...], word).allSatisfy { lower($0) == $1 }
        }
        func skipOthers(_ position: inout Int) {
            while position < bytes.count, !isLetter(bytes[position]), !isDigit(bytes[position]) { position += 1 }
        }
        var found: [String] = []
        for start in bytes.indices where start == 0 || !isLetter(bytes[start - 1]) {
            // Every label begins with b or s: most positions are passed over at once.
            guard lower(bytes[start]) == UInt8(ascii: "b") || lower(bytes[start]) == UInt8(ascii: "s"),
                  let label = labelBytes.first(where: { starts($0, at: start) }) else { continue }
            var position = start + label.count
            skipOthers(&position)
            if let word = numberWords.first(where: { starts($0, at: position) }) {
                position += word.count
                skipOthers(&position)
            }
            var digits: [UInt8] = []
            for byte in bytes[position..<min(position + labelReach, bytes.count)] {
                if isLetter(byte) { break }
                if isDigit(byte) { digits.append(byte) }
            }
            // Nine digits, or eight with their leading zero dropped and another number after them
            // (`BSN 36625851, 45 jaar` read as ten digits passed: helper-23).
            let nine = String(decoding: digits.prefix(9), as: UTF8.self), eight = "0" + String(decoding: digits.prefix(8), as: UTF8.self)
            for number in [nine, eight] where digits.count >= 8 && passesElevenTest(number) && !found.contains(number) { found.append(number) }
        }
        return found
    }
}
