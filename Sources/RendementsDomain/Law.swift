/// A financing law or other domain that pays for care (Wmo 2015, Zvw, …).
///
/// The four laws of the Dutch care system are required in every price list;
/// a list may add more domains (Participatiewet, justitie, wonen, …).
public struct Law: Hashable, Sendable, Codable {
    /// Stable lower-case code used in files: `wmo`, `zvw`, `wlz`, `jeugdwet`, …
    public let code: String
    /// Display name: `Wmo 2015`.
    public let name: String
    /// Who pays and who saves: `gemeente`, `zorgverzekeraar`, …
    public let financier: String

    public init(code: String, name: String, financier: String) {
        self.code = code
        self.name = name
        self.financier = financier
    }

    /// Codes every price list must declare, in the order reports show them.
    public static let requiredCodes = ["wmo", "zvw", "wlz", "jeugdwet"]
}
