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
        let (settings, _) = BusinessCaseSettings.loadOrDefaults(folder: locations.casesFolder)
        let options = settings.estimateOptions(PriceListReader.read(folder: locations.priceListFolder).priceList)
        let outcome = try onServer(address) { server in
            try await StoreCopy.copy(from: source, to: server, options: options, refusal: Import.refusal)
        }
        for conflict in outcome.conflicts { printError("conflict: " + conflict) }
        for problem in outcome.refused { printError("niet gezet: " + problem) }
        print(outcome.summary)
        if !outcome.conflicts.isEmpty || !outcome.refused.isEmpty { throw ExitCode(1) }
    }
}
