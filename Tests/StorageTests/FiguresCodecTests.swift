import Foundation
import Testing
@testable import RendementsDomain
@testable import RendementsStorage

/// Issue 11: the index's compact figures read back exactly, are small, and a damaged blob is refused.
@Suite("The index's compact figures")
struct FiguresCodecTests {
    static func pairs() throws -> [CaseFigurePair] {
        let folder = try CaseIndexTests.business(40)
        var records = try CaseStore(folder: folder.url).loadAll().records
        records += try CaseStore(folder: Repository.cases).loadAll().records
        // A case that cannot be valued (a price year without an index) and one with a negative amount.
        var options = EstimateOptions.plain
        options.reportYear = 1990
        let failed = CaseFigurePair(records[0], options: options)
        guard case .failure = failed.current.valued else { throw CodecTestError.expectedFailure }
        return records.map { CaseFigurePair($0, options: .plain) } + [failed]
    }

    enum CodecTestError: Error { case expectedFailure }

    @Test("every generated and shipped case, reviewed or not, and one that cannot be valued: decoded equal to what was encoded")
    func roundTrip() throws {
        let pairs = try Self.pairs()
        var names = FiguresCodec.Interned()
        var reviewed = 0
        for pair in pairs {
            let decoded = try #require(FiguresCodec.decode(FiguresCodec.encode(pair), names: &names))
            #expect(decoded == pair, "\(pair.current.id)")
            if pair.original != pair.current { reviewed += 1 }
        }
        #expect(pairs.count == 48)
        #expect(reviewed == 14, "reviewed cases carry their original figures too")
    }

    @Test("a text met before in the blob is written once; the lines of all cases share one name per item")
    func textsOnce() throws {
        let pairs = try Self.pairs()
        let reviewed = try #require(pairs.first { $0.original != $0.current })
        let blob = FiguresCodec.encode(reviewed)
        guard case .success(let valued) = reviewed.current.valued else { throw CodecTestError.expectedFailure }
        for line in valued.lines {
            let description = Data(line.description.utf8)
            var found = 0
            var start = blob.startIndex
            while let range = blob.range(of: description, in: start..<blob.endIndex) {
                found += 1
                start = range.upperBound
            }
            #expect(found == 1, "\(line.description) is in the blob once, though both views name it")
        }
        #expect(blob.count == 238, "both views of a reviewed case in \(blob.count) bytes")
        var names = FiguresCodec.Interned()
        let decoded = pairs.compactMap { FiguresCodec.decode(FiguresCodec.encode($0), names: &names) }
        var items: [String: ObjectIdentifier] = [:]
        for pair in decoded {
            guard case .success(let valued) = pair.current.valued else { continue }
            for line in valued.lines {
                let identity = ObjectIdentifier(line.item)
                #expect(items[line.code + line.description, default: identity] == identity, "\(line.code)")
                items[line.code + line.description] = identity
            }
        }
        #expect(!items.isEmpty)
    }

    @Test("every cut-off blob, a back-reference to a text not yet read, laws out of order and a byte too many: refused")
    func damaged() throws {
        let pairs = try Self.pairs()
        let reviewed = try #require(pairs.first { $0.original != $0.current })
        let blob = [UInt8](FiguresCodec.encode(reviewed))
        for length in 0..<blob.count {
            #expect(FiguresCodec.decode(Data(blob[..<length])) == nil, "cut off after \(length) bytes")
        }
        #expect(FiguresCodec.decode(Data(blob + [0])) == nil)
        var backward = blob
        backward[0] = 0x7F  // the first text refers to text 63, which was not read
        #expect(FiguresCodec.decode(Data(backward)) == nil)
        // Two laws swapped: written in order, so a blob that is not was not written by this codec.
        let laws = [CaseFigures.LawTotals(law: "zvw", totals: Totals(avoided: Money(cents: 1), deployed: .zero, effort: .zero)),
                    CaseFigures.LawTotals(law: "wmo", totals: Totals(avoided: Money(cents: 2), deployed: .zero, effort: .zero))]
        let figures = reviewed.current
        let swapped = CaseFigures(id: figures.id, status: figures.status, author: figures.author, team: figures.team,
                                  intervention: figures.intervention, periodEnd: figures.periodEnd, lifeDomains: figures.lifeDomains,
                                  fictional: figures.fictional, priceListVersion: figures.priceListVersion,
                                  valued: .success(CaseFigures.Valued(lawTotals: laws, total: Totals(), lines: [])))
        var writer = FiguresCodec.Writer()
        writer.figures(swapped)
        writer.byte(0)
        let inOrder = try #require(FiguresCodec.decode(Data(writer.bytes)))
        guard case .success(let valued) = inOrder.current.valued else { throw CodecTestError.expectedFailure }
        #expect(valued.perLaw.map(\.law) == ["wmo", "zvw"], "sorted when made, so written in order")
        let wmo = Array("wmo".utf8), zvw = Array("zvw".utf8)
        var bytes = writer.bytes
        let first = try #require(bytes.indices.first { Array(bytes[$0..<min($0 + 3, bytes.count)]) == wmo })
        let second = try #require(bytes.indices.first { Array(bytes[$0..<min($0 + 3, bytes.count)]) == zvw })
        bytes.replaceSubrange(first..<first + 3, with: zvw)
        bytes.replaceSubrange(second..<second + 3, with: wmo)
        #expect(FiguresCodec.decode(Data(bytes)) == nil)
    }
}
