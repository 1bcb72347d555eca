import ArgumentParser
import Foundation
import RendementsDomain
import RendementsPostgres
import RendementsStorage
import RendementsStore

/// `rendementsmeter push`: a folder's cases into the organisation on the server.
/// Idempotent: a case already there with the same content is skipped; one with other
/// content is reported as a conflict and never overwritten. The BSN guard applies.
struct Push: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Zet de casussen van een map in de business case op de server (dubbel zetten voegt niets toe; niets wordt overschreven).")

    @OptionGroup var locations: Locations
    @OptionGroup var server: ServerOption

    func run() throws {
        let address = try server.address()
        let source = FolderBusinessCase(folder: locations.casesFolder, priceList: locations.priceListFolder)
        guard FileManager.default.fileExists(atPath: locations.casesFolder.path) else {
            printError("fout: de map \(locations.casesFolder.path) bestaat niet")
            throw ExitCode(2)
        }
        // Valued as the app on the server values them: with the server's settings and newest price list.
        let fallback = locations.priceListFolder
        let outcome = try onServer(address) { server in
            try await RoleCheck.readsCases(server)
            return try await StoreCopy.copy(from: source, to: server, options: {
                let basis = try await ValuationBasis.load(from: server, fallback: fallback)
                return basis.settings.estimateOptions(basis.priceList.priceList, reportYear: nil)
            }, refusal: Import.refusal)
        }
        // A case-like file the folder does not count is not pushed either; said, not skipped without a word (helper-33).
        // Other files (Thumbs.db, a note) are no case at all: a scheduled push from a shared folder failed on them (helper-34).
        let strays = ((try? CaseStore(folder: locations.casesFolder).listing())?.problems ?? [])
            .filter { $0.file.lowercased().hasSuffix(".json") }.map { "\($0.file): \($0.message)" }
        for conflict in outcome.conflicts { printError("conflict: " + conflict) }
        for problem in outcome.refused + strays { printError("niet gezet: " + problem) }
        for problem in outcome.unvalued { printError("zonder bedragen voor het sectorbeeld: " + problem) }
        print(outcome.summary + (strays.isEmpty ? "" : "; \(strays.count) bestand(en) in de map zijn geen casusbestand"))
        if !outcome.conflicts.isEmpty || !outcome.refused.isEmpty || !strays.isEmpty { throw ExitCode(1) }
    }
}
