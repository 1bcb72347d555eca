import ArgumentParser
import Foundation
import RendementsDomain
import RendementsStorage

/// `rendementsmeter validate`: checks every price list and case file, of a folder or (with
/// `--database`) of the server; exit 0 only when all are valid.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Controleer de prijslijsten en alle casusbestanden; exitcode 0 alleen als alles klopt.")

    @OptionGroup var locations: Locations
    @OptionGroup var server: ServerOption

    func run() throws {
        let (checked, problems) = server.addressText != nil ? try checkServer() : checkFolder()
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

    /// The server's newest price list, its settings and every case this login may read, each
    /// case checked as a folder's is: the hash chain, the prices against the list, the bounds.
    private func checkServer() throws -> (checked: [String], problems: [Problem]) {
        let (label, settingsText, listResult, files) = try onStore(locations, server) { store in
            (try await store.label, try await store.settingsText(), try await store.priceList(), try await store.caseFiles())
        }
        var checked: [String] = []
        var problems: [Problem] = []
        if let listResult {
            problems += listResult.problems
            checked.append("prijslijst op de server: \(listResult.priceList?.items.count ?? 0) items, versie \(listResult.priceList?.version ?? "?")")
        } else {
            problems.append(Problem(file: label, message: "er staat nog geen prijslijst op de server; 'rendementsmeter database import-price-list' zet hem er", severity: .warning))
        }
        if let settingsText, BusinessCaseSettings.decode(settingsText) == nil {
            problems.append(Problem(file: CaseStore.settingsFileName, message: "de instellingen op de server zijn onleesbaar"))
        }
        let list = listResult?.priceList
        let results = files.parallelMap { file -> (record: CaseRecord?, problems: [Problem]) in
            let name = file.id + ".json"
            switch CaseCodec.decode(Data(file.content.utf8)) {
            case .success(let record) where record.id == file.id:
                return (record, CaseChecker.problems(StoredCase(record: record, fileName: name), priceList: list))
            case .success(let record):
                return (nil, [Problem(file: name, message: "het id in het bestand ('\(record.id.prefix(40))') hoort \(file.id) te zijn")])
            case .failure(let error):
                return (nil, [Problem(file: name, message: error.dutchMessage)])
            }
        }
        let records = results.compactMap(\.record)
        // The figures the sector view adds up, valued as the app that wrote them valued them.
        let settings = settingsText.flatMap(BusinessCaseSettings.decode) ?? BusinessCaseSettings(name: "")
        let recorded = try onServer(try server.address()) { try await $0.recordedFigures() }
        let figureProblems = RecordedFiguresCheck.problems(records, recorded: recorded, options: settings.estimateOptions(list, reportYear: nil))
        var versions: [String: Int] = [:]
        for version in records.map(\.priceListVersion) { versions[version, default: 0] += 1 }
        problems += BusinessCaseFolder.versionProblems(label, versionCounts: versions) + results.flatMap(\.problems) + figureProblems
        checked.append("casussen: \(versions.values.reduce(0, +)) gelezen van \(label)")
        return (checked, problems)
    }

    private func checkFolder() -> (checked: [String], problems: [Problem]) {
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

        return (checked, problems)
    }
}
