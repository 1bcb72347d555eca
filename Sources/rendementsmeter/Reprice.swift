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
        let newList = PriceListReader.read(folder: URL(fileURLWithPath: to))
        guard let list = newList.priceList, newList.errors.isEmpty else {
            for problem in newList.errors { printError("fout: \(problem)") }
            printError("fout: de nieuwe prijslijst heeft fouten; er is niets herprijsd")
            throw ExitCode(1)
        }
        let folder = locations.open()
        if let error = folder.folderError {
            printError("fout: " + error.dutchMessage)
            throw ExitCode(2)
        }
        let store = CaseStore(folder: locations.casesFolder)
        let user = Identity.current()
        let time = HistoryChain.timestamp(Date())
        var changedCases = 0
        var failed = false
        for stored in folder.caseResult.cases {
            let (updated, changes, missing) = Repricing.reprice(stored.record, to: list, by: user, at: time)
            for code in Set(missing).sorted() {
                print("\(stored.record.id): \(code) staat niet in de nieuwe lijst en houdt zijn oude prijs")
            }
            guard !changes.isEmpty else { continue }
            let before = (try? CaseValuation(stored.record).total.net).map(DutchNumber.euro) ?? "–"
            let after = (try? CaseValuation(updated).total.net).map(DutchNumber.euro) ?? "–"
            print("\(stored.record.id): netto \(before) → \(after)")
            for change in changes {
                print("  \(change.place) \(change.code): \(DutchNumber.euro(change.old.unitPrice)) (\(change.old.priceYear)) → \(DutchNumber.euro(change.new.unitPrice)) (\(change.new.priceYear))")
            }
            changedCases += 1
            guard !dryRun else { continue }
            do {
                try store.save(updated)
            } catch {
                printError("fout: \(stored.record.id): \(error.dutchMessage)")
                failed = true
            }
        }
        print(dryRun ? "Proefrun: \(changedCases) casus(sen) zouden veranderen; niets geschreven."
                     : "\(changedCases) casus(sen) herprijsd naar \(list.name), versie \(list.version); de reden staat in hun geschiedenis.")
        if failed { throw ExitCode(1) }
    }
}
