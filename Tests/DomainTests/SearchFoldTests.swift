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
        #expect(text.searchFolded == text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased())
    }
}
