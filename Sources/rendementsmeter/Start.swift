import ArgumentParser
import Foundation
import RendementsCore
import RendementsDomain
import RendementsRender
import RendementsReports
import RendementsStorage
import RendementsTerminal

/// `rendementsmeter` (default): the terminal app.
struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start de terminal-app (standaard).")

    @OptionGroup var locations: Locations

    func run() throws {
        let folder = locations.open()
        var state = AppState(size: Size.minimum, overview: OverviewBuilder.build(folder), priceList: folder.priceList)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch {
            printError("fout: " + error.dutchMessage)
            throw ExitCode(2)
        }
        defer { terminal.close() }
        state.size = terminal.size
        while true {
            terminal.draw(View.render(state))
            let effects = Update.apply(terminal.nextMessage(), to: &state)
            if effects.contains(.quit) { break }
        }
    }
}

/// Builds the start screen's figures from an opened business case.
enum OverviewBuilder {
    static func build(_ folder: BusinessCaseFolder) -> Overview {
        let summary = BusinessCaseSummary(cases: folder.caseResult.records)
        let list = folder.priceList
        let rows = LawOrder.codes(priceList: list, present: summary.perLaw.keys).map { code in
            Overview.LawRow(name: list?.lawName(code) ?? code, totals: summary.perLaw[code] ?? Totals())
        }
        var problems: [String] = []
        if let error = folder.folderError { problems.append(error.dutchMessage) }
        let fileProblems = (folder.priceListResult.errors + folder.caseResult.problems).filter { $0.severity == .error }
        if !fileProblems.isEmpty {
            let files = Set(fileProblems.map(\.file)).sorted().joined(separator: ", ")
            problems.append("\(fileProblems.count) probleem/problemen in \(files); zie 'rendementsmeter validate'")
        }
        let label = list.map { "\($0.name), versie \($0.version)" } ?? "niet geladen (zie 'rendementsmeter validate')"
        return Overview(
            businessCaseName: folder.settings.name, fictional: folder.isFictional, priceListLabel: label,
            selection: summary.selection, countedCases: summary.countedCases, caseCount: summary.caseCount,
            statusCounts: summary.statusCounts, lawRows: rows, total: summary.total, dataProblems: problems)
    }
}
