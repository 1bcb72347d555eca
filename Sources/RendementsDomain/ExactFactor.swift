import Foundation

/// An exact decimal `significand × 10^exponent` in plain integers, for the hot path of
/// valuation: Foundation `Decimal` arithmetic allocates and was most of the time of a
/// report. Products are formed in 128-bit integers with checked overflow; anything that
/// does not fit falls back to `Decimal`, so results are the same to the cent either way.
public struct ExactFactor: Hashable, Sendable {
    public let significand: Int64
    public let exponent: Int32

    public init(significand: Int64, exponent: Int32) {
        self.significand = significand
        self.exponent = exponent
    }

    public static let one = ExactFactor(significand: 1, exponent: 0)

    /// The exact parts of a decimal, or nil when its significand needs more than 63 bits.
    ///
    /// Foundation keeps `Decimal`'s parts internal on Linux, so they are read from its
    /// memory: exponent (Int8), then length (high nibble) and sign (bit 3), two reserved
    /// bytes and eight 16-bit words of significand. That layout is checked once against
    /// known values; if a Foundation ever lays it out differently, this returns nil and
    /// every product takes the `Decimal` path instead: slower, never wrong.
    public init?(_ value: Decimal) {
        guard ExactFactor.layoutIsKnown, let parts = ExactFactor.read(value) else { return nil }
        self = parts
    }

    private static func read(_ value: Decimal) -> ExactFactor? {
        withUnsafeBytes(of: value) { raw -> ExactFactor? in
            guard raw.count == 20 else { return nil }
            let length = Int(raw[1] >> 4)
            guard length <= 4 else { return nil }
            var magnitude: UInt64 = 0
            for word in 0..<length {
                magnitude |= UInt64(raw[4 + 2 * word]) << (16 * UInt64(word)) | UInt64(raw[5 + 2 * word]) << (16 * UInt64(word) + 8)
            }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            let negative = raw[1] & 0x08 != 0
            return ExactFactor(significand: negative ? -Int64(magnitude) : Int64(magnitude), exponent: Int32(Int8(bitPattern: raw[0])))
        }
    }

    static let layoutIsKnown: Bool = {
        let samples: [(String, Int64, Int32)] = [("12.5", 125, -1), ("-3", -3, 0), ("100", 1, 2), ("1234567890123.456", 1_234_567_890_123_456, -3), ("0", 0, 0)]
        return samples.allSatisfy { text, significand, exponent in
            guard let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), let parts = read(decimal) else { return false }
            return parts.significand == significand && parts.exponent == exponent && Decimal(parts.significand) * pow(10, Int(exponent)) == decimal
        }
    }()

    /// `self × other`, or nil on overflow.
    public func times(_ other: ExactFactor) -> ExactFactor? {
        let (product, overflow) = significand.multipliedReportingOverflow(by: other.significand)
        guard !overflow else { return nil }
        return ExactFactor(significand: product, exponent: exponent + other.exponent)
    }

    /// `self ÷ 100`, exact.
    public var percent: ExactFactor { ExactFactor(significand: significand, exponent: exponent - 2) }
}

extension Money {
    /// `self × factor₁ × factor₂ × …` in integers, rounded half-even once; nil when an
    /// intermediate product does not fit 128 bits (the caller then uses `Decimal`).
    public func multipliedExactly(by factors: [ExactFactor]) -> Money? {
        var product = Int128(cents)
        var exponent: Int32 = 0
        for factor in factors {
            let (next, overflow) = product.multipliedReportingOverflow(by: Int128(factor.significand))
            guard !overflow else { return nil }
            product = next
            exponent += factor.exponent
        }
        if exponent >= 0 {
            for _ in 0..<exponent {
                let (next, overflow) = product.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                product = next
            }
        } else {
            guard exponent >= -36 else { return nil }
            var divisor: Int128 = 1
            for _ in 0..<(-exponent) { divisor *= 10 }
            let (quotient, remainder) = product.quotientAndRemainder(dividingBy: divisor)
            var rounded = quotient
            let twice = remainder.magnitude * 2
            if twice > divisor.magnitude || (twice == divisor.magnitude && quotient % 2 != 0) {
                rounded += product < 0 ? -1 : 1
            }
            product = rounded
        }
        guard let cents = Int64(exactly: product) else { return nil }
        return Money(cents: cents)
    }

    /// The one multiplication of money by factors: exact integers where they fit, `Decimal` otherwise.
    public func multiplied(by factors: [Decimal]) -> Money? {
        var exact: [ExactFactor] = []
        exact.reserveCapacity(factors.count)
        for factor in factors {
            guard let parts = ExactFactor(factor) else { return multipliedAsDecimal(by: factors) }
            exact.append(parts)
        }
        return multipliedExactly(by: exact) ?? multipliedAsDecimal(by: factors)
    }
}
