import Foundation
import RendementsDomain

/// A business case opened for its figures only, through the index: what reports,
/// the start screen and the dashboard need, without decoding every case.
public struct BusinessCaseFigures: Sendable {
    public let casesFolder: URL
    public let settings: BusinessCaseSettings
    public let priceListResult: PriceListReadResult
    public let options: EstimateOptions
    /// Every readable case's figures, as it stands and as its author estimated it.
    public let figures: [CaseFigurePair]
    /// Files that are not cases or could not be read, and problems of the whole folder.
    public let problems: [Problem]
    /// Problems that stop the cases being read at all (missing folder).
    public let folderError: CaseStoreError?
    /// How many cases this read had to value again (0 with a current index).
    public let revalued: Int
    /// The index read behind these figures; an app passes it back to read again cheaply.
    public let snapshot: CaseIndex.Snapshot?

    public var priceList: PriceList? { priceListResult.priceList }

    /// True when this read found exactly the files `earlier` read, none changed, with the same
    /// settings and problems: its figures are `earlier`'s, in the same order.
    public func isUnchanged(since earlier: BusinessCaseFigures) -> Bool {
        guard let before = earlier.snapshot, let after = snapshot else { return false }
        return before.isUnchanged(in: after) && earlier.problems == problems
    }

    /// How many cases are the fictional examples (an empty business case is one when its settings say so).
    public var examples: ExampleShare {
        ExampleShare(figures.lazy.map(\.current.fictional), emptyIsExample: settings.fictionalExamples)
    }

    /// `reportYear` overrides the business case's own report year.
    /// `previous`: an earlier opening of the same folder, whose unchanged figures are reused.
    public static func open(cases: URL, priceList: URL, reportYear: Int? = nil, reusing previous: BusinessCaseFigures? = nil) -> BusinessCaseFigures {
        var (settings, problems) = BusinessCaseSettings.loadOrDefaults(folder: cases)
        let list = PriceListReader.read(folder: priceList)
        let options = settings.estimateOptions(list.priceList, reportYear: reportYear)
        do {
            let snapshot = try CaseIndex(casesFolder: cases).snapshot(options: options, reusing: previous?.snapshot)
            problems += snapshot.problems
            problems += BusinessCaseFolder.wholeFolderProblems(cases, versions: snapshot.figures.map(\.current.priceListVersion))
            return BusinessCaseFigures(casesFolder: cases, settings: settings, priceListResult: list, options: options,
                                       figures: snapshot.figures, problems: problems, folderError: nil, revalued: snapshot.revalued,
                                       snapshot: snapshot)
        } catch {
            return BusinessCaseFigures(casesFolder: cases, settings: settings, priceListResult: list, options: options,
                                       figures: [], problems: problems, folderError: error, revalued: 0, snapshot: nil)
        }
    }
}
