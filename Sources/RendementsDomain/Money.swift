import Foundation

/// An exact amount of euros, held as integer cents.
///
/// Money is never floating point. Products with quantities and percentages are
/// computed in `Decimal` and rounded once, half-even, back to whole cents
/// (see `Money.roundedHalfEven(cents:)`).
public struct Money: Hashable, Comparable, Sendable {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }

    public static let zero = Money(cents: 0)

    /// Parses a plain decimal amount in euros such as `30.87` or `-12`.
    /// More than two decimals are refused rather than rounded silently.
    public init?(euros text: String) {
        // Straight to cents in integers: money is read for every line of every case.
        guard let (significand, exponent) = DecimalText.parts(text), exponent >= -2 else { return nil }
        var cents = significand
        for _ in 0..<(2 + exponent) {
            let (next, overflow) = cents.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            cents = next
        }
        self.cents = cents
    }

    /// Converts an amount in euros that has at most two decimals.
    public init?(exactEuros value: Decimal) {
        let cents = value * 100
        guard cents == DecimalText.rounded(cents, scale: 0, mode: .plain),
              let whole = DecimalText.int64(cents) else { return nil }
        self.cents = whole
    }

    /// The rounding rule of the whole product, in one place: a line's value is
    /// computed exactly in cents and rounded once, half to even (banker's rounding).
    public static func roundedHalfEven(cents value: Decimal) -> Money? {
        let rounded = DecimalText.rounded(value, scale: 0, mode: .bankers)
        guard let whole = DecimalText.int64(rounded) else { return nil }
        return Money(cents: whole)
    }

    /// `self × factor₁ × factor₂ × …` in `Decimal`, exact, rounded half-even once at the end
    /// (the fallback of `multiplied(by:)` for products beyond 128-bit integers).
    func multipliedAsDecimal(by factors: [Decimal]) -> Money? {
        var product = Decimal(cents)
        for factor in factors { product *= factor }
        return Money.roundedHalfEven(cents: product)
    }

    /// True within ± `ValueBounds.maximumLineCents`: what one line may be worth, so sums cannot overflow.
    public var isWithinLineBound: Bool { cents.magnitude <= UInt64(ValueBounds.maximumLineCents) }

    public var euros: Decimal { Decimal(cents) / 100 }

    /// `1234.56` — the machine form used in files.
    public var plainText: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static prefix func - (value: Money) -> Money { Money(cents: -value.cents) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.cents += rhs.cents }
    public static func -= (lhs: inout Money, rhs: Money) { lhs.cents -= rhs.cents }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
}

extension Money: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let money = Money(euros: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "geen geldig bedrag: '\(text)' (verwacht bijvoorbeeld 1234.56)")
        }
        self = money
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(plainText)
    }
}
