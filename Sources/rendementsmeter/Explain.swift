import ArgumentParser
import Foundation
import RendementsReports
import RendementsStorage
import RendementsStore

/// `rendementsmeter explain CASE-ID`: the arithmetic of one case, step by step.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Toon de volledige berekening van één casus, regel voor regel en stap voor stap.")

    @OptionGroup var locations: Locations
    @OptionGroup var server: ServerOption

    @Argument(help: ArgumentHelp("De casus, bijvoorbeeld C-0003.", valueName: "CASUS-ID"))
    var caseID: String

    @Option(name: .long, help: ArgumentHelp("Breng de prijzen naar dit jaar (CPI-index van de prijslijst).", valueName: "JAAR"))
    var priceYear: Int?

    func validate() throws { try PriceYearOption.check(priceYear) }

    func run() throws {
        if server.addressText != nil { return try explainFromServer() }
        // Only this case is read (checked as every read checks it), whatever the size of the business case.
        switch CaseStore(folder: locations.casesFolder).loadChecked(id: caseID) {
        case .failure(let problem):
            printError("fout: \(problem)")
            throw ExitCode(1)
        case nil:
            printError("fout: casus '\(caseID)' bestaat niet in \(locations.casesFolder.path); 'rendementsmeter report' of de app toont de casussen")
            throw ExitCode(2)
        case .success(let record):
            let settings = BusinessCaseSettings.loadOrDefaults(folder: locations.casesFolder).0
            let list = PriceListReader.read(folder: locations.priceListFolder).priceList
            print(CaseExplanation.text(record, priceList: list, options: settings.estimateOptions(list, reportYear: priceYear)), terminator: "")
        }
    }

    /// The same explanation of a case on the server, read through the store interface.
    private func explainFromServer() throws {
        let (id, fallback) = (caseID, locations.priceListFolder)
        let (file, basis) = try onStore(locations, server) { store -> (CaseFile?, ValuationBasis?) in
            // What the case is valued with is read only for a case that is there.
            guard let file = try await store.caseFile(id: id) else { return (nil, nil) }
            return (file, try await ValuationBasis.load(from: store, fallback: fallback))
        }
        guard let file, let basis else {
            printError("fout: casus '\(caseID)' staat niet op de server (of deze login mag hem niet zien)")
            throw ExitCode(2)
        }
        guard case .success(let record) = CaseCodec.decode(Data(file.content.utf8)) else {
            printError("fout: casus '\(caseID)' op de server is geen leesbaar casusbestand")
            throw ExitCode(1)
        }
        let list = basis.priceList.priceList
        print(CaseExplanation.text(record, priceList: list, options: basis.settings.estimateOptions(list, reportYear: priceYear)), terminator: "")
    }
}
