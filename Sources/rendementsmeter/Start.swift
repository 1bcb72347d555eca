import ArgumentParser
import Foundation
import RendementsCore
import RendementsDomain
import RendementsRender
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
        var problems: [String] = []
        if let error = folder.folderError { problems.append(error.dutchMessage) }
        let fileProblems = (folder.priceListResult.errors + folder.caseResult.problems).filter { $0.severity == .error }
        if !fileProblems.isEmpty {
            let files = Set(fileProblems.map(\.file)).sorted().joined(separator: ", ")
            let count = fileProblems.count == 1 ? "1 probleem" : "\(fileProblems.count) problemen"
            problems.append("\(count) in \(files); zie 'rendementsmeter validate'")
        }
        return Overview(businessCaseName: folder.settings.name, fictional: folder.isFictional,
                        summary: BusinessCaseSummary(cases: folder.caseResult.records), priceList: folder.priceList, dataProblems: problems)
    }
}
