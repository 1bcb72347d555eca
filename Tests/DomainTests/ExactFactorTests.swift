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
        var state: UInt64 = 42
        func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (state >> 33) % bound
        }
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
