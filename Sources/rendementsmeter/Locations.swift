import ArgumentParser
import Foundation
import RendementsDomain
import RendementsStorage

/// Where the business case and the price list live; shared by every command.
struct Locations: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Map met de casussen van de business case (standaard: cases, of RENDEMENTSMETER_CASES).", valueName: "MAP"))
    var cases: String?

    @Option(name: .long, help: ArgumentHelp("Map met de prijslijst (standaard: price-lists/standaard, of RENDEMENTSMETER_PRICE_LIST).", valueName: "MAP"))
    var priceList: String?

    var casesFolder: URL {
        URL(fileURLWithPath: cases ?? ProcessInfo.processInfo.environment["RENDEMENTSMETER_CASES"] ?? "cases")
    }

    var priceListFolder: URL {
        URL(fileURLWithPath: priceList ?? ProcessInfo.processInfo.environment["RENDEMENTSMETER_PRICE_LIST"] ?? "price-lists/standaard")
    }

    func open() -> BusinessCaseFolder { BusinessCaseFolder.open(cases: casesFolder, priceList: priceListFolder) }

    /// The business case for its figures only, through the index (the app and the reports).
    func openFigures(reusing previous: BusinessCaseFigures?) -> BusinessCaseFigures {
        BusinessCaseFigures.open(cases: casesFolder, priceList: priceListFolder, reusing: previous)
    }

    /// The business case for the start screen's totals only: summed by the index, no case read.
    func recordedTotals() -> BusinessCaseTotals? {
        BusinessCaseTotals.recorded(cases: casesFolder, priceList: priceListFolder, filter: CaseFilter())
    }

    /// Before the terminal app starts on a business case whose index must be built again (a new
    /// version of the app, other settings): at 100,000 cases that takes most of a minute, and a
    /// blank terminal for that long looks like a hang. Said only on a terminal, for a large folder.
    func sayWhenIndexing() {
        guard isatty(STDERR_FILENO) != 0, let directory = opendir(casesFolder.path) else { return }
        defer { closedir(directory) }
        var entries = 0
        while readdir(directory) != nil, entries <= Locations.largeFolder { entries += 1 }
        guard entries > Locations.largeFolder else { return }
        printError("Rendementsmeter bouwt de index van de casussen op (eenmalig na een nieuwe\n"
            + "versie of andere instellingen); bij tienduizenden casussen duurt dat even…")
    }

    static let largeFolder = 5_000

    func openTotals() -> BusinessCaseTotals {
        BusinessCaseTotals.open(cases: casesFolder, priceList: priceListFolder, reportYear: nil, filter: CaseFilter())
    }
}

/// Prints a Dutch message on standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
