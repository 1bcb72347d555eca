import ArgumentParser
import RendementsDomain
import RendementsReports

/// `rendementsmeter report`: the business case per law as a text table.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Toon de business case per wet: eigen inzet, ingezette en voorkomen zorg, netto en rendement.")

    @OptionGroup var locations: Locations

    @Flag(name: .long, help: "Tel alleen goedgekeurde casussen (standaard: ingediend en goedgekeurd).")
    var approvedOnly = false

    func run() throws {
        let folder = locations.open()
        if let error = folder.folderError {
            printError("fout: " + error.dutchMessage)
            throw ExitCode(2)
        }
        for problem in folder.priceListResult.errors + folder.caseResult.problems where problem.severity == .error {
            printError("let op: \(problem) (niet meegeteld; zie 'rendementsmeter validate')")
        }
        let selection: CaseSelection = approvedOnly ? .approvedOnly : .submitted
        let records = folder.caseResult.records
        let summary = BusinessCaseSummary(cases: records, selection: selection)
        let original = BusinessCaseSummary(cases: records.map(\.asOriginallyEstimated), selection: selection)
        print(BusinessCaseReport.text(name: folder.settings.name, fictional: folder.isFictional, summary: summary,
                                      priceList: folder.priceList, original: original), terminator: "")
    }
}
