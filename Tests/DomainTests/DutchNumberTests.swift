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

    @Test("ratios have two decimals and a comma")
    func ratio() {
        #expect(DutchNumber.ratio(Decimal(string: "1.475")) == "1,48")
        #expect(DutchNumber.ratio(Decimal(2)) == "2,00")
        #expect(DutchNumber.ratio(nil) == "–")
    }
}
