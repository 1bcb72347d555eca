import RendementsDomain

/// The dashboard's panels, switched with Tab.
public enum DashboardPanel: Int, CaseIterable, Hashable, Sendable {
    case verloop, wetten, groepen, patronen

    public var title: String {
        switch self {
        case .verloop: "Verloop"
        case .wetten: "Wie betaalt, wie bespaart"
        case .groepen: "Per groep"
        case .patronen: "Patronen"
        }
    }
}

/// What the group panel groups by.
public enum DashboardGrouping: CaseIterable, Hashable, Sendable {
    case interventie, team, leefgebied

    public var dutchName: String {
        switch self {
        case .interventie: "interventie"
        case .team: "team"
        case .leefgebied: "leefgebied"
        }
    }
}

/// One selectable row of a panel: its label, its figures and the cases behind it.
public struct DashboardRow: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case period, financier, group, itemByValue, itemByCount, band, heading }

    public let kind: Kind
    public let label: String
    public let group: GroupTotals
    /// For item rows: the item's value and line count.
    public let item: ItemTally?

    public var caseIDs: [String] { item?.caseIDs ?? group.caseIDs }
}

/// The dashboard's state: panel, grouping, period toggle, filter, the selected row, tracing.
public struct DashboardState: Sendable {
    public var panel: DashboardPanel = .verloop
    public var quarterly = false
    public var grouping: DashboardGrouping = .interventie
    public var filter = CaseFilter()
    public var cursor: [DashboardPanel: Int] = [:]
    /// The explanation of the selected row's figure, when shown.
    public var tracing = false
    public var traceScroll = 0

    public init() {}

    public var selectedIndex: Int { cursor[panel] ?? 0 }
}
