import Foundation

/// The business case summed up: per law, month, intervention, team, life
/// domain and item, built in one pass over the cases (linear in lines).
///
/// A dashboard filter key sums 100,000 cases again, so the groups that have a fixed or small
/// set of keys (status, life domain, law, month) are kept in arrays and integer-keyed tables
/// rather than in dictionaries keyed by text, and are shown as dictionaries when asked for.
public struct BusinessCaseSummary: Sendable {
    public let filter: CaseFilter
    public var selection: CaseSelection { filter.selection }
    /// The filter's context, compiled once for the pass.
    private let context: CaseFilter.Context
    /// Per `CaseStatus.allCases` position.
    private var statusTally = [Int](repeating: 0, count: CaseStatus.allCases.count)
    public private(set) var countedCases = 0
    public private(set) var total = Totals()
    /// A handful per business case, in order of first appearance: a linear search beats hashing the code.
    private var laws: [LawGroup] = []
    /// Keyed by `CalendarDay.monthNumber` of the case end date.
    private var months: [Int: GroupSum] = [:]
    private var interventions: [String: GroupSum] = [:]
    private var teams: [String: GroupSum] = [:]
    /// Per `LifeDomain.allCases` position.
    private var domains = [GroupSum](repeating: GroupSum(), count: LifeDomain.allCases.count)
    private var items = ItemTallies()
    /// Cases that could not be priced, with the reason; they are left out of every total.
    public private(set) var failures: [ValuationError] = []
    /// Counted cases per result band (`ResultBand.bounds`), lowest band first.
    private var bands = [[Int32]](repeating: [], count: ResultBand.bounds.count + 1)
    /// The ids of the counted cases, in the order read.
    public private(set) var countedIDs: [String] = []

    /// How the figures were computed (price year, discounting, grade cuts).
    public let options: EstimateOptions

    /// How much a summary adds up: the totals per law and status (a report, the start
    /// screen), or also the groups, bands and items the dashboard shows. The groups cost
    /// four times the totals at 100,000 cases, so screens that show none do not pay for them.
    public enum Detail: Sendable {
        case lawTotals
        case patterns
    }

    /// With `.lawTotals`, the groups, bands, items and case lists are left empty.
    public let detail: Detail

    /// One law's totals and, with `.patterns`, the counted cases with any cost or saving under it.
    private struct LawGroup: Sendable {
        let law: String
        var totals = Totals()
        /// Positions in `countedIDs`, ascending.
        var cases: [Int32] = []
    }

    public init(cases: some Sequence<CaseRecord>, selection: CaseSelection = .submitted, options: EstimateOptions = .plain) {
        self.init(cases: cases, filter: CaseFilter(selection: selection), options: options)
    }

    /// Status counts cover the cases in the filter's context (period, team, …) whatever their status.
    public init(cases: some Sequence<CaseRecord>, filter: CaseFilter, options: EstimateOptions = .plain) {
        self.init(figures: cases.lazy.map { CaseFigures($0, options: options) }, filter: filter, options: options, detail: .patterns)
    }

    /// The one aggregation: from compact per-case figures (valued from cases, or read from the index).
    /// `options` are the settings the figures were valued with, stated on every screen.
    public init(figures: some Sequence<CaseFigures>, filter: CaseFilter, options: EstimateOptions, detail: Detail) {
        self.filter = filter
        context = CaseFilter.Context(filter)
        self.options = options
        self.detail = detail
        for figures in figures { add(figures) }
    }

    /// `init(figures:…)` over each pair's current figures, without copying the pairs (a lazy map
    /// copied every pair, retaining each of its strings and arrays), on every core: a dashboard
    /// filter key sums all 100,000 cases again. Equal to the sum in one pass, order included.
    public init(currentOf pairs: [CaseFigurePair], filter: CaseFilter, options: EstimateOptions, detail: Detail) {
        self.init(currentOf: pairs, filter: filter, options: options, detail: detail, parts: Self.parts(for: pairs.count))
    }

    /// Two parts from 20,000 cases on: below that a pass takes a few milliseconds, less than starting threads is worth.
    static func parts(for count: Int) -> Int {
        count < 20_000 ? 1 : min(2, ProcessInfo.processInfo.activeProcessorCount)
    }

    init(currentOf pairs: [CaseFigurePair], filter: CaseFilter, options: EstimateOptions, detail: Detail, parts: Int) {
        let empty = BusinessCaseSummary(figures: [], filter: filter, options: options, detail: detail)
        let size = (pairs.count + max(parts, 1) - 1) / max(parts, 1)
        let ranges = stride(from: 0, to: max(pairs.count, 1), by: max(size, 1)).map { $0..<min(pairs.count, $0 + max(size, 1)) }
        let partials = ranges.concurrentMap { range in
            var partial = empty
            pairs.withUnsafeBufferPointer { buffer in
                for index in range { partial.add(buffer[index].current) }
            }
            return partial
        }
        self = empty
        for partial in partials { merge(partial) }
    }

    /// Adds one case, as `init(figures:…)` does for each: a caller that reads the cases a chunk
    /// at a time starts from `init(figures: [], …)` and holds no more than a chunk.
    public mutating func add(_ figures: CaseFigures) {
        guard context.matches(figures) else { return }
        statusTally[figures.status.position] += 1
        guard filter.selection.includes(figures.status) else { return }
        switch figures.valued {
        case .success(let valued): add(figures, valued)
        case .failure(let error): failures.append(error)
        }
    }

    /// A `.lawTotals` summary from sums added up elsewhere (the index, in SQL), so a report of
    /// 100,000 cases builds no per-case value at all. Must equal `init(figures:…)` over the same cases.
    public init(summed: SummedLawTotals, filter: CaseFilter, options: EstimateOptions) {
        self.init(figures: [], filter: filter, options: options, detail: .lawTotals)
        for (status, count) in summed.statusCounts { statusTally[status.position] += count }
        countedCases = summed.countedCases
        total = summed.total
        laws = summed.perLaw.keys.sorted().map { LawGroup(law: $0, totals: summed.perLaw[$0] ?? Totals()) }
        failures = summed.failures
    }

    private mutating func add(_ figures: CaseFigures, _ valued: CaseFigures.Valued) {
        let position = Int32(truncatingIfNeeded: countedIDs.count)
        countedCases += 1
        total += valued.total
        for entry in valued.perLaw {
            let law = lawPosition(entry.law)
            laws[law].totals += entry.totals
            if detail == .patterns { laws[law].cases.append(position) }
        }
        guard detail == .patterns else { return }
        countedIDs.append(figures.id)
        let net = valued.total.net
        let band = ResultBand.bounds.firstIndex { net.cents < $0 } ?? ResultBand.bounds.count
        bands[band].append(position)
        months[figures.periodEnd.monthNumber, default: GroupSum()].add(position, valued.total, net)
        interventions[figures.intervention, default: GroupSum()].add(position, valued.total, net)
        teams[figures.team, default: GroupSum()].add(position, valued.total, net)
        var seen: UInt8 = 0
        for domain in figures.lifeDomains {
            let bit: UInt8 = 1 << domain.position
            guard seen & bit == 0 else { continue }
            seen |= bit
            domains[domain.position].add(position, valued.total, net)
        }
        for line in valued.lines {
            items.add(line, position: position)
        }
    }

    private mutating func lawPosition(_ law: String) -> Int {
        if let position = laws.firstIndex(where: { $0.law == law }) { return position }
        laws.append(LawGroup(law: law))
        return laws.count - 1
    }

    /// Adds a summary of the cases read after this one's, with the same filter and detail:
    /// the result equals one pass over both, in the same order.
    mutating func merge(_ later: BusinessCaseSummary) {
        for (position, count) in later.statusTally.enumerated() { statusTally[position] += count }
        let offset = Int32(truncatingIfNeeded: countedIDs.count)
        countedCases += later.countedCases
        total += later.total
        for group in later.laws {
            let law = lawPosition(group.law)
            laws[law].totals += group.totals
            laws[law].cases += group.cases.map { $0 + offset }
        }
        failures += later.failures
        for (band, positions) in later.bands.enumerated() { bands[band] += positions.map { $0 + offset } }
        countedIDs += later.countedIDs
        for (key, group) in later.months { months[key, default: GroupSum()].add(group, offset: offset) }
        for (key, group) in later.interventions { interventions[key, default: GroupSum()].add(group, offset: offset) }
        for (key, group) in later.teams { teams[key, default: GroupSum()].add(group, offset: offset) }
        for (position, group) in later.domains.enumerated() { domains[position].add(group, offset: offset) }
        items.merge(later.items, offset: offset)
    }

    /// Cases in the filter's context per status, whatever the status selection.
    public var statusCounts: [CaseStatus: Int] {
        var counts: [CaseStatus: Int] = [:]
        for (status, count) in zip(CaseStatus.allCases, statusTally) where count > 0 { counts[status] = count }
        return counts
    }

    public var perLaw: [String: Totals] {
        Dictionary(laws.map { ($0.law, $0.totals) }, uniquingKeysWith: { first, _ in first })
    }

    /// The counted cases with any cost or saving under each law, in the order read.
    public var caseIDsPerLaw: [String: [String]] {
        guard detail == .patterns else { return [:] }
        return Dictionary(laws.map { ($0.law, $0.cases.map { countedIDs[Int($0)] }) }, uniquingKeysWith: { first, _ in first })
    }

    /// Keyed by `yyyy-mm` of the case end date.
    public var perMonth: [String: GroupTotals] {
        Dictionary(months.map { (CalendarDay.monthKey(number: $0.key), $0.value.resolved(countedIDs)) }, uniquingKeysWith: { first, _ in first })
    }

    public var perIntervention: [String: GroupTotals] { interventions.mapValues { $0.resolved(countedIDs) } }

    public var perTeam: [String: GroupTotals] { teams.mapValues { $0.resolved(countedIDs) } }

    /// Counted cases per result band, lowest band first.
    public var resultBands: [ResultBand] {
        zip(Self.emptyBands(), bands).map { band, positions in
            var band = band
            band.caseIDs = positions.map { countedIDs[Int($0)] }
            return band
        }
    }

    /// A case touching several domains counts in each, so these do not add up to the total.
    public var perLifeDomain: [LifeDomain: GroupTotals] {
        var groups: [LifeDomain: GroupTotals] = [:]
        for (domain, group) in zip(LifeDomain.allCases, domains) where group.caseCount > 0 { groups[domain] = group.resolved(countedIDs) }
        return groups
    }

    /// Items ordered by total avoided value, highest first (ties by code).
    public func topItemsByValue(_ limit: Int = 10) -> [ItemTally] {
        items.tallies.sorted { ($0.value, $1.code) > ($1.value, $0.code) }.prefix(limit).map { $0.resolved(countedIDs) }
    }

    /// Items ordered by how many case lines name them, most first (ties by code).
    public func topItemsByCount(_ limit: Int = 10) -> [ItemTally] {
        items.tallies.sorted { ($0.lineCount, $1.code) > ($1.lineCount, $0.code) }.prefix(limit).map { $0.resolved(countedIDs) }
    }

    public var caseCount: Int { statusTally.reduce(0, +) }

    /// Monthly groups folded into quarters, keyed `2025-K2`.
    public var perQuarter: [String: GroupTotals] {
        var quarters: [String: GroupSum] = [:]
        for number in months.keys.sorted() {
            guard let group = months[number] else { continue }
            quarters["\(CalendarDay.padded(number / 12, 4))-K\(number % 12 / 3 + 1)", default: GroupSum()].add(group, offset: 0)
        }
        return quarters.mapValues { $0.resolved(countedIDs) }
    }

    /// Laws grouped by who pays for them (gemeente, zorgverzekeraar, …), in price-list order,
    /// with the counted cases that have costs or savings there, in the order read.
    public func perFinancier(_ list: PriceList?) -> [(financier: String, group: GroupTotals)] {
        var order: [String] = []
        var groups: [String: (totals: Totals, laws: [Int])] = [:]
        let present = laws.map(\.law)
        for code in LawOrder.codes(priceList: list, present: present) {
            guard let law = present.firstIndex(of: code) else { continue }
            let financier = list?.law(code)?.financier ?? code
            if groups[financier] == nil { order.append(financier) }
            groups[financier, default: (Totals(), [])].totals += laws[law].totals
            groups[financier, default: (Totals(), [])].laws.append(law)
        }
        return order.map { financier in
            let group = groups[financier] ?? (Totals(), [])
            // A case with savings under two laws of one financier is one case there: marks, not a set of ids.
            var marked = [Bool](repeating: false, count: countedIDs.count)
            for law in group.laws { for position in laws[law].cases { marked[Int(position)] = true } }
            let ids = marked.indices.filter { marked[$0] }.map { countedIDs[$0] }
            return (financier, GroupTotals(caseCount: ids.count, totals: group.totals, caseIDs: ids))
        }
    }

    static func emptyBands() -> [ResultBand] {
        let bounds = ResultBand.bounds
        return (0...bounds.count).map { index in
            ResultBand(lowerCents: index == 0 ? nil : bounds[index - 1], upperCents: index < bounds.count ? bounds[index] : nil)
        }
    }
}
