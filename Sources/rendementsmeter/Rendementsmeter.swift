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
            if let repeated = repeatedOption(in: Array(CommandLine.arguments.dropFirst())) {
                throw ValidationError("'\(repeated)' staat er meer dan één keer; geef elke optie één keer (anders telt alleen de laatste, zonder waarschuwing)")
            }
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

    /// The first long option given twice (`--domain zorg --domain wonen`): every option takes one
    /// value, and the parser would keep the last without a word. Nothing after `--` is an option.
    static func repeatedOption(in arguments: [String]) -> String? {
        var seen: Set<String> = []
        for argument in arguments {
            if argument == "--" { break }
            guard argument.hasPrefix("--") else { continue }
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            if !seen.insert(name).inserted { return name }
        }
        return nil
    }
}
