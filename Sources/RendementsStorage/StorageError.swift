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
        default: self = .other(path: path, reason: StorageError.dutchReason(code))
        }
    }

    /// The reason in Dutch for what a user can meet; the system's own words otherwise.
    static func dutchReason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "die map bestaat niet"
        case ENOTDIR: "pad is geen map"
        case EISDIR: "dat is een map"
        case ENAMETOOLONG: "de naam is te lang"
        case EIO: "de schijf gaf een lees- of schrijffout"
        case EMFILE, ENFILE: "te veel open bestanden"
        default: String(cString: strerror(code))
        }
    }

    /// For a command: what failed and why, without the app's "your data is still in memory"
    /// (a command keeps nothing; it is simply run again).
    public var commandMessage: String {
        switch self {
        case .readOnly(let path): "schrijven in \(path) lukt niet: de map is alleen-lezen of je hebt geen schrijfrechten"
        case .diskFull(let path): "schrijven in \(path) lukt niet: de schijf is vol; er is niets half geschreven"
        case .alreadyExists(let path): "er bestaat al een bestand \(path)"
        case .other(let path, let reason): "schrijven in \(path) lukt niet (\(reason))"
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
