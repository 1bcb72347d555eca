import RendementsDomain

/// Which screen is showing.
public enum Screen: Hashable, Sendable {
    case start
    case priceList
    case intake
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

    /// Who is working: recorded as the author of new cases.
    public var user: String
    /// Fields and option lists for new cases (hourly rates, interventions).
    public var intakeForm: IntakeForm
    /// The case being entered, kept when the worker steps back to the start screen.
    public var intake: IntakeState?
    /// A draft found on disk at start-up, offered to continue.
    public var pendingDraft: IntakeDraft?
    /// A yes/no question waiting for an answer.
    public var confirmation: Confirmation?

    public init(size: Size, overview: Overview, priceList: PriceList?, user: String = "onbekend",
                intakeForm: IntakeForm = IntakeForm(hourlyRates: [], interventions: Choices.interventions),
                pendingDraft: IntakeDraft? = nil) {
        self.size = size
        self.overview = overview
        self.priceList = priceList
        self.user = user
        self.intakeForm = intakeForm
        self.pendingDraft = pendingDraft
        if pendingDraft != nil { confirmation = .resumeDraft }
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
