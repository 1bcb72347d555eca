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
        Context(self).matches(figures)
    }

    /// The context compiled once for a pass over many cases: the month bounds as numbers, because
    /// formatting each case's `yyyy-mm` to compare it was a tenth of a dashboard filter key at 100,000 cases.
    struct Context: Sendable {
        /// A bound that is not a `yyyy-mm` key is compared as text, as it always was.
        enum Bound: Sendable {
            case number(Int)
            case text(String)

            init(_ key: String) {
                self = CalendarDay.monthNumber(key: key).map { .number($0) } ?? .text(key)
            }
        }

        let from: Bound?
        let to: Bound?
        let team: String?
        let intervention: String?
        let lifeDomain: LifeDomain?

        init(_ filter: CaseFilter) {
            from = filter.fromMonth.map(Bound.init)
            to = filter.toMonth.map(Bound.init)
            team = filter.team
            intervention = filter.intervention
            lifeDomain = filter.lifeDomain
        }

        func matches(_ figures: CaseFigures) -> Bool {
            if let from, Self.side(figures.periodEnd.monthNumber, from) < 0 { return false }
            if let to, Self.side(figures.periodEnd.monthNumber, to) > 0 { return false }
            return (team.map { $0 == figures.team } ?? true)
                && (intervention.map { $0 == figures.intervention } ?? true)
                && (lifeDomain.map { figures.lifeDomains.contains($0) } ?? true)
        }

        /// This context for the rows of one table: its texts as the table's numbers.
        func compiled(for table: SummaryTable) -> TableMatch {
            // A text no case has matches no row.
            func number(_ text: String?, in names: [String]) -> Int32? {
                text.map { text in names.firstIndex(of: text).map { Int32($0) } ?? -1 }
            }
            return TableMatch(table: table, from: from, to: to, team: number(team, in: table.teamNames),
                              intervention: number(intervention, in: table.interventionNames),
                              domain: lifeDomain.map { UInt8(1) << $0.position })
        }

        struct TableMatch {
            let table: SummaryTable
            let from: Bound?
            let to: Bound?
            let team: Int32?
            let intervention: Int32?
            let domain: UInt8?

            func matches(_ row: Int) -> Bool {
                if let from, Context.side(Int(table.months[row]), from) < 0 { return false }
                if let to, Context.side(Int(table.months[row]), to) > 0 { return false }
                if let team, table.teams[row] != team { return false }
                if let intervention, table.interventions[row] != intervention { return false }
                if let domain, table.domains[row] & domain == 0 { return false }
                return true
            }
        }

        /// Whether a case's end month (`CalendarDay.monthNumber`) lies before (-1), in (0) or after (1) a bound.
        static func side(_ month: Int, _ bound: Bound) -> Int {
            switch bound {
            case .number(let number):
                return month < number ? -1 : month == number ? 0 : 1
            case .text(let key):
                let text = CalendarDay.monthKey(number: month)
                return text < key ? -1 : text == key ? 0 : 1
            }
        }
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
