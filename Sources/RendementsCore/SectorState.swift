import RendementsDomain

/// The sector analyst's screen: the groups of the sector view (nil until read) and the selected one.
public struct SectorState: Hashable, Sendable {
    public var groups: [SectorGroup]?
    public var cursor = 0

    public init(groups: [SectorGroup]?) { self.groups = groups }
}

/// Keys on the sector screen: rows, help and quit. There is nothing else for this role to open.
enum SectorUpdate {
    static func handle(_ key: Key, _ app: inout AppState) -> [Effect] {
        guard let action = Keymap.action(for: key, on: .sector), var state = app.sector else { return [] }
        let last = max(0, (state.groups?.count ?? 0) - 1)
        let page = max(1, app.bodySize.height - SectorLayout.frameRows)
        switch action {
        case .previous: state.cursor = max(0, state.cursor - 1)
        case .next: state.cursor = min(last, state.cursor + 1)
        case .pageUp: state.cursor = max(0, state.cursor - page)
        case .pageDown: state.cursor = min(last, state.cursor + page)
        case .first: state.cursor = 0
        case .last: state.cursor = last
        case .help:
            app.helpShowsMethod = false
            app.helpScroll = 0
            app.screen = .help(returnTo: .sector)
        case .quit:
            return Update.quit(&app)
        default:
            break
        }
        app.sector = state
        return []
    }
}

/// The sector screen's rows around its list: title, lead, header and rule above; a rule, the
/// selected group in full (three rows) and the hint bar's row below.
public enum SectorLayout {
    public static let frameRows = 9
}
