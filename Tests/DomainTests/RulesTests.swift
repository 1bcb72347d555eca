import Testing
@testable import RendementsDomain

@Suite("Domain rules: status flow, BSN guard, dates, percentages")
struct RulesTests {
    @Test("status flow: concept → ingediend → goedgekeurd, or teruggestuurd → ingediend")
    func statusFlow() {
        #expect(CaseStatus.concept.canMove(to: .ingediend))
        #expect(CaseStatus.ingediend.canMove(to: .goedgekeurd))
        #expect(CaseStatus.ingediend.canMove(to: .teruggestuurd))
        #expect(CaseStatus.teruggestuurd.canMove(to: .ingediend))
        #expect(!CaseStatus.concept.canMove(to: .goedgekeurd))
        #expect(!CaseStatus.goedgekeurd.canMove(to: .concept))
        #expect(!CaseStatus.teruggestuurd.canMove(to: .goedgekeurd))
    }

    @Test("eleven-test")
    func elevenTest() {
        #expect(BSN.passesElevenTest("111222333"))
        #expect(BSN.passesElevenTest("123456782"))
        #expect(!BSN.passesElevenTest("123456789"))
        #expect(!BSN.passesElevenTest("000000000"))
        #expect(!BSN.passesElevenTest("12345678"))
    }

    @Test("only nine-digit runs in text are candidates")
    func candidates() {
        #expect(BSN.candidates(in: "cliënt 111222333 belde") == ["111222333"])
        #expect(BSN.candidates(in: "telefoon 0612345678, kenmerk 1112223330") == [])
        #expect(BSN.candidates(in: "nummer 123456789") == [])
    }

    /// Random numbers below a bound from a fixed seed (a linear congruential generator), so a failure repeats.
    struct Seeded {
        private var state: UInt64

        init(_ seed: UInt64) { state = seed }

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test("the byte scan of ASCII text finds exactly what the Unicode scan finds (20,000 random texts)")
    func asciiScanAgrees() {
        let alphabet = Array("0123456789 .-/_,a\n\r")
        var random = Seeded(11)
        func next(_ bound: Int) -> Int { random.next(bound) }
        var found = 0
        for _ in 0..<20_000 {
            var text = String((0..<next(60)).map { _ in alphabet[next(alphabet.count) < 8 ? next(10) : next(alphabet.count)] })
            if next(3) == 0 { text += ["111 222 333", "123456782", "1 2 3 4 5 6 7 8 2"][next(3)] }
            let fast = BSN.candidates(in: Array(text.utf8))
            #expect(fast == BSN.candidates(in: BSN.plain(text)), "\(text)")
            found += fast.count
        }
        #expect(found == 4_011, "the fixed seed's texts hold this many numbers that pass the eleven test")
    }

    @Test("counting digits first skips no number: candidates equal the Unicode scan on 20,000 random texts in mixed scripts")
    func digitCountSkipsNothing() {
        // A digit one time in four: many texts hold fewer than nine, some more.
        let digits = Array("0123456789３٣１"), others = Array(" .-é\u{00A0}a")
        var random = Seeded(12)
        func next(_ bound: Int) -> Int { random.next(bound) }
        var found = 0
        for _ in 0..<20_000 {
            var text = String((0..<next(60)).map { _ in next(4) == 0 ? digits[next(digits.count)] : others[next(others.count)] })
            if next(3) == 0 { text += ["111 222 333", "１２３４５６７８２", "1 2 3 4 5 6 7 8 2", "11122233"][next(4)] }
            let candidates = BSN.candidates(in: text)
            var plain = BSN.plain(text)
            BSN.maskDates(&plain)
            #expect(candidates == BSN.candidates(in: plain), "\(text)")
            found += candidates.count
        }
        #expect(found == 3_919, "the fixed seed's texts hold this many numbers that pass the eleven test")
    }

    @Test("dates are no BSN: a period written with dates does not join into nine digits, a BSN beside a date is still found (helper-20)")
    func datesAreNoNumber() {
        for text in ["Begeleiding van 1-1-2025 - 1-10-2025, daarna afgeschaald.", "1/1/2025 - 5/11/2025", "periode 10-9-2025 – 3-3-2026",
                     "2025-06-30 - 2025-07-01", "1.1.2025 1.10.2025", "van 01-01-2025 t/m 01-10-2025"] {
            #expect(BSN.candidates(in: text).isEmpty, "\(text)")
        }
        for text in ["1-1-2025 111222333", "1-1-2025 111 222 333", "111-222-333 op 1-1-2025"] {
            #expect(BSN.candidates(in: text) == ["111222333"], "\(text)")
        }
        // Not dates, so still joined: a month 13, a year 1899, mixed separators, a first group of three digits.
        #expect(BSN.candidates(in: "1-13-2020 15") == ["113202015"])
        #expect(BSN.candidates(in: "1-1-1899 - 15-1") == ["111899151"])
        #expect(BSN.candidates(in: "1-1/2025 1-10") == ["112025110"])
        #expect(BSN.candidates(in: "101-1-2025 4") == ["101120254"])
    }

    @Test("the ASCII shortcut for one scalar's digit agrees with Unicode's numeric properties")
    func asciiDigitShortcut() {
        func byTheTables(_ scalar: Unicode.Scalar) -> UInt8? {
            guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue,
                  let digit = Int(exactly: value), (0...9).contains(digit) else { return nil }
            return UInt8(ascii: "0") + UInt8(digit)
        }
        let scalars = (0..<0x80).map { Unicode.Scalar(UInt8($0)) } + ["٣", "３", "é", "\u{301}"]
        for scalar in scalars {
            #expect(BSN.asciiDigit(scalar) == byTheTables(scalar), "\(scalar.value)")
        }
        #expect(scalars.compactMap(BSN.asciiDigit) == Array("0123456789".utf8) + Array("33".utf8))
    }

    @Test("a BSN written with spaces, dots, dashes or full-width digits is still found (issue 12, finding 6)")
    func normalisedCandidates() {
        for written in ["111 222 333", "1112.22.333", "111-222-333", "111.222.333", "１１１２２２３３３", "１１１ ２２２ ３３３", "111\u{00A0}222\u{00A0}333",
                        "BSN: 111 222 333.", "(111-222-333)",
                        "111 - 222 - 333", "111 -222- 333", "111/222/333", "111_222_333", "111,222,333", "111..222..333"] {
            #expect(BSN.candidates(in: "cliënt \(written) belde") == ["111222333"], "\(written)")
            #expect(PrivacyGuard.refusal(written) != nil, "\(written)")
        }
        #expect(BSN.candidates(in: "11    1222333") == [], "four separators end the number")
        #expect(BSN.candidates(in: "tel. 06-12345678") == [], "ten digits are not a BSN")
        #expect(BSN.candidates(in: "1 2 3 4 5 6 7 8 2") == ["123456782"], "single separators between digits are ignored")
        #expect(BSN.candidates(in: "bedragen 12, 34 en 56") == [])
        // Helper-19: next to another number, the separators joined both into one run of more than
        // nine digits; invisible characters, tabs, line ends, thin spaces, dashes and colons ended it.
        for written in ["BSN 111222333, 45 jaar oud.", "BSN 111222333 - 2 kinderen", "BSN: 111222333. 3 kinderen", "BSN 111222333/2024",
                        "op 12-03 111222333", "111\u{200B}222333", "1112\u{00AD}22333", "111222333\u{FE0F}", "1\u{301}11222333",
                        "111\u{2060}222\u{200E}333", "111\t222\t333", "111\n222\n333", "111\u{2009}222\u{2009}333", "111\u{2014}222\u{2014}333",
                        "111\u{2212}222\u{2212}333", "111:222:333", "1\u{034F}11222333"] {
            #expect(BSN.candidates(in: written) == ["111222333"], "\(written.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(PrivacyGuard.refusal("cliënt \(written) belde") != nil, "\(written)")
        }
        #expect(BSN.candidates(in: "111222333 111222333") == ["111222333", "111222333"], "each whole group of nine counts")
        #expect(BSN.candidates(in: "tel. 020-123 4567, dossier 2024-118") == [], "a phone number and a file number hold no nine-digit group")
    }

    @Test("dates: Dutch entry, ISO storage, impossible days refused")
    func dates() {
        #expect(CalendarDay(dutch: "30-06-2025")?.iso == "2025-06-30")
        #expect(CalendarDay(dutch: "1-2-2024")?.dutch == "01-02-2024")
        #expect(CalendarDay(dutch: "29-02-2023") == nil)
        #expect(CalendarDay(dutch: "29-02-2024") != nil)
        #expect(CalendarDay(iso: "2025-13-01") == nil)
        #expect(CalendarDay(iso: "2025-06-30")?.monthKey == "2025-06")
    }

    @Test("percentages stay within 0–100")
    func percentages() {
        #expect(Percentage(101) == nil)
        #expect(Percentage(-1) == nil)
        #expect(Percentage(100)?.fraction == 1)
        #expect(Fixture.percent(15).complement.value == 85)
    }
}
