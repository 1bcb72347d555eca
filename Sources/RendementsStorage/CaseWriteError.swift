import RendementsDomain

/// Why a case was not written; nothing was changed on disk in any of these cases.
public enum CaseWriteError: Error, Equatable, Sendable {
    /// Someone else wrote the case since the editor read it: here is the current version.
    case conflict(current: CaseRecord)
    /// The id is not of the form `C-0001`; ids never become paths.
    case invalidID(String)
    case notFound(String)
    /// The file on disk cannot be read, so it is not overwritten either.
    case unreadable(String, CaseFileError)
    case idsExhausted
    case storage(StorageError)

    public var dutchMessage: String {
        switch self {
        case .conflict(let current):
            "Casus \(current.id) is intussen gewijzigd\(current.dutchLastChange); je wijziging is niet opgeslagen. Je ziet nu de huidige versie."
        case .invalidID(let id):
            "'\(id)' is geen geldig casus-id (verwacht C-0001); er is niets geschreven."
        case .notFound(let id):
            "Casus \(id) bestaat niet (meer) in de business case; er is niets geschreven."
        case .unreadable(let id, let error):
            "Casus \(id) op schijf is onleesbaar (\(error.dutchMessage)); er is niets overschreven."
        case .idsExhausted:
            "Er is geen vrij casus-id meer (C-999999999 is het hoogste); er is niets geschreven."
        case .storage(let error):
            error.dutchMessage
        }
    }
}
