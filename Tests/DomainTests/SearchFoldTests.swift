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
}
