import Foundation
import RendementsDomain

/// A compact binary form of a case's figures for the index: a few hundred bytes a
/// case that read back in microseconds (JSON would cost as much as the case itself).
/// Any change to the layout bumps `CaseIndex.formatVersion`, which rebuilds the index.
enum FiguresCodec {
    static func encode(_ pair: CaseFigurePair) -> Data {
        var writer = Writer()
        writer.figures(pair.current)
        writer.byte(pair.original == pair.current ? 0 : 1)
        if pair.original != pair.current { writer.figures(pair.original) }
        return writer.data
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


    struct Writer {
        var data = Data()

        mutating func byte(_ value: UInt8) { data.append(value) }

        mutating func integer(_ value: Int64) {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }

        mutating func text(_ value: String) {
            let bytes = Array(value.utf8)
            integer(Int64(bytes.count))
            data.append(contentsOf: bytes)
        }

        mutating func totals(_ value: Totals) {
            for money in [value.avoided, value.deployed, value.effort, value.avoidedTransfers, value.deployedTransfers,
                          value.avoidedLow, value.avoidedHigh, value.avoidedConservative] {
                integer(money.cents)
            }
        }

        mutating func figures(_ figures: CaseFigures) {
            for value in [figures.id, figures.status.rawValue, figures.author, figures.team, figures.intervention, figures.periodEnd.iso,
                          figures.priceListVersion] {
                text(value)
            }
            byte(figures.fictional ? 1 : 0)
            integer(Int64(figures.lifeDomains.count))
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
                integer(Int64(error.from))
                integer(Int64(error.to))
                integer(Int64(error.missingYears.count))
                for year in error.missingYears { integer(Int64(year)) }
            case .success(let valued):
                byte(1)
                totals(valued.total)
                integer(Int64(valued.perLaw.count))
                for (law, totals) in valued.perLaw.sorted(by: { $0.key < $1.key }) {
                    text(law)
                    self.totals(totals)
                }
                integer(Int64(valued.lines.count))
                for line in valued.lines {
                    text(line.code)
                    text(line.description)
                    text(line.law)
                    integer(line.value.cents)
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
    }

    struct Reader {
        let bytes: [UInt8]
        var names: Interned
        var offset = 0

        var atEnd: Bool { offset == bytes.count }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func integer() -> Int64? {
            guard offset + 8 <= bytes.count else { return nil }
            var value: Int64 = 0
            for index in 0..<8 { value |= Int64(bytes[offset + index]) << (8 * Int64(index)) }
            offset += 8
            return value
        }

        mutating func count() -> Int? {
            guard let value = integer(), value >= 0, value <= Int64(bytes.count - offset) else { return nil }
            return Int(value)
        }

        /// A text that recurs across cases (a code, team, law), read once into the shared table.
        mutating func text() -> String? {
            guard let length = count() else { return nil }
            defer { offset += length }
            let key = Interned.Key(bytes[offset..<offset + length])
            if let known = names.strings[key] { return known }
            let text = String(decoding: key.bytes, as: UTF8.self)
            // A copy of the bytes, so the table does not keep this case's whole buffer alive.
            names.strings[Interned.Key(hash: key.hash, bytes: ArraySlice(Array(key.bytes)))] = text
            return text
        }

        /// A text of this case alone (its id), not worth a place in the shared table.
        mutating func uniqueText() -> String? {
            guard let length = count() else { return nil }
            defer { offset += length }
            return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
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
                var perLaw: [String: Totals] = [:]
                for _ in 0..<lawCount {
                    guard let law = text(), let totals = totals() else { return nil }
                    perLaw[law] = totals
                }
                guard let lineCount = count() else { return nil }
                var lines: [CaseFigures.Line] = []
                lines.reserveCapacity(lineCount)
                for _ in 0..<lineCount {
                    guard let code = text(), let description = text(), let law = text(), let cents = integer() else { return nil }
                    lines.append(CaseFigures.Line(code: code, description: description, law: law, value: Money(cents: cents)))
                }
                valued = .success(CaseFigures.Valued(perLaw: perLaw, total: total, lines: lines))
            default:
                return nil
            }
            return CaseFigures(id: id, status: status, author: author, team: team, intervention: intervention, periodEnd: end,
                               lifeDomains: domains, fictional: fictional == 1, priceListVersion: version, valued: valued)
        }
    }
}
