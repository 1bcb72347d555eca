import Foundation

/// A percentage between 0 and 100 inclusive, exact (`75`, `62.5`).
public struct Percentage: Hashable, Comparable, Sendable {
    public let value: Decimal

    public init?(_ value: Decimal) {
        guard value >= 0, value <= 100 else { return nil }
        self.value = value
    }

    /// A percentage written as text (`75`, `33.333`), as a case file holds it.
    public init?(text: String) {
        guard let value = DecimalText.parse(text, atLeastZeroAndAtMost: 100) else { return nil }
        self.value = value
    }

    public static let full = Percentage(uncheckedValue: 100)
    public static let zero = Percentage(uncheckedValue: 0)

    private init(uncheckedValue: Decimal) { value = uncheckedValue }

    /// The factor to multiply by: 75 % → 0.75.
    /// Moves the decimal point instead of dividing: the same value, and Decimal division
    /// was a tenth of valuing a case with multi-year lines.
    public var fraction: Decimal { Decimal(sign: value.sign, exponent: value.exponent - 2, significand: value.significand) }

    /// `1 − p`, for corrections stated as a loss (deadweight, displacement).
    public var complement: Percentage { Percentage(uncheckedValue: 100 - value) }

    /// `fraction` as exact integer parts (the valuation hot path).
    public var exactFraction: ExactFactor? { ExactFactor(value)?.percent }

    /// `complement.fraction` as exact integer parts: (100 − p) ÷ 100.
    public var exactComplementFraction: ExactFactor? {
        guard let parts = ExactFactor(value), parts.exponent <= 0, parts.exponent >= -16 else { return nil }
        var hundred: Int64 = 100
        for _ in 0..<(-parts.exponent) { hundred *= 10 }
        return ExactFactor(significand: hundred - parts.significand, exponent: parts.exponent - 2)
    }

    public var dutchText: String { "\(DutchNumber.decimal(value)) %" }

    public static func < (lhs: Percentage, rhs: Percentage) -> Bool { lhs.value < rhs.value }
}

extension Percentage: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let percentage = Percentage(text: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "geen geldig percentage tussen 0 en 100: '\(text)'")
        }
        self = percentage
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(DecimalText.format(value))
    }
}
