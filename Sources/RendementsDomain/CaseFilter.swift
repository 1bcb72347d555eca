/// Which cases a dashboard, report or export counts: the status selection plus
/// optional period (by end month), team, intervention and life domain.
public struct CaseFilter: Hashable, Sendable {
    public var selection: CaseSelection
    /// Inclusive `yyyy-mm` bounds on the case end date.
    public var fromMonth: String?
    public var toMonth: String?
    public var team: String?
    public var intervention: String?
    public var lifeDomain: LifeDomain?

    public init(selection: CaseSelection = .submitted, fromMonth: String? = nil, toMonth: String? = nil,
                team: String? = nil, intervention: String? = nil, lifeDomain: LifeDomain? = nil) {
        self.selection = selection
        self.fromMonth = fromMonth
        self.toMonth = toMonth
        self.team = team
        self.intervention = intervention
        self.lifeDomain = lifeDomain
    }

    /// Everything but the status selection (which the summary also uses for its status counts).
    public func matchesContext(_ figures: CaseFigures) -> Bool {
        if fromMonth != nil || toMonth != nil {
            let month = figures.periodEnd.monthKey
            guard fromMonth.map({ month >= $0 }) ?? true, toMonth.map({ month <= $0 }) ?? true else { return false }
        }
        return (team.map { $0 == figures.team } ?? true)
            && (intervention.map { $0 == figures.intervention } ?? true)
            && (lifeDomain.map { figures.lifeDomains.contains($0) } ?? true)
    }

    /// `ingediende en goedgekeurde casussen · team Noord · 2025-01 t/m 2025-06`
    public var dutchDescription: String {
        var parts = [selection.dutchDescription]
        switch (fromMonth, toMonth) {
        case let (from?, to?): parts.append(from == to ? "maand \(from)" : "\(from) t/m \(to)")
        case let (from?, nil): parts.append("vanaf \(from)")
        case let (nil, to?): parts.append("t/m \(to)")
        default: break
        }
        if let team { parts.append("team \(team)") }
        if let intervention { parts.append("interventie \(intervention)") }
        if let lifeDomain { parts.append("leefgebied \(lifeDomain.dutchName)") }
        return parts.joined(separator: " · ")
    }
}
