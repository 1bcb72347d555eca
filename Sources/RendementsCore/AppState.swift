import RendementsDomain

/// Which screen is showing.
public enum Screen: Hashable, Sendable {
    case start
    case priceList
    case intake
    case browser
    case caseView
    case dashboard
    case help(returnTo: ScreenKind)
}

/// The whole state of the terminal app; `view` draws it, `update` changes it.
public struct AppState: Sendable {
    public var size: Size
    public var screen: Screen = .start
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

    /// Who is working: recorded as the author of new cases.
    public var user: String
    /// Said on the start screen when the name is not the operating-system account's.
    public var identityNote: String?
    /// Fields and option lists for new cases (hourly rates, interventions).
    public var intakeForm: IntakeForm
    /// The case being entered, kept when the worker steps back to the start screen.
    public var intake: IntakeState?
    /// A draft found on disk at start-up, offered to continue.
    public var pendingDraft: IntakeDraft?
    /// A yes/no question waiting for an answer.
    public var confirmation: Confirmation?

    /// Price year, discount rate and grade cuts of this business case.
    public var estimateOptions = EstimateOptions.plain

    /// Every readable case of the business case, and its totals by case id.
    public private(set) var records: [CaseRecord] = []
    public private(set) var totalsByCase: [String: Totals] = [:]
    public var browser = BrowserState()
    public var caseView: CaseViewState?
    public var dashboard = DashboardState()
    /// The dashboard's figures for its current filter, recomputed when cases or the filter change.
    public private(set) var dashboardSummary = BusinessCaseSummary(cases: [], filter: CaseFilter())

    /// Replaces the cases (after loading or writing) and their totals.
    public mutating func setRecords(_ records: [CaseRecord]) {
        self.records = records
        totalsByCase = Dictionary(records.compactMap { record in (try? CaseValuation(record, options: estimateOptions)).map { (record.id, $0.total) } },
                                  uniquingKeysWith: { first, _ in first })
        refreshDashboard()
    }

    public mutating func refreshDashboard() {
        dashboardSummary = BusinessCaseSummary(cases: records, filter: dashboard.filter, options: estimateOptions)
    }

    /// The rows of the current dashboard panel.
    public var dashboardRows: [DashboardRow] { DashboardRows.rows(dashboard, dashboardSummary, priceList) }

    public func record(_ id: String) -> CaseRecord? { records.first { $0.id == id } }

    /// Puts one case as it is on disk now in place of the copy held (or adds it).
    public mutating func replaceRecord(_ record: CaseRecord) {
        var updated = records
        if let index = updated.firstIndex(where: { $0.id == record.id }) { updated[index] = record } else { updated.append(record) }
        setRecords(updated)
    }

    /// The sorted distinct values of a case field, for cycling filters.
    func distinct(_ value: KeyPath<CaseRecord, String>) -> [String] {
        Array(Set(records.map { $0[keyPath: value] })).sorted()
    }

    /// The rows of the case browser as filtered and sorted now.
    public var browserRows: [CaseRow] { browser.rows(records, totals: totalsByCase) }

    public init(size: Size, overview: Overview, priceList: PriceList?, user: String = "onbekend",
                intakeForm: IntakeForm = IntakeForm(hourlyRates: [], interventions: Choices.interventions),
                pendingDraft: IntakeDraft? = nil, records: [CaseRecord] = [], estimateOptions: EstimateOptions = .plain) {
        self.estimateOptions = estimateOptions
        self.size = size
        self.overview = overview
        self.priceList = priceList
        self.user = user
        self.intakeForm = intakeForm
        self.pendingDraft = pendingDraft
        if pendingDraft != nil { confirmation = .resumeDraft }
        setRecords(records)
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
