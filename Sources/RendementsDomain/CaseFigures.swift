/// What the screens and reports need of one case, without the case: the fields the
/// filters look at, and its valued totals (per law, per avoided line), or why it
/// could not be valued. Built from a case by `init(_:options:)`, or read back from
/// the index; `BusinessCaseSummary` adds these up, whichever way they came.
public struct CaseFigures: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public let code: String
        public let description: String
        public let law: String
        public let value: Money

        public init(code: String, description: String, law: String, value: Money) {
            self.code = code
            self.description = description
            self.law = law
            self.value = value
        }
    }

    /// A case valued: per-law totals (own effort on its law), the whole, and the central value of each avoided line.
    public struct Valued: Hashable, Sendable {
        public let perLaw: [String: Totals]
        public let total: Totals
        public let lines: [Line]

        public init(perLaw: [String: Totals], total: Totals, lines: [Line]) {
            self.perLaw = perLaw
            self.total = total
            self.lines = lines
        }
    }

    public let id: String
    public let status: CaseStatus
    public let author: String
    public let team: String
    public let intervention: String
    public let periodEnd: CalendarDay
    public let lifeDomains: [LifeDomain]
    public let fictional: Bool
    public let priceListVersion: String
    public let valued: Result<Valued, ValuationError>

    public init(id: String, status: CaseStatus, author: String, team: String, intervention: String, periodEnd: CalendarDay,
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
    public let current: CaseFigures
    public let original: CaseFigures

    public init(current: CaseFigures, original: CaseFigures) {
        self.current = current
        self.original = original
    }

    public init(_ record: CaseRecord, options: EstimateOptions) {
        let current = CaseFigures(record, options: options)
        self.init(current: current, original: record.original == nil ? current : CaseFigures(record.asOriginallyEstimated, options: options))
    }
}
