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

/// The seal read off a file's bytes (`WrittenSeal`) must be the seal of the case as decoded,
/// or a file it does not match; a check with it finds exactly what the check without it finds.
@Suite("The content seal read off the file")
struct WrittenSealTests {
    static func file(_ folder: URL, _ id: String) throws -> (Data, CaseRecord) {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(id).json"))
        return (data, try CaseCodec.decode(data).get())
    }

    @Test("every shipped case, 60 generated ones and a case with hostile text: the file's bytes give the decoded case's seal")
    func sameAsDecoded() throws {
        let folder = try CaseIndexTests.business(60)
        let store = CaseStore(folder: folder.url)
        var hostile = CaseStoreTests.submittedSample("C-9001")
        hostile.avoided[0].reasoning = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\"\\//é e\u{301} 😀 \u{2028} </x>\\"
        // (ending in a backslash: the scan for a string's end counts the backslashes before a quote)
        try store.create { _ in hostile }
        var checked = 0
        for (directory, ids) in [(Repository.cases, try CaseStore(folder: Repository.cases).loadAll().records.map(\.id)),
                                 (folder.url, try store.loadAll().records.map(\.id))] {
            for id in ids {
                let (data, record) = try Self.file(directory, id)
                #expect(WrittenSeal.hash(data) == ContentSeal.hash(record), "\(id)")
                checked += 1
            }
        }
        #expect(checked == 7 + 61)
    }

    @Test("a file written otherwise gives another seal or none, and the check still finds what it found: reordered keys, escapes, a changed number, a missing part")
    func otherwiseWritten() throws {
        let (data, record) = try Self.file(Repository.cases, "C-0003")
        let text = String(decoding: data, as: UTF8.self)
        #expect(!record.history.isEmpty)
        let changedNumber = text.replacingOccurrences(of: "\"count\" : \"90\"", with: "\"count\" : \"91\"")
        #expect(changedNumber != text)
        let variants: [(String, String)] = [
            ("compact, keys in another order", String(decoding: try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: data)), as: UTF8.self)),
            ("an escaped letter", text.replacingOccurrences(of: "\"Casemanager dementie", with: "\"\\u0043asemanager dementie")),
            ("a changed number after approval", changedNumber),
            ("an attribution key twice", text.replacingOccurrences(of: "\"attribution\" : \"60\",", with: "\"attribution\" : \"60\",\n  \"attribution\" : \"60\",")),
            ("as written", text),
        ]
        var decodedVariants = 0
        for (what, variant) in variants {
            let bytes = Data(variant.utf8)
            guard case .success(let decoded) = CaseCodec.decode(bytes) else { continue }
            decodedVariants += 1
            let written = WrittenSeal.hash(bytes)
            #expect(written == ContentSeal.hash(decoded) || written != decoded.history.last?.contentHash, "\(what): a seal that matches is the true one")
            #expect(HistoryChain.problems(decoded, writtenSeal: written) == HistoryChain.problems(decoded, writtenSeal: nil), "\(what)")
        }
        #expect(decodedVariants == 5)
        let changed = try CaseCodec.decode(Data(changedNumber.utf8)).get()
        #expect(HistoryChain.problems(changed, writtenSeal: WrittenSeal.hash(Data(changedNumber.utf8))).count == 1,
                "a number changed after the last event is still found")
        #expect(WrittenSeal.hash(Data(text.utf8)) == record.history.last?.contentHash, "the file as the app wrote it needs no second computation")
    }
}
