import Foundation

/// Exact conversions between `Decimal` and text in the machine form (`1234.56`).
public enum DecimalText {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Parses `-12`, `0.5`, `1234.56`; refuses anything else (no exponents, no spaces).
    public static func parse(_ text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var digitsSeen = false
        var dotSeen = false
        for (index, character) in trimmed.enumerated() {
            switch character {
            case "0"..."9": digitsSeen = true
            case "-" where index == 0: continue
            case "." where !dotSeen: dotSeen = true
            default: return nil
            }
        }
        guard digitsSeen, trimmed.count <= 30 else { return nil }
        return Decimal(string: trimmed, locale: posix)
    }

    public static func format(_ value: Decimal) -> String {
        var copy = value
        return NSDecimalString(&copy, posix)
    }

    public static func rounded(_ value: Decimal, scale: Int, mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, scale, mode)
        return output
    }

    /// The value as an `Int64` when it is a whole number in range.
    public static func int64(_ value: Decimal) -> Int64? {
        guard value == rounded(value, scale: 0, mode: .plain) else { return nil }
        let limit = Decimal(Int64.max)
        guard value <= limit, value >= -limit else { return nil }
        return Int64(format(value))
    }
}
