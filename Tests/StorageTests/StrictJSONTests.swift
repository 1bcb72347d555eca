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
                // The seal written from the parse is the seal read off the bytes.
                let sealed = WrittenSeal.hash(data)
                let fromParse = WrittenSeal.hash(try StrictJSONDocument([UInt8](data)))
                #expect(sealed != nil && fromParse == sealed, "\(file)")
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

    @Test("care lines read off the document without Codable: every variant reads as the Codable path and JSONDecoder read it, or is left to them")
    func careLines() throws {
        let item = #"{"code":"WMO-HH","description":"Huishoudelijke hulp","grade":"groen","kind":"kosten","law":"wmo","priceYear":2024,"unit":"uur","unitPrice":"36.50"}"#
        let full = #"{"certainty":"gedocumenteerd","dropOff":"25","highLikelihood":"90","highQuantity":{"count":"12"},"horizonYears":3,"#
            + #""item":\#(item),"likelihood":"60","lowLikelihood":"30","lowQuantity":{"count":"2.5"},"quantity":{"count":"6"},"reasoning":"Viel \"vaak\" \u00e9\u0301n keer"}"#
        func replacing(_ text: String, _ old: String, _ new: String) -> String {
            #expect(text.contains(old), "\(old)")
            return text.replacingOccurrences(of: old, with: new)
        }
        var avoided = [full, #"{"item":\#(item),"likelihood":"60","quantity":{"count":"6"},"reasoning":""}"#]
        for optional in ["certainty", "dropOff", "highLikelihood", "highQuantity", "horizonYears", "lowLikelihood", "lowQuantity"] {
            let value = try #require(full.range(of: "\"\(optional)\":"))
            let rest = full[value.upperBound...]
            let end = rest.hasPrefix("{") ? try #require(rest.firstIndex(of: "}")).utf16Offset(in: full) + 1
                : try #require(rest.firstIndex(of: ",")).utf16Offset(in: full)
            let member = String(full[value.lowerBound..<String.Index(utf16Offset: end, in: full)])
            avoided.append(replacing(full, member, "\"\(optional)\":null"))
            avoided.append(replacing(full, member + ",", ""))
        }
        let changes: [(String, String)] = [
            (#""certainty":"gedocumenteerd""#, #""certainty":"onbekend""#), (#""grade":"groen""#, #""grade":null"#),
            (#""grade":"groen""#, #""grade":"paars""#), (#""grade":"groen","#, ""), (#""kind":"kosten""#, #""kind":"transfer""#),
            (#""kind":"kosten""#, #""kind":"x""#), (#""kind":"kosten""#, #""kind":null"#), (#""priceYear":2024"#, #""priceYear":"2024""#),
            (#""priceYear":2024"#, #""priceYear":2024.0"#), (#""priceYear":2024"#, #""priceYear":-7"#), (#""unitPrice":"36.50""#, #""unitPrice":"36,50""#),
            (#""unitPrice":"36.50""#, #""unitPrice":36.5"#), (#""unitPrice":"36.50""#, #""unitPrice":"-1""#), (#""horizonYears":3"#, #""horizonYears":"3""#),
            (#""horizonYears":3"#, #""horizonYears":2.5"#), (#""horizonYears":3"#, #""horizonYears":-1"#), (#""likelihood":"60""#, #""likelihood":"101""#),
            (#""likelihood":"60""#, #""likelihood":60"#), (#""likelihood":"60""#, #""likelihood":"zestig""#), (#""likelihood":"60""#, #""likelihood":null"#),
            (#""quantity":{"count":"6"}"#, #""quantity":{"rate":"2","per":"week","periods":"26"}"#),
            (#""quantity":{"count":"6"}"#, #""quantity":{"count":"6","rate":"x"}"#), (#""quantity":{"count":"6"}"#, #""quantity":{"rate":"2","periods":"26"}"#),
            (#""quantity":{"count":"6"}"#, #""quantity":{"rate":"2","per":7,"periods":"26"}"#), (#""quantity":{"count":"6"}"#, #""quantity":{"count":"-1"}"#),
            (#""quantity":{"count":"6"}"#, #""quantity":{"count":6}"#), (#""quantity":{"count":"6"}"#, #""quantity":{"count":null}"#),
            (#""quantity":{"count":"6"}"#, #""quantity":"6""#), (#""quantity":{"count":"6"}"#, #""quantity":{}"#),
            (#""reasoning":"Viel"#, #""toelichting":"x","reasoning":"Viel"#), (#""reasoning":"Viel \"vaak\" \u00e9\u0301n keer""#, #""reasoning":null"#),
            (#""reasoning":"Viel \"vaak\" \u00e9\u0301n keer""#, #""reasoning":["x"]"#), (#","reasoning":"Viel \"vaak\" \u00e9\u0301n keer""#, ""),
            (#""item":{"#, #""item":{"extra":{"a":[1,2]},"#), (#""code":"WMO-HH","#, ""), (#""description":"Huishoudelijke hulp""#, #""description":"H\u00fclp""#),
        ]
        avoided += changes.map { replacing(full, $0.0, $0.1) }
        let deployed = [#"{"item":\#(item),"note":"","quantity":{"count":"3"}}"#, #"{"item":\#(item),"quantity":{"count":"3"}}"#,
                        #"{"item":\#(item),"note":null,"quantity":{"count":"3"}}"#, #"{"item":\#(item),"note":"n","quantity":{"count":"3"},"x":1}"#,
                        #"{"item":\#(item),"note":"n","quantity":{"rate":"1","per":"maand","periods":"12"}}"#, #"{"item":"WMO-HH","note":"","quantity":{"count":"3"}}"#]
        func compare<Line: Codable & Equatable>(_ json: String, _ type: Line.Type, _ fast: (CaseDocumentReader, Int) -> Line?) throws -> Bool {
            guard let document = try? StrictJSONDocument(Array(json.utf8)) else {
                Issue.record("not read by the strict parser: \(json)")
                return false
            }
            let source = StrictJSONDecoder.Source(document)
            let codable = try? Line(from: StrictJSONDecoder.NodeDecoder(source: source, node: 0))
            let read = fast(CaseDocumentReader(document: document), 0)
            let foundation = try? JSONDecoder().decode(Line.self, from: Data(json.utf8))
            // The strict reader may leave a file to Foundation (2024.0 for a year), never read it otherwise.
            #expect(read == codable, "\(json)")
            #expect(codable == nil || codable == foundation, "\(json)")
            let lines = try? StrictJSONDecoder.decode([Line].self, from: Data("[\(json),\(json)]".utf8))
            #expect(lines == codable.map { [$0, $0] }, "as an array: \(json)")
            return read != nil
        }
        let readAvoided = try avoided.filter { try compare($0, AvoidedCareLine.self) { $0.avoided($1) } }.count
        let readDeployed = try deployed.filter { try compare($0, DeployedCareLine.self) { $0.deployed($1) } }.count
        #expect(readAvoided == 27 && readDeployed == 3, "read: \(readAvoided) of \(avoided.count) avoided, \(readDeployed) of \(deployed.count) deployed")
    }

    @Test("a whole case read off the document without Codable: every field removed, null or of another type reads as the Codable path reads it")
    func wholeCaseVariants() throws {
        var record = CaseStoreTests.submittedSample("C-0042")
        record.context.lifeDomains = [.financien, .wonen]
        record.effort = OwnEffort(law: "wmo", workers: [WorkerHours(rateCode: "sociaal-werker", description: "Sociaal werker", hours: 12.5, hourlyRate: Money(cents: 8_650))],
                                  volunteerHours: 3, volunteerRate: Money(cents: 1_500), otherCosts: [OtherCost(description: "Reiskosten", amount: Money(cents: 2_345))])
        record.original = CaseEstimate(deployed: record.deployed, avoided: record.avoided, attribution: record.attribution)
        var event = CaseEvent(at: "2026-11-24T10:15:00Z", by: "sw-bram", action: .status, field: "status", old: "concept", new: "ingediend", reason: "klaar")
        event.previousHash = ""
        event.hash = "ab"
        event.contentHash = "cd"
        record.history = [event]
        record.historyHead = "ab"
        record.provenance = CaseProvenance(sourceID: "C-0007", sourceFile: "C-0007.json", sourceStatus: .goedgekeurd, history: [event], historyHead: "ab")
        let tree = try #require(try JSONSerialization.jsonObject(with: try CaseCodec.encode(record)) as? [String: Any])

        // Every path into objects and the first element of arrays, with what can be done to it.
        func paths(_ value: Any, _ path: [Any]) -> [[Any]] {
            if let object = value as? [String: Any] { return [path] + object.keys.sorted().flatMap { paths(object[$0] as Any, path + [$0]) } }
            if let array = value as? [Any], let first = array.first { return [path] + paths(first, path + [0]) }
            return [path]
        }
        func changing(_ value: Any, _ path: ArraySlice<Any>, _ change: (Any?) -> Any?) -> Any? {
            guard let step = path.first else { return change(value) }
            if var object = value as? [String: Any], let key = step as? String {
                object[key] = changing(object[key] as Any, path.dropFirst(), change)
                return object
            }
            if var array = value as? [Any], let index = step as? Int {
                if let changed = changing(array[index], path.dropFirst(), change) { array[index] = changed } else { array.remove(at: index) }
                return array
            }
            return value
        }
        let changes: [(String, (Any?) -> Any?)] = [("removed", { _ in nil }), ("null", { _ in NSNull() }), ("7", { _ in 7 }),
                                                    ("text", { _ in "x" }), ("[]", { _ in [Any]() }), ("{}", { _ in [String: Any]() }),
                                                    ("2.5", { _ in 2.5 }), ("true", { _ in true })]
        var compared = 0, read = 0
        for path in paths(tree, []).dropFirst() {
            for (what, change) in changes {
                guard let changed = changing(tree, path[...], change),
                      let data = try? JSONSerialization.data(withJSONObject: changed, options: [.sortedKeys]) else { continue }
                let document = try StrictJSONDocument([UInt8](data))
                let codable = try? CaseRecord(from: StrictJSONDecoder.NodeDecoder(source: StrictJSONDecoder.Source(document), node: 0))
                let direct = CaseDocumentReader(document: document).record(0)
                #expect(direct == codable, "\(path) \(what)")
                #expect(codable == nil || codable == Self.foundation(data), "\(path) \(what)")
                compared += 1
                if direct != nil { read += 1 }
            }
        }
        let original = try StrictJSONDocument([UInt8](try CaseCodec.encode(record)))
        #expect(CaseDocumentReader(document: original).record(0) == record)
        #expect(compared == 1_016 && read == 101, "compared \(compared), read \(read)")
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
            if let document = try? StrictJSONDocument(bytes), WrittenSeal.hash(document) != WrittenSeal.hash(Data(bytes)) {
                Issue.record("sealed differently: \(String(decoding: bytes, as: UTF8.self).prefix(2_000))")
            }
            let reference = Self.foundation(Data(bytes))
            if strict == reference { agreed += 1 } else {
                Issue.record("accepted differently: \(String(decoding: bytes, as: UTF8.self).prefix(2_000))")
            }
        }
        #expect(agreed == accepted)
        #expect(accepted >= 100, "enough damaged files still read to compare")
    }
}
