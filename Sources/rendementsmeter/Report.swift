import ArgumentParser
import RendementsDomain
import RendementsReports

/// `rendementsmeter report`: the business case per law as a text table.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Toon de business case per wet: eigen inzet, ingezette en voorkomen zorg, netto en rendement.")

    @OptionGroup var locations: Locations
    @OptionGroup var filters: FilterOptions

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
        let summary = BusinessCaseSummary(cases: records, filter: filters.filter)
        let original = BusinessCaseSummary(cases: records.map(\.asOriginallyEstimated), filter: filters.filter)
        print(BusinessCaseReport.text(name: folder.settings.name, fictional: folder.isFictional, summary: summary,
                                      priceList: folder.priceList, original: original), terminator: "")
    }
}
