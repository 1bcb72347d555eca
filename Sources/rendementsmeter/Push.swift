import ArgumentParser
import Foundation
import RendementsDomain
import RendementsPostgres
import RendementsStorage

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
        let folder = locations.open()
        if let error = folder.folderError {
            printError("fout: " + error.dutchMessage)
            throw ExitCode(2)
        }
        let options = folder.settings.estimateOptions(folder.priceList)
        var ready: [(CaseRecord, String, [String: Totals])] = []
        var refused = folder.caseResult.problems.filter { $0.severity == .error }.map { "\($0.file): \($0.message)" }
        for stored in folder.caseResult.cases {
            let file = locations.casesFolder.appendingPathComponent(stored.fileName)
            if let reason = Import.refusal(stored.record) {
                refused.append("\(stored.fileName): \(reason)")
                continue
            }
            guard let content = try? String(contentsOf: file, encoding: .utf8),
                  let valuation = try? CaseValuation(stored.record, options: options) else {
                refused.append("\(stored.fileName): kan niet worden gelezen of gewaardeerd; zie 'rendementsmeter validate'")
                continue
            }
            ready.append((stored.record, content, valuation.perLaw))
        }
        let cases = ready
        let settingsFile = locations.casesFolder.appendingPathComponent(CaseStore.settingsFileName)
        let settings = try? String(contentsOf: settingsFile, encoding: .utf8)
        let outcomes = try onServer(address) { business in
            // The folder's settings (name, rates, report year) go with its cases, so the server values them alike.
            if let settings { try await business.setSettings(settings) }
            var outcomes: [ServerBusinessCase.PushOutcome] = []
            for (record, content, perLaw) in cases { outcomes.append(try await business.push(record, content: content, perLaw: perLaw)) }
            return outcomes
        }
        var counts = (added: 0, there: 0, conflicts: 0)
        for ((record, _, _), outcome) in zip(cases, outcomes) {
            switch outcome {
            case .added: counts.added += 1
            case .alreadyThere: counts.there += 1
            case .conflict(let revision):
                counts.conflicts += 1
                printError("conflict: \(record.id) staat al op de server met andere inhoud (versie \(revision)); niet overschreven")
            }
        }
        for problem in refused { printError("niet gezet: \(problem)") }
        print("\(counts.added) toegevoegd, \(counts.there) stonden er al, \(counts.conflicts) conflict(en), \(refused.count) niet gezet")
        if counts.conflicts > 0 || !refused.isEmpty { throw ExitCode(1) }
    }
}
