import ArgumentParser
import RendementsReports

/// `rendementsmeter explain CASE-ID`: the arithmetic of one case, step by step.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Toon de volledige berekening van één casus, regel voor regel en stap voor stap.")

    @OptionGroup var locations: Locations

    @Argument(help: ArgumentHelp("De casus, bijvoorbeeld C-0003.", valueName: "CASUS-ID"))
    var caseID: String

    @Option(name: .long, help: ArgumentHelp("Breng de prijzen naar dit jaar (CPI-index van de prijslijst).", valueName: "JAAR"))
    var priceYear: Int?

    func validate() throws { try PriceYearOption.check(priceYear) }

    func run() throws {
        let folder = locations.open()
        if let problem = folder.caseResult.problems.first(where: { $0.file == "\(caseID).json" }) {
            printError("fout: \(problem)")
            throw ExitCode(1)
        }
        guard let stored = folder.caseResult.cases.first(where: { $0.record.id == caseID }) else {
            printError("fout: casus '\(caseID)' bestaat niet in \(locations.casesFolder.path); 'rendementsmeter report' of de app toont de casussen")
            throw ExitCode(2)
        }
        print(CaseExplanation.text(stored.record, priceList: folder.priceList, options: folder.estimateOptions(reportYear: priceYear)), terminator: "")
    }
}
