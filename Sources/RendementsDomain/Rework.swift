import Foundation

/// What an author's rework of a concept or sent-back case changed, part by part. The
/// rework event names the parts (`inhoud: verhaal, voorkomen`), so calibration can tell
/// a rework that left the avoided lines alone from one that replaced them.
public enum Rework {
    /// The field of the rework event: `inhoud: …` with the parts that changed; nil when none did.
    public static func eventField(from before: CaseRecord, to after: CaseRecord) -> String? {
        let parts = changedParts(from: before, to: after)
        return parts.isEmpty ? nil : "inhoud: " + parts.joined(separator: ", ")
    }

    static func changedParts(from before: CaseRecord, to after: CaseRecord) -> [String] {
        var parts: [String] = []
        if before.context != after.context { parts.append("context") }
        if before.story != after.story { parts.append("verhaal") }
        if !sameEffort(before.effort, after.effort) { parts.append("inzet") }
        if before.deployed != after.deployed { parts.append("ingezet") }
        if before.avoided != after.avoided {
            // Only what calibration compares (item, quantity, likelihood) is the estimate itself;
            // a reworded reasoning or another horizon leaves the reviewer's changes the reviewer's.
            let estimates = { (lines: [AvoidedCareLine]) in lines.map { [$0.item.code, $0.quantity.dutchText, DecimalText.format($0.likelihood.value)] } }
            parts.append(estimates(before.avoided) == estimates(after.avoided) ? "onderbouwing voorkomen" : avoidedPart)
        }
        if before.attribution != after.attribution { parts.append("toerekening") }
        return parts
    }

    static let avoidedPart = "voorkomen"

    /// True when a rework event may have changed the avoided lines: it says so, or it
    /// predates the list of parts (`inhoud`), when it has to be assumed.
    public static func changedAvoidedLines(_ event: CaseEvent) -> Bool {
        guard event.action == .aanpassing else { return false }
        guard event.field.hasPrefix("inhoud: ") else { return true }
        return event.field.dropFirst("inhoud: ".count).split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == avoidedPart }
    }

    /// The intake fills in the default volunteer rate; without volunteer hours it costs nothing and is no change.
    private static func sameEffort(_ before: OwnEffort, _ after: OwnEffort) -> Bool {
        var after = after
        if before.volunteerHours == 0 && after.volunteerHours == 0 { after.volunteerRate = before.volunteerRate }
        return before == after
    }
}
