import RendementsDomain

/// Keys on the "Schattingen" screen: rows, the two views, and back.
enum CalibrationUpdate {
    static func open(_ app: inout AppState) -> [Effect] {
        app.calibration = CalibrationState()
        app.screen = .calibration
        return [.loadCalibration(author: app.user)]
    }

    static func loaded(own: [OwnEstimate], spreads: [ItemSpread], _ app: inout AppState) {
        app.calibration?.own = own
        app.calibration?.spreads = spreads
    }

    static func handle(_ key: Key, _ app: inout AppState) -> [Effect] {
        guard let action = Keymap.action(for: key, on: .calibration), var state = app.calibration else { return [] }
        let page = CalibrationLayout.listRows(height: app.bodySize.height, rowCount: state.rowCount)
        let last = max(0, state.rowCount - 1)
        let selected = state.selectedIndex
        switch action {
        case .previous: state.cursor[state.panel] = max(0, selected - 1)
        case .next: state.cursor[state.panel] = min(last, selected + 1)
        case .pageUp: state.cursor[state.panel] = max(0, selected - page)
        case .pageDown: state.cursor[state.panel] = min(last, selected + page)
        case .first: state.cursor[state.panel] = 0
        case .last: state.cursor[state.panel] = last
        case .nextPanel, .previousPanel:
            let count = CalibrationPanel.allCases.count
            state.panel = CalibrationPanel(rawValue: (state.panel.rawValue + (action == .nextPanel ? 1 : count - 1)) % count) ?? .own
        case .back:
            app.screen = .start
        case .help:
            app.helpShowsMethod = false
            app.helpScroll = 0
            app.screen = .help(returnTo: .calibration)
        case .quit:
            return Update.quit(&app)
        default:
            break
        }
        app.calibration = state
        return []
    }
}

/// How the screen shares its rows: title, views, lead, header and rule above; the list; a rule,
/// the selected row's detail and the hint bar's row below. The list is as long as it needs
/// (at least three rows); the detail gets what it leaves, at least nine rows.
public enum CalibrationLayout {
    public static let frameRows = 8
    public static let minimumDetailRows = 9

    public static func listRows(height: Int, rowCount: Int) -> Int {
        max(1, min(max(3, rowCount), height - frameRows - minimumDetailRows))
    }

    public static func detailRows(height: Int, rowCount: Int) -> Int {
        max(0, height - frameRows - listRows(height: height, rowCount: rowCount))
    }
}
