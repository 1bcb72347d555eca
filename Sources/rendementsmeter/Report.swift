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
        // The sector view counts every approved case as the server keeps it: a filter would be ignored without a word (helper-34).
        let unused = filters.given + (priceYear == nil ? [] : ["--price-year"])
        if sector && !unused.isEmpty {
            throw ValidationError("--sector telt alle goedgekeurde casussen van alle organisaties; \(unused.joined(separator: ", ")) kan daar niet bij")
        }
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
        print(BusinessCaseReport.text(name: business.settings.name, examples: business.examples, summary: summary,
                                      priceList: business.priceList, original: original), terminator: "")
    }

    /// The same report from the cases on the server that this login may see: read through
    /// the store interface, valued here, summed as the folder's are.
    private func runOnServer() throws {
        let read = try ServerCases.read(locations, server, reportYear: priceYear)
        for problem in read.problems { printError("let op: \(problem) (niet meegeteld)") }
        let figures = read.figures
        let summary = BusinessCaseSummary(figures: figures.lazy.map(\.current), filter: filters.filter, options: read.options, detail: .lawTotals)
        let original = BusinessCaseSummary(figures: figures.lazy.map(\.original), filter: filters.filter, options: read.options, detail: .lawTotals)
        print(BusinessCaseReport.text(name: read.basis.settings.name, examples: read.examples, summary: summary,
                                      priceList: read.basis.priceList.priceList, original: original), terminator: "")
    }
}
