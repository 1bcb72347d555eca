import Foundation
import Testing
@testable import RendementsDomain
@testable import RendementsStorage

/// The seal's bytes are made without `JSONEncoder` now; they must be the bytes it made,
/// or every approved case on disk would read as changed after approval.
@Suite("The content seal: the fast writer writes JSONEncoder's bytes")
struct ContentSealTests {
    @Test("Every shipped case and 60 varied generated cases: the same bytes as JSONEncoder with sorted keys")
    func sameBytesAsJSONEncoder() throws {
        let shipped = try CaseStore(folder: Repository.cases).loadAll().records
        let folder = try CaseIndexTests.business(60)
        let generated = try CaseStore(folder: folder.url).loadAll().records
        #expect(shipped.count == 7)
        #expect(generated.count == 60)
        for record in shipped + generated {
            let fast = try #require(CanonicalJSON.encode(ContentSeal.Content(record)))
            #expect(fast == ContentSeal.referenceContent(record), "\(record.id)")
        }
    }

    @Test("Hostile text: every control character, quotes, slashes, accents, combining marks, emoji and line separators")
    func hostileText() throws {
        var text = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }.joined()
        text += "\"\\//é e\u{301} ü ß € 😀 \u{2028}\u{2029}\u{FEFF}\u{10FFFF} <script>"
        var record = CaseStoreTests.sample("C-0001")
        record.avoided[0].reasoning = text
        record.deployed[0].note = String(text.reversed())
        record.effort.otherCosts[0].description = text
        let fast = try #require(CanonicalJSON.encode(ContentSeal.Content(record)))
        #expect(fast == ContentSeal.referenceContent(record))
        #expect(ContentSeal.hash(record) == sha256Hex(Data(ContentSeal.referenceContent(record))))
    }

    @Test("What the writer does not reproduce is left to JSONEncoder: numbers with a fraction, keys with digits; integers are written as JSONEncoder writes them")
    func unsupportedFallsBack() {
        struct Fraction: Encodable { let value = 0.5 }
        struct DigitKey: Encodable { let value = ["a1": "x", "b": "y"] }
        struct Plain: Encodable { let value = ["b": 1, "A": 2] }
        struct Integers: Encodable {
            let small: UInt8 = 5
            let large = UInt64.max
            let list: [Int16] = [-3, 4]
            let flag = true
            let absent: String? = nil
        }
        struct Nested: Encodable { let inner = [Fraction()] }
        #expect(CanonicalJSON.encode(Fraction()) == nil)
        #expect(CanonicalJSON.encode(DigitKey()) == nil)
        #expect(CanonicalJSON.encode(Decimal(1)) == nil)
        #expect(CanonicalJSON.encode(Nested()) == nil)
        let integers = CanonicalJSON.encode(Integers()).map { String(decoding: $0, as: UTF8.self) }
        #expect(integers == #"{"flag":true,"large":18446744073709551615,"list":[-3,4],"small":5}"#)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(integers == (try? encoder.encode(Integers())).map { String(decoding: $0, as: UTF8.self) })
        #expect(CanonicalJSON.encode(Plain()).map { String(decoding: $0, as: UTF8.self) } == #"{"value":{"A":2,"b":1}}"#)
    }
}
