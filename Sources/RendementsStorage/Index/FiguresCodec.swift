import Foundation
import RendementsDomain

/// A compact binary form of a case's figures for the index: a few hundred bytes a
/// case that read back in microseconds (JSON would cost as much as the case itself).
/// Numbers are variable-length (most money columns are zero, most counts small), and a
/// text met before in the same blob is a back-reference: a reviewed case's original
/// figures repeat its author, team, codes and descriptions. Any change to the layout
/// bumps `CaseIndex.formatVersion`, which rebuilds the index.
enum FiguresCodec {
    static func encode(_ pair: CaseFigurePair) -> Data {
        var writer = Writer()
        writer.figures(pair.current)
        writer.byte(pair.original == pair.current ? 0 : 1)
        if pair.original != pair.current { writer.figures(pair.original) }
        return Data(writer.bytes)
    }

    static func decode(_ data: Data) -> CaseFigurePair? {
        var names = Interned()
        return decode(data, names: &names)
    }

    /// Decodes with a shared table of names: across 100,000 cases the same item codes,
    /// descriptions, teams and interventions recur, and one copy of each is enough.
    static func decode(_ data: Data, names: inout Interned) -> CaseFigurePair? {
        var reader = Reader(bytes: [UInt8](data), names: names)
        defer { names = reader.names }
        guard let current = reader.figures(), let same = reader.byte() else { return nil }
        if same == 0 { return reader.atEnd ? CaseFigurePair(current: current, original: current) : nil }
        guard let original = reader.figures(), reader.atEnd else { return nil }
        return CaseFigurePair(current: current, original: original)
    }

    /// Writes into a byte array: appending to `Data` a byte at a time (with Foundation's
    /// exclusivity checks on every call) was a fifth of the index writer's thread.
    struct Writer {
        private(set) var bytes: [UInt8] = []
        /// Each text written so far, with its number, for back-references.
        private var written: [String: Int] = [:]

        init() {
            bytes.reserveCapacity(1_024)
            // A case writes 20 to 60 texts: grown from empty, the table was rehashed five times a case.
            written.reserveCapacity(64)
        }

        mutating func byte(_ value: UInt8) { bytes.append(value) }

        /// LEB128: seven bits a byte, low first, the high bit set on all but the last.
        mutating func unsigned(_ value: UInt64) {
            var rest = value
            while rest >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        /// Zigzag, so a small negative amount stays short too.
        mutating func signed(_ value: Int64) {
            unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
        }

        mutating func count(_ value: Int) { unsigned(UInt64(value)) }

        /// A text: its length times two, then its bytes; or, met before in this blob, its number times two plus one.
        mutating func text(_ value: String) {
            if let number = written[value] {
                unsigned(UInt64(number) << 1 | 1)
                return
            }
            written[value] = written.count
            let utf8 = value.utf8
            unsigned(UInt64(utf8.count) << 1)
            bytes.append(contentsOf: utf8)
        }

        mutating func totals(_ value: Totals) {
            signed(value.avoided.cents)
            signed(value.deployed.cents)
            signed(value.effort.cents)
            signed(value.avoidedTransfers.cents)
            signed(value.deployedTransfers.cents)
            signed(value.avoidedLow.cents)
            signed(value.avoidedHigh.cents)
            signed(value.avoidedConservative.cents)
        }

        mutating func figures(_ figures: CaseFigures) {
            for value in [figures.id, figures.status.rawValue, figures.author, figures.team, figures.intervention, figures.periodEnd.iso,
                          figures.priceListVersion] {
                text(value)
            }
            byte(figures.fictional ? 1 : 0)
            count(figures.lifeDomains.count)
            for domain in figures.lifeDomains { text(domain.rawValue) }
            switch figures.valued {
            case .failure(.overflow(let caseID, let what)):
                byte(0)
                text(caseID)
                text(what)
            case .failure(.missingIndex(let caseID, let what, let error)):
                byte(2)
                text(caseID)
                text(what)
                signed(Int64(error.from))
                signed(Int64(error.to))
                count(error.missingYears.count)
                for year in error.missingYears { signed(Int64(year)) }
            case .success(let valued):
                byte(1)
                totals(valued.total)
                count(valued.perLaw.count)
                for entry in valued.perLaw {
                    text(entry.law)
                    totals(entry.totals)
                }
                count(valued.lines.count)
                for line in valued.lines {
                    text(line.code)
                    text(line.description)
                    text(line.law)
                    signed(line.value.cents)
                }
            }
        }
    }

    /// One `String` per distinct byte sequence read. Keyed by a hash taken over the bytes at
    /// once: hashing an `ArraySlice<UInt8>` feeds the hasher byte by byte, which was a fifth
    /// of reading 100,000 cases.
    struct Interned {
        struct Key: Hashable {
            let hash: Int
            let bytes: ArraySlice<UInt8>

            init(hash: Int, bytes: ArraySlice<UInt8>) {
                self.hash = hash
                self.bytes = bytes
            }

            init(_ bytes: ArraySlice<UInt8>) {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
                self.hash = Int(truncatingIfNeeded: hash)
                self.bytes = bytes
            }

            func hash(into hasher: inout Hasher) { hasher.combine(hash) }

            static func == (lhs: Key, rhs: Key) -> Bool { lhs.hash == rhs.hash && lhs.bytes.elementsEqual(rhs.bytes) }
        }

        var strings: [Key: String] = [:]
        /// One `ItemName` per code, description and law, keyed by their texts' hashes.
        var items: [ItemKey: CaseFigures.ItemName] = [:]

        struct ItemKey: Hashable {
            let hash: Int
            let code: String
            let description: String
            let law: String

            func hash(into hasher: inout Hasher) { hasher.combine(hash) }
        }
    }

    struct Reader {
        let bytes: [UInt8]
        var names: Interned
        var offset = 0
        /// The texts read so far in this blob, in order, with their hashes, for back-references.
        private var seen: [(text: String, hash: Int)] = []

        init(bytes: [UInt8], names: Interned) {
            self.bytes = bytes
            self.names = names
        }

        var atEnd: Bool { offset == bytes.count }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func unsigned() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count, shift < 64 {
                let byte = bytes[offset]
                offset += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        mutating func integer() -> Int64? {
            guard let value = unsigned() else { return nil }
            return Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
        }

        /// A count of things that each take at least a byte (so a damaged blob cannot ask for more than it holds).
        mutating func count() -> Int? {
            guard let value = unsigned(), value <= UInt64(bytes.count - offset) else { return nil }
            return Int(value)
        }

        /// A text that recurs across cases (a code, team, law), read once into the shared table.
        mutating func text() -> String? { hashedText(shared: true)?.text }

        /// A text of this case alone (its id), not worth a place in the shared table.
        mutating func uniqueText() -> String? { hashedText(shared: false)?.text }

        /// An avoided line's code, description and law, as the one shared `ItemName` for them.
        mutating func itemName() -> CaseFigures.ItemName? {
            guard let code = hashedText(shared: true), let description = hashedText(shared: true), let law = hashedText(shared: true) else { return nil }
            let key = Interned.ItemKey(hash: code.hash &* 31 &+ description.hash &* 17 &+ law.hash,
                                       code: code.text, description: description.text, law: law.text)
            if let known = names.items[key] { return known }
            let item = CaseFigures.ItemName(code: code.text, description: description.text, law: law.text)
            names.items[key] = item
            return item
        }

        private mutating func hashedText(shared: Bool) -> (text: String, hash: Int)? {
            guard let value = unsigned() else { return nil }
            if value & 1 == 1 {
                let number = value >> 1
                return number < UInt64(seen.count) ? seen[Int(number)] : nil
            }
            let length = value >> 1
            guard length <= UInt64(bytes.count - offset) else { return nil }
            let range = offset..<offset + Int(length)
            offset = range.upperBound
            let key = Interned.Key(bytes[range])
            let text = shared ? interned(key) : String(decoding: bytes[range], as: UTF8.self)
            seen.append((text, key.hash))
            return (text, key.hash)
        }

        private mutating func interned(_ key: Interned.Key) -> String {
            if let known = names.strings[key] { return known }
            let text = String(decoding: key.bytes, as: UTF8.self)
            // A copy of the bytes, so the table does not keep this case's whole buffer alive.
            names.strings[Interned.Key(hash: key.hash, bytes: ArraySlice(Array(key.bytes)))] = text
            return text
        }

        mutating func totals() -> Totals? {
            guard let avoided = integer(), let deployed = integer(), let effort = integer(), let avoidedTransfers = integer(),
                  let deployedTransfers = integer(), let low = integer(), let high = integer(), let conservative = integer() else { return nil }
            var totals = Totals(avoided: Money(cents: avoided), deployed: Money(cents: deployed), effort: Money(cents: effort),
                                avoidedTransfers: Money(cents: avoidedTransfers), deployedTransfers: Money(cents: deployedTransfers))
            totals.avoidedLow = Money(cents: low)
            totals.avoidedHigh = Money(cents: high)
            totals.avoidedConservative = Money(cents: conservative)
            return totals
        }

        mutating func figures() -> CaseFigures? {
            guard let id = uniqueText(), let status = text().flatMap(CaseStatus.init(rawValue:)), let author = text(), let team = text(),
                  let intervention = text(), let end = text().flatMap(CalendarDay.init(iso:)), let version = text(), let fictional = byte(),
                  let domainCount = count() else { return nil }
            var domains: [LifeDomain] = []
            for _ in 0..<domainCount {
                guard let domain = text().flatMap(LifeDomain.init(rawValue:)) else { return nil }
                domains.append(domain)
            }
            let valued: Result<CaseFigures.Valued, ValuationError>
            switch byte() {
            case 0:
                guard let caseID = text(), let what = text() else { return nil }
                valued = .failure(.overflow(caseID: caseID, what: what))
            case 2:
                guard let caseID = text(), let what = text(), let from = integer(), let to = integer(), let count = count() else { return nil }
                var years: [Int] = []
                for _ in 0..<count {
                    guard let year = integer() else { return nil }
                    years.append(Int(year))
                }
                valued = .failure(.missingIndex(caseID: caseID, what: what, IndexError(from: Int(from), to: Int(to), missingYears: years)))
            case 1:
                guard let total = totals(), let lawCount = count() else { return nil }
                var perLaw: [CaseFigures.LawTotals] = []
                perLaw.reserveCapacity(lawCount)
                for _ in 0..<lawCount {
                    guard let law = text(), let totals = totals() else { return nil }
                    perLaw.append(CaseFigures.LawTotals(law: law, totals: totals))
                }
                guard let lineCount = count() else { return nil }
                var lines: [CaseFigures.Line] = []
                lines.reserveCapacity(lineCount)
                for _ in 0..<lineCount {
                    guard let item = itemName(), let cents = integer() else { return nil }
                    lines.append(CaseFigures.Line(item: item, value: Money(cents: cents)))
                }
                guard zip(perLaw, perLaw.dropFirst()).allSatisfy({ $0.law < $1.law }) else { return nil }
                valued = .success(CaseFigures.Valued(lawTotals: perLaw, total: total, lines: lines))
            default:
                return nil
            }
            return CaseFigures(id: id, status: status, author: author, team: team, intervention: intervention, periodEnd: end,
                               lifeDomains: domains, fictional: fictional == 1, priceListVersion: version, valued: valued)
        }
    }
}
