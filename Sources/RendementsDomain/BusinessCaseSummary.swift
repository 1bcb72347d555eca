/// Totals and case count for one group (an intervention, team, month, life domain).
public struct GroupTotals: Hashable, Sendable {
    public var caseCount = 0
    public var totals = Totals()
}

/// How often and for how much one price-list item was avoided across cases.
public struct ItemTally: Hashable, Sendable {
    public let code: String
    public let description: String
    public let law: String
    public var lineCount = 0
    public var value = Money.zero
}

/// The business case summed up: per law, month, intervention, team, life
/// domain and item, built in one pass over the cases (linear in lines).
public struct BusinessCaseSummary: Sendable {
    public let selection: CaseSelection
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

    public init(cases: some Sequence<CaseRecord>, selection: CaseSelection = .submitted) {
        self.selection = selection
        for record in cases {
            statusCounts[record.status, default: 0] += 1
            guard selection.includes(record.status) else { continue }
            do {
                add(record, try CaseValuation(record))
            } catch {
                failures.append(error)
            }
        }
    }

    private mutating func add(_ record: CaseRecord, _ valuation: CaseValuation) {
        countedCases += 1
        total += valuation.total
        for (law, totals) in valuation.perLaw { perLaw[law, default: Totals()] += totals }
        let group = GroupTotals(caseCount: 1, totals: valuation.total)
        perMonth[record.context.periodEnd.monthKey, default: GroupTotals()].add(group)
        perIntervention[record.context.intervention, default: GroupTotals()].add(group)
        perTeam[record.context.team, default: GroupTotals()].add(group)
        for domain in Set(record.context.lifeDomains) { perLifeDomain[domain, default: GroupTotals()].add(group) }
        for line in valuation.avoidedLines {
            let item = line.line.item
            items[item.code, default: ItemTally(code: item.code, description: item.description, law: item.law)].add(line.value)
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
}

extension GroupTotals {
    mutating func add(_ other: GroupTotals) {
        caseCount += other.caseCount
        totals += other.totals
    }
}

extension ItemTally {
    mutating func add(_ lineValue: Money) {
        lineCount += 1
        value += lineValue
    }
}
