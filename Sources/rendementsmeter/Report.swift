import ArgumentParser
import Foundation
import RendementsDomain
import RendementsPostgres
import RendementsReports
import RendementsStorage

/// `rendementsmeter report`: the business case per law as a text table.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Toon de business case per wet: eigen inzet, ingezette en voorkomen zorg, netto en rendement.")

    @OptionGroup var locations: Locations
    @OptionGroup var filters: FilterOptions

    @Option(name: .long, help: ArgumentHelp("Breng alle prijzen naar dit jaar (CPI-index van de prijslijst); standaard reportYear uit businesscase.json, anders het eigen prijsjaar.", valueName: "JAAR"))
    var priceYear: Int?

    @OptionGroup var server: ServerOption

    @Flag(name: .long, help: "Het sectorbeeld over alle organisaties (alleen voor een sector-analist; met --database).")
    var sector = false

    func validate() throws {
        try PriceYearOption.check(priceYear)
        if sector && server.addressText == nil { throw ValidationError("--sector werkt alleen met --database") }
    }

    func run() throws {
        if sector { return try SectorReport.print(try server.address()) }
        if server.addressText != nil { return try runOnServer() }
        let business = BusinessCaseTotals.open(cases: locations.casesFolder, priceList: locations.priceListFolder, reportYear: priceYear,
                                               filter: filters.filter)
        if let error = business.folderError {
            printError("fout: " + error.dutchMessage)
            throw ExitCode(2)
        }
        for problem in business.priceListResult.errors + business.problems where problem.severity == .error {
            let advice = problem.message.contains("rendementsmeter validate") ? "" : " (niet meegeteld; zie 'rendementsmeter validate')"
            printError("let op: \(problem)\(advice)")
        }
        let options = business.options
        let (summary, original) = (business.current, business.original)
        let indexFailures = summary.failures.filter { if case .missingIndex = $0 { true } else { false } }
        if !indexFailures.isEmpty {
            for failure in indexFailures { printError("fout: " + failure.dutchMessage) }
            printError("fout: het rapport kan niet in \(options.priceYearText) worden gemaakt; geen enkel bedrag wordt met factor 1 geschat")
            throw ExitCode(1)
        }
        print(BusinessCaseReport.text(name: business.settings.name, fictional: business.isFictional, summary: summary,
                                      priceList: business.priceList, original: original), terminator: "")
    }

    /// The same report from the cases on the server that this login may see: read through
    /// the store interface, valued here, summed as the folder's are.
    private func runOnServer() throws {
        let fallback = locations.priceListFolder
        let (basis, files) = try onStore(locations, server) { store in
            (try await ValuationBasis.load(from: store, fallback: fallback), try await store.caseFiles())
        }
        let (settings, list) = (basis.settings, basis.priceList)
        let options = settings.estimateOptions(list.priceList, reportYear: priceYear)
        // Decoded and valued on every core, as a folder's index rebuild is; problems are told in id order.
        let read = files.parallelMap { file -> Result<CaseFigurePair, ReadProblem> in
            switch CaseCodec.decode(Data(file.content.utf8)) {
            case .success(let record) where record.id == file.id: .success(CaseFigurePair(record, options: options))
            case .success(let record): .failure(ReadProblem(text: "\(file.id): het id in het bestand is \(record.id)"))
            case .failure(let error): .failure(ReadProblem(text: "\(file.id): \(error.dutchMessage)"))
            }
        }
        var pairs: [CaseFigurePair] = []
        pairs.reserveCapacity(read.count)
        for result in read {
            switch result {
            case .success(let pair): pairs.append(pair)
            case .failure(let problem): printError("let op: \(problem.text) (niet meegeteld)")
            }
        }
        let summary = BusinessCaseSummary(figures: pairs.lazy.map(\.current), filter: filters.filter, options: options, detail: .lawTotals)
        let original = BusinessCaseSummary(figures: pairs.lazy.map(\.original), filter: filters.filter, options: options, detail: .lawTotals)
        print(BusinessCaseReport.text(name: settings.name, fictional: !pairs.isEmpty && pairs.allSatisfy(\.current.fictional), summary: summary,
                                      priceList: list.priceList, original: original), terminator: "")
    }
}

/// Why one case from the server is left out of the report.
private struct ReadProblem: Error {
    let text: String
}
