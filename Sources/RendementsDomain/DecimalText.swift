import Foundation

/// Exact conversions between `Decimal` and text in the machine form (`1234.56`).
public enum DecimalText {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Parses `-12`, `0.5`, `1234.56`; refuses anything else (no exponents, no spaces).
    /// Built from integer parts: `Decimal(string:)` goes through a locale-aware scanner
    /// and was a large share of reading a business case.
    public static func parse(_ text: String) -> Decimal? {
        guard let (significand, exponent) = parts(text) else { return nil }
        return Decimal(sign: significand < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(significand.magnitude))
    }

    /// The exact integer parts of `-12`, `0.5`, `1234.56`: (significand, exponent).
    /// Surrounding spaces are allowed; at most 18 digits, so the significand fits Int64.
    public static func parts(_ text: String) -> (Int64, Int)? {
        var utf8 = Substring(text).utf8
        while utf8.first == UInt8(ascii: " ") { utf8 = utf8.dropFirst() }
        while utf8.last == UInt8(ascii: " ") { utf8 = utf8.dropLast() }
        var negative = false
        if utf8.first == UInt8(ascii: "-") {
            negative = true
            utf8 = utf8.dropFirst()
        }
        var significand: Int64 = 0
        var digits = 0
        var decimals = 0
        var dotSeen = false
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 18 else { return nil }
                significand = significand * 10 + Int64(byte - UInt8(ascii: "0"))
                if significand > 0 || dotSeen { digits += 1 }
                if dotSeen { decimals += 1 }
            case UInt8(ascii: ".") where !dotSeen:
                dotSeen = true
            default:
                return nil
            }
        }
        // At least one digit, and not a lone dot or a trailing or leading dot without digits on both sides.
        guard utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return (negative ? -significand : significand, -decimals)
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
