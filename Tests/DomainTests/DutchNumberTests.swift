import Foundation
import Testing
@testable import RendementsDomain

@Suite("Dutch numbers as people type them")
struct DutchNumberTests {
    @Test("accepted forms", arguments: [
        ("1.234,56", "1234.56"), ("1234,56", "1234.56"), ("1234.56", "1234.56"), ("1.234", "1234"), ("1.234.567", "1234567"),
        ("0.5", "0.5"), ("0,5", "0.5"), ("-3,5", "-3.5"), ("-€ 1,00", "-1"), ("-€ 10.105,06", "-10105.06"), ("€ 1.234,56", "1234.56"), ("  42 ", "42"), ("12.3", "12.3"),
    ])
    func accepted(input: String, expected: String) {
        #expect(DutchNumber.parse(input) == Decimal(string: expected, locale: Locale(identifier: "en_US_POSIX")))
    }

    @Test("refused forms", arguments: ["", "abc", "12a", "1,2,3", "1e999", "1e5", "12,", "1.23.4", "--1", "1 000", "NaN", "0x10", "١٢"])
    func refused(input: String) {
        #expect(DutchNumber.parse(input) == nil)
    }

    @Test("numbers to read group thousands as amounts do, and read back as the same number (helper finding: 1500 uur)", arguments: [
        ("1500", "1.500"), ("999", "999"), ("2.5", "2,5"), ("12345.75", "12.345,75"), ("-1234567", "-1.234.567"), ("0.125", "0,125"), ("0", "0"),
    ])
    func readable(value: String, shown: String) throws {
        let number = try #require(Decimal(string: value, locale: Locale(identifier: "en_US_POSIX")))
        #expect(DutchNumber.readable(number) == shown)
        #expect(DutchNumber.parse(shown) == number)
    }

    @Test("counts group thousands")
    func counts() {
        #expect([0, 7, 999, 1000, 8967, 100_000, 1_000_200, -1500].map(DutchNumber.count) == ["0", "7", "999", "1.000", "8.967", "100.000", "1.000.200", "-1.500"])
    }

    @Test("a quantity reads with grouped thousands; history and drafts keep the plain form they always had")
    func quantities() {
        #expect(Quantity.count(1500).dutchText(unit: "uur") == "1.500 uur")
        #expect(Quantity.rate(amount: 2, per: "week", periods: 1040).dutchText(unit: "uur") == "2 uur per week × 1.040 weken")
        #expect(Quantity.count(1500).readableText == "1.500")
        #expect(Quantity.count(1500).dutchText == "1500")
        #expect(DutchNumber.decimal(1500) == "1500")
    }

    @Test("ratios have two decimals and a comma")
    func ratio() {
        #expect(DutchNumber.ratio(Decimal(string: "1.475")) == "1,48")
        #expect(DutchNumber.ratio(Decimal(2)) == "2,00")
        #expect(DutchNumber.ratio(nil) == "–")
    }
}
