import RendementsDomain

/// The rows of each dashboard panel, from a summary; shared by update (drill down, trace) and view.
public enum DashboardRows {
    public static func rows(_ state: DashboardState, _ summary: BusinessCaseSummary, _ list: PriceList?) -> [DashboardRow] {
        switch state.panel {
        case .verloop:
            let periods = state.quarterly ? summary.perQuarter : summary.perMonth
            return periods.keys.sorted().map { DashboardRow(kind: .period, label: $0, group: periods[$0] ?? GroupTotals(), item: nil) }
        case .wetten:
            return financiers(summary, list)
        case .groepen:
            let groups: [String: GroupTotals]
            switch state.grouping {
            case .interventie: groups = summary.perIntervention
            case .team: groups = summary.perTeam
            case .leefgebied:
                groups = Dictionary(uniqueKeysWithValues: summary.perLifeDomain.map { ($0.key.dutchName, $0.value) })
            }
            return groups.sorted { ($0.value.totals.net, $1.key) > ($1.value.totals.net, $0.key) }
                .map { DashboardRow(kind: .group, label: $0.key, group: $0.value, item: nil) }
        case .patronen:
            let byValue = summary.topItemsByValue(4).map { DashboardRow(kind: .itemByValue, label: $0.description, group: GroupTotals(), item: $0) }
            let byCount = summary.topItemsByCount(4).map { DashboardRow(kind: .itemByCount, label: $0.description, group: GroupTotals(), item: $0) }
            let bands = summary.resultBands.map {
                DashboardRow(kind: .band, label: $0.dutchLabel, group: GroupTotals(caseCount: $0.caseIDs.count, caseIDs: $0.caseIDs), item: nil)
            }
            return byValue + byCount + bands
        }
    }

    static func financiers(_ summary: BusinessCaseSummary, _ list: PriceList?) -> [DashboardRow] {
        summary.perFinancier(list).map { DashboardRow(kind: .financier, label: $0.financier, group: $0.group, item: nil) }
    }
}
