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

/// A group being summed: `GroupTotals` with its cases as positions in the summary's counted ids,
/// turned into ids when the group is shown. Appending a case's id to every group it falls in
/// (retaining the id each time, from two threads) was a fifth of summing 100,000 cases.
struct GroupSum: Sendable {
    var caseCount = 0
    var totals = Totals()
    var positions: [Int32] = []
    var results: [Money] = []

    mutating func add(_ position: Int32, _ caseTotals: Totals, _ result: Money) {
        caseCount += 1
        totals += caseTotals
        positions.append(position)
        results.append(result)
    }

    /// Adds a group of cases read later, whose positions start at `offset`.
    mutating func add(_ later: GroupSum, offset: Int32) {
        caseCount += later.caseCount
        totals += later.totals
        positions += offset == 0 ? later.positions : later.positions.map { $0 + offset }
        results += later.results
    }

    func resolved(_ ids: [String]) -> GroupTotals {
        GroupTotals(caseCount: caseCount, totals: totals, caseIDs: positions.map { ids[Int($0)] }, results: results)
    }
}

/// An item being tallied: `ItemTally` with its cases as positions in the summary's counted ids.
struct ItemSum: Sendable {
    let code: String
    let description: String
    let law: String
    var lineCount = 0
    var value = Money.zero
    var positions: [Int32] = []

    init(code: String, description: String, law: String) {
        self.code = code
        self.description = description
        self.law = law
    }

    mutating func add(_ lineValue: Money, position: Int32) {
        lineCount += 1
        value += lineValue
        if positions.last != position { positions.append(position) }
    }

    /// Adds the lines of cases read later, whose positions start at `offset`.
    mutating func add(_ later: ItemSum, offset: Int32) {
        lineCount += later.lineCount
        value += later.value
        positions += later.positions.map { $0 + offset }
    }

    func resolved(_ ids: [String]) -> ItemTally {
        ItemTally(code: code, description: description, law: law, lineCount: lineCount, value: value, caseIDs: positions.map { ids[Int($0)] })
    }
}
