/// The parts of the app reachable from the start screen.
public enum MenuItem: CaseIterable, Sendable {
    case nieuweCasus, beoordelen, dashboard, prijslijst

    public var title: String {
        switch self {
        case .nieuweCasus: "Nieuwe casus"
        case .beoordelen: "Casussen beoordelen"
        case .dashboard: "Dashboard"
        case .prijslijst: "Prijslijst"
        }
    }

    /// Honest word on parts that are not built yet; nil when the part works.
    public var notYetAvailable: String? {
        switch self {
        case .nieuweCasus, .beoordelen, .dashboard, .prijslijst: nil
        }
    }
}
