import ArgumentParser
import RendementsDomain
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

    func validate() throws { try PriceYearOption.check(priceYear) }

    func run() throws {
        let business = BusinessCaseFigures.open(cases: locations.casesFolder, priceList: locations.priceListFolder, reportYear: priceYear)
        if let error = business.folderError {
            printError("fout: " + error.dutchMessage)
            throw ExitCode(2)
        }
        for problem in business.priceListResult.errors + business.problems where problem.severity == .error {
            let advice = problem.message.contains("rendementsmeter validate") ? "" : " (niet meegeteld; zie 'rendementsmeter validate')"
            printError("let op: \(problem)\(advice)")
        }
        let options = business.options
        let summary = BusinessCaseSummary(figures: business.figures.lazy.map(\.current), filter: filters.filter, options: options, detail: .lawTotals)
        let original = BusinessCaseSummary(figures: business.figures.lazy.map(\.original), filter: filters.filter, options: options, detail: .lawTotals)
        let indexFailures = summary.failures.filter { if case .missingIndex = $0 { true } else { false } }
        if !indexFailures.isEmpty {
            for failure in indexFailures { printError("fout: " + failure.dutchMessage) }
            printError("fout: het rapport kan niet in \(options.priceYearText) worden gemaakt; geen enkel bedrag wordt met factor 1 geschat")
            throw ExitCode(1)
        }
        print(BusinessCaseReport.text(name: business.settings.name, fictional: business.isFictional, summary: summary,
                                      priceList: business.priceList, original: original), terminator: "")
    }
}
