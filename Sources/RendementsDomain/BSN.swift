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

    /// Every run of exactly nine ASCII digits in the text that passes the eleven-test.
    public static func candidates(in text: String) -> [String] {
        var found: [String] = []
        var run = ""
        for character in text + " " {
            if character.isASCII && character.isNumber {
                run.append(character)
            } else {
                if run.count == 9 && passesElevenTest(run) { found.append(run) }
                run = ""
            }
        }
        return found
    }
}
