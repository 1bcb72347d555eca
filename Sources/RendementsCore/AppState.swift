import RendementsDomain

/// Which screen is showing.
public enum Screen: Hashable, Sendable {
    case start
    case priceList
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

    public init(size: Size, overview: Overview, priceList: PriceList?) {
        self.size = size
        self.overview = overview
        self.priceList = priceList
    }

    public var screenKind: ScreenKind {
        switch screen {
        case .start: .start
        case .priceList: .priceList
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
