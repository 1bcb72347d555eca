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
        abstract: "Exporteer de business case: CSV per regel of per casus, een HTML-rapport voor de gemeente, of de spreiding van schattingen per item (kalibratie).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, html
        /// The spread of estimates per item and intervention (never per person), as CSV.
        case kalibratie
        /// The folder format back from the server: every case file as stored, and businesscase.json.
        case map
    }
    enum Granularity: String, ExpressibleByArgument, CaseIterable { case line, `case` }

    @OptionGroup var locations: Locations
    @OptionGroup var filters: FilterOptions

    @OptionGroup var server: ServerOption

    @Option(name: .long, help: "Uitvoerformaat: csv, html, kalibratie (spreiding van schattingen per item, CSV), of map (met --database: de casussen van de server terug als map, in --out).")
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
        if format == .kalibratie {
            let given = filters.given + (per != .line ? ["--per"] : []) + (withStories ? ["--with-stories"] : [])
            guard given.isEmpty else {
                throw ValidationError("--format kalibratie telt alle goedgekeurde, echte casussen per interventie en item; "
                    + "\(given.joined(separator: ", ")) geldt daar niet. Laat het weg.")
            }
        }
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
        do {
            switch format {
            case .csv: try exportCSV()
            case .html: try exportHTML()
            case .kalibratie: try exportCalibration()
            case .map: break  // handled before: it reads the server, not the folder
            }
        } catch let error as StorageError {
            printError("fout: " + error.commandMessage)
            throw ExitCode(1)
        }
    }

    /// Which cases count comes from the index (no case's figures in memory); each counted case
    /// is read only to write its rows, a slice at a time, so memory stays flat however many there are.
    private func exportCSV() throws {
        if server.addressText != nil {
            let read = try ServerCases.read(locations, server, reportYear: nil)
            for problem in read.problems { printError("let op: \(problem) (niet geëxporteerd)") }
            let counted = BusinessCaseSummary(figures: read.figures.lazy.map(\.current), filter: filters.filter, options: read.options,
                                              detail: .patterns).countedIDs
            let byID = read.recordsByID
            return try writeCSV(counted, options: read.options, leftOut: read.problems.count) { id in
                byID[id].map { .success($0) } ?? .failure(.notFound(id))
            }
        }
        let totals = BusinessCaseTotals.open(cases: locations.casesFolder, priceList: locations.priceListFolder, reportYear: nil,
                                             filter: filters.filter)
        let leftOut = try report(totals.folderError, totals.problems)
        let store = CaseStore(folder: locations.casesFolder)
        try writeCSV(countedIDs(totals.options), options: totals.options, leftOut: leftOut) { store.load(id: $0) }
    }

    /// The rows of these cases, in this order, read a slice at a time by `load`.
    private func writeCSV(_ selected: [String], options: EstimateOptions, leftOut: Int,
                          load: @escaping @Sendable (String) -> Result<CaseRecord, CaseWriteError>) throws {
        var leftOut = leftOut
        let sink = try Sink(out)
        let csv = LineExport.Options(excelDutch: excelNl, estimate: options)
        let perLine = per == .line
        try sink.write(perLine ? LineExport.start(csv) : CaseExport.start(csv))
        for start in stride(from: 0, to: selected.count, by: Export.slice) {
            let ids = Array(selected[start..<min(selected.count, start + Export.slice)])
            let texts = ids.parallelMap { id -> Result<String, CaseWriteError> in
                load(id).map { perLine ? LineExport.rows($0, options: csv) : CaseExport.row($0, options: csv) }
            }
            for case .failure(let error) in texts {
                printError("let op: \(error.dutchMessage) (niet geëxporteerd)")
                leftOut += 1
            }
            try sink.write(texts.compactMap { try? $0.get() }.joined())
        }
        try sink.finish()
        try endIncomplete(leftOut)
    }

    /// The counted cases' ids in file order: from the index, or from every case's figures when it cannot be used.
    private func countedIDs(_ options: EstimateOptions) -> [String] {
        if let ids = try? CaseIndex(casesFolder: locations.casesFolder).countedIDs(options: options, filter: filters.filter) {
            return ids
        }
        let folder = locations.openFigures(reusing: nil)
        return BusinessCaseSummary(figures: folder.figures.lazy.map(\.current), filter: filters.filter, options: folder.options,
                                   detail: .patterns).countedIDs
    }

    /// The index is brought up to date first (the same read as a report), then its reviewed lines are added up.
    /// On a server, the cases this login may read are added up the same way, with the server's price list.
    private func exportCalibration() throws {
        let (lines, priceList, leftOut) = server.addressText != nil ? try calibrationLinesOnServer() : try calibrationLinesInFolder()
        let sink = try Sink(out)
        try sink.write(CalibrationExport.csv(Calibration.spreads(lines), priceList: priceList, excelDutch: excelNl))
        try sink.finish()
        try endIncomplete(leftOut)
    }

    private func calibrationLinesOnServer() throws -> ([ReviewedLine], PriceList?, leftOut: Int) {
        let (lines, unreadable, priceList) = try onStore(locations, server) { store in
            var lines: [ReviewedLine] = []
            var unreadable: [String] = []
            for file in try await store.caseFiles() {
                switch CaseCodec.decode(Data(file.content.utf8)) {
                case .success(let record): lines += ReviewedLine.lines(of: record)
                case .failure(let error): unreadable.append("\(file.id): \(error.dutchMessage)")
                }
            }
            return (lines, unreadable, try await store.priceList()?.priceList)
        }
        for problem in unreadable { printError("let op: \(problem) (niet geëxporteerd)") }
        return (lines, priceList, unreadable.count)
    }

    private func calibrationLinesInFolder() throws -> ([ReviewedLine], PriceList?, leftOut: Int) {
        let totals = BusinessCaseTotals.open(cases: locations.casesFolder, priceList: locations.priceListFolder, reportYear: nil,
                                             filter: CaseFilter())
        let leftOut = try report(totals.folderError, totals.problems)
        // Without a usable index (a read-only folder) the approved cases are read from the files.
        let lines = CaseIndex(casesFolder: locations.casesFolder).reviewedLines() ?? CaseStore(folder: locations.casesFolder).reviewedLines()
        return (lines, totals.priceList, leftOut)
    }

    private func exportHTML() throws {
        if server.addressText != nil {
            let read = try ServerCases.read(locations, server, reportYear: nil)
            for problem in read.problems { printError("let op: \(problem) (niet geëxporteerd)") }
            let byID = read.recordsByID
            return try writeHTML(name: read.basis.settings.name, examples: read.examples, summaries: summaries(read.figures, read.options),
                                 priceList: read.basis.priceList.priceList, leftOut: read.problems.count) { byID[$0] }
        }
        // The dashboard's groups add up every case's figures: read from the index a chunk at a
        // time (holding them all took 568 MB at 100,000 cases). Whole cases are read for the stories and sources.
        let store = CaseStore(folder: locations.casesFolder)
        if let streamed = try streamedSummaries() {
            let leftOut = try report(nil, streamed.problems)
            return try writeHTML(name: streamed.settings.name, examples: streamed.examples, summaries: streamed.summaries,
                                 priceList: streamed.priceList, leftOut: leftOut) { try? store.load(id: $0).get() }
        }
        let folder = locations.openFigures(reusing: nil)
        let leftOut = try report(folder.folderError, folder.problems)
        try writeHTML(name: folder.settings.name, examples: folder.examples, summaries: summaries(folder.figures, folder.options),
                      priceList: folder.priceList, leftOut: leftOut) { try? store.load(id: $0).get() }
    }

    private typealias Summaries = (current: BusinessCaseSummary, original: BusinessCaseSummary)

    private func summaries(_ figures: [CaseFigurePair], _ options: EstimateOptions) -> Summaries {
        (BusinessCaseSummary(figures: figures.lazy.map(\.current), filter: filters.filter, options: options, detail: .patterns),
         BusinessCaseSummary(figures: figures.lazy.map(\.original), filter: filters.filter, options: options, detail: .patterns))
    }

    /// Both summaries from the index, a chunk of cases at a time; nil when the index cannot be used.
    private func streamedSummaries() throws
        -> (summaries: Summaries, problems: [Problem], settings: BusinessCaseSettings, priceList: PriceList?, examples: ExampleShare)? {
        var (settings, problems) = BusinessCaseSettings.loadOrDefaults(folder: locations.casesFolder)
        let list = PriceListReader.read(folder: locations.priceListFolder)
        let options = settings.estimateOptions(list.priceList, reportYear: nil)
        var current = BusinessCaseSummary(figures: [], filter: filters.filter, options: options, detail: .patterns)
        var original = current
        var cases = 0
        var fictional = 0
        let outcome: (problems: [Problem], versionCounts: [String: Int])?
        do {
            outcome = try CaseIndex(casesFolder: locations.casesFolder).forEachFigures(options: options) { pairs in
                current.add(pairs.lazy.map(\.current))
                original.add(pairs.lazy.map(\.original))
                fictional += pairs.count { $0.current.fictional }
                cases += pairs.count
            }
        } catch {
            return nil
        }
        guard let outcome else { return nil }
        // As `BusinessCaseFigures` says them: the settings' problems, the files', the whole folder's.
        problems += outcome.problems
        problems += BusinessCaseFolder.wholeFolderProblems(locations.casesFolder, versionCounts: outcome.versionCounts)
        return ((current, original), problems, settings, list.priceList,
                ExampleShare(fictional: fictional, of: cases, emptyIsExample: settings.fictionalExamples))
    }

    private func writeHTML(name: String, examples: ExampleShare, summaries: Summaries, priceList: PriceList?,
                           leftOut: Int, load: @escaping @Sendable (String) -> CaseRecord?) throws {
        let summary = summaries.current
        let sink = try Sink(out)
        // The counted cases are read a slice at a time for the prices they used and their results;
        // only the few whose stories are told are read again and kept.
        var digest = HTMLReport.CaseDigest()
        let counted = summary.countedIDs
        for start in stride(from: 0, to: counted.count, by: Export.slice) {
            let ids = Array(counted[start..<min(counted.count, start + Export.slice)])
            let options = summary.options
            for part in ids.parallelMap({ id in load(id).map { HTMLReport.CaseDigest.part($0, options: options) } }) {
                if let part { digest.add(part) }
            }
        }
        let stories = withStories ? digest.storyIDs.compactMap(load) : []
        let original = summaries.original
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "nl_NL")
        formatter.dateFormat = "dd-MM-yyyy"
        try sink.write(HTMLReport.render(.init(name: name, examples: examples, summary: summary,
                                               original: original, digest: digest, stories: stories, priceList: priceList,
                                               generatedOn: formatter.string(from: Date()), withStories: withStories)))
        try sink.finish()
        try endIncomplete(leftOut)
    }

    /// Stops on a folder that cannot be read; names the files that will not be exported and
    /// returns how many.
    private func report(_ folderError: CaseStoreError?, _ problems: [Problem]) throws -> Int {
        if let folderError {
            printError("fout: " + folderError.dutchMessage)
            throw ExitCode(2)
        }
        let errors = problems.filter { $0.severity == .error }
        for problem in errors { printError("let op: \(problem) (niet geëxporteerd)") }
        return errors.count
    }

    /// An export that left files out is written, but a script must notice it is incomplete
    /// (found by a helper: it exited 0).
    private func endIncomplete(_ leftOut: Int) throws {
        guard leftOut > 0 else { return }
        printError("fout: \(leftOut == 1 ? "1 bestand" : "\(leftOut) bestanden") niet geëxporteerd (zie hierboven); "
            + "de export bevat de andere casussen. Herstel ze en exporteer opnieuw; 'rendementsmeter validate' zegt wat er mis is.")
        throw ExitCode(1)
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
        // Asked before the folder is made: a role that may not read the cases left an empty one behind (helper-34).
        _ = try onServer(address) { try await RoleCheck.readsCases($0) }
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

        init(_ out: String?) throws {
            guard let out else {
                file = nil
                return
            }
            // A link is written through to its target; a folder, a device or a pipe is never replaced
            // by a file (as root, --out /dev/full replaced the device; found by a helper).
            let target = URL(fileURLWithPath: out).resolvingSymlinksInPath()
            var info = stat()
            if stat(target.path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
                printError("fout: \(out) is geen gewoon bestand (een map, apparaat of pijp); kies een bestandsnaam, of laat --out weg voor de standaarduitvoer")
                throw ExitCode(2)
            }
            file = try StreamingFile(replacing: target)
        }

        func write(_ text: String) throws {
            guard let file else {
                // FileHandle's `write(_:)` traps on a full disk or a closed pipe; this one throws.
                do {
                    try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
                } catch {
                    printError("fout: schrijven naar de standaarduitvoer lukt niet (schijf vol of uitvoer gesloten); de export is niet compleet")
                    throw ExitCode(1)
                }
                return
            }
            try file.append(Data(text.utf8))
        }

        func finish() throws(StorageError) { try file?.commit() }
    }
}
