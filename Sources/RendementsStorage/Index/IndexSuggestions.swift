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
                let outOf = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT case_row) FROM lines WHERE intervention = ?",
                                             arguments: [query.intervention]) ?? 0
                let lines = try Self.approvedLines(db, "intervention = ? AND kind = ?", [query.intervention, kind])
                suggestions = Suggestions.rank(lines, outOf: outOf, scope: .intervention(query.intervention))
            }
            if !query.ageBand.isEmpty, !query.household.isEmpty, !query.lifeDomains.isEmpty {
                let domains = query.lifeDomains.reduce(Int64(0)) { $0 | IndexSchema.bit($1) }
                let context = "age_band = ? AND household = ? AND domains & ? != 0"
                let arguments: [any DatabaseValueConvertible] = [query.ageBand, query.household, domains]
                let outOf = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT case_row) FROM lines WHERE \(context)",
                                             arguments: StatementArguments(arguments)) ?? 0
                let lines = try Self.approvedLines(db, context + " AND kind = ?", arguments + [kind])
                suggestions += Suggestions.rank(lines, outOf: outOf, scope: .similar, excluding: Set(suggestions.map(\.code)))
            }
            return suggestions
        }) ?? []
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
                result[code] = ComparableLines(units: lines.map(\.units), likelihoods: lines.compactMap(\.likelihood?.value))
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
