import RendementsDomain

/// A case being entered, exactly as typed: text is kept even when it is not
/// (yet) a valid number or date, so nothing the worker typed is ever lost.
/// Saved as the draft after every change.
public struct IntakeDraft: Codable, Hashable, Sendable {
    public static let currentSchemaVersion = 1

    public var schemaVersion = IntakeDraft.currentSchemaVersion
    public var author: String
    public var priceListVersion: String
    public var intervention = ""
    public var team = ""
    public var municipality = ""
    public var periodStart = ""
    public var periodEnd = ""
    public var referrer = ""
    public var ageBand = ""
    public var household = ""
    public var lifeDomains: [LifeDomain] = []
    public var situation = ""
    public var approach = ""
    public var result = ""
    /// Hours typed per hourly-rate code.
    public var workerHours: [String: String] = [:]
    public var volunteerHours = ""
    public var otherCostDescription = ""
    public var otherCostAmount = ""
    public var deployed: [DraftLine] = []
    public var avoided: [DraftLine] = []
    public var attribution = "100"

    public init(author: String, priceListVersion: String) {
        self.author = author
        self.priceListVersion = priceListVersion
    }

    public func lines(_ kind: LineKind) -> [DraftLine] { kind == .deployed ? deployed : avoided }

    public mutating func setLines(_ kind: LineKind, _ lines: [DraftLine]) {
        if kind == .deployed { deployed = lines } else { avoided = lines }
    }
}

/// Deployed care (it happened) or avoided care (it probably would have).
public enum LineKind: String, Codable, Hashable, Sendable, CaseIterable {
    case deployed, avoided
}

/// One care line as typed.
public struct DraftLine: Codable, Hashable, Sendable {
    public var item: PricedItem
    public var quantity = ""
    /// One of `Choices.periods`: "totaal" or a period such as "week".
    public var per = Choices.periods[0]
    public var periods = ""
    /// One of `Choices.likelihoods`.
    public var likelihood = Choices.likelihoods[1]
    public var customLikelihood = ""
    /// The reasoning (avoided care) or a note (deployed care).
    public var text = ""

    public init(item: PricedItem) { self.item = item }
}

/// The fixed option lists of the intake form, in Dutch.
public enum Choices {
    public static let interventions = [
        "Sociaal Recept", "Schuldhulp vroegsignalering", "Jongerenwerk", "Mantelzorgondersteuning", "Ouderenwerk",
        "Werk en inkomen", "Opvoedondersteuning", "Buurtbemiddeling", "Algemeen maatschappelijk werk",
    ]
    public static let referrers = ["huisarts", "wijkteam", "zelf", "familie of netwerk", "school", "woningcorporatie", "UWV", "politie", "anders"]
    public static let ageBands = ["0-11", "12-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"]
    public static let households = ["alleenstaand", "samenwonend", "eenoudergezin", "gezin met kinderen", "anders"]
    public static let periods = ["totaal", "dag", "week", "maand"]
    public static let likelihoods = [
        "bijna zeker (90 %)", "waarschijnlijk (75 %)", "even waarschijnlijk (50 %)", "mogelijk (25 %)", "eigen percentage",
    ]

    /// `dagen`, `weken`, `maanden`.
    public static func plural(_ period: String) -> String {
        switch period {
        case "dag": "dagen"
        case "week": "weken"
        case "maand": "maanden"
        default: period
        }
    }

    /// The percentage of a likelihood choice; nil for "eigen percentage".
    public static func likelihoodPercent(_ choice: String) -> Int? {
        switch likelihoods.firstIndex(of: choice) {
        case 0: 90
        case 1: 75
        case 2: 50
        case 3: 25
        default: nil
        }
    }
}
