import Foundation
import Testing
@testable import RendementsDomain
@testable import RendementsStorage

/// The strict reader must read every file the app writes, and whatever it accepts must be what
/// Foundation's `JSONDecoder` makes of it: the fallback gives the verdict on everything else.
@Suite("The strict JSON reader of case files")
struct StrictJSONTests {
    static func foundation(_ data: Data) -> CaseRecord? { try? JSONDecoder().decode(CaseRecord.self, from: data) }

    @Test("every shipped case, 60 generated ones and one with hostile text: read by the strict reader, equal to JSONDecoder's")
    func readsWhatTheAppWrites() throws {
        let folder = try CaseIndexTests.business(60)
        let store = CaseStore(folder: folder.url)
        var hostile = CaseStoreTests.submittedSample("C-9001")
        hostile.avoided[0].reasoning = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\"\\//é e\u{301} 😀 \u{2028}\u{FEFF}\u{10FFFF} </x>"
        let written = try store.create { id in
            var copy = hostile
            copy.id = id
            return copy
        }
        var read = 0
        for directory in [Repository.cases, folder.url] {
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("C-") && $0.hasSuffix(".json") }
            for file in files {
                let data = try Data(contentsOf: directory.appendingPathComponent(file))
                let strict = try? StrictJSONDecoder.decode(CaseRecord.self, from: data)
                #expect(strict != nil && strict == Self.foundation(data), "\(file)")
                read += 1
            }
        }
        #expect(read == 7 + 61)
        let hostileData = try Data(contentsOf: folder.url.appendingPathComponent("\(written.id).json"))
        #expect(try StrictJSONDecoder.decode(CaseRecord.self, from: hostileData).avoided[0].reasoning == hostile.avoided[0].reasoning)
    }

    @Test("what it leaves to Foundation: each variant is refused by the strict reader, and the codec's verdict is JSONDecoder's")
    func refusesTheRest() throws {
        let data = try Data(contentsOf: Repository.cases.appendingPathComponent("C-0003.json"))
        let text = String(decoding: data, as: UTF8.self)
        func replacing(_ old: String, _ new: String) -> String {
            #expect(text.contains(old), "\(old)")
            return text.replacingOccurrences(of: old, with: new)
        }
        let variants: [(String, Data)] = [
            ("a key twice", Data(replacing("\"attribution\" : \"60\",", "\"attribution\" : \"60\",\n  \"attribution\" : \"61\",").utf8)),
            ("an escaped key", Data(replacing("\"attribution\" :", "\"attributio\\u006e\" :").utf8)),
            ("a key outside ASCII", Data(replacing("\"attribution\" : \"60\",", "\"attribution\" : \"60\", \"\u{212A}ey\" : 1,").utf8)),
            ("a version with a fraction", Data(replacing("\"schemaVersion\" : 2", "\"schemaVersion\" : 2.0").utf8)),
            ("a version with an exponent", Data(replacing("\"schemaVersion\" : 2", "\"schemaVersion\" : 2e0").utf8)),
            ("a byte order mark", Data([0xEF, 0xBB, 0xBF]) + data),
            ("a comma before the end", Data(replacing("\n}", ",\n}").utf8)),
            ("a lone surrogate", Data(replacing("\"Casemanager dementie", "\"\\ud800Casemanager dementie").utf8)),
            ("a tab inside a string", Data(replacing("\"Casemanager dementie", "\"Casemanager\tdementie").utf8)),
            ("invalid UTF-8", Data(replacing("\"Casemanager dementie", "\"Casemanager \u{1}dementie").utf8.map { $0 == 0x01 ? 0xC3 : $0 })),
            ("text after the end", data + Data("{}".utf8)),
            ("a leading zero", Data(replacing("\"revision\" : ", "\"revision\" : 0").utf8)),
            ("nested 300 deep", Data(replacing("\"attribution\" : \"60\",", "\"x\" : \(String(repeating: "[", count: 300))\(String(repeating: "]", count: 300)), \"attribution\" : \"60\",").utf8)),
        ]
        for (what, variant) in variants {
            #expect(throws: StrictJSONDocument.Refusal.self, "\(what)") { try StrictJSONDecoder.decode(CaseRecord.self, from: variant) }
            let codec = try? CaseCodec.decode(variant).get()
            #expect(codec == Self.foundation(variant), "\(what)")
        }
        #expect(Self.foundation(variants[3].1)?.schemaVersion == 2, "Foundation reads 2.0 as 2, through the fallback")
        #expect(Self.foundation(Data(replacing("\"Casemanager dementie", "\"\\u0043asemanager dementie").utf8)) ==
                (try StrictJSONDecoder.decode(CaseRecord.self, from: Data(replacing("\"Casemanager dementie", "\"\\u0043asemanager dementie").utf8))),
                "escapes in values are read as Foundation reads them")
    }

    /// SplitMix64: a fixed seed, so a failing mutation can be repeated.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("4,000 random small damages to a case file: whatever the strict reader accepts, JSONDecoder reads the same")
    func damagedFiles() throws {
        let data = [UInt8](try Data(contentsOf: Repository.cases.appendingPathComponent("C-0003.json")))
        let interesting: [UInt8] = Array("{}[]\":,\\ 0123456789.-+eEtrufalsn".utf8) + [0x00, 0x09, 0x0A, 0x80, 0xC3, 0xE2, 0xFF]
        var random = Seeded(state: 2026_11_25)
        var accepted = 0, agreed = 0
        for _ in 0..<4_000 {
            var bytes = data
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(interesting.randomElement(using: &random) ?? 0x20, at: at)
                case 2: bytes[at] = interesting.randomElement(using: &random) ?? 0x20
                default:
                    let end = min(bytes.count, at + Int.random(in: 1...40, using: &random))
                    bytes.insert(contentsOf: bytes[at..<end], at: end)
                }
            }
            guard let strict = try? StrictJSONDecoder.decode(CaseRecord.self, from: Data(bytes)) else { continue }
            accepted += 1
            let reference = Self.foundation(Data(bytes))
            if strict == reference { agreed += 1 } else {
                Issue.record("accepted differently: \(String(decoding: bytes, as: UTF8.self).prefix(2_000))")
            }
        }
        #expect(agreed == accepted)
        #expect(accepted >= 100, "enough damaged files still read to compare")
    }
}
