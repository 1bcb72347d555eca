/// One finished case: pseudonymous context, the story, own effort, deployed
/// and avoided care, attribution, review status, and the price list it was priced with.
public struct CaseRecord: Hashable, Codable, Sendable {
    /// The file format version this code writes; readers refuse newer ones.
    /// Version 2 added the revision, the case id in every event hash and the content seal.
    public static let currentSchemaVersion = 2
    /// Versions this code reads; older ones are upgraded (and the upgrade recorded) when next written.
    public static let readableSchemaVersions = 1...2

    /// The version the case was read with; writing always writes the current one.
    public var schemaVersion: Int
    public var id: String
    /// Counts the writes of this case; a save only succeeds over the revision it started from.
    public var revision: Int
    /// True for the shipped example cases; shown as "VOORBEELD" on screen.
    public var fictional: Bool
    public var status: CaseStatus
    public var author: String
    public var context: CaseContext
    public var story: CaseStory
    public var effort: OwnEffort
    public var deployed: [DeployedCareLine]
    public var avoided: [AvoidedCareLine]
    /// Share of the avoided care owed to this intervention and not to others.
    public var attribution: Percentage
    /// Version of the price list the lines were priced with.
    public var priceListVersion: String
    /// The author's estimate, kept once a reviewer changes anything (nil until then).
    public var original: CaseEstimate?
    /// Append-only review history, hash-chained when written.
    public var history: [CaseEvent]
    /// Hash of the last event, so that removing events at the end is detected too.
    public var historyHead: String
    /// Where an imported case came from, with the history it had there (kept, not chained here).
    public var provenance: CaseProvenance?

    public init(
        id: String, fictional: Bool = false, status: CaseStatus = .concept, author: String,
        context: CaseContext, story: CaseStory = CaseStory(), effort: OwnEffort = OwnEffort(),
        deployed: [DeployedCareLine] = [], avoided: [AvoidedCareLine] = [],
        attribution: Percentage = .full, priceListVersion: String
    ) {
        schemaVersion = CaseRecord.currentSchemaVersion
        self.id = id
        revision = 0
        self.fictional = fictional
        self.status = status
        self.author = author
        self.context = context
        self.story = story
        self.effort = effort
        self.deployed = deployed
        self.avoided = avoided
        self.attribution = attribution
        self.priceListVersion = priceListVersion
        original = nil
        history = []
        historyHead = ""
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, id, revision, fictional, status, author, context, story, effort, deployed, avoided, attribution, priceListVersion
        case original, history, historyHead, provenance
    }

    /// Cases written before review existed have no history fields; they read as empty.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        id = try container.decode(String.self, forKey: .id)
        revision = try container.decodeIfPresent(Int.self, forKey: .revision) ?? 0
        fictional = try container.decodeIfPresent(Bool.self, forKey: .fictional) ?? false
        status = try container.decode(CaseStatus.self, forKey: .status)
        author = try container.decode(String.self, forKey: .author)
        context = try container.decode(CaseContext.self, forKey: .context)
        story = try container.decode(CaseStory.self, forKey: .story)
        effort = try container.decode(OwnEffort.self, forKey: .effort)
        deployed = try container.decode([DeployedCareLine].self, forKey: .deployed)
        avoided = try container.decode([AvoidedCareLine].self, forKey: .avoided)
        attribution = try container.decode(Percentage.self, forKey: .attribution)
        priceListVersion = try container.decode(String.self, forKey: .priceListVersion)
        original = try container.decodeIfPresent(CaseEstimate.self, forKey: .original)
        history = try container.decodeIfPresent([CaseEvent].self, forKey: .history) ?? []
        historyHead = try container.decodeIfPresent(String.self, forKey: .historyHead) ?? ""
        provenance = try container.decodeIfPresent(CaseProvenance.self, forKey: .provenance)
    }
}

/// An imported case's origin: its id and status there, and the history it brought along.
public struct CaseProvenance: Hashable, Codable, Sendable {
    public var sourceID: String
    public var sourceFile: String
    public var sourceStatus: CaseStatus
    public var history: [CaseEvent]
    public var historyHead: String

    public init(sourceID: String, sourceFile: String, sourceStatus: CaseStatus, history: [CaseEvent], historyHead: String) {
        self.sourceID = sourceID
        self.sourceFile = sourceFile
        self.sourceStatus = sourceStatus
        self.history = history
        self.historyHead = historyHead
    }
}

/// Who, where and when, without anything that identifies the client.
public struct CaseContext: Hashable, Codable, Sendable {
    public var intervention: String
    public var team: String
    public var municipality: String
    public var periodStart: CalendarDay
    public var periodEnd: CalendarDay
    public var referrer: String
    public var ageBand: String
    public var household: String
    public var lifeDomains: [LifeDomain]

    public init(intervention: String, team: String, municipality: String, periodStart: CalendarDay, periodEnd: CalendarDay,
                referrer: String = "", ageBand: String = "", household: String = "", lifeDomains: [LifeDomain] = []) {
        self.intervention = intervention
        self.team = team
        self.municipality = municipality
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.referrer = referrer
        self.ageBand = ageBand
        self.household = household
        self.lifeDomains = lifeDomains
    }
}

/// The story of the case: count *and* tell.
public struct CaseStory: Hashable, Codable, Sendable {
    public var situation: String
    public var approach: String
    public var result: String

    /// What the three parts are called wherever they are asked or shown (intake, case view, export).
    public static let labels = (situation: "Situatie", approach: "Wat is er gedaan", result: "Wat is er veranderd")

    /// The parts with their labels, in reading order.
    public var labelled: [(label: String, text: String)] {
        [(Self.labels.situation, situation), (Self.labels.approach, approach), (Self.labels.result, result)]
    }

    public init(situation: String = "", approach: String = "", result: String = "") {
        self.situation = situation
        self.approach = approach
        self.result = result
    }
}
