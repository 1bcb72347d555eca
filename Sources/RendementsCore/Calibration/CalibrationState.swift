import RendementsDomain

/// The two views of the "Schattingen" screen.
public enum CalibrationPanel: Int, CaseIterable, Sendable {
    /// The worker's own estimates beside colleagues' approved lines: only the worker's rows, by name.
    case own
    /// Per item and intervention, never per person: the spread and review's moves.
    case items

    public var title: String {
        switch self {
        case .own: "Mijn schattingen"
        case .items: "Spreiding per item"
        }
    }
}

/// The "Schattingen" screen: which view shows, the selected row, and what the index answered
/// (nil until it has). The rows are worked out once per opening, not per key.
public struct CalibrationState: Sendable {
    public var panel: CalibrationPanel = .own
    public var cursor: [CalibrationPanel: Int] = [:]
    public var own: [OwnEstimate]?
    public var spreads: [ItemSpread]?

    public init() {}

    public var rowCount: Int {
        switch panel {
        case .own: own?.count ?? 0
        case .items: spreads?.count ?? 0
        }
    }

    public var selectedIndex: Int { min(cursor[panel] ?? 0, max(0, rowCount - 1)) }
}
