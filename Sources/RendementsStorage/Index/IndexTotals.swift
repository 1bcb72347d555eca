import Foundation
import GRDB
import RendementsDomain

/// The law totals of a business case as the index adds them up in SQL, for one filter:
/// what `report` and the start screen show, without a per-case value in memory.
public struct IndexedTotals: Sendable {
    /// The cases as they stand (after review).
    public let current: SummedLawTotals
    /// The cases as their authors estimated them.
    public let original: SummedLawTotals
    /// Files that are not cases or could not be read, in file-name order.
    public let problems: [Problem]
    /// How many readable cases were priced with each price-list version.
    public let versions: [String: Int]
    /// Readable cases, and how many of them are real (not fictional examples).
    public let caseCount: Int
    public let realCases: Int
}

/// The queries behind `IndexedTotals`: the `cube` without a life-domain filter, `sums` with one.
enum IndexTotalsQuery {
    /// A sum that no longer fits in 64 bits became a REAL in SQLite; such a total is refused, never rounded.
    struct Overflow: Error {}

    static func read(_ db: Database, filter: CaseFilter, listingProblems: [Problem]) throws -> IndexedTotals {
        let current = try summed(db, view: 0, filter: filter)
        let original = try summed(db, view: 1, filter: filter)
        var versions: [String: Int] = [:]
        var caseCount = 0
        var realCases = 0
        let rows = try Row.fetchCursor(db, sql: """
            SELECT version, SUM(cases), SUM(real) FROM cube WHERE original IN (0, \(IndexSchema.bothViews)) AND law = '' GROUP BY version HAVING SUM(cases) > 0
            """)
        while let row = try rows.next() {
            let cases = try integer(row, 1)
            versions[row[0]] = Int(cases)
            caseCount += Int(cases)
            realCases += Int(try integer(row, 2))
        }
        var problems = listingProblems
        let broken = try Row.fetchCursor(db, sql: "SELECT file, problem FROM cases WHERE problem IS NOT NULL")
        while let row = try broken.next() { problems.append(Problem(file: row[0], message: row[1])) }
        return IndexedTotals(current: current, original: original, problems: problems.sorted { $0.file < $1.file },
                             versions: versions, caseCount: caseCount, realCases: realCases)
    }

    /// The ids of the cases `filter` counts (selected and valued), in file-name order: what an
    /// export writes, without a case's figures in memory.
    static func countedIDs(_ db: Database, filter: CaseFilter) throws -> [String] {
        let (context, arguments) = conditions(view: 0, filter: filter)
        let (chosen, chosenArguments) = selected(context, arguments, filter)
        let files = try String.fetchAll(db, sql: """
            SELECT cases.file FROM sums JOIN cases ON cases.rowid = sums.case_row
            WHERE \(chosen) AND law = '' AND failed = 0 ORDER BY cases.file
            """, arguments: chosenArguments)
        return files.map { String($0.dropLast(".json".count)) }
    }

    /// The filter's context (period, team, intervention, life domain) as SQL on `sums` or `cube`.
    private static func conditions(view: Int, filter: CaseFilter) -> (String, [any DatabaseValueConvertible]) {
        var conditions = ["original IN (?, \(IndexSchema.bothViews))"]
        var arguments: [any DatabaseValueConvertible] = [view]
        if let from = filter.fromMonth { conditions.append("month >= ?"); arguments.append(from) }
        if let to = filter.toMonth { conditions.append("month <= ?"); arguments.append(to) }
        if let team = filter.team { conditions.append("team = ?"); arguments.append(team.composed) }
        if let intervention = filter.intervention { conditions.append("intervention = ?"); arguments.append(intervention.composed) }
        if let domain = filter.lifeDomain { conditions.append("domains & ? != 0"); arguments.append(IndexSchema.bit(domain)) }
        return (conditions.joined(separator: " AND "), arguments)
    }

    /// The context narrowed to the statuses the filter selects.
    private static func selected(_ context: String, _ arguments: [any DatabaseValueConvertible], _ filter: CaseFilter)
        -> (String, StatementArguments) {
        let selected = CaseStatus.allCases.filter(filter.selection.includes)
        let chosen = context + " AND status IN (\(selected.map { _ in "?" }.joined(separator: ", ")))"
        let statuses: [any DatabaseValueConvertible] = selected.map(\.rawValue)
        return (chosen, StatementArguments(arguments) + StatementArguments(statuses))
    }

    private static func summed(_ db: Database, view: Int, filter: CaseFilter) throws -> SummedLawTotals {
        let table = filter.lifeDomain == nil ? "cube" : "sums"
        let (context, arguments) = conditions(view: view, filter: filter)

        var result = SummedLawTotals()
        let counts = try Row.fetchCursor(db, sql: "SELECT status, SUM(cases) FROM \(table) WHERE \(context) AND law = '' GROUP BY status",
                                         arguments: StatementArguments(arguments))
        while let row = try counts.next() {
            guard let status = CaseStatus(rawValue: row[0]) else { continue }
            let count = Int(try integer(row, 1))
            if count > 0 { result.statusCounts[status] = count }
        }
        let (chosen, chosenArguments) = selected(context, arguments, filter)
        let money = IndexSchema.moneyColumns.map { "SUM(\($0))" }.joined(separator: ", ")
        var failed = 0
        let sums = try Row.fetchCursor(db, sql: """
            SELECT law, SUM(cases), SUM(failed), \(money) FROM \(table) WHERE \(chosen) GROUP BY law HAVING SUM(cases) > 0
            """, arguments: chosenArguments)
        while let row = try sums.next() {
            let law: String = row[0]
            let totals = try Self.totals(row, from: 3)
            if law.isEmpty {
                failed = Int(try integer(row, 2))
                result.countedCases = Int(try integer(row, 1)) - failed
                result.total = totals
            } else {
                result.perLaw[law] = totals
            }
        }
        if failed > 0 {
            // Few by nature (a missing price index): their reasons are read from their rows.
            let blobs = try Data.fetchAll(db, sql: """
                SELECT cases.figures FROM sums JOIN cases ON cases.rowid = sums.case_row
                WHERE sums.failed = 1 AND law = '' AND \(chosen)
                ORDER BY cases.file
                """, arguments: chosenArguments)
            for blob in blobs {
                guard let pair = FiguresCodec.decode(blob), case .failure(let error) = (view == 0 ? pair.current : pair.original).valued else { continue }
                result.failures.append(error)
            }
        }
        return result
    }

    private static func totals(_ row: Row, from first: Int) throws -> Totals {
        var values: [Money] = []
        for index in first..<first + IndexSchema.moneyColumns.count { values.append(Money(cents: try integer(row, index))) }
        var totals = Totals(avoided: values[0], deployed: values[1], effort: values[2], avoidedTransfers: values[3], deployedTransfers: values[4])
        totals.avoidedLow = values[5]
        totals.avoidedHigh = values[6]
        totals.avoidedConservative = values[7]
        return totals
    }

    private static func integer(_ row: Row, _ index: Int) throws -> Int64 {
        guard case .int64(let value) = (row[index] as DatabaseValue).storage else { throw Overflow() }
        return value
    }
}
