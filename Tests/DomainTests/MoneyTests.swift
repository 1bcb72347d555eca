import Foundation
import Testing
@testable import RendementsDomain

@Suite("Money: exact cents, half-even rounding once")
struct MoneyTests {
    @Test("half-even rounding sends exact halves to the even cent", arguments: [
        ("0.5", 0), ("1.5", 2), ("2.5", 2), ("3.5", 4), ("-2.5", -2), ("-3.5", -4), ("2.4999", 2), ("2.5001", 3),
    ])
    func halfEven(centsText: String, expected: Int64) throws {
        let value = try #require(Decimal(string: centsText, locale: Locale(identifier: "en_US_POSIX")))
        #expect(Money.roundedHalfEven(cents: value)?.cents == expected)
    }

    @Test("public test vectors (Deccos Meetstandaard energiearmoede 0.9), corrections multiplied in order")
    func publicVectors() {
        let base = Fixture.money("53300")
        let attribution = Fixture.percent(75)
        let displacement = Fixture.percent(15).complement
        let expected = [(10, "30580.88"), (25, "25484.06"), (50, "16989.38")]
        for (deadweight, result) in expected {
            let factors = [Fixture.percent(Decimal(deadweight)).complement.fraction, attribution.fraction, displacement.fraction]
            #expect(base.multiplied(by: factors) == Fixture.money(result))
        }
    }

    @Test("corrections multiply (0.9 × 0.8 × 0.7 = 0.504), they never add up to 0.40")
    func correctionsMultiply() {
        let thousand = Fixture.money("1000")
        let factors = [Decimal(10), 20, 30].map { Fixture.percent($0).complement.fraction }
        #expect(thousand.multiplied(by: factors) == Fixture.money("504.00"))
    }

    @Test("a line is rounded once, not after every factor")
    func roundedOncePerLine() {
        // 1 cent × 0.5 × 3 = 1.5 cents → 2 cents. Rounding after × 0.5 would give 0 cents, × 3 = 0.
        #expect(Money(cents: 1).multiplied(by: [Decimal(string: "0.5") ?? 0, 3]) == Money(cents: 2))
    }

    @Test("parsing refuses more than two decimals instead of rounding silently")
    func exactParsing() {
        #expect(Money(euros: "30.87")?.cents == 3087)
        #expect(Money(euros: "-12")?.cents == -1200)
        #expect(Money(euros: "30.875") == nil)
        #expect(Money(euros: "1e3") == nil)
        #expect(Money(euros: "abc") == nil)
    }

    @Test("file form and Dutch form")
    func formatting() {
        #expect(Fixture.money("1234.5").plainText == "1234.50")
        #expect(Money(cents: -5).plainText == "-0.05")
        #expect(DutchNumber.euro(Fixture.money("1234567.89")) == "€ 1.234.567,89")
        #expect(DutchNumber.euro(Fixture.money("-10105.06")) == "-€ 10.105,06")
        #expect(DutchNumber.euroWhole(Fixture.money("2.50")) == "€ 2")
        #expect(DutchNumber.euroWhole(Fixture.money("3.50")) == "€ 4")
    }

    @Test("JSON stores money as exact text")
    func codable() throws {
        let data = try JSONEncoder().encode([Fixture.money("0.10")])
        #expect(String(decoding: data, as: UTF8.self) == "[\"0.10\"]")
        #expect(try JSONDecoder().decode([Money].self, from: data) == [Money(cents: 10)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Money].self, from: Data("[\"0.105\"]".utf8)) }
    }
}
