extension CaseRecord {
    /// Who changed the case last and what, as the history shows it: ` door bram (voorkomen regel 2,
    /// hoeveelheid: 3 → 4, 26-11-2026 13:47)`; the revision for a case without history.
    public var dutchLastChange: String {
        guard let event = history.last else { return " (revisie \(revision))" }
        let change = event.old.isEmpty && event.new.isEmpty ? event.dutchField : event.dutchChange
        // A re-pricing names whole price lists: cut, the sentence after it stays within a notice's three lines (helper-33).
        let short = change.count > Self.longestChange ? change.prefix(Self.longestChange - 1) + "…" : change
        return " door \(event.by) (\(short), \(DutchTimestamp.display(event.at)))"
    }

    /// The most of a change `dutchLastChange` names.
    static let longestChange = 60
}
