import Foundation

/// One care line of an approved case, as the suggestions need it: which item, how much and
/// how likely after review. No author, no story: a suggestion can name nobody.
public struct ApprovedLine: Hashable, Sendable {
    /// Tells the lines of one case apart from another's; never shown.
    public let caseKey: Int64
    public let code: String
    public let units: Decimal
    /// The likelihood without the intervention (avoided care); nil for deployed care.
    public let likelihood: Percentage?

    public init(caseKey: Int64, code: String, units: Decimal, likelihood: Percentage?) {
        self.caseKey = caseKey
        self.code = code
        self.units = units
        self.likelihood = likelihood
    }
}

/// Which approved cases a suggestion comes from.
public enum SuggestionScope: Hashable, Sendable {
    /// Cases of the same intervention.
    case intervention(String)
    /// Cases of any intervention with the same age band and household that share a life domain.
    case similar

    public var dutchLead: String {
        switch self {
        case .intervention(let name): "eerder bij \(name)"
        case .similar: "bij vergelijkbare casussen"
        }
    }
}

/// An item colleagues often used in comparable approved cases, with the usual quantity and
/// likelihood: a starting point while entering, never an answer.
public struct Suggestion: Hashable, Sendable {
    public let scope: SuggestionScope
    public let code: String
    /// Approved cases in the scope that have this item, and approved cases in the scope.
    public let cases: Int
    public let outOf: Int
    public let medianUnits: Decimal
    /// Nil for deployed care.
    public let medianLikelihood: Percentage?

    public init(scope: SuggestionScope, code: String, cases: Int, outOf: Int, medianUnits: Decimal, medianLikelihood: Percentage?) {
        self.scope = scope
        self.code = code
        self.cases = cases
        self.outOf = outOf
        self.medianUnits = medianUnits
        self.medianLikelihood = medianLikelihood
    }

    /// `34 van 80 · 6 × · waarschijnlijk`: the evidence in a picker row, beside the item's name.
    public var compactEvidence: String {
        let likelihood = medianLikelihood.map { " · \(Suggestions.likelihoodWords($0, withPercent: false))" } ?? ""
        return "\(cases) van \(outOf) · \(DutchNumber.readable(medianUnits)) ×\(likelihood)"
    }

    /// `34 van 80 casussen, mediaan 6 ×, waarschijnlijk (75 %)`.
    public var dutchEvidence: String {
        let likelihood = medianLikelihood.map { ", \(Suggestions.likelihoodWords($0))" } ?? ""
        return "\(cases) van \(outOf) casussen, mediaan \(DutchNumber.readable(medianUnits)) ×\(likelihood)"
    }
}

/// Suggestions from the business case's own approved cases.
public enum Suggestions {
    /// No suggestion rests on fewer cases: below this a median says more about one colleague than about the work.
    public static let minimumCases = 5
    /// At most this many suggestions per scope.
    public static let limit = 8

    /// The items of `lines` used in at least `minimumCases` of the scope's `outOf` cases, most used
    /// first (then by code), leaving out `excluding`; none when the scope has fewer than `minimumCases` cases.
    public static func rank(_ lines: [ApprovedLine], outOf: Int, scope: SuggestionScope, excluding: Set<String> = []) -> [Suggestion] {
        guard outOf >= minimumCases else { return [] }
        let byCode = Dictionary(grouping: lines.filter { !excluding.contains($0.code) }, by: \.code)
        let suggestions = byCode.compactMap { code, lines -> Suggestion? in
            let cases = Set(lines.map(\.caseKey)).count
            guard cases >= minimumCases, let units = median(lines.map(\.units)) else { return nil }
            let likelihoods = lines.compactMap(\.likelihood)
            let likelihood = median(likelihoods.map(\.value)).flatMap(Percentage.init)
            return Suggestion(scope: scope, code: code, cases: cases, outOf: outOf, medianUnits: units, medianLikelihood: likelihood)
        }
        return Array(suggestions.sorted { ($1.cases, $0.code) < ($0.cases, $1.code) }.prefix(limit))
    }

    /// The middle value, or the mean of the two middle ones; nil for none.
    public static func median(_ values: [Decimal]) -> Decimal? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// `waarschijnlijk (75 %)` for the intake's own choices, else `kans 62,5 %`.
    public static func likelihoodWords(_ likelihood: Percentage, withPercent: Bool = true) -> String {
        let words: String
        switch likelihood.value {
        case 90: words = "bijna zeker"
        case 75: words = "waarschijnlijk"
        case 50: words = "even waarschijnlijk"
        case 25: words = "mogelijk"
        default: return "kans \(likelihood.dutchText)"
        }
        return withPercent ? "\(words) (\(likelihood.dutchText))" : words
    }
}

/// What the suggestions for a line being entered compare: the case's context and the kind of care.
public struct SuggestionQuery: Hashable, Sendable {
    public let intervention: String
    public let lifeDomains: [LifeDomain]
    public let ageBand: String
    public let household: String
    /// Avoided care (true) or deployed care.
    public let avoided: Bool

    public init(intervention: String, lifeDomains: [LifeDomain], ageBand: String, household: String, avoided: Bool) {
        self.intervention = intervention
        self.lifeDomains = lifeDomains
        self.ageBand = ageBand
        self.household = household
        self.avoided = avoided
    }
}
