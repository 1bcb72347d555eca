import RendementsDomain

/// The browser's keys of every case, worked out once for a set of cases: integer ranks for
/// the text columns and the ids, cents for the money columns, and each filter's values.
/// A filter, sort or search at 100,000 cases then compares integers instead of strings and
/// builds no row it does not show (each such key took 0.1 to 0.5 s before).
struct BrowserIndex: Sendable {
    private let idRank: [Int32]
    private let statusRank: [Int32]
    private let authorRank: [Int32]
    private let interventionRank: [Int32]
    private let teamRank: [Int32]
    private let end: [Int32]
    private let avoided: [Int64]
    private let net: [Int64]
    /// Each filter's values, sorted: what the filter keys cycle through.
    let authors: [String]
    let interventions: [String]
    let teams: [String]

    init(_ cases: [CaseFigurePair]) {
        let figures = cases.map(\.current)
        (authors, authorRank) = Self.ranks(figures.map(\.author))
        (interventions, interventionRank) = Self.ranks(figures.map(\.intervention))
        (teams, teamRank) = Self.ranks(figures.map(\.team))
        statusRank = Self.ranks(figures.map(\.status.rawValue)).1
        end = figures.map { Int32($0.periodEnd.year * 10_000 + $0.periodEnd.month * 100 + $0.periodEnd.day) }
        let totals = figures.map { (try? $0.valued.get().total) ?? Totals() }
        avoided = totals.map(\.avoided.cents)
        net = totals.map(\.net.cents)
        // Ids sort by number: file names put C-10000 before C-9999. Cases usually come in
        // number order already; checked, and sorted when not.
        let numbers = figures.map { CaseID.number($0.id) ?? Int.max }
        func before(_ a: Int, _ b: Int) -> Bool { (numbers[a], figures[a].id) < (numbers[b], figures[b].id) }
        var rank = [Int32](repeating: 0, count: figures.count)
        let inOrder = zip(figures.indices, figures.indices.dropFirst()).allSatisfy { before($0, $1) }
        let order = inOrder ? Array(figures.indices) : figures.indices.sorted(by: before)
        for (position, index) in order.enumerated() { rank[index] = Int32(position) }
        idRank = rank
    }

    /// The distinct values sorted, and each case's place among them.
    private static func ranks(_ values: [String]) -> ([String], [Int32]) {
        let distinct = Array(Set(values)).sorted()
        let place = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, Int32($0)) })
        return (distinct, values.map { place[$0] ?? 0 })
    }

    /// The positions in `cases` of the rows the browser shows, filtered, searched and sorted
    /// (by the key, then the id; descending reverses both).
    func order(_ state: BrowserState, _ cases: [CaseFigurePair]) -> [Int32] {
        let filter = state.filter
        func rank(_ value: String?, in values: [String]) -> Int32?? {
            guard let value else { return .some(nil) }
            guard let found = values.firstIndex(of: value) else { return nil }
            return .some(Int32(found))
        }
        // A filter value no case has matches nothing.
        guard let author = rank(filter.author, in: authors), let intervention = rank(filter.intervention, in: interventions),
              let team = rank(filter.team, in: teams) else { return [] }
        var rows: [Int32] = []
        rows.reserveCapacity(cases.count)
        for index in cases.indices {
            if let status = filter.status, cases[index].current.status != status { continue }
            if let author, authorRank[index] != author { continue }
            if let intervention, interventionRank[index] != intervention { continue }
            if let team, teamRank[index] != team { continue }
            if let ids = filter.caseIDs, !ids.contains(cases[index].current.id) { continue }
            if let matches = state.matches, !matches.contains(cases[index].current.id) { continue }
            rows.append(Int32(index))
        }
        let key: [Int64]? = switch state.sort {
        case .id: nil
        case .status: statusRank.map(Int64.init)
        case .author: authorRank.map(Int64.init)
        case .intervention: interventionRank.map(Int64.init)
        case .end: end.map(Int64.init)
        case .avoided: avoided
        case .net: net
        }
        if let key {
            rows.sort { (key[Int($0)], idRank[Int($0)]) < (key[Int($1)], idRank[Int($1)]) }
        } else {
            rows.sort { idRank[Int($0)] < idRank[Int($1)] }
        }
        if state.descending { rows.reverse() }
        return rows
    }
}

/// The browser's rows as filtered and sorted now: each row is made when it is read, so a
/// screen of 20 rows costs 20 rows however many cases match.
public struct BrowserRows: RandomAccessCollection, Sendable {
    private let cases: [CaseFigurePair]
    private let order: [Int32]

    init(cases: [CaseFigurePair], order: [Int32]) {
        self.cases = cases
        self.order = order
    }

    public static let none = BrowserRows(cases: [], order: [])

    public var startIndex: Int { 0 }
    public var endIndex: Int { order.count }

    public subscript(position: Int) -> CaseRow {
        let figures = cases[Int(order[position])].current
        return CaseRow(figures: figures, totals: (try? figures.valued.get().total) ?? Totals())
    }
}
