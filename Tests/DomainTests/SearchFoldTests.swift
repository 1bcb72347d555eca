import Foundation
import Testing
@testable import RendementsDomain

@Suite("Search folding: the ASCII fast path folds as Foundation does")
struct SearchFoldTests {
    @Test("Every ASCII character, and accented text through Foundation")
    func asciiAsFoundation() {
        let ascii = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }.joined()
        let foundation = ascii.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        #expect(ascii.searchFolded == foundation)
        #expect("Résumé re\u{301}sume\u{301} RESUME".searchFolded == "resume resume resume")
        #expect("Schulden BIJ de Gemeente".searchFolded == "schulden bij de gemeente")
    }

    @Test("Mixed text folds run by run exactly as Foundation folds it whole", arguments: [
        "De financiële situatie van Ëlla (ideeën, ÇA, Straße, ǅ, ﬁ, ΣΑΣ, İstanbul)",
        "e\u{301}e\u{301}E\u{301} na Ä\u{308} 😀 \u{2028}x\r\ny Ω ω Å Å 日本 Ǳ",
        "é", "Aé", "éA", "", "A\u{301}BC",
    ])
    func mixedAsFoundation(text: String) {
        #expect(text.searchFolded == text.decomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased())
    }

    @Test("a ligature is its letters: 'Ĳssel' is found by 'ijssel' as typed (helper finding), 'ﬁets' by 'fiets', full-width letters by plain ones")
    func ligatures() {
        #expect("Verhuisd naar Ĳsselstein, ĳverig".searchFolded == "verhuisd naar ijsselstein, ijverig")
        #expect("ﬁets ＡＢＣ".searchFolded == "fiets abc")
        #expect("ĳssel".searchFolded == "ijssel", "a query typed with the ligature finds the plain spelling too")
        #expect("zelf\u{AD}redzaam zero\u{200B}width ĳ\u{FEFF}s".searchFolded == "zelfredzaam zerowidth ijs", "invisible characters pasted from Word are no letters")
    }

    @Test("accented Latin-1 letters folded by table: 20,000 mixed texts fold as Foundation folds them run by run")
    func latinTable() {
        // Every Latin-1 letter, combining accents, other scripts and plain ASCII, mixed at random.
        let pieces = (0xC0...0xFF).compactMap { Unicode.Scalar($0).map { String(Character($0)) } }
            + ["\u{301}", "\u{308}", "\u{327}", "ø", "Ω", "ǅ", "ﬁ", "İ", "日", "😀", "ĳ", "Ÿ", "€"]
            + ["a", "E", "z", "Q", " ", ".", "1", "-", "\n", "cliënt", "CAFÉ", "ideeën"]
        // A fixed sequence of picks (a linear congruential step), so a failure can be repeated.
        var state: UInt64 = 2026_11_26
        func pick(_ count: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(count))
        }
        var differ: [String] = []
        for _ in 0..<20_000 {
            let text = (0...pick(8)).map { _ in pieces[pick(pieces.count)] }.joined()
            let bytes = Array(text.utf8)
            if String.folded(bytes, latinTable: true) != String.folded(bytes, latinTable: false) { differ.append(text) }
        }
        #expect(differ.isEmpty, "\(differ.prefix(5))")
        #expect("Financiële ÉÉN Ïsa Øre Straße".searchFolded == "financiele een isa øre strasse")
    }
}
