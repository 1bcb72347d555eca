import ArgumentParser
import Foundation
import RendementsDomain
import RendementsPostgres
import RendementsStorage

/// `rendementsmeter reprice --to DIR`: re-prices the business case against a newer price list, explicitly.
struct Reprice: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Herprijs alle casussen met een nieuwere prijslijst; elke wijziging komt met reden in de geschiedenis.")

    @OptionGroup var locations: Locations

    @Option(name: .long, help: ArgumentHelp("De nieuwe prijslijst (een map).", valueName: "MAP"))
    var to: String

    @Flag(name: .long, help: "Toon wat er zou veranderen zonder iets te schrijven.")
    var dryRun = false

    @OptionGroup var server: ServerOption

    func run() throws {
        // The reader's own message names --price-list; here the folder came with --to.
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: to, isDirectory: &isFolder), isFolder.boolValue else {
            printError("fout: '\(to)' is geen map met een prijslijst; geef met --to de map van de nieuwe lijst (met prijzen.csv). Er is niets herprijsd.")
            throw ExitCode(2)
        }
        let newList = PriceListReader.read(folder: URL(fileURLWithPath: to))
        guard let list = newList.priceList, newList.errors.isEmpty else {
            for problem in newList.errors { printError("fout: \(problem)") }
            printError("fout: de nieuwe prijslijst heeft fouten; er is niets herprijsd")
            throw ExitCode(1)
        }
        if server.addressText != nil { return try repriceOnServer(list) }
        let store = CaseStore(folder: locations.casesFolder)
        let listing: CaseStore.Listing
        do {
            listing = try store.listing()
        } catch {
            printError("fout: " + error.dutchMessage)
            throw ExitCode(2)
        }
        let settings = BusinessCaseSettings.loadOrDefaults(folder: locations.casesFolder).0
        let locks = LockStore(casesFolder: locations.casesFolder)
        let user = Identity.resolve(allowOverride: settings.allowUserOverride).name
        let time = HistoryChain.timestamp(Date())
        let options = settings.estimateOptions(list, reportYear: nil)
        if !dryRun {
            for name in store.removeAbandonedTemporaryFiles() { print("opgeruimd: \(name) (half geschreven door een afgebroken run)") }
            do {
                let target = URL(fileURLWithPath: to).standardizedFileURL.path
                try RepriceMarker(targetVersion: list.version, targetFolder: target, startedAt: time, by: user).write(casesFolder: locations.casesFolder)
            } catch {
                printError("fout: " + error.dutchMessage + " Er is niets herprijsd.")
                throw ExitCode(1)
            }
        }
        var written = 0
        var wouldChange = 0
        var skipped: [String] = []
        var failed: [String] = []
        // Read and re-priced on every core a chunk at a time; written one case at a time, in file order.
        let outcome = store.forEachChunk(of: listing, { (stored: StoredCase) -> RepriceStep in
            RepriceStep(stored.record, to: list, by: user, at: time, options: options)
        }) { (steps: [RepriceStep]) in
            for step in steps {
                let id = step.id
                step.printMissing()
                guard let updated = step.updated else { continue }
                // A case someone is reviewing is left alone: their save would otherwise meet a conflict.
                if !dryRun {
                    switch locks.holder(id) {
                    case .some(.some(let holder)) where !holder.isStale:
                        skipped.append("\(id): in beoordeling bij \(holder.user) (sinds \(DutchTimestamp.display(holder.since)))")
                        continue
                    case .some(.none):
                        skipped.append("\(id): het slotbestand is onleesbaar")
                        continue
                    default:
                        break
                    }
                }
                step.printChanges(list)
                wouldChange += 1
                guard !dryRun else { continue }
                do throws(CaseWriteError) {
                    try store.save(updated)
                    written += 1
                } catch .conflict(let current) {
                    skipped.append("\(id): intussen gewijzigd\(current.history.last.map { " door \($0.by)" } ?? ""); niet overschreven")
                } catch {
                    failed.append("\(id): \(error.dutchMessage)")
                }
            }
        }
        // A file that is not a readable, trustworthy case is not re-priced: the job is not done until it is mended.
        skipped = outcome.problems.filter { $0.severity == .error && $0.file.hasPrefix("C-") && $0.file.hasSuffix(".json") }
            .map { "\($0.file): \($0.message)" } + skipped
        if dryRun {
            for line in skipped { print("zou overgeslagen worden: \(line)") }
            print("Proefrun: \(wouldChange) casus(sen) zouden veranderen; niets geschreven.")
            return
        }
        try Self.summarise(written: written, herprijsd: "herprijsd", list: list, skipped: skipped, failed: failed)
        RepriceMarker.remove(casesFolder: locations.casesFolder)
    }
}

/// One case re-priced, worked out on any core: the case as it would be written (nil when
/// nothing changes), the prices that changed and the net result before and after.
private struct RepriceStep: Sendable {
    let id: String
    let updated: CaseRecord?
    let changes: [Repricing.Change]
    let missing: [String]
    let netBefore: String
    let netAfter: String
    /// The list the case stays on when it is not re-priced.
    let listVersion: String

    /// `options`: the business case's, so the nets before and after are the ones its reports show.
    init(_ record: CaseRecord, to list: PriceList, by user: String, at time: String, options: EstimateOptions) {
        let (updated, changes, missing) = Repricing.reprice(record, to: list, by: user, at: time)
        id = record.id
        listVersion = record.priceListVersion
        self.updated = updated == record ? nil : updated
        self.changes = changes
        self.missing = missing
        let changed = !changes.isEmpty && updated != record
        netBefore = changed ? (try? CaseValuation(record, options: options).total.net).map(DutchNumber.euro) ?? "–" : ""
        netAfter = changed ? (try? CaseValuation(updated, options: options).total.net).map(DutchNumber.euro) ?? "–" : ""
    }

    func printMissing() {
        guard !missing.isEmpty else { return }
        print("\(id): \(Set(missing).sorted().joined(separator: ", ")) staat niet in de nieuwe lijst; de casus blijft op prijslijst \(listVersion) en wordt niet herprijsd")
    }

    func printChanges(_ list: PriceList) {
        guard !changes.isEmpty else { return print("\(id): geen prijs veranderd; prijslijst \(list.version) vastgelegd") }
        print("\(id): netto \(netBefore) → \(netAfter)")
        for change in changes {
            print("  \(CaseEvent.dutchPath(change.place)), \(change.code): \(DutchNumber.euro(change.old.unitPrice)) (\(change.old.priceYear)) → \(DutchNumber.euro(change.new.unitPrice)) (\(change.new.priceYear))")
        }
    }
}

extension Reprice {
    /// On the server the login re-prices every case it reads, to the price list the server
    /// holds, so everyone prices with the same list; the server's rules decide (only a
    /// beheerder, and only the prices its list holds: migrations 12 and 13). Each case is its own transaction over the
    /// version read: a case a colleague changed meanwhile is skipped, never overwritten, and
    /// the same command run again finishes the job.
    func repriceOnServer(_ list: PriceList) throws {
        let address = try server.address()
        let role = try onServer(address) { try await $0.role() }
        // A sector analist reads no case (helper finding: told "geen recht op tabel rm_price_list").
        guard role != .sectorAnalist, dryRun || role == .beheerder else {
            let name = role.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") } ?? "lid zonder rol"
            printError("fout: op de server herprijst een beheerder; deze login is \(name). Er is niets herprijsd.")
            throw ExitCode(1)
        }
        let newest = try onServer(address) { try await $0.newestPriceListVersion() }
        guard newest == list.version else {
            let there = newest.map { "staat versie \($0)" } ?? "staat nog geen prijslijst"
            printError("fout: op de server \(there), niet versie \(list.version); zet de nieuwe lijst er eerst op met "
                + "'rendementsmeter database import-price-list --price-list \(to)' (als beheerder), zodat iedereen met dezelfde lijst rekent. "
                + "Er is niets herprijsd.")
            throw ExitCode(1)
        }
        let cases = try ServerCases.read(locations, server, reportYear: nil)
        // Priced with the list the server holds, never the folder's: a folder edited after its
        // version went on the server would otherwise price every case differently (helper finding).
        guard let held = cases.basis.priceList.priceList, held.version == list.version, held.items == list.items else {
            printError("fout: de lijst in \(to) heeft versie \(list.version) maar andere items of prijzen dan versie \(list.version) op de server; "
                + "er wordt herprijsd met de lijst op de server. Geef een gewijzigde lijst een nieuwe versie in info.csv en zet hem er met "
                + "'rendementsmeter database import-price-list'. Er is niets herprijsd.")
            throw ExitCode(1)
        }
        let options = cases.options
        let time = HistoryChain.timestamp(Date())
        let steps = cases.cases.map(\.record).parallelMap { RepriceStep($0, to: held, by: address.user, at: time, options: options) }
        for step in steps {
            step.printMissing()
            if step.updated != nil { step.printChanges(list) }
        }
        let updates = steps.compactMap(\.updated)
        var skipped = cases.problems
        if dryRun {
            for line in skipped { print("zou overgeslagen worden: \(line)") }
            print("Proefrun: \(updates.count) casus(sen) zouden veranderen; niets geschreven.")
            return
        }
        // One session for the run; each case one transaction, its refusal said and the rest carried on.
        let outcomes = try onServer(address) { business -> [(id: String, outcome: Result<ServerBusinessCase.SaveOutcome, DutchFailure>)] in
            var outcomes: [(id: String, outcome: Result<ServerBusinessCase.SaveOutcome, DutchFailure>)] = []
            for updated in updates {
                do {
                    outcomes.append((updated.id, .success(try await business.save(updated) { try CaseValuation($0, options: options).perLaw })))
                } catch {
                    outcomes.append((updated.id, .failure(DutchFailure(text: ServerError.from(error).dutchMessage))))
                }
            }
            return outcomes
        }
        var written = 0
        var failed: [String] = []
        for (id, outcome) in outcomes {
            switch outcome {
            case .success(.saved): written += 1
            case .success(.conflict(let current)):
                skipped.append("\(id): intussen gewijzigd\(current.history.last.map { " door \($0.by)" } ?? ""); niet overschreven")
            // The server's rules name the case themselves ("casus C-0001: …"): said once.
            case .failure(let failure): failed.append("\(id): \(failure.text.hasPrefix("casus \(id): ") ? String(failure.text.dropFirst("casus \(id): ".count)) : failure.text)")
            }
        }
        try Self.summarise(written: written, herprijsd: "op de server herprijsd", list: list, skipped: skipped, failed: failed)
    }

    /// What was written, skipped and refused; exit code 1 until nothing is left to do.
    static func summarise(written: Int, herprijsd: String, list: PriceList, skipped: [String], failed: [String]) throws {
        if written == 0 && skipped.isEmpty && failed.isEmpty {
            print("Niets te herprijzen: elke casus staat al op prijslijst \(list.name), versie \(list.version), of blijft op zijn eigen lijst.")
        } else {
            print("\(written) casus(sen) \(herprijsd) naar \(list.name), versie \(list.version); de reden staat in hun geschiedenis.")
        }
        for line in skipped { print("overgeslagen: \(line)") }
        for line in failed { printError("fout: \(line)") }
        guard skipped.isEmpty && failed.isEmpty else {
            printError("Niet af: \(skipped.count) overgeslagen, \(failed.count) mislukt. Voer dezelfde opdracht later opnieuw uit; wat al herprijsd is, blijft zo.")
            throw ExitCode(1)
        }
    }
}
