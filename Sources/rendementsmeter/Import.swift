import ArgumentParser
import Foundation
import RendementsDomain
import RendementsStorage

/// `rendementsmeter import FILE...`: adds cases from elsewhere (another team's folder) under new ids.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Voeg casusbestanden toe aan de business case; elke casus krijgt een nieuw id en overschrijft nooit een andere.")

    @OptionGroup var locations: Locations

    @Argument(help: ArgumentHelp("Casusbestanden (JSON).", valueName: "BESTAND"))
    var files: [String]

    func run() throws {
        let store = CaseStore(folder: locations.casesFolder)
        var failed = 0
        for path in files {
            let name = URL(fileURLWithPath: path).lastPathComponent
            guard let data = FileManager.default.contents(atPath: path) else {
                printError("fout: \(name): het bestand kan niet gelezen worden")
                failed += 1
                continue
            }
            let record: CaseRecord
            switch CaseCodec.decode(data) {
            case .success(let decoded): record = decoded
            case .failure(let error):
                printError("fout: \(name): \(error.dutchMessage)")
                failed += 1
                continue
            }
            // The same privacy guard as typing: no citizen service numbers in any free text.
            if let field = CaseChecker.freeTexts(record).first(where: { PrivacyGuard.refusal($0.1) != nil }) {
                printError("fout: \(name): \(field.0) bevat een getal dat een BSN kan zijn; niet geïmporteerd")
                failed += 1
                continue
            }
            do {
                let written = try store.create { id in
                    var copy = record
                    copy.id = id
                    return copy
                }
                print("\(name) → \(written.id)")
            } catch {
                printError("fout: \(name): \(error.dutchMessage)")
                failed += 1
            }
        }
        if failed > 0 {
            printError("\(failed) van \(files.count) bestand(en) niet geïmporteerd; de rest wel")
            throw ExitCode(1)
        }
    }
}
