import ArgumentParser
import RendementsDomain
import RendementsReports

/// `rendementsmeter report`: the business case per law as a text table.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Toon de business case per wet: eigen inzet, ingezette en voorkomen zorg, netto en rendement.")

    @OptionGroup var locations: Locations
    @OptionGroup var filters: FilterOptions

    @Option(name: .long, help: ArgumentHelp("Breng alle prijzen naar dit jaar (CPI-index van de prijslijst); standaard reportYear uit businesscase.json, anders het eigen prijsjaar.", valueName: "JAAR"))
    var priceYear: Int?

    func validate() throws { try PriceYearOption.check(priceYear) }

    func run() throws {
        let folder = locations.open()
        if let error = folder.folderError {
            printError("fout: " + error.dutchMessage)
            throw ExitCode(2)
        }
        for problem in folder.priceListResult.errors + folder.caseResult.problems where problem.severity == .error {
            printError("let op: \(problem) (niet meegeteld; zie 'rendementsmeter validate')")
        }
        let records = folder.caseResult.records
        let options = folder.estimateOptions(reportYear: priceYear)
        let summary = BusinessCaseSummary(cases: records, filter: filters.filter, options: options)
        let original = BusinessCaseSummary(cases: records.map(\.asOriginallyEstimated), filter: filters.filter, options: options)
        let indexFailures = summary.failures.filter { if case .missingIndex = $0 { true } else { false } }
        if !indexFailures.isEmpty {
            for failure in indexFailures { printError("fout: " + failure.dutchMessage) }
            printError("fout: het rapport kan niet in \(options.priceYearText) worden gemaakt; geen enkel bedrag wordt met factor 1 geschat")
            throw ExitCode(1)
        }
        print(BusinessCaseReport.text(name: folder.settings.name, fictional: folder.isFictional, summary: summary,
                                      priceList: folder.priceList, original: original), terminator: "")
    }
}
