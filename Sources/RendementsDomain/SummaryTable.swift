/// Cases' figures as `BusinessCaseSummary` adds them up, in flat arrays: made once for a set of
/// cases, then summed again for every dashboard filter key. Summing 100,000 `CaseFigures` read
/// each case's objects (its fields, laws, lines and life domains, each somewhere else in memory),
/// and waiting for memory was most of a key (0.05 to 0.13 s on two cores, measured with perf);
/// these arrays are read front to back. Texts become small numbers; amounts stay exact cents.
public struct SummaryTable: Sendable {
    /// The cases' ids, in the order given.
    let ids: [String]
    let statuses: [UInt8]
    /// `CalendarDay.monthNumber` of each case's end date.
    let months: [Int32]
    let teams: [Int32]
    let interventions: [Int32]
    /// One bit per `LifeDomain.position`.
    let domains: [UInt8]
    /// The position in `failures` of a case that could not be valued, or -1.
    let failureOf: [Int32]
    let failures: [ValuationError]
    /// Each case's laws are `lawStart[case] ..< lawStart[case + 1]` in `laws` and `lawMasks`.
    let lawStart: [Int32]
    let laws: [Int32]
    /// Which of the eight `Totals` amounts a law of a case has (bit per amount, in `Totals.amounts`
    /// order); only those are in `amounts`: most are zero, and dense totals doubled the table.
    let lawMasks: [UInt8]
    /// Where each case's amounts start in `amounts`.
    let amountStart: [Int32]
    let amounts: Amounts
    /// Each case's avoided lines are `lineStart[case] ..< lineStart[case + 1]`.
    let lineStart: [Int32]
    /// An index into `itemNames`.
    let lineItems: [Int32]
    let lineValues: Amounts

    let teamNames: [String]
    let interventionNames: [String]
    let lawNames: [String]
    /// Each distinct item a line names (code, description, law), with its code's place in `codes`.
    let itemNames: [CaseFigures.ItemName]
    let itemCodes: [Int32]
    let codes: [String]

    public var count: Int { ids.count }

    public init(_ figures: some Sequence<CaseFigures>) {
        var builder = Builder()
        for figures in figures { builder.add(figures) }
        self = builder.table()
    }

    /// Over each pair's current figures, every column made at its exact size: columns grown by
    /// doubling held up to twice their size, and copied as they grew (a tenth of the app's memory).
    public init(currentOf pairs: [CaseFigurePair]) {
        var builder = Builder()
        pairs.withUnsafeBufferPointer { buffer in
            var laws = 0
            var amounts = 0
            var lines = 0
            for index in buffer.indices {
                guard case .success(let valued) = buffer[index].current.valued else { continue }
                laws += valued.perLaw.count
                lines += valued.lines.count
                for entry in valued.perLaw {
                    for field in 0..<Totals.amountCount where entry.totals[amount: field] != .zero { amounts += 1 }
                }
            }
            builder.reserve(cases: buffer.count, laws: laws, amounts: amounts, lines: lines)
            for index in buffer.indices { builder.add(buffer[index].current) }
        }
        self = builder.table()
    }

    /// The few cases whose whole is not the sum of their laws, by row.
    let totalOverrides: [Int32: Totals]

    /// One law's amounts of a case, read from `position` on, which moves past them.
    static func totals(mask: UInt8, _ amounts: Amounts, at position: inout Int) -> Totals {
        var totals = Totals()
        var bits = mask
        while bits != 0 {
            let field = bits.trailingZeroBitCount
            totals[amount: field] = Money(cents: amounts[position])
            position += 1
            bits &= bits - 1
        }
        return totals
    }

    private struct Builder {
        var ids: [String] = []
        var statuses: [UInt8] = []
        var months: [Int32] = []
        var teams: [Int32] = []
        var interventions: [Int32] = []
        var domains: [UInt8] = []
        var failureOf: [Int32] = []
        var failures: [ValuationError] = []
        var lawStart: [Int32] = [0]
        var laws: [Int32] = []
        var lawMasks: [UInt8] = []
        var amountStart: [Int32] = []
        var amounts = Amounts()
        var lineStart: [Int32] = [0]
        var lineItems: [Int32] = []
        var lineValues = Amounts()
        var teamNames = Names()
        var interventionNames = Names()
        var lawNames = Names()
        var codes = Names()
        var itemNames: [CaseFigures.ItemName] = []
        var itemCodes: [Int32] = []
        /// By identity first: lines read from the index share one name object per item.
        var itemByObject: [ObjectIdentifier: Int32] = [:]
        var itemByText: [CaseFigures.ItemName: Int32] = [:]
        /// Every name object keyed in `itemByObject`, so no address is reused while the table is made.
        var keptNames: [CaseFigures.ItemName] = []
        var totalOverrides: [Int32: Totals] = [:]

        mutating func reserve(cases: Int, laws: Int, amounts: Int, lines: Int) {
            ids.reserveCapacity(cases)
            statuses.reserveCapacity(cases)
            domains.reserveCapacity(cases)
            for column in [\Builder.months, \.teams, \.interventions, \.failureOf, \.amountStart] as [WritableKeyPath<Builder, [Int32]>] {
                self[keyPath: column].reserveCapacity(cases)
            }
            lawStart.reserveCapacity(cases + 1)
            lineStart.reserveCapacity(cases + 1)
            self.laws.reserveCapacity(laws)
            lawMasks.reserveCapacity(laws)
            self.amounts.reserveCapacity(amounts)
            lineItems.reserveCapacity(lines)
            lineValues.reserveCapacity(lines)
        }

        mutating func add(_ figures: CaseFigures) {
            ids.append(figures.id)
            statuses.append(UInt8(figures.status.position))
            months.append(Int32(truncatingIfNeeded: figures.periodEnd.monthNumber))
            teams.append(teamNames.number(figures.team))
            interventions.append(interventionNames.number(figures.intervention))
            domains.append(figures.lifeDomains.reduce(0) { $0 | UInt8(1) << $1.position })
            amountStart.append(Int32(truncatingIfNeeded: amounts.count))
            switch figures.valued {
            case .failure(let error):
                failureOf.append(Int32(truncatingIfNeeded: failures.count))
                failures.append(error)
            case .success(let valued):
                failureOf.append(-1)
                add(valued)
            }
            lawStart.append(Int32(truncatingIfNeeded: laws.count))
            lineStart.append(Int32(truncatingIfNeeded: lineItems.count))
        }

        private mutating func add(_ valued: CaseFigures.Valued) {
            var sum = Totals()
            for entry in valued.perLaw {
                laws.append(lawNames.number(entry.law))
                var mask: UInt8 = 0
                for field in 0..<Totals.amountCount where entry.totals[amount: field] != .zero {
                    mask |= 1 << field
                    amounts.append(entry.totals[amount: field].cents)
                }
                lawMasks.append(mask)
                sum += entry.totals
            }
            // The valuation adds each line to its law and to the whole, so the whole is the laws' sum and
            // is not kept. A case whose whole is not (figures made elsewhere) keeps its own.
            if sum != valued.total { totalOverrides[Int32(truncatingIfNeeded: ids.count - 1)] = valued.total }
            for line in valued.lines {
                lineItems.append(item(line.item))
                lineValues.append(line.value.cents)
            }
        }

        private mutating func item(_ name: CaseFigures.ItemName) -> Int32 {
            if let known = itemByObject[ObjectIdentifier(name)] { return known }
            let number: Int32
            if let known = itemByText[name] {
                number = known
            } else {
                number = Int32(truncatingIfNeeded: itemNames.count)
                itemNames.append(name)
                itemCodes.append(codes.number(name.code))
                itemByText[name] = number
            }
            keptNames.append(name)
            itemByObject[ObjectIdentifier(name)] = number
            return number
        }

        func table() -> SummaryTable {
            SummaryTable(ids: ids, statuses: statuses, months: months, teams: teams, interventions: interventions, domains: domains,
                         failureOf: failureOf, failures: failures, lawStart: lawStart, laws: laws, lawMasks: lawMasks,
                         amountStart: amountStart, amounts: amounts, lineStart: lineStart, lineItems: lineItems, lineValues: lineValues,
                         teamNames: teamNames.list, interventionNames: interventionNames.list, lawNames: lawNames.list,
                         itemNames: itemNames, itemCodes: itemCodes, codes: codes.list, totalOverrides: totalOverrides)
        }
    }

    private init(ids: [String], statuses: [UInt8], months: [Int32], teams: [Int32], interventions: [Int32], domains: [UInt8],
                 failureOf: [Int32], failures: [ValuationError], lawStart: [Int32], laws: [Int32], lawMasks: [UInt8],
                 amountStart: [Int32], amounts: Amounts, lineStart: [Int32], lineItems: [Int32], lineValues: Amounts,
                 teamNames: [String], interventionNames: [String], lawNames: [String],
                 itemNames: [CaseFigures.ItemName], itemCodes: [Int32], codes: [String], totalOverrides: [Int32: Totals]) {
        self.totalOverrides = totalOverrides
        self.ids = ids
        self.statuses = statuses
        self.months = months
        self.teams = teams
        self.interventions = interventions
        self.domains = domains
        self.failureOf = failureOf
        self.failures = failures
        self.lawStart = lawStart
        self.laws = laws
        self.lawMasks = lawMasks
        self.amountStart = amountStart
        self.amounts = amounts
        self.lineStart = lineStart
        self.lineItems = lineItems
        self.lineValues = lineValues
        self.teamNames = teamNames
        self.interventionNames = interventionNames
        self.lawNames = lawNames
        self.itemNames = itemNames
        self.itemCodes = itemCodes
        self.codes = codes
    }

    /// Amounts in cents, four bytes each: a line or a law of one case rarely reaches € 21 million,
    /// and one that does is kept apart. Half the table's memory was amounts at eight bytes.
    struct Amounts: Sendable {
        private var small: [Int32] = []
        private var large: [Int: Int64] = [:]

        var count: Int { small.count }

        mutating func reserveCapacity(_ count: Int) { small.reserveCapacity(count) }

        mutating func append(_ cents: Int64) {
            if let fits = Int32(exactly: cents), fits != .min {
                small.append(fits)
            } else {
                large[small.count] = cents
                small.append(.min)
            }
        }

        subscript(position: Int) -> Int64 {
            let cents = small[position]
            return cents != .min ? Int64(cents) : large[position] ?? Int64(cents)
        }
    }

    /// Texts numbered in order of first appearance.
    private struct Names {
        private(set) var list: [String] = []
        private var numbers: [String: Int32] = [:]
        /// The last text numbered: cases often repeat the one before (a team, an intervention).
        private var last: (text: String, number: Int32)?

        mutating func number(_ text: String) -> Int32 {
            if let last, last.text == text { return last.number }
            let number: Int32
            if let known = numbers[text] {
                number = known
            } else {
                number = Int32(truncatingIfNeeded: list.count)
                list.append(text)
                numbers[text] = number
            }
            last = (text, number)
            return number
        }
    }
}

extension Totals {
    /// How many amounts a `Totals` holds, addressed by `subscript(amount:)`.
    static let amountCount = 8

    /// The amounts by number, for tables that keep only those that are not zero.
    subscript(amount field: Int) -> Money {
        get {
            switch field {
            case 0: avoided
            case 1: deployed
            case 2: effort
            case 3: avoidedTransfers
            case 4: deployedTransfers
            case 5: avoidedLow
            case 6: avoidedHigh
            default: avoidedConservative
            }
        }
        set {
            switch field {
            case 0: avoided = newValue
            case 1: deployed = newValue
            case 2: effort = newValue
            case 3: avoidedTransfers = newValue
            case 4: deployedTransfers = newValue
            case 5: avoidedLow = newValue
            case 6: avoidedHigh = newValue
            default: avoidedConservative = newValue
            }
        }
    }
}
