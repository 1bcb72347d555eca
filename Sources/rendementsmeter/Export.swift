import ArgumentParser
import Foundation
import RendementsDomain
import RendementsReports
import RendementsStorage

/// `rendementsmeter export`: case lines or cases for a spreadsheet, or a printable HTML report.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exporteer de business case: CSV per regel of per casus, of een HTML-rapport voor de gemeente.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, html }
    enum Granularity: String, ExpressibleByArgument, CaseIterable { case line, `case` }

    @OptionGroup var locations: Locations
    @OptionGroup var filters: FilterOptions

    @Option(name: .long, help: "Uitvoerformaat: csv of html.")
    var format: Format = .csv

    @Option(name: .long, help: "CSV: één rij per regel (line) of per casus (case).")
    var per: Granularity = .line

    @Flag(name: .long, help: "Voor Nederlandse Excel: ';' als scheidingsteken, decimale komma's en een UTF-8 BOM.")
    var excelNl = false

    @Option(name: .long, help: ArgumentHelp("Schrijf naar dit bestand in plaats van naar standaarduitvoer.", valueName: "BESTAND"))
    var out: String?

    @Flag(name: .long, help: "HTML: neem de verhalen en onderbouwingen van casussen op (standaard niet, voor de privacy).")
    var withStories = false

    @Flag(name: .long, help: "Schrijf ook als --out in de map van de business case ligt.")
    var force = false

    func validate() throws {
        guard let out, !force, Export.isInside(URL(fileURLWithPath: out), folder: locations.casesFolder) else { return }
        throw ValidationError("\(out) ligt in de map van de business case (\(locations.casesFolder.path)); een export overschrijft daar niets. Kies een andere plek, of gebruik --force")
    }

    /// True when `file` is in `folder` or below it (links resolved, so a detour is caught too).
    static func isInside(_ file: URL, folder: URL) -> Bool {
        let base = folder.resolvingSymlinksInPath().standardizedFileURL.pathComponents
        let parent = file.deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL.pathComponents
        return parent.count >= base.count && Array(parent.prefix(base.count)) == base
    }

    func run() throws {
        let folder = locations.open()
        if let error = folder.folderError {
            printError("fout: " + error.dutchMessage)
            throw ExitCode(2)
        }
        for problem in folder.caseResult.problems where problem.severity == .error {
            printError("let op: \(problem) (niet geëxporteerd)")
        }
        let records = folder.caseResult.records
        let options = folder.estimateOptions()
        let summary = BusinessCaseSummary(cases: records, filter: filters.filter, options: options)
        let counted = Set(summary.countedIDs)
        let selected = records.filter { counted.contains($0.id) }
        let text: String
        switch format {
        case .csv:
            let options = LineExport.Options(excelDutch: excelNl)
            text = per == .line ? LineExport.csv(selected, options: options) : CaseExport.csv(selected, options: options)
        case .html:
            let original = BusinessCaseSummary(cases: records.map(\.asOriginallyEstimated), filter: filters.filter, options: options)
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "nl_NL")
            formatter.dateFormat = "dd-MM-yyyy"
            text = HTMLReport.render(.init(name: folder.settings.name, fictional: folder.isFictional, summary: summary, original: original,
                                           records: records, priceList: folder.priceList, generatedOn: formatter.string(from: Date()),
                                           withStories: withStories))
        }
        guard let out else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: out), mode: .replace, permissions: 0o600)
        } catch {
            printError("fout: " + error.dutchMessage)
            throw ExitCode(1)
        }
    }
}
