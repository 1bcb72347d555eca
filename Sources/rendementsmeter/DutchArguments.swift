import Foundation

/// The argument parser's messages in Dutch: the UI speaks Dutch, also when a command
/// line is mistyped or help is asked. Unknown forms keep their text, only "Error:" becomes "fout:".
enum DutchArguments {
    /// (English pattern, Dutch template) for the parser's messages and help headings.
    private static let forms: [(String, String)] = [
        (#"Error: Unknown option '([^']+)'\. Did you mean '([^']+)'\?"#, "fout: onbekende optie '$1'. Bedoel je '$2'?"),
        (#"Error: Unknown option '([^']+)'"#, "fout: onbekende optie '$1'"),
        (#"Error: Missing value for '([^']+)'"#, "fout: '$1' mist een waarde"),
        (#"Error: Missing expected argument '([^']+)'"#, "fout: het argument '$1' ontbreekt"),
        (#"Error: Unexpected arguments? (.+)"#, "fout: onverwacht argument $1"),
        (#"Error: The value '([^']*)' is invalid for '([^']+)'\. Please provide one of (.+)\."#, "fout: '$1' kan niet bij '$2'. Kies uit $3."),
        (#"Error: The value '([^']*)' is invalid for '([^']+)'"#, "fout: '$1' kan niet bij '$2'"),
        (#"Error: "#, "fout: "),
        (#"(?m)^Usage: "#, "Gebruik: "),
        (#"(?m)^Help: "#, "Uitleg: "),
        (#"See '([^']+) --help' for more information\."#, "Zie '$1 --help' voor meer uitleg."),
        (#"See '([^']+) help <subcommand>' for detailed help\."#, "Zie '$1 help <opdracht>' voor uitleg per opdracht."),
        (#"(?m)^OVERVIEW:"#, "OVERZICHT:"),
        (#"(?m)^USAGE:"#, "GEBRUIK:"),
        (#"(?m)^ARGUMENTS:"#, "ARGUMENTEN:"),
        (#"(?m)^OPTIONS:"#, "OPTIES:"),
        (#"(?m)^SUBCOMMANDS:"#, "OPDRACHTEN:"),
        (#"Show help information\."#, "Toon deze uitleg."),
        (#"Show the version\."#, "Toon de versie."),
        (#"\(default: ([^)]*)\)"#, "(standaard: $1)"),
        (#"\(default\)"#, "(standaard)"),
        (#"<subcommand>"#, "<opdracht>"),
        (#"<options>"#, "<opties>"),
        (#"' and '"#, "' en '"),
        (#"' or '"#, "' of '"),
    ]

    static func translate(_ message: String) -> String {
        var text = message
        for (pattern, template) in forms {
            guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
            text = expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        }
        return text
    }
}
