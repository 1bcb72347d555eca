/// The parts of the app reachable from the start screen.
public enum MenuItem: CaseIterable, Sendable {
    case nieuweCasus, beoordelen, dashboard, schattingen, prijslijst

    public var title: String {
        switch self {
        case .nieuweCasus: "Nieuwe casus"
        case .beoordelen: "Casussen beoordelen"
        case .dashboard: "Dashboard"
        case .prijslijst: "Prijslijst"
        case .schattingen: "Schattingen"
        }
    }
}
