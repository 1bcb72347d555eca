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

    /// From compact per-case figures (valued from cases, or read from the index).
    /// `options` are the settings the figures were valued with, stated on every screen.
    public init(figures: some Sequence<CaseFigures>, filter: CaseFilter, options: EstimateOptions, detail: Detail) {
        self.init(table: SummaryTable(figures), filter: filter, options: options, detail: detail)
    }

    /// Over each pair's current figures.
    public init(currentOf pairs: [CaseFigurePair], filter: CaseFilter, options: EstimateOptions, detail: Detail) {
        self.init(table: SummaryTable(currentOf: pairs), filter: filter, options: options, detail: detail)
    }

    /// The one aggregation, over a table made once for a set of cases (the dashboard sums the
    /// same table again for every filter key), on every core. Equal to one pass, order included.
    public init(table: SummaryTable, filter: CaseFilter, options: EstimateOptions, detail: Detail) {
        self.init(table: table, filter: filter, options: options, detail: detail, parts: Self.parts(for: table.count))
    }

    /// Two parts from 20,000 cases on: below that a pass takes a few milliseconds, less than starting threads is worth.
    static func parts(for count: Int) -> Int {
        count < 20_000 ? 1 : min(2, ProcessInfo.processInfo.activeProcessorCount)
    }

    init(table: SummaryTable, filter: CaseFilter, options: EstimateOptions, detail: Detail, parts: Int) {
        let empty = BusinessCaseSummary(filter: filter, options: options, detail: detail)
        let size = max((table.count + max(parts, 1) - 1) / max(parts, 1), 1)
        let ranges = stride(from: 0, to: max(table.count, 1), by: size).map { $0..<min(table.count, $0 + size) }
        var partials = ranges.concurrentMap { rows in
            var partial = empty
            partial.add(table, rows: rows)
            return partial
        }
        // Moved out, not copied: the first part's lists grow in place as the others are appended.
        self = partials.isEmpty ? empty : partials.removeFirst()
        for partial in partials { merge(partial) }
    }

    private init(filter: CaseFilter, options: EstimateOptions, detail: Detail) {
        self.filter = filter
        context = CaseFilter.Context(filter)
        self.options = options
        self.detail = detail
    }

    /// Adds cases read after those summed so far: a caller that reads the cases a chunk at a
    /// time (the HTML export) holds no more than a chunk.
    public mutating func add(_ figures: some Sequence<CaseFigures>) {
        merge(BusinessCaseSummary(figures: figures, filter: filter, options: options, detail: detail))
    }

    /// A `.lawTotals` summary from sums added up elsewhere (the index, in SQL), so a report of
    /// 100,000 cases builds no per-case value at all. Must equal `init(figures:…)` over the same cases.
    public init(summed: SummedLawTotals, filter: CaseFilter, options: EstimateOptions) {
        self.init(filter: filter, options: options, detail: .lawTotals)
        for (status, count) in summed.statusCounts { statusTally[status.position] += count }
        countedCases = summed.countedCases
        total = summed.total
        laws = summed.perLaw.keys.sorted().map { LawGroup(law: $0, totals: summed.perLaw[$0] ?? Totals()) }
        failures = summed.failures
    }

    /// Sums these rows of the table into this summary. Groups are kept by number while summing,
    /// and by name once the rows are done, so summaries of other tables can be merged.
    private mutating func add(_ table: SummaryTable, rows: Range<Int>) {
        let match = context.compiled(for: table)
        let selected = CaseStatus.allCases.map { filter.selection.includes($0) }
        let patterns = detail == .patterns
        var lawSlots = [Int](repeating: -1, count: table.lawNames.count)
        var months: [Int: GroupSum] = [:]
        var teams = [GroupSum](repeating: GroupSum(), count: patterns ? table.teamNames.count : 0)
        var interventions = [GroupSum](repeating: GroupSum(), count: patterns ? table.interventionNames.count : 0)
        var codes = [ItemSum?](repeating: nil, count: patterns ? table.codes.count : 0)
        for row in rows where match.matches(row) {
            let status = Int(table.statuses[row])
            statusTally[status] += 1
            guard selected[status] else { continue }
            let failure = table.failureOf[row]
            guard failure < 0 else {
                failures.append(table.failures[Int(failure)])
                continue
            }
            let position = Int32(truncatingIfNeeded: countedCases)
            countedCases += 1
            var caseTotal = Totals()
            var amount = Int(table.amountStart[row])
            for entry in Int(table.lawStart[row])..<Int(table.lawStart[row + 1]) {
                let totals = SummaryTable.totals(mask: table.lawMasks[entry], table.amounts, at: &amount)
                caseTotal += totals
                let number = Int(table.laws[entry])
                if lawSlots[number] < 0 { lawSlots[number] = lawPosition(table.lawNames[number]) }
                laws[lawSlots[number]].totals += totals
                if patterns { laws[lawSlots[number]].cases.append(position) }
            }
            if !table.totalOverrides.isEmpty, let whole = table.totalOverrides[Int32(truncatingIfNeeded: row)] { caseTotal = whole }
            total += caseTotal
            guard patterns else { continue }
            countedIDs.append(table.ids[row])
            let net = caseTotal.net
            let band = ResultBand.bounds.firstIndex { net.cents < $0 } ?? ResultBand.bounds.count
            bands[band].append(position)
            months[Int(table.months[row]), default: GroupSum()].add(position, caseTotal, net)
            teams[Int(table.teams[row])].add(position, caseTotal, net)
            interventions[Int(table.interventions[row])].add(position, caseTotal, net)
            var bits = table.domains[row]
            while bits != 0 {
                domains[bits.trailingZeroBitCount].add(position, caseTotal, net)
                bits &= bits - 1
            }
            for line in Int(table.lineStart[row])..<Int(table.lineStart[row + 1]) {
                let item = Int(table.lineItems[line])
                let code = Int(table.itemCodes[item])
                if codes[code] == nil {
                    let name = table.itemNames[item]
                    codes[code] = ItemSum(code: name.code, description: name.description, law: name.law)
                }
                codes[code]?.add(Money(cents: table.lineValues[line]), position: position)
            }
        }
        for (number, group) in months { self.months[number, default: GroupSum()].add(group, offset: 0) }
        for (number, group) in teams.enumerated() where group.caseCount > 0 {
            self.teams[table.teamNames[number], default: GroupSum()].add(group, offset: 0)
        }
        for (number, group) in interventions.enumerated() where group.caseCount > 0 {
            self.interventions[table.interventionNames[number], default: GroupSum()].add(group, offset: 0)
        }
        for case let tally? in codes { items.add(tally, offset: 0) }
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
        for tally in later.items.tallies { items.add(tally, offset: offset) }
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
