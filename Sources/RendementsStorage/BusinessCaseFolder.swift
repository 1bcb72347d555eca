import Foundation
import RendementsDomain

/// A business case opened from disk: its settings, price list and cases,
/// with every problem found on the way. Opening never changes a file.
public struct BusinessCaseFolder: Sendable {
    public let casesFolder: URL
    public let priceListFolder: URL
    public let settings: BusinessCaseSettings
    public let priceListResult: PriceListReadResult
    public let caseResult: CaseLoadResult
    /// Problems that stop the cases being read at all (missing folder).
    public let folderError: CaseStoreError?

    public var priceList: PriceList? { priceListResult.priceList }

    /// `checkingIntegrity: false` also loads cases whose history or numbers do not hold up (for `validate`, which names every problem).
    public static func open(cases: URL, priceList: URL, checkingIntegrity: Bool = true) -> BusinessCaseFolder {
        let (settings, settingsProblems) = BusinessCaseSettings.loadOrDefaults(folder: cases)
        let caseResult: CaseLoadResult
        var folderError: CaseStoreError?
        do {
            caseResult = try CaseStore(folder: cases).loadAll(checkingIntegrity: checkingIntegrity)
        } catch {
            folderError = error
            caseResult = CaseLoadResult(cases: [], problems: [])
        }
        return BusinessCaseFolder(
            casesFolder: cases, priceListFolder: priceList, settings: settings,
            priceListResult: PriceListReader.read(folder: priceList),
            caseResult: CaseLoadResult(cases: caseResult.cases,
                                       problems: settingsProblems + caseResult.problems + wholeFolderProblems(cases, caseResult)),
            folderError: folderError)
    }

    /// What only shows across cases: an unfinished re-pricing, and cases priced with different lists.
    static func wholeFolderProblems(_ folder: URL, _ result: CaseLoadResult) -> [Problem] {
        wholeFolderProblems(folder, versions: result.records.map(\.priceListVersion))
    }

    static func wholeFolderProblems(_ folder: URL, versions: [String]) -> [Problem] {
        var counts: [String: Int] = [:]
        for version in versions { counts[version, default: 0] += 1 }
        return wholeFolderProblems(folder, versionCounts: counts)
    }

    /// `versionCounts`: how many cases were priced with each price-list version.
    public static func wholeFolderProblems(_ folder: URL, versionCounts counts: [String: Int]) -> [Problem] {
        var problems: [Problem] = []
        if let marker = RepriceMarker.read(casesFolder: folder) {
            problems.append(Problem(file: ".locks/herprijzing.json", message: marker.dutchProblem))
        }
        return problems + versionProblems(folder.lastPathComponent, versionCounts: counts)
    }

    /// A warning when the cases were priced with more than one price-list version; `place`
    /// names the business case (a folder, or a server's organisation).
    public static func versionProblems(_ place: String, versionCounts counts: [String: Int]) -> [Problem] {
        guard counts.count > 1 else { return [] }
        let versions = counts.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
        return [Problem(file: place, message:
            "de casussen zijn met \(counts.count) prijslijstversies geprijsd: \(versions); totalen mengen prijspeilen, 'rendementsmeter reprice --to MAP' brengt ze op één lijst",
            severity: .warning)]
    }

    /// The business case's estimate settings with its price list.
    public func estimateOptions(reportYear: Int? = nil) -> EstimateOptions {
        settings.estimateOptions(priceList, reportYear: reportYear)
    }

    /// How many cases are the fictional examples.
    public var examples: ExampleShare {
        ExampleShare(caseResult.cases.lazy.map(\.record.fictional), emptyIsExample: settings.fictionalExamples)
    }
}
