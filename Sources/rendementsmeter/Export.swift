import ArgumentParser
import Foundation
import RendementsReports
import RendementsStorage

/// `rendementsmeter export`: case lines for a spreadsheet.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exporteer alle casusregels (voorkomen, ingezet, eigen inzet) als CSV.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv }

    @OptionGroup var locations: Locations

    @Option(name: .long, help: "Uitvoerformaat.")
    var format: Format = .csv

    @Flag(name: .long, help: "Voor Nederlandse Excel: ';' als scheidingsteken, decimale komma's en een UTF-8 BOM.")
    var excelNl = false

    @Option(name: .long, help: ArgumentHelp("Schrijf naar dit bestand in plaats van naar standaarduitvoer.", valueName: "BESTAND"))
    var out: String?

    func run() throws {
        let folder = locations.open()
        if let error = folder.folderError {
            printError("fout: " + error.dutchMessage)
            throw ExitCode(2)
        }
        for problem in folder.caseResult.problems where problem.severity == .error {
            printError("let op: \(problem) (niet geëxporteerd)")
        }
        let csv = LineExport.csv(folder.caseResult.records, options: .init(excelDutch: excelNl))
        guard let out else {
            FileHandle.standardOutput.write(Data(csv.utf8))
            return
        }
        do {
            try AtomicFile.write(Data(csv.utf8), to: URL(fileURLWithPath: out), mode: .replace, permissions: 0o600)
        } catch {
            printError("fout: " + error.dutchMessage)
            throw ExitCode(1)
        }
    }
}
