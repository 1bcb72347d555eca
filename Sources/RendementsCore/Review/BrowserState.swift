import RendementsDomain

/// How the case table is ordered.
public enum CaseSortKey: CaseIterable, Hashable, Sendable {
    case id, status, author, intervention, end, avoided, net

    public var dutchName: String {
        switch self {
        case .id: "id"
        case .status: "status"
        case .author: "auteur"
        case .intervention: "interventie"
        case .end: "einddatum"
        case .avoided: "voorkomen"
        case .net: "netto"
        }
    }
}

/// Which cases the table shows; nil means all.
public struct BrowserFilter: Hashable, Sendable {
    public var status: CaseStatus?
    public var author: String?
    public var intervention: String?
    public var team: String?
    /// A drill-down from the dashboard: only these cases, with what they are.
    public var caseIDs: Set<String>?
    public var drillLabel: String?

    public init() {}

    /// `status: ingediend · team: Noord`, or `alle casussen`.
    public var dutchDescription: String {
        let parts = [drillLabel.map { "dashboard: \($0)" }, status.map { "status: \($0.rawValue)" }, author.map { "auteur: \($0)" },
                     intervention.map { "interventie: \($0)" }, team.map { "team: \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "alle casussen" : parts.joined(separator: " · ")
    }
}

/// A case's figures with its totals, as one row of the table.
public struct CaseRow: Sendable {
    public let figures: CaseFigures
    public let totals: Totals
}

/// The case browser: sort, filters, search and the highlighted row.
public struct BrowserState: Sendable {
    public var sort: CaseSortKey = .id
    public var descending = false
    public var filter = BrowserFilter()
    public var query = ""
    /// The cases whose stories, reasoning or notes contain `query`, as the store found them;
    /// nil while there is no query (or no answer yet).
    public var matches: Set<String>?
    public var isSearching = false
    /// The query the store was last asked to search, until its answer comes (it may come after later keys).
    public var awaitedQuery: String?
    /// True while `matches` answer another query than the one shown, whose answer is on its way.
    public var isAwaitingMatches: Bool { !query.isEmpty && awaitedQuery == query }
    public var cursor = 0
    /// True when the browser was opened from the dashboard (Esc goes back there).
    public var fromDashboard = false

    public init() {}

    /// Everything the rows depend on besides the cases: a change rebuilds them.
    struct RowsKey: Equatable {
        let sort: CaseSortKey
        let descending: Bool
        let filter: BrowserFilter
        let matches: Set<String>?
    }

    var rowsKey: RowsKey { RowsKey(sort: sort, descending: descending, filter: filter, matches: matches) }

    /// The next value of a filter dimension: all → each value in turn → all.
    static func cycle<Value: Hashable>(_ current: Value?, through values: [Value]) -> Value? {
        guard let current, let index = values.firstIndex(of: current) else { return values.first }
        return index + 1 < values.count ? values[index + 1] : nil
    }
}
