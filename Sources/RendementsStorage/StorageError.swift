import Foundation

/// A failed write, explained in Dutch; the data stays in memory with the caller.
public enum StorageError: Error, Equatable, Sendable {
    case readOnly(path: String)
    case diskFull(path: String)
    case alreadyExists(path: String)
    case other(path: String, reason: String)

    init(errno code: Int32, path: String) {
        switch code {
        case EACCES, EPERM, EROFS: self = .readOnly(path: path)
        case ENOSPC, EDQUOT: self = .diskFull(path: path)
        case EEXIST: self = .alreadyExists(path: path)
        default: self = .other(path: path, reason: String(cString: strerror(code)))
        }
    }

    /// A few words for a status line.
    public var shortDutchMessage: String {
        switch self {
        case .readOnly: "Map is alleen-lezen of niet schrijfbaar"
        case .diskFull: "Schijf is vol"
        case .alreadyExists: "Bestand bestaat al"
        case .other(_, let reason): "Opslaan mislukt (\(reason))"
        }
    }

    public var dutchMessage: String {
        switch self {
        case .readOnly(let path):
            "Opslaan lukt niet: de map \(path) is alleen-lezen of je hebt geen schrijfrechten. Je gegevens staan nog in het geheugen; kies een andere map of vraag om rechten."
        case .diskFull(let path):
            "Opslaan lukt niet: de schijf van \(path) is vol. Je gegevens staan nog in het geheugen; maak ruimte vrij en probeer opnieuw."
        case .alreadyExists(let path):
            "Er bestaat al een bestand \(path); Rendementsmeter overschrijft nooit een andere casus."
        case .other(let path, let reason):
            "Opslaan in \(path) lukt niet (\(reason)). Je gegevens staan nog in het geheugen; probeer het opnieuw."
        }
    }
}
