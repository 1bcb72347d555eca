import RendementsDomain

/// Keys on the dashboard: panels, rows, filters, drill-down and the explanation of a figure.
enum DashboardUpdate {
    static func open(_ app: inout AppState) {
        app.screen = .dashboard
        app.refreshDerived()
    }

    static func handle(_ key: Key, _ app: inout AppState) -> [Effect] {
        guard let action = Keymap.action(for: key, on: app.screenKind) else { return [] }
        if app.dashboard.tracing {
            switch action {
            case .previous: app.dashboard.traceScroll = max(0, app.dashboard.traceScroll - 1)
            case .next: app.dashboard.traceScroll += 1
            case .back: app.dashboard.tracing = false
            case .quit: return Update.quit(&app)
            default: break
            }
            return []
        }
        let rows = app.dashboardRows
        var state = app.dashboard
        var refilter = false
        switch action {
        case .previous: state.cursor[state.panel] = max(0, state.selectedIndex - 1)
        case .next: state.cursor[state.panel] = min(max(0, rows.count - 1), state.selectedIndex + 1)
        case .first: state.cursor[state.panel] = 0
        case .last: state.cursor[state.panel] = max(0, rows.count - 1)
        case .nextPanel, .previousPanel:
            let count = DashboardPanel.allCases.count
            state.panel = DashboardPanel(rawValue: (state.panel.rawValue + (action == .nextPanel ? 1 : count - 1)) % count) ?? .verloop
        case .togglePeriod: state.quarterly.toggle()
        case .cycleGrouping:
            let all = DashboardGrouping.allCases
            state.grouping = all[((all.firstIndex(of: state.grouping) ?? 0) + 1) % all.count]
            state.panel = .groepen
        case .filterSelection:
            state.filter.selection = state.filter.selection == .submitted ? .approvedOnly : .submitted
            refilter = true
        case .filterTeam:
            state.filter.team = BrowserState.cycle(state.filter.team, through: app.distinct(.team))
            refilter = true
        case .filterIntervention:
            state.filter.intervention = BrowserState.cycle(state.filter.intervention, through: app.distinct(.intervention))
            refilter = true
        case .filterDomain:
            state.filter.lifeDomain = BrowserState.cycle(state.filter.lifeDomain, through: LifeDomain.allCases)
            refilter = true
        case .filterYear:
            let years = app.distinct(.year)
            let current = state.filter.fromMonth.map { String($0.prefix(4)) }
            let next = BrowserState.cycle(current, through: years)
            state.filter.fromMonth = next.map { "\($0)-01" }
            state.filter.toMonth = next.map { "\($0)-12" }
            refilter = true
        case .clearFilters:
            state.filter = CaseFilter()
            refilter = true
        case .open:
            guard rows.indices.contains(state.selectedIndex) else { return [] }
            let row = rows[state.selectedIndex]
            var browser = BrowserState()
            browser.filter.caseIDs = Set(row.caseIDs)
            // A period row shows the running total, but behind it are only that period's cases (helper-20): said so.
            browser.filter.drillLabel = row.kind == .period ? "einddatum in \(row.label) (niet cumulatief)" : row.label
            browser.fromDashboard = true
            app.browser = browser
            app.screen = .browser
        case .trace:
            guard rows.indices.contains(state.selectedIndex) else { return [] }
            state.tracing = true
            state.traceScroll = 0
            app.dashboard = state
            // Only the cases the explanation shows are read whole.
            return [.loadCases(DashboardTrace.shownCases(rows[state.selectedIndex]))]
        case .back:
            app.screen = .start
        case .help:
            app.screen = .help(returnTo: .dashboard)
        case .quit:
            app.dashboard = state
            return Update.quit(&app)
        default:
            break
        }
        app.dashboard = state
        if refilter {
            app.refreshDerived()
            app.dashboard.cursor = [:]
        }
        return []
    }

}

extension CalendarDay {
    var yearText: String { String(year) }
}
