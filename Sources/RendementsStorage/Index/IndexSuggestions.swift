import Foundation
import GRDB
import RendementsDomain

extension CaseIndex {
    /// Suggestions for a line being entered, from the approved cases' lines as the index last
    /// recorded them (no file is looked at: the list must open at once, and the app keeps the
    /// index current after every write and on the start screen). Cases of the same intervention
    /// first, then cases with the same age band and household that share a life domain. Empty
    /// when there is no index or too little history.
    public func suggestions(for query: SuggestionQuery) -> [Suggestion] {
        guard FileManager.default.fileExists(atPath: url.path), let database = try? open() else { return [] }
        return (try? database.read { db -> [Suggestion] in
            let kind: Int64 = query.avoided ? 1 : 0
            var suggestions: [Suggestion] = []
            if !query.intervention.isEmpty {
                // Approved real cases of the intervention, from the cube: a few rows, however many cases.
                let outOf = try Int.fetchOne(db, sql: """
                    SELECT SUM(real) FROM cube WHERE original IN (0, \(IndexSchema.bothViews)) AND law = '' AND status = 'goedgekeurd' AND intervention = ?
                    """, arguments: [query.intervention.composed]) ?? 0
                suggestions = try Self.ranked(db, "intervention = ? AND kind = ?", [query.intervention.composed, kind], avoided: query.avoided, outOf: outOf,
                                              scope: .intervention(query.intervention), excluding: [])
            }
            if !query.ageBand.isEmpty, !query.household.isEmpty, !query.lifeDomains.isEmpty {
                let domains = query.lifeDomains.reduce(Int64(0)) { $0 | IndexSchema.bit($1) }
                let context = "age_band = ? AND household = ? AND domains & ? != 0"
                let arguments: [any DatabaseValueConvertible] = [query.ageBand, query.household, domains]
                let outOf = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT case_row) FROM lines WHERE \(context)",
                                             arguments: StatementArguments(arguments)) ?? 0
                suggestions += try Self.ranked(db, context + " AND kind = ?", arguments + [kind], avoided: query.avoided, outOf: outOf, scope: .similar,
                                               excluding: Set(suggestions.map(\.code)))
            }
            return suggestions
        }) ?? []
    }

    /// `Suggestions.rank` done by SQLite: the items used in most cases of the scope, and each
    /// one's middle values read by position in value order, so no line is read into memory.
    /// Tested equal to `Suggestions.rank` over the same lines.
    private static func ranked(_ db: Database, _ condition: String, _ arguments: [any DatabaseValueConvertible], avoided: Bool, outOf: Int,
                               scope: SuggestionScope, excluding: Set<String>) throws -> [Suggestion] {
        guard outOf >= Suggestions.minimumCases else { return [] }
        let skipped = excluding.sorted()
        let notExcluded = skipped.isEmpty ? "" : " AND code NOT IN (\(skipped.map { _ in "?" }.joined(separator: ", ")))"
        // An intervention's items are counted in `items`; a context is counted from its lines.
        let counted = if case .intervention = scope {
            "SELECT code, cases, lines FROM items WHERE \(condition)\(notExcluded) AND cases >= ?"
        } else {
            "SELECT code, COUNT(DISTINCT case_row) AS cases, COUNT(*) FROM lines WHERE \(condition)\(notExcluded) GROUP BY code HAVING cases >= ?"
        }
        let top = try Row.fetchAll(db, sql: counted + " ORDER BY cases DESC, code LIMIT ?",
                                   arguments: StatementArguments(arguments + skipped + [Suggestions.minimumCases, Suggestions.limit]))
        return try top.compactMap { row -> Suggestion? in
            let code: String = row[0]
            let itemArguments = arguments + [code]
            func median(_ column: String, count: Int) throws -> Decimal? {
                guard count > 0 else { return nil }
                let middle = try String.fetchAll(db, sql: """
                    SELECT \(column) FROM lines WHERE \(condition) AND code = ? AND \(column) IS NOT NULL
                    ORDER BY CAST(\(column) AS REAL) LIMIT ? OFFSET ?
                    """, arguments: StatementArguments(itemArguments + [2 - count % 2, (count - 1) / 2]))
                let values = middle.compactMap(DecimalText.parse)
                guard values.count == 2 - count % 2 else { return nil }
                return values.count == 1 ? values[0] : (values[0] + values[1]) / 2
            }
            guard let units = try median("units", count: row[2]) else { return nil }
            // Every avoided line has a likelihood and no deployed line has one: counting them would leave the covering index.
            let likelihood = try median("likelihood", count: avoided ? row[2] : 0).flatMap(Percentage.init)
            return Suggestion(scope: scope, code: code, cases: row[1], outOf: outOf, medianUnits: units, medianLikelihood: likelihood)
        }
    }

    /// Per item, the avoided lines of other approved cases of this intervention, as the index
    /// last recorded them: what a reviewer compares a case's lines with. Empty without an index.
    public func comparableLines(intervention: String, codes: [String], excludingCase id: String) -> [String: ComparableLines] {
        guard FileManager.default.fileExists(atPath: url.path), let database = try? open() else { return [:] }
        return (try? database.read { db -> [String: ComparableLines] in
            var result: [String: ComparableLines] = [:]
            for code in Set(codes) {
                let lines = try Self.approvedLines(db, """
                    intervention = ? AND code = ? AND kind = 1 AND case_row NOT IN (SELECT rowid FROM cases WHERE file = ?)
                    """, [intervention, code, id + ".json"])
                result[code] = ComparableLines(units: lines.map(\.units), likelihoods: lines.compactMap(\.likelihood?.value),
                                               cases: Set(lines.map(\.caseKey)).count)
            }
            return result
        }) ?? [:]
    }

    private static func approvedLines(_ db: Database, _ condition: String, _ arguments: [any DatabaseValueConvertible]) throws -> [ApprovedLine] {
        var lines: [ApprovedLine] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT case_row, code, units, likelihood FROM lines WHERE \(condition)",
                                       arguments: StatementArguments(arguments))
        while let row = try rows.next() {
            guard let units = DecimalText.parse(row[2]) else { continue }
            let likelihood = (row[3] as String?).flatMap(DecimalText.parse).flatMap(Percentage.init)
            lines.append(ApprovedLine(caseKey: row[0], code: row[1], units: units, likelihood: likelihood))
        }
        return lines
    }
}
