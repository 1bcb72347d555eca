import Foundation
import Testing
@testable import RendementsDomain

@Suite("Exact integer products agree with Decimal to the cent")
struct ExactFactorTests {
    @Test("Decimal's parts are read correctly on this Foundation (else every product would take the slow path)")
    func layout() {
        #expect(ExactFactor.layoutIsKnown)
        #expect(ExactFactor(Decimal(string: "62.5")!) == ExactFactor(significand: 625, exponent: -1))
        #expect(ExactFactor(Decimal(string: "-0.0001")!) == ExactFactor(significand: -1, exponent: -4))
        #expect(ExactFactor(Decimal(string: "99999999999999999999")!) == nil, "more than 63 bits falls back")
        #expect(Percentage(Decimal(string: "62.5")!)!.exactComplementFraction == ExactFactor(significand: 375, exponent: -3))
    }

    @Test("20,000 random lines: integers and Decimal give the same cents, ties to even included")
    func agreesWithDecimal() {
        var numbers = SeededNumbers(seed: 42)
        func next(_ bound: UInt64) -> UInt64 { numbers.next(bound) }
        func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }
        for _ in 0..<20_000 {
            let price = Money(cents: Int64(next(10_000_000)) + 1)
            let factors = [
                decimal("\(next(100_000)).\(next(1000))"),
                decimal("\(next(100)).\(next(10))") / 100,
                decimal("\(next(101))") / 100,
                decimal("0.\(next(10))5"),
            ]
            #expect(price.multiplied(by: factors) == price.multipliedAsDecimal(by: factors), "\(price.cents) × \(factors)")
        }
        // A tie: 0.5 cent rounds to even.
        #expect(Money(cents: 1).multiplied(by: [decimal("0.5")]) == Money(cents: 0))
        #expect(Money(cents: 3).multiplied(by: [decimal("0.5")]) == Money(cents: 2))
        #expect(Money(cents: -3).multiplied(by: [decimal("0.5")]) == Money(cents: -2))
    }
}

@Suite("Decimal text from integers is the text Foundation writes")
struct DecimalTextFormatTests {
    @Test("Samples and 20,000 random values: DecimalText.format equals NSDecimalString")
    func agreesWithFoundation() {
        func foundation(_ value: Decimal) -> String {
            var copy = value
            return NSDecimalString(&copy, Locale(identifier: "en_US_POSIX"))
        }
        let samples = ["0", "-0", "0.0", "1.50", "100", "0.05", "-3", "62.5", "1234567890123.456", "0.000001", "-0.10",
                       "999999999999999999", "120.000", "7"]
        var values = samples.map { DecimalText.parse($0)! }
        values += [Decimal(1) / 3, Decimal(string: "1e5")!, Decimal(string: "-2.5e3")!, Decimal(12) * Decimal(string: "1e20")!]
        var numbers = SeededNumbers(seed: 7)
        func next(_ bound: UInt64) -> UInt64 { numbers.next(bound) }
        for _ in 0..<20_000 {
            let significand = Decimal(next(1_000_000_000)) * Decimal(next(3) == 0 ? 1_000_000 : 1)
            let signed = next(4) == 0 ? -significand : significand
            values.append(Decimal(sign: signed < 0 ? .minus : .plus, exponent: Int(next(20)) - 12, significand: significand))
        }
        for value in values {
            #expect(DecimalText.format(value) == foundation(value), "\(foundation(value))")
        }
        #expect(DecimalText.format(DecimalText.parse("1.50")!) == "1.5")
        #expect(DecimalText.format(DecimalText.parse("100")!) == "100")
    }
}

@Suite("Bounds checked on a decimal's integer parts agree with comparing Decimals")
struct DecimalBoundsTests {
    @Test("edge texts and 20,000 random ones: parse(_:atLeastZeroAndAtMost:) equals parse and then comparing as Decimal")
    func agreesWithDecimalComparison() {
        var numbers = SeededNumbers(seed: 7)
        func next(_ bound: UInt64) -> UInt64 { numbers.next(bound) }
        func digits(_ count: UInt64) -> String { String((0..<count).map { _ in Character(String(next(10))) }) }
        var texts = ["0", "-0", "-0.0", "100", "100.0", "100.000000000000000", "100.00000000000000001", "99.999999999999999999",
                     "0.000000000000000001", "-0.000000000000000001", "101", "-1", "1e2", "", ".", "5.", ".5", " 75 ", "--1",
                     "999999999999999999", "9999999999999999999", "0.1234567890123456789", "100.", "1000000000000000000"]
        for _ in 0..<20_000 {
            let sign = next(5) == 0 ? "-" : ""
            texts.append(sign + digits(next(4)) + (next(2) == 0 ? "." + digits(next(20)) : ""))
        }
        for upper: Int64? in [nil, 0, 1, 100, 1_000_000, Int64.max] {
            for text in texts {
                let slow = DecimalText.parse(text).flatMap { value in value >= 0 && (upper.map { value <= Decimal($0) } ?? true) ? value : nil }
                #expect(DecimalText.parse(text, atLeastZeroAndAtMost: upper) == slow, "\(text) within 0…\(upper.map(String.init) ?? "∞")")
            }
        }
        #expect(Percentage(text: "100") == Percentage(100))
        #expect(Percentage(text: "100.01") == nil)
        #expect(Percentage(text: "33.333")?.value == Decimal(string: "33.333"))
    }
}
