/// Care the worker arranged that did cost money (voorkomen is elsewhere): priced at price × quantity.
public struct DeployedCareLine: Hashable, Codable, Sendable {
    public var item: PricedItem
    public var quantity: Quantity
    public var note: String

    public init(item: PricedItem, quantity: Quantity, note: String = "") {
        self.item = item
        self.quantity = quantity
        self.note = note
    }
}

/// Care that would probably have been needed without the intervention.
public struct AvoidedCareLine: Hashable, Codable, Sendable {
    public var item: PricedItem
    public var quantity: Quantity
    /// How likely the care would have been needed without the intervention.
    public var likelihood: Percentage
    /// One line: why the worker thinks so.
    public var reasoning: String
    /// Years the avoided care would have run (nil: one year, the reporting norm).
    public var horizonYears: Int?
    /// Share lost per later year (the effect fades).
    public var dropOff: Percentage?
    /// A lower and higher estimate, for the low / central / high range.
    public var lowQuantity: Quantity?
    public var highQuantity: Quantity?
    public var lowLikelihood: Percentage?
    public var highLikelihood: Percentage?
    /// How the worker knows.
    public var certainty: Certainty?

    public init(item: PricedItem, quantity: Quantity, likelihood: Percentage, reasoning: String,
                horizonYears: Int? = nil, dropOff: Percentage? = nil, lowQuantity: Quantity? = nil, highQuantity: Quantity? = nil,
                lowLikelihood: Percentage? = nil, highLikelihood: Percentage? = nil, certainty: Certainty? = nil) {
        self.item = item
        self.quantity = quantity
        self.likelihood = likelihood
        self.reasoning = reasoning
        self.horizonYears = horizonYears
        self.dropOff = dropOff
        self.lowQuantity = lowQuantity
        self.highQuantity = highQuantity
        self.lowLikelihood = lowLikelihood
        self.highLikelihood = highLikelihood
        self.certainty = certainty
    }

    /// At least one year.
    public var years: Int { max(1, horizonYears ?? 1) }
}

/// How certain the worker is that the care would have been needed.
public enum Certainty: String, CaseIterable, Codable, Sendable {
    case gedocumenteerd
    case bevestigd = "bevestigd-door-collega"
    case inschatting = "professionele-inschatting"

    public var dutchName: String {
        switch self {
        case .gedocumenteerd: "gedocumenteerd (dossier, brief, verwijzing)"
        case .bevestigd: "bevestigd door een andere professional"
        case .inschatting: "professionele inschatting"
        }
    }

    /// The certainty a draft names, also in the longer wording drafts saved before it
    /// was shortened to fit beside its label at 80 columns.
    public init?(dutchName: String) {
        let legacy = ["bevestigd door een collega of andere professional": Certainty.bevestigd]
        guard let certainty = Self.allCases.first(where: { $0.dutchName == dutchName }) ?? legacy[dutchName] else { return nil }
        self = certainty
    }
}
