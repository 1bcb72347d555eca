import RendementsDomain
import ArgumentParser
import Foundation
import RendementsPostgres
import RendementsStorage

/// `rendementsmeter database`: set up the server (schema, organisations, users).
struct Database: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Richt de PostgreSQL-database in: schema, organisaties en gebruikers.",
        subcommands: [Init.self, Migrate.self, AddOrganisation.self, AddUser.self, ImportPriceList.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Maak het schema in een lege database (mag vaker; doet dan niets).")
        @OptionGroup var server: ServerOption
        func run() throws { try Migrate.apply(server) }
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Breng het schema naar de nieuwste versie (mag vaker; doet dan niets).")
        @OptionGroup var server: ServerOption
        func run() throws { try Self.apply(server) }

        static func apply(_ server: ServerOption) throws {
            let (from, to, upgraded) = try onServer(try server.address()) { server in
                let (from, to) = try await server.migrate()
                return (from, to, try await server.upgradeLegacyCases())
            }
            print(from == to ? "schema is al versie \(to); niets veranderd" : "schema van versie \(from) naar \(to)")
            if !upgraded.isEmpty {
                let named = upgraded.count > 10 ? upgraded.prefix(10).joined(separator: ", ") + ", …" : upgraded.joined(separator: ", ")
                print(upgraded.count == 1
                      ? "1 casus op de server bijgewerkt naar schemaversie 2, zodat hij beoordeeld en herprijsd kan worden: \(named)"
                      : "\(upgraded.count) casussen op de server bijgewerkt naar schemaversie 2, zodat ze beoordeeld en herprijsd kunnen worden: \(named)")
            }
        }
    }

    struct AddOrganisation: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-organisation", abstract: "Voeg een organisatie toe.")
        @OptionGroup var server: ServerOption
        @Option(help: ArgumentHelp("Korte code: kleine letters, cijfers en -.", valueName: "CODE")) var code: String
        @Option(help: ArgumentHelp("Naam van de organisatie.", valueName: "NAAM")) var name: String

        func run() throws {
            let (code, name) = (code, name)
            let added = try onServer(try server.address()) { try await $0.addOrganisation(code: code, name: name) }
            print(added ? "organisatie \(code) toegevoegd" : "organisatie \(code) bestond al; niets veranderd")
        }
    }

    struct ImportPriceList: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import-price-list",
            abstract: "Zet een prijslijst (de map met CSV-bestanden) op de server, onder zijn versie; een versie verandert nooit meer.")
        @OptionGroup var server: ServerOption
        @OptionGroup var locations: Locations

        func run() throws {
            let folder = locations.priceListFolder
            let read = PriceListReader.read(folder: folder)
            guard let list = read.priceList, read.errors.isEmpty else {
                for problem in read.errors { printError("fout: \(problem)") }
                printError("fout: de prijslijst in \(folder.path) is niet in orde; niets op de server gezet")
                throw ExitCode(1)
            }
            var files: [String: String] = [:]
            for name in PriceListReader.fileNames {
                if let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) { files[name] = text }
            }
            let (version, name, contents) = (list.version, list.name, files)
            let (outcome, newest) = try onServer(try server.address()) { server in
                (try await server.importPriceList(version: version, name: name, files: contents), try await server.newestPriceListVersion())
            }
            switch outcome {
            case .imported where newest != version:
                print("prijslijst \(name), versie \(version) op de server gezet; versie \(newest ?? "?") blijft de nieuwste, daarmee rekent iedereen")
            case .imported: print("prijslijst \(name), versie \(version) op de server gezet")
            case .alreadyThere: print("prijslijst versie \(version) stond er al; niets veranderd")
            case .conflict:
                printError("fout: versie \(version) staat al op de server met andere inhoud; geef de gewijzigde lijst een nieuwe versie in info.csv")
                throw ExitCode(1)
            }
        }
    }

    struct AddUser: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-user", abstract: "Voeg een gebruiker (een login) toe met een rol in een organisatie.")
        @OptionGroup var server: ServerOption
        @Option(help: ArgumentHelp("Inlognaam.", valueName: "NAAM")) var login: String
        @Option(help: ArgumentHelp("Wachtwoord.", valueName: "WACHTWOORD")) var password: String
        @Option(help: ArgumentHelp("Code van de organisatie.", valueName: "CODE")) var organisation: String
        @Option(help: ArgumentHelp("Rol: " + Schema.Role.allCases.map(\.rawValue).joined(separator: ", ") + ".", valueName: "ROL")) var role: String

        func validate() throws {
            guard Schema.Role(rawValue: role) != nil else {
                throw ValidationError("onbekende rol '\(role)'; kies uit " + Schema.Role.allCases.map(\.rawValue).joined(separator: ", "))
            }
            // A login is written into every case and step its user makes, where the server refuses a BSN (helper-20).
            guard PrivacyGuard.refusal(login) == nil else {
                throw ValidationError("de inlognaam lijkt een BSN te bevatten (elfproef klopt); een login staat in elke casus en blijft pseudoniem")
            }
        }

        func run() throws {
            let (login, password, organisation) = (login, password, organisation)
            guard let role = Schema.Role(rawValue: role) else { throw ExitCode(2) }
            try onServer(try server.address()) { try await $0.addUser(login: login, password: password, organisation: organisation, role: role) }
            print("gebruiker \(login) toegevoegd als \(role.rawValue) van \(organisation)")
        }
    }
}
