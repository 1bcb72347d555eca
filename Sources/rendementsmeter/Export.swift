import ArgumentParser
import Foundation
import RendementsDomain
import RendementsPostgres
import RendementsReports
import RendementsStorage
import RendementsStore

/// `rendementsmeter export`: case lines or cases for a spreadsheet, or a printable HTML report.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exporteer de business case: CSV per regel of per casus, of een HTML-rapport voor de gemeente.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, html
        /// The folder format back from the server: every case file as stored, and businesscase.json.
        case map
    }
    enum Granularity: String, ExpressibleByArgument, CaseIterable { case line, `case` }

    @OptionGroup var locations: Locations
    @OptionGroup var filters: FilterOptions

    @OptionGroup var server: ServerOption

    @Option(name: .long, help: "Uitvoerformaat: csv, html, of map (met --database: de casussen van de server terug als map, in --out).")
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
        if format == .map {
            guard server.addressText != nil, out != nil else { throw ValidationError("--format map haalt de casussen van de server: geef --database en --out MAP") }
            return
        }
        if server.addressText != nil { throw ValidationError("met --database kan alleen --format map (csv en html volgen)") }
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
        if format == .map, let out { return try exportFolder(to: URL(fileURLWithPath: out), from: try server.address()) }
        // The figures (and so which cases count) come through the index; whole cases are
        // read only to write them out, a slice at a time.
        let folder = locations.openFigures(reusing: nil)
        if let error = folder.folderError {
            printError("fout: " + error.dutchMessage)
            throw ExitCode(2)
        }
        for problem in folder.problems where problem.severity == .error {
            printError("let op: \(problem) (niet geëxporteerd)")
        }
        let options = folder.options
        let summary = BusinessCaseSummary(figures: folder.figures.lazy.map(\.current), filter: filters.filter, options: options, detail: .patterns)
        let counted = Set(summary.countedIDs)
        let selected = folder.figures.map(\.current.id).filter { counted.contains($0) }
        let store = CaseStore(folder: locations.casesFolder)
        do {
            let sink = try Sink(out)
            switch format {
            case .csv:
                let csv = LineExport.Options(excelDutch: excelNl, estimate: options)
                let perLine = per == .line
                try sink.write(perLine ? LineExport.start(csv) : CaseExport.start(csv))
                for start in stride(from: 0, to: selected.count, by: Export.slice) {
                    let ids = Array(selected[start..<min(selected.count, start + Export.slice)])
                    let texts = ids.parallelMap { id -> String in
                        guard case .success(let record) = store.load(id: id) else { return "" }
                        return perLine ? LineExport.rows(record, options: csv) : CaseExport.row(record, options: csv)
                    }
                    try sink.write(texts.joined())
                }
            case .html:
                let records = selected.parallelMap { try? store.load(id: $0).get() }.compactMap { $0 }
                let original = BusinessCaseSummary(figures: folder.figures.lazy.map(\.original), filter: filters.filter, options: options, detail: .patterns)
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "nl_NL")
                formatter.dateFormat = "dd-MM-yyyy"
                try sink.write(HTMLReport.render(.init(name: folder.settings.name, fictional: folder.isFictional, summary: summary,
                                                       original: original, records: records, priceList: folder.priceList,
                                                       generatedOn: formatter.string(from: Date()), withStories: withStories)))
            case .map:
                break  // handled before: it reads the server, not the folder
            }
            try sink.finish()
        } catch {
            printError("fout: " + error.dutchMessage)
            throw ExitCode(1)
        }
    }

    /// The server's cases as a business-case folder, so nobody is locked in: each file
    /// exactly as it was pushed or written. Refuses a folder that already holds files.
    private func exportFolder(to folder: URL, from address: ServerAddress) throws {
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard existing.filter({ !$0.hasPrefix(".") }).isEmpty else {
            printError("fout: \(folder.path) is niet leeg; kies een nieuwe of lege map (er wordt niets overschreven)")
            throw ExitCode(2)
        }
        let target = FolderBusinessCase(folder: folder, priceList: nil)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            printError("fout: de map \(folder.path) kan niet worden gemaakt")
            throw ExitCode(1)
        }
        let (name, outcome) = try onServer(address) { server in
            (try await server.organisation().name,
             try await StoreCopy.copy(from: server, to: target, options: nil, refusal: { _ in nil }))
        }
        for problem in outcome.conflicts + outcome.refused { printError("niet geëxporteerd: " + problem) }
        print("\(outcome.added) casus(sen) van \(name) in \(folder.path)")
        if !outcome.conflicts.isEmpty || !outcome.refused.isEmpty { throw ExitCode(1) }
    }

    /// Cases read and written per step: enough to keep both cores busy, small enough for constant memory.
    static let slice = 512

    /// Standard output, or a file that appears only when complete.
    private struct Sink {
        let file: StreamingFile?

        init(_ out: String?) throws(StorageError) {
            file = try out.map { path throws(StorageError) in try StreamingFile(replacing: URL(fileURLWithPath: path)) }
        }

        func write(_ text: String) throws(StorageError) {
            guard let file else {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            try file.append(Data(text.utf8))
        }

        func finish() throws(StorageError) { try file?.commit() }
    }
}
