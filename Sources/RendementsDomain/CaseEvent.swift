/// One entry of a case's append-only history: who changed what, when and why.
///
/// `hash` chains each event to the one before it (computed by the storage layer
/// when the event is written), so an edited or removed event is detected.
public struct CaseEvent: Hashable, Codable, Sendable {
    public enum Action: String, Codable, Sendable {
        /// A field of the estimate changed (likelihood, quantity, item, attribution).
        case wijziging
        case regelToegevoegd = "regel-toegevoegd"
        case regelVerwijderd = "regel-verwijderd"
        /// The review status changed; `reason` holds the remarks.
        case status
        /// A line was priced against a newer price list (an explicit act).
        case herprijzing
        /// The case came from another business case; `old` names where from, `new` the status it got.
        case `import`
        /// The file was upgraded to a newer schema version when it was written.
        case schema = "schema-upgrade"
        /// The author changed the content of a sent-back case or concept.
        case aanpassing
    }

    /// ISO 8601 time in UTC, e.g. `2026-11-24T10:15:00Z`.
    public var at: String
    public var by: String
    public var action: Action
    /// What changed, e.g. `voorkomen[2].kans`, `toerekening`, `status`.
    public var field: String
    public var old: String
    public var new: String
    /// Why; required for every change.
    public var reason: String
    /// Hash of the previous event ("" for the first) and of this one; empty until sealed.
    public var previousHash: String
    public var hash: String
    /// Hash of the case's content (lines, quantities, likelihoods, attribution, prices, effort)
    /// as it stood after this event; sealed with the event (schema 2), so a later change without an event shows.
    public var contentHash: String

    public init(at: String, by: String, action: Action, field: String, old: String, new: String, reason: String) {
        self.at = at
        self.by = by
        self.action = action
        self.field = field
        self.old = old
        self.new = new
        self.reason = reason
        previousHash = ""
        hash = ""
        contentHash = ""
    }

    private enum CodingKeys: String, CodingKey { case at, by, action, field, old, new, reason, previousHash, hash, contentHash }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        at = try container.decode(String.self, forKey: .at)
        by = try container.decode(String.self, forKey: .by)
        action = try container.decode(Action.self, forKey: .action)
        field = try container.decode(String.self, forKey: .field)
        old = try container.decode(String.self, forKey: .old)
        new = try container.decode(String.self, forKey: .new)
        reason = try container.decode(String.self, forKey: .reason)
        previousHash = try container.decode(String.self, forKey: .previousHash)
        hash = try container.decode(String.self, forKey: .hash)
        contentHash = try container.decodeIfPresent(String.self, forKey: .contentHash) ?? ""
    }

    /// The text that is hashed: every field but the hash itself, in a fixed order. Schema 2 puts the
    /// case id and the content seal in front, so an event copied into another case or a content
    /// change that kept the event does not verify.
    public func canonicalText(caseID: String, schemaVersion: Int) -> String {
        let fields = [at, by, action.rawValue, field, old, new, reason, previousHash]
        let scoped = schemaVersion >= 2 ? [caseID, contentHash] + fields : fields
        // The separator inside a field becomes a space; most fields have none, and Foundation's
        // replacing was a tenth of checking a history.
        return scoped.map { $0.utf8.contains(0x1F) ? $0.replacingOccurrences(of: "\u{1F}", with: " ") : $0 }.joined(separator: "\u{1F}")
    }

    /// True for events that set the case's status (a review step, or an import that set it).
    public var setsStatus: Bool { action == .status || action == .import }
}

/// The author's estimate, kept when a reviewer first changes anything.
public struct CaseEstimate: Hashable, Codable, Sendable {
    public var deployed: [DeployedCareLine]
    public var avoided: [AvoidedCareLine]
    public var attribution: Percentage

    public init(deployed: [DeployedCareLine], avoided: [AvoidedCareLine], attribution: Percentage) {
        self.deployed = deployed
        self.avoided = avoided
        self.attribution = attribution
    }
}

extension CaseEvent {
    /// The field as a reader says it: `voorkomen[2].kans` is "voorkomen regel 2, kans".
    /// The stored path stays as it is: it is part of the hashed history.
    public var dutchField: String { Self.dutchPath(field) }

    /// A stored path as a reader says it: `voorkomen[2].kans` is "voorkomen regel 2, kans".
    public static func dutchPath(_ field: String) -> String {
        guard let open = field.firstIndex(of: "["), let close = field.firstIndex(of: "]"), open < close else { return field }
        let part = field[..<open]
        let number = field[field.index(after: open)..<close]
        let rest = field[field.index(after: close)...].drop { $0 == "." }
        return "\(part) regel \(number)" + (rest.isEmpty ? "" : ", \(rest)")
    }

    /// What the event changed, as a reader says it: `voorkomen regel 1, kans: 33,333 % → 12,5 %`,
    /// `hoeveelheid: 1.500 → 1.200`, `aangepast: verhaal, inzet`. The stored values keep their
    /// machine form (`33.333`), which a Dutch reader would take for thirty-three thousand.
    public var dutchChange: String {
        switch action {
        case .status:
            return "status \(old) → \(new)"
        case .aanpassing:
            return field.hasPrefix("inhoud: ") ? "aangepast: " + field.dropFirst("inhoud: ".count) : "inhoud aangepast"
        default:
            let percent = field.hasSuffix(".kans") || field == "toerekening"
            func shown(_ value: String) -> String {
                if value.isEmpty { return "—" }
                if percent, let number = DecimalText.parse(value) { return DutchNumber.readable(number) + " %" }
                if field.hasSuffix(".hoeveelheid"), let number = DutchNumber.parse(value) { return DutchNumber.readable(number) }
                return value
            }
            return "\(dutchField): \(shown(old)) → \(shown(new))"
        }
    }
}
