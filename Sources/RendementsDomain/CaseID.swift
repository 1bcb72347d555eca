/// The id of a case, `C-0001` … `C-999999999`: also its file name, so it is checked
/// before it is ever used as one, and its number can never overflow.
public enum CaseID {
    public static let digits = 4...9
    public static let maximumNumber = 999_999_999

    /// True for `C-` followed by four to nine ASCII digits, nothing else.
    public static func isValid(_ id: String) -> Bool { number(id) != nil }

    /// The number of a valid id.
    public static func number(_ id: String) -> Int? {
        let utf8 = Array(id.utf8)
        guard utf8.count >= 2 + digits.lowerBound, utf8.count <= 2 + digits.upperBound,
              utf8[0] == UInt8(ascii: "C"), utf8[1] == UInt8(ascii: "-") else { return nil }
        var value = 0
        for byte in utf8.dropFirst(2) {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// `C-0042`; nil past the largest number.
    public static func make(_ number: Int) -> String? {
        guard (1...maximumNumber).contains(number) else { return nil }
        let text = String(number)
        return "C-" + String(repeating: "0", count: max(0, digits.lowerBound - text.count)) + text
    }
}
