import Foundation

/// The suggestions and the review's comparisons worked out from whole cases: what a store
/// without the folder's index (the server) uses. The folder's index computes the same in SQL,
/// and is tested equal to these.
public enum CaseLessons {
    /// The cases lessons are drawn from: approved, and real (the fictional examples teach the
    /// app, not the estimates).
    public static func teaching(_ records: some Sequence<CaseRecord>) -> [CaseRecord] {
        records.filter { $0.status == .goedgekeurd && !$0.fictional }
    }

    /// Suggestions for a line being entered: cases of the same intervention first, then cases
    /// with the same age band and household that share a life domain (see `CaseIndex.suggestions`).
    public static func suggestions(_ records: [CaseRecord], for query: SuggestionQuery) -> [Suggestion] {
        let approved = teaching(records).enumerated().map { (Int64($0.offset), $0.element) }
        func lines(_ cases: [(Int64, CaseRecord)]) -> [ApprovedLine] {
            cases.flatMap { key, record in
                query.avoided
                    ? record.avoided.map { ApprovedLine(caseKey: key, code: $0.item.code, units: $0.quantity.units, likelihood: $0.likelihood) }
                    : record.deployed.map { ApprovedLine(caseKey: key, code: $0.item.code, units: $0.quantity.units, likelihood: nil) }
            }
        }
        var result: [Suggestion] = []
        if !query.intervention.isEmpty {
            let same = approved.filter { $0.1.context.intervention == query.intervention }
            result = Suggestions.rank(lines(same), outOf: same.count, scope: .intervention(query.intervention))
        }
        if !query.ageBand.isEmpty, !query.household.isEmpty, !query.lifeDomains.isEmpty {
            // Cases without any care line are not in the index's lines table, so they do not count there either.
            let similar = approved.filter {
                $0.1.context.ageBand == query.ageBand && $0.1.context.household == query.household
                    && !Set($0.1.context.lifeDomains).isDisjoint(with: query.lifeDomains)
                    && !($0.1.avoided.isEmpty && $0.1.deployed.isEmpty)
            }
            result += Suggestions.rank(lines(similar), outOf: similar.count, scope: .similar, excluding: Set(result.map(\.code)))
        }
        return result
    }

    /// Per item, the avoided lines of the other approved cases of this intervention.
    public static func comparableLines(_ records: [CaseRecord], intervention: String, codes: [String],
                                       excludingCase id: String) -> [String: ComparableLines] {
        let others = teaching(records).filter { $0.context.intervention == intervention && $0.id != id }
        var result: [String: ComparableLines] = [:]
        for code in Set(codes) {
            let lines = others.map { record in record.avoided.filter { $0.item.code == code } }
            result[code] = ComparableLines(units: lines.flatMap { $0.map(\.quantity.units) },
                                           likelihoods: lines.flatMap { $0.map(\.likelihood.value) },
                                           cases: lines.filter { !$0.isEmpty }.count)
        }
        return result
    }
}
