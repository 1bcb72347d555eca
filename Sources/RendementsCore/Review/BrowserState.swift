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

/// A case with its totals, as one row of the table.
public struct CaseRow: Sendable {
    public let record: CaseRecord
    public let totals: Totals
}

/// The case browser: sort, filters, search and the highlighted row.
public struct BrowserState: Sendable {
    public var sort: CaseSortKey = .id
    public var descending = false
    public var filter = BrowserFilter()
    public var query = ""
    public var isSearching = false
    public var cursor = 0
    /// True when the browser was opened from the dashboard (Esc goes back there).
    public var fromDashboard = false

    public init() {}

    /// Filtered, searched (stories, reasoning and notes) and sorted rows.
    public func rows(_ records: [CaseRecord], totals: [String: Totals]) -> [CaseRow] {
        let needle = query.lowercased()
        let rows = records.filter { record in
            (filter.status.map { $0 == record.status } ?? true)
                && (filter.author.map { $0 == record.author } ?? true)
                && (filter.intervention.map { $0 == record.context.intervention } ?? true)
                && (filter.team.map { $0 == record.context.team } ?? true)
                && (filter.caseIDs.map { $0.contains(record.id) } ?? true)
                && (needle.isEmpty || Self.searchText(record).contains(needle))
        }.map { CaseRow(record: $0, totals: totals[$0.id] ?? Totals()) }
        let sorted = rows.sorted { lhs, rhs in
            let ordered: Bool
            switch sort {
            case .id: ordered = lhs.record.id < rhs.record.id
            case .status: ordered = (lhs.record.status.rawValue, lhs.record.id) < (rhs.record.status.rawValue, rhs.record.id)
            case .author: ordered = (lhs.record.author, lhs.record.id) < (rhs.record.author, rhs.record.id)
            case .intervention: ordered = (lhs.record.context.intervention, lhs.record.id) < (rhs.record.context.intervention, rhs.record.id)
            case .end: ordered = (lhs.record.context.periodEnd, lhs.record.id) < (rhs.record.context.periodEnd, rhs.record.id)
            case .avoided: ordered = (lhs.totals.avoided, lhs.record.id) < (rhs.totals.avoided, rhs.record.id)
            case .net: ordered = (lhs.totals.net, lhs.record.id) < (rhs.totals.net, rhs.record.id)
            }
            return descending ? !ordered : ordered
        }
        return sorted
    }

    static func searchText(_ record: CaseRecord) -> String {
        ([record.story.situation, record.story.approach, record.story.result] + record.avoided.map(\.reasoning) + record.deployed.map(\.note))
            .joined(separator: "\n").lowercased()
    }

    /// The next value of a filter dimension: all → each value in turn → all.
    static func cycle<Value: Hashable>(_ current: Value?, through values: [Value]) -> Value? {
        guard let current, let index = values.firstIndex(of: current) else { return values.first }
        return index + 1 < values.count ? values[index + 1] : nil
    }
}
