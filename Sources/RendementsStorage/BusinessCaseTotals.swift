import Foundation
import RendementsDomain

/// A business case opened for its law totals only (a report, the start screen): added
/// up by the index in SQL when it can be used, else from every case's figures. Either
/// way the same summaries, to the cent; only the first stays instant at 100,000 cases.
public struct BusinessCaseTotals: Sendable {
    public let settings: BusinessCaseSettings
    public let priceListResult: PriceListReadResult
    public let options: EstimateOptions
    /// The cases as they stand, and as their authors estimated them.
    public let current: BusinessCaseSummary
    public let original: BusinessCaseSummary
    /// Files that are not cases or could not be read, and problems of the whole folder.
    public let problems: [Problem]
    /// Problems that stop the cases being read at all (missing folder).
    public let folderError: CaseStoreError?
    /// How many cases are fictional examples (see `BusinessCaseFigures.examples`).
    public let examples: ExampleShare

    public var priceList: PriceList? { priceListResult.priceList }

    /// The totals as the index last recorded them, not checked against the files (see
    /// `CaseIndex.recordedTotals`); nil when the index has none for these settings.
    public static func recorded(cases: URL, priceList: URL, filter: CaseFilter) -> BusinessCaseTotals? {
        var (settings, problems) = BusinessCaseSettings.loadOrDefaults(folder: cases)
        let list = PriceListReader.read(folder: priceList)
        let options = settings.estimateOptions(list.priceList, reportYear: nil)
        guard let indexed = CaseIndex(casesFolder: cases).recordedTotals(options: options, filter: filter) else { return nil }
        problems += indexed.problems
        return BusinessCaseTotals(indexed, settings: settings, list: list, options: options, filter: filter, problems: problems)
    }

    /// `reportYear` overrides the business case's own report year.
    public static func open(cases: URL, priceList: URL, reportYear: Int?, filter: CaseFilter) -> BusinessCaseTotals {
        var (settings, problems) = BusinessCaseSettings.loadOrDefaults(folder: cases)
        let list = PriceListReader.read(folder: priceList)
        let options = settings.estimateOptions(list.priceList, reportYear: reportYear)
        let indexed: IndexedTotals?
        do {
            indexed = try CaseIndex(casesFolder: cases).lawTotals(options: options, filter: filter)
        } catch {
            let empty = BusinessCaseSummary(summed: SummedLawTotals(), filter: filter, options: options)
            return BusinessCaseTotals(settings: settings, priceListResult: list, options: options, current: empty, original: empty,
                                      problems: problems, folderError: error, examples: ExampleShare([], emptyIsExample: settings.fictionalExamples))
        }
        guard let indexed else {
            let figures = BusinessCaseFigures.open(cases: cases, priceList: priceList, reportYear: reportYear)
            return BusinessCaseTotals(
                settings: figures.settings, priceListResult: figures.priceListResult, options: figures.options,
                current: BusinessCaseSummary(figures: figures.figures.lazy.map(\.current), filter: filter, options: figures.options, detail: .lawTotals),
                original: BusinessCaseSummary(figures: figures.figures.lazy.map(\.original), filter: filter, options: figures.options, detail: .lawTotals),
                problems: figures.problems, folderError: figures.folderError, examples: figures.examples)
        }
        problems += indexed.problems
        problems += BusinessCaseFolder.wholeFolderProblems(cases, versionCounts: indexed.versions)
        return BusinessCaseTotals(indexed, settings: settings, list: list, options: options, filter: filter, problems: problems)
    }
}

extension BusinessCaseTotals {
    private init(_ indexed: IndexedTotals, settings: BusinessCaseSettings, list: PriceListReadResult, options: EstimateOptions,
                 filter: CaseFilter, problems: [Problem]) {
        self.init(settings: settings, priceListResult: list, options: options,
                  current: BusinessCaseSummary(summed: indexed.current, filter: filter, options: options),
                  original: BusinessCaseSummary(summed: indexed.original, filter: filter, options: options),
                  problems: problems, folderError: nil,
                  examples: ExampleShare(fictional: indexed.caseCount - indexed.realCases, of: indexed.caseCount,
                                         emptyIsExample: settings.fictionalExamples))
    }
}
