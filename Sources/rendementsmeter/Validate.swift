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

        // Each case is checked as it is read, so a large business case is never all in memory.
        let priceList = PriceListReader.read(folder: chosen)
        problems = priceList.problems + problems
        checked.insert("prijslijst \(chosen.lastPathComponent): \(priceList.priceList?.items.count ?? 0) items, versie \(priceList.priceList?.version ?? "?")", at: 0)
        let casesFolder = locations.casesFolder
        do {
            let list = priceList.priceList
            let mapped = try CaseStore(folder: casesFolder).mapCases(checkingIntegrity: false) { CaseChecker.problems($0, priceList: list) }
            problems += BusinessCaseSettings.loadOrDefaults(folder: casesFolder).1 + mapped.problems
                + BusinessCaseFolder.wholeFolderProblems(casesFolder, versionCounts: mapped.versionCounts)
            problems += mapped.results.flatMap { $0 }
            checked.append("casussen: \(mapped.results.count) gelezen uit \(casesFolder.path)")
        } catch {
            problems.append(Problem(file: casesFolder.path, message: error.dutchMessage))
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
