import ArgumentParser
import Foundation
import RendementsStorage

/// `rendementsmeter validate`: checks every price list and case file; exit 0 only when all are valid.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Controleer de prijslijsten en alle casusbestanden; exitcode 0 alleen als alles klopt.")

    @OptionGroup var locations: Locations

    func run() throws {
        var problems: [Problem] = []
        var checked: [String] = []

        // Every price list beside the chosen one, so a broken new list is found before it is used.
        let chosen = locations.priceListFolder.standardizedFileURL
        var lists = [chosen]
        let parent = chosen.deletingLastPathComponent()
        if let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) {
            for name in names.sorted() where !name.hasPrefix(".") {
                let folder = parent.appendingPathComponent(name).standardizedFileURL
                if folder != chosen && FileManager.default.fileExists(atPath: folder.appendingPathComponent("prijzen.csv").path) {
                    lists.append(folder)
                }
            }
        }
        for list in lists.dropFirst() {
            let result = PriceListReader.read(folder: list)
            problems += result.problems
            checked.append("prijslijst \(list.lastPathComponent): \(result.priceList?.items.count ?? 0) items")
        }

        let folder = BusinessCaseFolder.open(cases: locations.casesFolder, priceList: chosen, checkingIntegrity: false)
        problems = folder.priceListResult.problems + problems
        checked.insert("prijslijst \(chosen.lastPathComponent): \(folder.priceList?.items.count ?? 0) items, versie \(folder.priceList?.version ?? "?")", at: 0)
        if let error = folder.folderError {
            problems.append(Problem(file: locations.casesFolder.path, message: error.dutchMessage))
        } else {
            problems += folder.caseResult.problems
            let list = folder.priceList
            problems += folder.caseResult.cases.parallelMap { CaseChecker.problems($0, priceList: list) }.flatMap { $0 }
            checked.append("casussen: \(folder.caseResult.cases.count) gelezen uit \(locations.casesFolder.path)")
        }

        for line in checked { print("gecontroleerd: \(line)") }
        for problem in problems { print(problem) }
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        if errors == 0 {
            print("Alles in orde\(warnings > 0 ? " (\(warnings) waarschuwing\(warnings == 1 ? "" : "en"))" : "").")
        } else {
            print("\(errors) fout\(errors == 1 ? "" : "en") gevonden\(warnings > 0 ? ", \(warnings) waarschuwing\(warnings == 1 ? "" : "en")" : "").")
            throw ExitCode(1)
        }
    }
}
