import Foundation
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
    /// Set when an existing case (sent back, or a concept) is being reworked.
    public var editingCaseID: String?
    /// The revision the rework started from: a newer one on disk is never replaced without asking.
    public var editingRevision: Int?
    /// Hourly rates typed in the intake (Dutch text by rate code); a missing one is the
    /// business case's or price list's rate.
    public var workerRates: [String: String]?
    /// The law that pays the own effort (code); nil means the intervention's default.
    public var effortLaw: String?
    /// The step the worker was on (`IntakeStep`'s raw value), so a resumed draft opens there.
    public var lastStep: Int?
    /// The case as the rework began (at `editingRevision`): what the author changed since then is
    /// put onto a newer version (`DraftMerge`). Absent in drafts saved before it was kept.
    public var editingBase: CaseRecord?

    public init(author: String, priceListVersion: String) {
        self.author = author
        self.priceListVersion = priceListVersion
    }

    /// An existing case as editable text, for the author to rework it.
    public init(editing record: CaseRecord) {
        self.init(author: record.author, priceListVersion: record.priceListVersion)
        editingCaseID = record.id
        editingRevision = record.revision
        editingBase = record
        intervention = record.context.intervention
        team = record.context.team
        municipality = record.context.municipality
        periodStart = record.context.periodStart.dutch
        periodEnd = record.context.periodEnd.dutch
        referrer = record.context.referrer
        ageBand = record.context.ageBand
        household = record.context.household
        lifeDomains = record.context.lifeDomains
        situation = record.story.situation
        approach = record.story.approach
        result = record.story.result
        for worker in record.effort.workers {
            workerHours[worker.rateCode] = DutchNumber.decimal(worker.hours)
            workerRates = (workerRates ?? [:]).merging([worker.rateCode: worker.hourlyRate.plainText.replacingOccurrences(of: ".", with: ",")]) { $1 }
        }
        effortLaw = record.effort.law
        volunteerHours = record.effort.volunteerHours == 0 ? "" : DutchNumber.decimal(record.effort.volunteerHours)
        if let cost = record.effort.otherCosts.first {
            otherCostDescription = cost.description
            otherCostAmount = DutchNumber.decimal(cost.amount.euros)
        }
        deployed = record.deployed.map { DraftLine(item: $0.item, quantity: $0.quantity, text: $0.note) }
        avoided = record.avoided.map { line in
            var draft = DraftLine(item: line.item, quantity: line.quantity, text: line.reasoning)
            let percent = line.likelihood.value
            if let choice = Choices.likelihoods.first(where: { Choices.likelihoodPercent($0).map { Decimal($0) } == percent }) {
                draft.likelihood = choice
            } else {
                draft.likelihood = Choices.likelihoods[4]
                draft.customLikelihood = DutchNumber.decimal(percent)
            }
            draft.certainty = line.certainty?.dutchName ?? ""
            draft.years = line.horizonYears.map(String.init) ?? ""
            draft.dropOff = line.dropOff.map { DutchNumber.decimal($0.value) } ?? ""
            draft.lowQuantity = line.lowQuantity.map { DutchNumber.decimal($0.units) } ?? ""
            draft.highQuantity = line.highQuantity.map { DutchNumber.decimal($0.units) } ?? ""
            draft.lowLikelihood = line.lowLikelihood.map { DutchNumber.decimal($0.value) } ?? ""
            draft.highLikelihood = line.highLikelihood.map { DutchNumber.decimal($0.value) } ?? ""
            return draft
        }
        attribution = DutchNumber.decimal(record.attribution.value)
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
    /// Optional refinements of avoided care: how sure, how long, and a low/high range.
    public var certainty = ""
    public var years = ""
    public var dropOff = ""
    public var lowQuantity = ""
    public var highQuantity = ""
    public var lowLikelihood = ""
    public var highLikelihood = ""

    public init(item: PricedItem) { self.item = item }

    init(item: PricedItem, quantity: Quantity, text: String) {
        self.item = item
        self.text = text
        switch quantity {
        case .count(let count):
            self.quantity = DutchNumber.decimal(count)
        case .rate(let amount, let per, let periods):
            self.quantity = DutchNumber.decimal(amount)
            self.per = Choices.periods.contains(per) ? per : Choices.periods[0]
            self.periods = DutchNumber.decimal(periods)
        }
    }
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

    /// The law that usually pays a worker's time in an intervention: youth work and
    /// parenting support are Jeugdwet, the rest Wmo 2015 (the worker can choose another).
    public static func effortLaw(for intervention: String) -> String {
        ["Jongerenwerk", "Opvoedondersteuning"].contains(intervention) ? "jeugdwet" : "wmo"
    }
    public static let certainties = Certainty.allCases.map(\.dutchName)
    public static let likelihoods = [
        "bijna zeker (90 %)", "waarschijnlijk (75 %)", "even waarschijnlijk (50 %)", "mogelijk (25 %)", "eigen percentage",
    ]

    /// `dagen`, `weken`, `maanden`.
    public static func plural(_ period: String) -> String { Quantity.periodPlural(period) }

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
