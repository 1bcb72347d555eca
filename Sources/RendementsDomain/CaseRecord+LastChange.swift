extension CaseRecord {
    /// Who changed the case last and what, as the history shows it: ` door bram (voorkomen regel 2,
    /// hoeveelheid: 3 → 4, 26-11-2026 13:47)`; the revision for a case without history.
    public var dutchLastChange: String {
        guard let event = history.last else { return " (revisie \(revision))" }
        let change = event.old.isEmpty && event.new.isEmpty ? event.dutchField : event.dutchChange
        return " door \(event.by) (\(change), \(DutchTimestamp.display(event.at)))"
    }
}
