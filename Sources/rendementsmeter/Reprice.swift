import ArgumentParser
import Foundation
import RendementsDomain
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
            RepriceStep(stored.record, to: list, by: user, at: time)
        }) { (steps: [RepriceStep]) in
            for step in steps {
                let id = step.id
                for code in Set(step.missing).sorted() {
                    print("\(id): \(code) staat niet in de nieuwe lijst en houdt zijn oude prijs")
                }
                guard let updated = step.updated else { continue }
                // A case someone is reviewing is left alone: their save would otherwise meet a conflict.
                if !dryRun {
                    switch locks.holder(id) {
                    case .some(.some(let holder)) where !holder.isStale:
                        skipped.append("\(id): in beoordeling bij \(holder.user) (sinds \(holder.since))")
                        continue
                    case .some(.none):
                        skipped.append("\(id): het slotbestand is onleesbaar")
                        continue
                    default:
                        break
                    }
                }
                if step.changes.isEmpty {
                    print("\(id): geen prijs veranderd; prijslijst \(list.version) vastgelegd")
                } else {
                    print("\(id): netto \(step.netBefore) → \(step.netAfter)")
                    for change in step.changes {
                        print("  \(change.place) \(change.code): \(DutchNumber.euro(change.old.unitPrice)) (\(change.old.priceYear)) → \(DutchNumber.euro(change.new.unitPrice)) (\(change.new.priceYear))")
                    }
                }
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
        print("\(written) casus(sen) herprijsd naar \(list.name), versie \(list.version); de reden staat in hun geschiedenis.")
        for line in skipped { print("overgeslagen: \(line)") }
        for line in failed { printError("fout: \(line)") }
        guard skipped.isEmpty && failed.isEmpty else {
            printError("Niet af: \(skipped.count) overgeslagen, \(failed.count) mislukt. Voer dezelfde opdracht later opnieuw uit; wat al herprijsd is, blijft zo.")
            throw ExitCode(1)
        }
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

    init(_ record: CaseRecord, to list: PriceList, by user: String, at time: String) {
        let (updated, changes, missing) = Repricing.reprice(record, to: list, by: user, at: time)
        id = record.id
        self.updated = updated == record ? nil : updated
        self.changes = changes
        self.missing = missing
        let changed = !changes.isEmpty && updated != record
        netBefore = changed ? (try? CaseValuation(record).total.net).map(DutchNumber.euro) ?? "–" : ""
        netAfter = changed ? (try? CaseValuation(updated).total.net).map(DutchNumber.euro) ?? "–" : ""
    }
}
