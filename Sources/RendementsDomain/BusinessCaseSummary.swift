import Foundation

/// Totals, case count and the cases behind them, for one group (an intervention, team, month, life domain).
public struct GroupTotals: Hashable, Sendable {
    public var caseCount = 0
    public var totals = Totals()
    /// The cases in this group, for drilling down and tracing a figure.
    public var caseIDs: [String] = []
    /// Each case's net result, for the median.
    public var results: [Money] = []

    public init(caseCount: Int = 0, totals: Totals = Totals(), caseIDs: [String] = [], results: [Money] = []) {
        self.caseCount = caseCount
        self.totals = totals
        self.caseIDs = caseIDs
        self.results = results
    }

    /// The middle case result (the mean of the two middle ones, half-even, for an even count).
    public var medianResult: Money? {
        guard !results.isEmpty else { return nil }
        let sorted = results.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        return Money.roundedHalfEven(cents: (Decimal(sorted[middle - 1].cents) + Decimal(sorted[middle].cents)) / 2)
    }
}

/// How many case results fall in a band (`-€ ∞ … € 0`, `€ 0 … € 1.000`, …).
public struct ResultBand: Hashable, Sendable {
    public let lowerCents: Int64?
    public let upperCents: Int64?
    public var caseIDs: [String] = []

    public static let bounds: [Int64] = [0, 1_000_00, 5_000_00, 10_000_00]

    public var dutchLabel: String {
        switch (lowerCents, upperCents) {
        case (nil, let upper?): "onder \(DutchNumber.euroWhole(Money(cents: upper)))"
        case (let lower?, nil): "\(DutchNumber.euroWhole(Money(cents: lower))) of meer"
        case (let lower?, let upper?): "\(DutchNumber.euroWhole(Money(cents: lower))) – \(DutchNumber.euroWhole(Money(cents: upper)))"
        default: "alle"
        }
    }
}

/// How often and for how much one price-list item was avoided across cases.
public struct ItemTally: Hashable, Sendable {
    public let code: String
    public let description: String
    public let law: String
    public var lineCount = 0
    public var value = Money.zero
    public var caseIDs: [String] = []
}

/// What a `.lawTotals` summary holds, added up by whoever has the cases' figures.
public struct SummedLawTotals: Hashable, Sendable {
    /// Cases in the filter's context per status, whatever the status selection.
    public var statusCounts: [CaseStatus: Int] = [:]
    /// Selected cases that could be valued.
    public var countedCases = 0
    public var total = Totals()
    public var perLaw: [String: Totals] = [:]
    /// Selected cases that could not be valued, in file-name order.
    public var failures: [ValuationError] = []

    public init() {}
}

/// The business case summed up: per law, month, intervention, team, life
/// domain and item, built in one pass over the cases (linear in lines).
public struct BusinessCaseSummary: Sendable {
    public let filter: CaseFilter
    public var selection: CaseSelection { filter.selection }
    public private(set) var statusCounts: [CaseStatus: Int] = [:]
    public private(set) var countedCases = 0
    public private(set) var total = Totals()
    public private(set) var perLaw: [String: Totals] = [:]
    /// Keyed by `yyyy-mm` of the case end date.
    public private(set) var perMonth: [String: GroupTotals] = [:]
    public private(set) var perIntervention: [String: GroupTotals] = [:]
    public private(set) var perTeam: [String: GroupTotals] = [:]
    /// A case touching several domains counts in each, so these do not add up to the total.
    public private(set) var perLifeDomain: [LifeDomain: GroupTotals] = [:]
    private var items: [String: ItemTally] = [:]
    /// Cases that could not be priced, with the reason; they are left out of every total.
    public private(set) var failures: [ValuationError] = []
    /// Counted cases per result band, lowest band first.
    public private(set) var resultBands: [ResultBand] = BusinessCaseSummary.emptyBands()
    /// The ids of the counted cases, in the order read.
    public private(set) var countedIDs: [String] = []
    /// The counted cases with any cost or saving under each law.
    public private(set) var caseIDsPerLaw: [String: [String]] = [:]

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
    /// `yyyy-mm` keys by `year * 12 + month`: formatting one for each of 100,000 cases cost more than adding it up.
    private var monthKeys: [Int: String] = [:]

    private mutating func monthKey(_ day: CalendarDay) -> String {
        let number = day.year * 12 + day.month
        if let key = monthKeys[number] { return key }
        let key = day.monthKey
        monthKeys[number] = key
        return key
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
        self.options = options
        self.detail = detail
        for figures in figures { add(figures) }
    }

    /// `init(figures:…)` over each pair's current figures, without copying the pairs: a lazy map
    /// copied every pair, retaining each of its strings and arrays (a third of a dashboard filter
    /// key at 100,000 cases, measured with perf).
    public init(currentOf pairs: [CaseFigurePair], filter: CaseFilter, options: EstimateOptions, detail: Detail) {
        self.init(figures: [], filter: filter, options: options, detail: detail)
        pairs.withUnsafeBufferPointer { buffer in
            for index in buffer.indices { add(buffer[index].current) }
        }
    }

    /// Adds one case, as `init(figures:…)` does for each: a caller that reads the cases a chunk
    /// at a time starts from `init(figures: [], …)` and holds no more than a chunk.
    public mutating func add(_ figures: CaseFigures) {
        guard filter.matchesContext(figures) else { return }
        statusCounts[figures.status, default: 0] += 1
        guard filter.selection.includes(figures.status) else { return }
        switch figures.valued {
        case .success(let valued): add(figures, valued)
        case .failure(let error): failures.append(error)
        }
    }

    /// A `.lawTotals` summary from sums added up elsewhere (the index, in SQL), so a report of
    /// 100,000 cases builds no per-case value at all. Must equal `init(figures:…)` over the same cases.
    public init(summed: SummedLawTotals, filter: CaseFilter, options: EstimateOptions) {
        self.filter = filter
        self.options = options
        detail = .lawTotals
        statusCounts = summed.statusCounts
        countedCases = summed.countedCases
        total = summed.total
        perLaw = summed.perLaw
        failures = summed.failures
    }

    private mutating func add(_ figures: CaseFigures, _ valued: CaseFigures.Valued) {
        let id = figures.id
        countedCases += 1
        total += valued.total
        guard detail == .patterns else {
            for entry in valued.perLaw { perLaw[entry.law, default: Totals()] += entry.totals }
            return
        }
        countedIDs.append(id)
        for entry in valued.perLaw {
            perLaw[entry.law, default: Totals()] += entry.totals
            caseIDsPerLaw[entry.law, default: []].append(id)
        }
        let net = valued.total.net
        let band = ResultBand.bounds.firstIndex { net.cents < $0 } ?? ResultBand.bounds.count
        resultBands[band].caseIDs.append(id)
        perMonth[monthKey(figures.periodEnd), default: GroupTotals()].add(id, valued.total, net)
        perIntervention[figures.intervention, default: GroupTotals()].add(id, valued.total, net)
        perTeam[figures.team, default: GroupTotals()].add(id, valued.total, net)
        for (index, domain) in figures.lifeDomains.enumerated() where !figures.lifeDomains[..<index].contains(domain) {
            perLifeDomain[domain, default: GroupTotals()].add(id, valued.total, net)
        }
        for line in valued.lines {
            items[line.code, default: ItemTally(code: line.code, description: line.description, law: line.law)].add(line.value, caseID: id)
        }
    }

    /// Items ordered by total avoided value, highest first (ties by code).
    public func topItemsByValue(_ limit: Int = 10) -> [ItemTally] {
        Array(items.values.sorted { ($0.value, $1.code) > ($1.value, $0.code) }.prefix(limit))
    }

    /// Items ordered by how many case lines name them, most first (ties by code).
    public func topItemsByCount(_ limit: Int = 10) -> [ItemTally] {
        Array(items.values.sorted { ($0.lineCount, $1.code) > ($1.lineCount, $0.code) }.prefix(limit))
    }

    public var caseCount: Int { statusCounts.values.reduce(0, +) }

    /// Monthly groups folded into quarters, keyed `2025-K2`.
    public var perQuarter: [String: GroupTotals] {
        var quarters: [String: GroupTotals] = [:]
        for (month, group) in perMonth {
            let parts = month.split(separator: "-")
            guard parts.count == 2, let number = Int(parts[1]) else { continue }
            quarters["\(parts[0])-K\((number - 1) / 3 + 1)", default: GroupTotals()].add(group)
        }
        return quarters
    }

    /// Laws grouped by who pays for them (gemeente, zorgverzekeraar, …), in price-list order,
    /// with the counted cases that have costs or savings there.
    public func perFinancier(_ list: PriceList?) -> [(financier: String, group: GroupTotals)] {
        var order: [String] = []
        var groups: [String: GroupTotals] = [:]
        for code in LawOrder.codes(priceList: list, present: perLaw.keys) {
            guard let totals = perLaw[code] else { continue }
            let financier = list?.law(code)?.financier ?? code
            if groups[financier] == nil { order.append(financier) }
            groups[financier, default: GroupTotals()].totals += totals
            let known = Set(groups[financier]?.caseIDs ?? [])
            groups[financier, default: GroupTotals()].caseIDs += (caseIDsPerLaw[code] ?? []).filter { !known.contains($0) }
        }
        return order.map { financier in
            var group = groups[financier] ?? GroupTotals()
            group.caseCount = group.caseIDs.count
            return (financier, group)
        }
    }

    static func emptyBands() -> [ResultBand] {
        let bounds = ResultBand.bounds
        return (0...bounds.count).map { index in
            ResultBand(lowerCents: index == 0 ? nil : bounds[index - 1], upperCents: index < bounds.count ? bounds[index] : nil)
        }
    }
}

extension GroupTotals {
    mutating func add(_ caseID: String, _ caseTotals: Totals, _ result: Money) {
        caseCount += 1
        totals += caseTotals
        caseIDs.append(caseID)
        results.append(result)
    }

    mutating func add(_ other: GroupTotals) {
        caseCount += other.caseCount
        totals += other.totals
        caseIDs += other.caseIDs
        results += other.results
    }
}

extension ItemTally {
    mutating func add(_ lineValue: Money, caseID: String) {
        lineCount += 1
        value += lineValue
        if caseIDs.last != caseID { caseIDs.append(caseID) }
    }
}
