import RendementsDomain

/// Which screen is showing.
public enum Screen: Hashable, Sendable {
    case start
    case priceList
    case intake
    case browser
    case caseView
    case dashboard
    /// The worker's own estimates beside colleagues', and the spread per item.
    case calibration
    /// The sector analyst's only screen: the sector view across organisations.
    case sector
    case help(returnTo: ScreenKind)
}

/// The whole state of the terminal app; `view` draws it, `update` changes it.
public struct AppState: Sendable {
    public var size: Size
    public var screen: Screen = .start
    /// The sector view, for a sector analyst (who sees no case); nil for everyone else.
    public var sector: SectorState?
    public var overview: Overview
    public var priceList: PriceList?
    public var menuIndex = 0
    /// A one-line message for the user (Dutch); cleared by the next key.
    public var notice: String?

    /// Price-list browser: the highlighted row, the top visible row, and the search.
    public var priceListCursor = 0
    public var priceListScroll = 0
    public var priceListQuery = ""
    public var isEditingQuery = false
    /// The help screen shows the method ("Hoe rekenen we") instead of the screen's keys.
    public var helpShowsMethod = false
    /// The first row of help shown; the help page scrolls when it is longer than the screen.
    public var helpScroll = 0

    /// Who is working: recorded as the author of new cases.
    public var user: String
    /// Said on the start screen when the name is not the operating-system account's.
    public var identityNote: String?
    /// What the store lets this user do; screens refuse the rest before any typing starts.
    public var permissions = Permissions.everything
    /// Whether opening a review locks the case for others: a folder does (a lock file); the
    /// server does not yet, so its review screen does not claim it.
    public var locksCasesForReview = true
    /// Fields and option lists for new cases (hourly rates, interventions).
    public var intakeForm: IntakeForm
    /// The case being entered, kept when the worker steps back to the start screen.
    public var intake: IntakeState?
    /// A draft found on disk at start-up, offered to continue.
    public var pendingDraft: IntakeDraft?
    /// A price list read since the one shown, waiting until nothing in use was priced from the
    /// one shown (an intake, a review, the price-list screen): one case never mixes two lists.
    public var newPriceList: NewPriceList?
    /// A yes/no question waiting for an answer.
    public var confirmation: Confirmation?

    /// Price year, discount rate and grade cuts of this business case.
    public var estimateOptions = EstimateOptions.plain

    /// Every readable case's figures (read through the index): what the start screen,
    /// browser and dashboard add up, without holding 100,000 whole cases.
    public private(set) var cases: [CaseFigurePair] = []
    /// False until the cases' figures were read: the app paints its start screen from the
    /// index's totals and reads every case's figures only when the browser or dashboard opens.
    /// Until then the overview is as given, not derived from `cases`.
    public private(set) var casesLoaded = false
    /// Whole cases read from disk on demand: the ones opened, explained or written here.
    public private(set) var openedRecords: [String: CaseRecord] = [:]
    private var casePositions: [String: Int] = [:]
    public var browser = BrowserState()
    /// The case browser's rows as filtered and sorted now; rebuilt when the cases, the
    /// filter, the sort or the search change, never for a cursor move.
    public private(set) var browserRows = BrowserRows.none
    /// The browser's sort keys and filter values of `cases`, made when the browser first needs them.
    private var browserIndex: BrowserIndex?
    /// The distinct values of a field over `cases`, for the filter keys; kept until the cases change.
    private var distinctValues: [FilterField: [String]] = [:]
    public var caseView: CaseViewState?
    public var dashboard = DashboardState()
    /// The "Schattingen" screen, while it is open.
    public var calibration: CalibrationState?
    /// The dashboard's figures for its current filter, recomputed when cases or the filter change.
    public private(set) var dashboardSummary = BusinessCaseSummary(cases: [], filter: CaseFilter())

    /// Replaces the figures of all cases (after reading the business case again).
    public mutating func setCases(_ figures: [CaseFigurePair]) {
        setCases(PreparedFigures(figures))
    }

    /// Replaces the figures of all cases with figures whose keys and sums were worked out with them.
    public mutating func setCases(_ prepared: PreparedFigures) {
        cases = prepared.pairs
        casesLoaded = true
        casePositions = prepared.positions
        refreshAll(prepared: prepared)
    }

    /// Replaces the cases with these whole cases (a small business case, or a test).
    public mutating func setRecords(_ records: [CaseRecord]) {
        openedRecords = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        setCases(records.map { CaseFigurePair($0, options: estimateOptions) })
    }

    /// Keeps whole cases just read from disk (to open or explain them) beside their figures.
    public mutating func keepOpened(_ records: [CaseRecord]) {
        for record in records { openedRecords[record.id] = record }
    }

    private var browserBuiltFor: BrowserState.RowsKey?
    private var dashboardBuiltFor: CaseFilter?
    /// Counts the dashboard summaries built, so rows made from an older one are never shown.
    private var summaryGeneration = 0
    private var dashboardRowsCache: (key: DashboardRowsKey, rows: [DashboardRow])?
    /// The cases' figures as the dashboard sums them, made when it first opens and kept until the
    /// cases change: every filter key sums this table again (about 25 MB at 100,000 cases).
    private var dashboardTable: SummaryTable?

    private mutating func refreshAll(prepared: PreparedFigures? = nil) {
        // Nothing stale is kept: a screen not showing builds its figures when it opens,
        // unless they came worked out with the cases.
        browserBuiltFor = nil
        dashboardBuiltFor = nil
        browserRows = .none
        browserIndex = prepared?.browserIndex
        distinctValues = [:]
        dashboardTable = prepared?.table
        dashboardSummary = BusinessCaseSummary(figures: [], filter: dashboard.filter, options: estimateOptions, detail: .patterns)
        summaryGeneration += 1
        refreshDerived()
        refreshOverview()
    }

    /// Rebuilds the browser rows and the dashboard figures when what they depend on
    /// changed since they were built (called after every update; a cursor move costs nothing),
    /// and only while their screen shows: the start screen paints without them.
    public mutating func refreshDerived() {
        if screen == .browser || screen == .caseView, browserBuiltFor != browser.rowsKey {
            let index = browserIndex ?? BrowserIndex(cases)
            browserIndex = index
            browserRows = BrowserRows(cases: cases, order: index.order(browser, cases))
            browserBuiltFor = browser.rowsKey
        }
        if screen == .dashboard, dashboardBuiltFor != dashboard.filter {
            let table = dashboardTable ?? SummaryTable(currentOf: cases)
            dashboardTable = table
            // The figures shown so far go first: two summaries of 100,000 cases at once would be 12 MB more.
            dashboardSummary = BusinessCaseSummary(figures: [], filter: dashboard.filter, options: estimateOptions, detail: .patterns)
            dashboardSummary = BusinessCaseSummary(table: table, filter: dashboard.filter, options: estimateOptions, detail: .patterns)
            dashboardBuiltFor = dashboard.filter
            summaryGeneration += 1
        }
        if screen == .dashboard, dashboardRowsCache?.key != dashboardRowsKey {
            dashboardRowsCache = (dashboardRowsKey, DashboardRows.rows(dashboard, dashboardSummary, priceList))
        }
    }

    /// True while something on screen was priced from the list shown and may still add to it.
    var usesShownPriceList: Bool {
        intake != nil || caseView?.reviewing == true || screen == .priceList
    }

    /// Takes the new price list once nothing uses the one shown: the start screen's list and
    /// laws, the law and item names, the price-list screen and the intake then follow the
    /// figures, which follow the new list at once.
    mutating func adoptNewPriceListWhenFree() {
        guard let new = newPriceList, !usesShownPriceList else { return }
        priceList = new.list
        intakeForm = new.form
        newPriceList = nil
        dashboardRowsCache = nil
        refreshOverview()
    }

    /// The start screen's figures follow the cases; its name, list and problems stay as read.
    private mutating func refreshOverview() {
        guard casesLoaded else { return }
        // The dashboard sums the same table: made here, it is made once.
        let table = dashboardTable ?? SummaryTable(currentOf: cases)
        dashboardTable = table
        let summary = BusinessCaseSummary(table: table, filter: CaseFilter(selection: overview.selection), options: estimateOptions, detail: .lawTotals)
        let examples = ExampleShare(cases.lazy.map(\.current.fictional), emptyIsExample: overview.examples.emptyIsExample)
        overview = Overview(businessCaseName: overview.businessCaseName, examples: examples, summary: summary,
                            priceList: priceList, dataProblems: overview.dataProblems)
    }

    /// The rows of the current dashboard panel.
    /// The dashboard panel's rows; kept after each update while panel, grouping and figures stay
    /// (a financier row gathers up to every case id, which cost 30 ms a key at 100,000 cases).
    public var dashboardRows: [DashboardRow] {
        if let cache = dashboardRowsCache, cache.key == dashboardRowsKey { return cache.rows }
        return DashboardRows.rows(dashboard, dashboardSummary, priceList)
    }

    private struct DashboardRowsKey: Equatable, Sendable {
        let panel: DashboardPanel
        let quarterly: Bool
        let grouping: DashboardGrouping
        let summary: Int
    }

    private var dashboardRowsKey: DashboardRowsKey {
        DashboardRowsKey(panel: dashboard.panel, quarterly: dashboard.quarterly, grouping: dashboard.grouping, summary: summaryGeneration)
    }

    /// A whole case, when it was read in this session.
    public func record(_ id: String) -> CaseRecord? { openedRecords[id] }

    /// The open case as the screen shows it: with the reviewer's steps that are not saved yet
    /// applied, so nobody types a change again that is only waiting for the server.
    public func caseAsShown(_ view: CaseViewState) -> CaseRecord? {
        guard let record = record(view.caseID) else { return nil }
        return view.pending.isEmpty || view.pendingMetNewerVersion ? record : ReviewUpdate.applying(view.pending, to: record, by: user).record
    }

    /// The case as a decision taken now would save it: the steps still waiting applied to the version held.
    public func caseAsDecided(_ view: CaseViewState) -> CaseRecord? {
        guard let record = record(view.caseID) else { return nil }
        return ReviewUpdate.applying(view.pending, to: record, by: user).record
    }

    /// Puts one case as it is on disk now in place of the copy held (or adds it).
    public mutating func replaceRecord(_ record: CaseRecord) {
        openedRecords[record.id] = record
        // Without the other cases' figures one case cannot be put among them; the next read brings it.
        guard casesLoaded else { return }
        let pair = CaseFigurePair(record, options: estimateOptions)
        if let position = casePositions[record.id] {
            cases[position] = pair
        } else {
            casePositions[record.id] = cases.count
            cases.append(pair)
        }
        refreshAll()
    }

    /// The sorted distinct values of a case field, for cycling filters.
    mutating func distinct(_ field: FilterField) -> [String] {
        if let known = distinctValues[field] { return known }
        let values = Array(Set(cases.map { field.value(of: $0.current) })).sorted()
        distinctValues[field] = values
        return values
    }

    public init(size: Size, overview: Overview, priceList: PriceList?, user: String = "onbekend",
                intakeForm: IntakeForm = IntakeForm(hourlyRates: [], interventions: Choices.interventions, priceList: nil),
                pendingDraft: IntakeDraft? = nil, cases: [CaseFigurePair]? = [], estimateOptions: EstimateOptions = .plain) {
        self.estimateOptions = estimateOptions
        self.size = size
        self.overview = overview
        self.priceList = priceList
        self.user = user
        self.intakeForm = intakeForm
        self.pendingDraft = pendingDraft
        if pendingDraft != nil { confirmation = .resumeDraft }
        // nil: not read yet (see `casesLoaded`).
        if let cases { setCases(cases) }
    }

    /// The hint bar's rows for the current screen at the current width.
    public var hintRows: [[Keymap.Hint]] {
        // While a question is open only its answers act, so only they are shown.
        if confirmation != nil { return Keymap.hintRows(on: .confirm, typing: false, width: size.width) }
        return Keymap.hintRows(on: screenKind, typing: screen == .intake && intake?.isTyping == true, width: size.width,
                               without: permissions.refusedActions)
    }

    /// The room a screen has: the terminal less the hint bar's extra rows. Screens lay
    /// out in this, and paging counts in it, so the selected row is never under the bar.
    public var bodySize: Size {
        Size(width: size.width, height: size.height - max(0, hintRows.count - 1))
    }

    public var screenKind: ScreenKind {
        switch screen {
        case .start: .start
        case .priceList: .priceList
        case .intake where intake?.picker != nil:
            .picker
        case .intake:
            switch intake?.step {
            case .ingezet, .voorkomen: .intakeLines
            case .overzicht: .intakeOverview
            default: .intake
            }
        case .browser: browser.isSearching ? .prompt : .browser
        case .caseView where caseView?.picker != nil:
            .picker
        case .caseView:
            caseView?.prompt != nil ? .prompt : (caseView?.reviewing == true ? .caseReview : .caseView)
        case .dashboard: dashboard.tracing ? .trace : .dashboard
        case .calibration: .calibration
        case .sector: .sector
        case .help: .help
        }
    }

    public var selectedMenuItem: MenuItem { MenuItem.allCases[menuIndex] }

    /// The price-list rows matching the current search.
    public var priceListRows: [PriceListRow] {
        guard let priceList else { return [] }
        return PriceListRow.rows(priceList, query: priceListQuery)
    }
}

/// A field the browser and dashboard filter on, whose values the filter keys cycle through.
enum FilterField: Hashable, Sendable {
    case author, intervention, team, year

    func value(of figures: CaseFigures) -> String {
        switch self {
        case .author: figures.author
        case .intervention: figures.intervention
        case .team: figures.team
        case .year: figures.periodEnd.yearText
        }
    }
}
