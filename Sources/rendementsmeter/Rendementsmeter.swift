import ArgumentParser
import Foundation

/// The command line: the terminal app by default, plus validate, report and export.
@main
struct Rendementsmeter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rendementsmeter",
        abstract: "Rendementsmeter: maak zichtbaar welke zorg sociaal werk voorkomt, per financieringswet.",
        discussion: """
            Zonder opdracht start de terminal-app op de business case in 'cases/' met de prijslijst
            'price-lists/standaard'. Andere mappen: --cases MAP en --price-list MAP, of de
            omgevingsvariabelen RENDEMENTSMETER_CASES en RENDEMENTSMETER_PRICE_LIST.
            """,
        version: "0.1.0",
        subcommands: [Start.self, Validate.self, Report.self, Explain.self, Reprice.self, Export.self, Import.self, Push.self, Database.self],
        defaultSubcommand: Start.self
    )

    /// As ArgumentParser's own `main`, with its messages and help in Dutch.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = DutchArguments.translate(fullMessage(for: error))
            if code == .success {
                if !message.isEmpty { print(message) }
            } else if !message.isEmpty {
                printError(message)
            }
            Foundation.exit(code.rawValue)
        }
    }
}
