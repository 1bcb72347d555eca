import RendementsDomain
import RendementsStorage

/// One case as a store keeps it: its id and the text of its case file (the folder format,
/// byte for byte, so a case moves between stores without changing).
public struct CaseFile: Sendable, Equatable {
    public let id: String
    public let content: String

    public init(id: String, content: String) {
        self.id = id
        self.content = content
    }
}

/// What adding a case file did. No store ever overwrites a case this way.
public enum AddOutcome: Sendable, Equatable {
    case added
    /// The same file was already there.
    case alreadyThere
    /// Another file with this id is there; it is left as it is (the reason, in Dutch).
    case conflict(String)
}

/// Where a business case is kept: a folder (the default, and its source of truth) or an
/// organisation on a PostgreSQL server. The commands that read or copy cases work through
/// this and do not know which one they have; domain, core and render never see it.
public protocol BusinessCaseStore: Sendable {
    /// Where the cases are, for messages: "map cases" or "server 127.0.0.1:5432 (organisatie)".
    var label: String { get async throws }
    /// The name to show when the settings give none: the organisation, or the folder.
    var fallbackName: String { get async throws }
    /// The business case's settings (`businesscase.json`), if it has them.
    func settingsText() async throws -> String?
    /// Stores the settings where there are none yet; false when other settings are there.
    func adoptSettings(_ text: String) async throws -> Bool
    /// The price list the business case prices with; nil when the store holds none.
    func priceList() async throws -> PriceListReadResult?
    /// Every case file, in id order.
    func caseFiles() async throws -> [CaseFile]
    /// One case file; nil when there is no case with this id.
    func caseFile(id: String) async throws -> CaseFile?
    /// Adds a case file with its figures per law (valued by the caller); never overwrites.
    func add(_ file: CaseFile, record: CaseRecord, perLaw: [String: Totals]) async throws -> AddOutcome
}
