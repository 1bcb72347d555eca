import Foundation
import RendementsDomain
import RendementsStorage

/// The cases one login may read on the server, decoded and valued on every core with the
/// server's settings and price list: what `report` and `export` work from on a server, as
/// the index is what they work from in a folder.
struct ServerCases: Sendable {
    let basis: ValuationBasis
    let options: EstimateOptions
    /// The readable cases, in id order, each with its figures.
    let cases: [(record: CaseRecord, figures: CaseFigurePair)]
    /// One line per case left out, naming it and why: "C-0010: …".
    let problems: [String]

    static func read(_ locations: Locations, _ server: ServerOption, reportYear: Int?) throws -> ServerCases {
        let fallback = locations.priceListFolder
        let (basis, files) = try onStore(locations, server) { store in
            (try await ValuationBasis.load(from: store, fallback: fallback), try await store.caseFiles())
        }
        let options = basis.settings.estimateOptions(basis.priceList.priceList, reportYear: reportYear)
        let read = files.parallelMap { file -> Result<CaseRecord, Unreadable> in
            switch CaseCodec.decode(Data(file.content.utf8)) {
            case .success(let record) where record.id == file.id: .success(record)
            case .success(let record): .failure(Unreadable(text: "\(file.id): het id in het bestand is \(record.id)"))
            case .failure(let error): .failure(Unreadable(text: "\(file.id): \(error.dutchMessage)"))
            }
        }
        let records = read.compactMap { try? $0.get() }
        let figures = records.parallelMap { CaseFigurePair($0, options: options) }
        return ServerCases(basis: basis, options: options, cases: Array(zip(records, figures)),
                           problems: read.compactMap { if case .failure(let problem) = $0 { problem.text } else { nil } })
    }

    var figures: [CaseFigurePair] { cases.map(\.figures) }

    /// How many cases are fictional examples: the report says so.
    var examples: ExampleShare { ExampleShare(cases.lazy.map(\.figures.current.fictional), emptyIsExample: false) }

    /// The readable cases by id, for exports that write the counted ones.
    var recordsByID: [String: CaseRecord] {
        Dictionary(cases.map { ($0.record.id, $0.record) }, uniquingKeysWith: { first, _ in first })
    }

    private struct Unreadable: Error {
        let text: String
    }
}
