/// What the screens and reports need of one case, without the case: the fields the
/// filters look at, and its valued totals (per law, per avoided line), or why it
/// could not be valued. Built from a case by `init(_:options:)`, or read back from
/// the index; `BusinessCaseSummary` adds these up, whichever way they came.
public struct CaseFigures: Hashable, Sendable {
    /// What an avoided line names: the item's code, description and law. One instance is
    /// shared by every line of the same item read from the index, so 100,000 cases hold a
    /// reference a line instead of three strings (a quarter of the app's memory before).
    public final class ItemName: Hashable, Sendable {
        public let code: String
        public let description: String
        public let law: String

        public init(code: String, description: String, law: String) {
            self.code = code
            self.description = description
            self.law = law
        }

        public static func == (lhs: ItemName, rhs: ItemName) -> Bool {
            lhs === rhs || (lhs.code == rhs.code && lhs.description == rhs.description && lhs.law == rhs.law)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(code)
            hasher.combine(description)
            hasher.combine(law)
        }
    }

    public struct Line: Hashable, Sendable {
        public let item: ItemName
        public let value: Money

        public var code: String { item.code }
        public var description: String { item.description }
        public var law: String { item.law }

        public init(item: ItemName, value: Money) {
            self.item = item
            self.value = value
        }

        public init(code: String, description: String, law: String, value: Money) {
            self.init(item: ItemName(code: code, description: description, law: law), value: value)
        }
    }

    /// One law's totals within a case.
    public struct LawTotals: Hashable, Sendable {
        public let law: String
        public let totals: Totals

        public init(law: String, totals: Totals) {
            self.law = law
            self.totals = totals
        }
    }

    /// A case valued: per-law totals (own effort on its law), the whole, and the central value of each avoided line.
    public struct Valued: Hashable, Sendable {
        /// In law-code order; an array, not a dictionary: a case has a handful of laws, and a
        /// dictionary's table for them took twice the memory.
        public let perLaw: [LawTotals]
        public let total: Totals
        public let lines: [Line]

        public init(perLaw: [String: Totals], total: Totals, lines: [Line]) {
            self.init(lawTotals: perLaw.map { LawTotals(law: $0.key, totals: $0.value) }, total: total, lines: lines)
        }

        public init(lawTotals: [LawTotals], total: Totals, lines: [Line]) {
            perLaw = lawTotals.sorted { $0.law < $1.law }
            self.total = total
            self.lines = lines
        }
    }

    /// The fields, held once: a `CaseFigures` is copied wherever 100,000 of them are added up,
    /// and copying ten fields (each string and array retained) was a fifth of a dashboard filter key.
    private final class Fields: Sendable {
        let id: String
        let status: CaseStatus
        let author: String
        let team: String
        let intervention: String
        let periodEnd: CalendarDay
        let lifeDomains: [LifeDomain]
        let fictional: Bool
        let priceListVersion: String
        let valued: Result<Valued, ValuationError>

        init(id: String, status: CaseStatus, author: String, team: String, intervention: String, periodEnd: CalendarDay,
             lifeDomains: [LifeDomain], fictional: Bool, priceListVersion: String, valued: Result<Valued, ValuationError>) {
            self.id = id
            self.status = status
            self.author = author
            self.team = team
            self.intervention = intervention
            self.periodEnd = periodEnd
            self.lifeDomains = lifeDomains
            self.fictional = fictional
            self.priceListVersion = priceListVersion
            self.valued = valued
        }
    }

    private let fields: Fields

    public var id: String { fields.id }
    public var status: CaseStatus { fields.status }
    public var author: String { fields.author }
    public var team: String { fields.team }
    public var intervention: String { fields.intervention }
    public var periodEnd: CalendarDay { fields.periodEnd }
    public var lifeDomains: [LifeDomain] { fields.lifeDomains }
    public var fictional: Bool { fields.fictional }
    public var priceListVersion: String { fields.priceListVersion }
    public var valued: Result<Valued, ValuationError> { fields.valued }

    public init(id: String, status: CaseStatus, author: String, team: String, intervention: String, periodEnd: CalendarDay,
                lifeDomains: [LifeDomain], fictional: Bool, priceListVersion: String, valued: Result<Valued, ValuationError>) {
        fields = Fields(id: id, status: status, author: author, team: team, intervention: intervention, periodEnd: periodEnd,
                        lifeDomains: lifeDomains, fictional: fictional, priceListVersion: priceListVersion, valued: valued)
    }

    public static func == (lhs: CaseFigures, rhs: CaseFigures) -> Bool {
        lhs.fields === rhs.fields
            || (lhs.id == rhs.id && lhs.status == rhs.status && lhs.author == rhs.author && lhs.team == rhs.team
                && lhs.intervention == rhs.intervention && lhs.periodEnd == rhs.periodEnd && lhs.lifeDomains == rhs.lifeDomains
                && lhs.fictional == rhs.fictional && lhs.priceListVersion == rhs.priceListVersion && lhs.valued == rhs.valued)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(status)
        hasher.combine(author)
        hasher.combine(team)
        hasher.combine(intervention)
        hasher.combine(periodEnd)
        hasher.combine(lifeDomains)
        hasher.combine(fictional)
        hasher.combine(priceListVersion)
        hasher.combine(valued)
    }

    /// Values a case: the one place a whole case becomes figures.
    public init(_ record: CaseRecord, options: EstimateOptions) {
        let valued: Result<Valued, ValuationError>
        do {
            let valuation = try CaseValuation(record, options: options)
            valued = .success(Valued(perLaw: valuation.perLaw, total: valuation.total, lines: valuation.avoidedLines.map {
                Line(code: $0.line.item.code, description: $0.line.item.description, law: $0.line.item.law, value: $0.value)
            }))
        } catch {
            valued = .failure(error)
        }
        self.init(id: record.id, status: record.status, author: record.author, team: record.context.team,
                  intervention: record.context.intervention, periodEnd: record.context.periodEnd,
                  lifeDomains: record.context.lifeDomains, fictional: record.fictional, priceListVersion: record.priceListVersion, valued: valued)
    }
}

/// The figures of a case as it stands and as its author estimated it (the same when nobody changed it).
public struct CaseFigurePair: Hashable, Sendable {
    /// The author's figures when a review changed them, held apart: more than half of the cases were
    /// never changed, and a second `CaseFigures` in every pair made each copy of 100,000 pairs (the
    /// app's list, a read's table) twice the size.
    private final class Changed: Sendable {
        let figures: CaseFigures
        init(_ figures: CaseFigures) { self.figures = figures }
    }

    public let current: CaseFigures
    private let changed: Changed?

    public var original: CaseFigures { changed?.figures ?? current }

    public init(current: CaseFigures, original: CaseFigures) {
        self.current = current
        changed = original == current ? nil : Changed(original)
    }

    public init(_ record: CaseRecord, options: EstimateOptions) {
        let current = CaseFigures(record, options: options)
        self.init(current: current, original: record.original == nil ? current : CaseFigures(record.asOriginallyEstimated, options: options))
    }

    public static func == (lhs: CaseFigurePair, rhs: CaseFigurePair) -> Bool {
        lhs.current == rhs.current && lhs.original == rhs.original
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(current)
        hasher.combine(original)
    }
}
