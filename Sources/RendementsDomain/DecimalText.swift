import Foundation

/// Exact conversions between `Decimal` and text in the machine form (`1234.56`).
public enum DecimalText {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Parses `-12`, `0.5`, `1234.56`; refuses anything else (no exponents, no spaces).
    /// Built from integer parts: `Decimal(string:)` goes through a locale-aware scanner
    /// and was a large share of reading a business case.
    public static func parse(_ text: String) -> Decimal? {
        guard let (significand, exponent) = parts(text) else { return nil }
        return decimal(significand, exponent)
    }

    /// `parse`, for a value of at least 0 (and at most `upper`) only, checked on the integer
    /// parts: comparing `Decimal`s was 1.6 % of reading a business case.
    public static func parse(_ text: String, atLeastZeroAndAtMost upper: Int64?) -> Decimal? {
        guard let (significand, exponent) = parts(text), significand >= 0 else { return nil }
        if let upper {
            // significand × 10^exponent ≤ upper ⟺ significand ≤ upper × 10^-exponent; `parts` gives at most 18 decimals,
            // so 10^-exponent fits, and a product beyond Int64 is beyond any significand.
            let scale = (0 ..< -exponent).reduce(Int64(1)) { power, _ in power * 10 }
            let (limit, overflow) = upper.multipliedReportingOverflow(by: scale)
            guard overflow || significand <= limit else { return nil }
        }
        return decimal(significand, exponent)
    }

    private static func decimal(_ significand: Int64, _ exponent: Int) -> Decimal {
        Decimal(sign: significand < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(significand.magnitude))
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

    /// The shortest machine form: `12.5`, `-3`, `100`, `0.05`, as `NSDecimalString` writes it.
    /// Values whose parts fit 63 bits are written from integers: `NSDecimalString` divides by
    /// ten digit by digit and was a fifth of sealing a case's content.
    public static func format(_ value: Decimal) -> String {
        if let parts = ExactFactor(value), let text = format(significand: parts.significand, exponent: Int(parts.exponent)) {
            return text
        }
        var copy = value
        return NSDecimalString(&copy, posix)
    }

    /// `significand × 10^exponent` without trailing zeros after the point; nil when the
    /// exponent is beyond what a case can hold (the caller then asks Foundation).
    static func format(significand: Int64, exponent: Int) -> String? {
        guard exponent >= -38, exponent <= 38 else { return nil }
        guard significand != 0 else { return "0" }
        var magnitude = significand.magnitude
        var exponent = exponent
        while exponent < 0, magnitude % 10 == 0 {
            magnitude /= 10
            exponent += 1
        }
        var digits = Array(String(magnitude).utf8)
        if exponent > 0 {
            digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: exponent))
        } else if exponent < 0 {
            let decimals = -exponent
            if digits.count <= decimals {
                digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimals - digits.count + 1), at: 0)
            }
            digits.insert(UInt8(ascii: "."), at: digits.count - decimals)
        }
        if significand < 0 { digits.insert(UInt8(ascii: "-"), at: 0) }
        return String(decoding: digits, as: UTF8.self)
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
