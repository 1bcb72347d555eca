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
    }

    /// The text that is hashed: every field but the hash itself, in a fixed order.
    public var canonicalText: String {
        [at, by, action.rawValue, field, old, new, reason, previousHash].map { $0.replacingOccurrences(of: "\u{1F}", with: " ") }
            .joined(separator: "\u{1F}")
    }
}

/// The author's estimate, kept when a reviewer first changes anything.
public struct CaseEstimate: Hashable, Codable, Sendable {
    public var deployed: [DeployedCareLine]
    public var avoided: [AvoidedCareLine]
    public var attribution: Percentage
}
