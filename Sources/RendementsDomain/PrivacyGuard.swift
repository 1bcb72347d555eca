import Foundation

/// Keeps case text pseudonymous: refuses citizen service numbers and warns
/// about e-mail addresses, phone numbers, postcode + house number and digits
/// that might be a citizen service number written oddly.
public enum PrivacyGuard {
    /// Text that must be refused, in Dutch; nil when the text may be kept.
    public static func refusal(_ text: String) -> String? {
        guard !BSN.candidates(in: text).isEmpty else { return nil }
        return "Geweigerd: dit lijkt een BSN (elfproef klopt). Een casus blijft pseudoniem."
    }

    /// Warnings about identifying details, in Dutch; the text is kept.
    public static func warnings(_ text: String) -> [String] {
        var found: [String] = []
        // Digits that read as a BSN only when joined another way than a BSN is written: a warning, because
        // amounts, times and periods read that way too (helper-21), but a BSN may hide in them.
        if !BSN.lookalikes(in: text).isEmpty { found.append("een mogelijk BSN") }
        if text.range(of: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#, options: .regularExpression) != nil {
            found.append("een e-mailadres")
        }
        if text.range(of: #"(\+31|0031|\b0)[ -]?(6|[1-9][0-9])[ -]?[0-9]{2,3}[ -]?[0-9]{2}[ -]?[0-9]{2}[ -]?[0-9]{0,2}\b"#, options: .regularExpression) != nil {
            found.append("een telefoonnummer")
        }
        if text.range(of: #"\b[1-9][0-9]{3} ?[A-Z]{2}\b[ ,]+[0-9]{1,5}"#, options: .regularExpression) != nil
            || text.range(of: #"\b[1-9][0-9]{3} ?[A-Z]{2}\b"#, options: .regularExpression) != nil {
            found.append("een postcode")
        }
        return found
    }

    /// One Dutch sentence for the warnings, or nil.
    public static func warningText(_ text: String) -> String? {
        let found = warnings(text)
        guard !found.isEmpty else { return nil }
        return "Let op: dit lijkt \(found.joined(separator: " en ")) te bevatten. Houd de casus pseudoniem."
    }
}
