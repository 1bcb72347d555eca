import RendementsDomain

/// What the start screen shows about the business case, computed once at load.
public struct Overview: Sendable {
    public struct LawRow: Sendable, Hashable {
        public let name: String
        public let totals: Totals
        public init(name: String, totals: Totals) {
            self.name = name
            self.totals = totals
        }
    }

    public let businessCaseName: String
    public let examples: ExampleShare
    public let priceListLabel: String
    public let selection: CaseSelection
    public let countedCases: Int
    public let caseCount: Int
    public let statusCounts: [CaseStatus: Int]
    public let lawRows: [LawRow]
    public let total: Totals
    /// Dutch lines about files that could not be read (shown, never hidden).
    public let dataProblems: [String]
    /// `eigen prijsjaren` or `prijsjaar 2024`: every screen states its price year.
    public var priceYearLabel = EstimateOptions.plain.shortPriceYearText
    /// Selected cases left out because they could not be valued (`report` names them under "Niet meegeteld").
    public var uncountedCases = 0

    /// What the start screen warns about: cases left out of the figures, then files that could not be read.
    public var warnings: [String] {
        let uncounted = uncountedCases == 0 ? [] : ["\(DutchNumber.count(uncountedCases)) \(uncountedCases == 1 ? "casus" : "casussen") niet meegeteld: niet te waarderen (zie report)"]
        return uncounted + dataProblems
    }

    public init(businessCaseName: String, examples: ExampleShare, priceListLabel: String, selection: CaseSelection,
                countedCases: Int, caseCount: Int, statusCounts: [CaseStatus: Int], lawRows: [LawRow], total: Totals,
                dataProblems: [String]) {
        self.businessCaseName = businessCaseName
        self.examples = examples
        self.priceListLabel = priceListLabel
        self.selection = selection
        self.countedCases = countedCases
        self.caseCount = caseCount
        self.statusCounts = statusCounts
        self.lawRows = lawRows
        self.total = total
        self.dataProblems = dataProblems
    }

    /// The start screen's figures from a business-case summary, laws in price-list order.
    public init(businessCaseName: String, examples: ExampleShare, summary: BusinessCaseSummary, priceList: PriceList?, dataProblems: [String]) {
        let rows = LawOrder.codes(priceList: priceList, present: summary.perLaw.keys).map { code in
            LawRow(name: priceList?.lawName(code) ?? code, totals: summary.perLaw[code] ?? Totals())
        }
        self.init(
            businessCaseName: businessCaseName, examples: examples,
            priceListLabel: priceList.map { "\($0.name), versie \($0.version)" } ?? "niet geladen (zie 'rendementsmeter validate')",
            selection: summary.selection, countedCases: summary.countedCases, caseCount: summary.caseCount,
            statusCounts: summary.statusCounts, lawRows: rows, total: summary.total, dataProblems: dataProblems)
        priceYearLabel = summary.options.shortPriceYearText
        uncountedCases = summary.failures.count
    }
}
