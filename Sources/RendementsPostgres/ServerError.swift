/// What went wrong with the server, said in Dutch for the user.
public enum ServerError: Error, Equatable, Sendable {
    case address(String)
    case unreachable(String)
    case refused(String)
    case rule(String)

    public var dutchMessage: String {
        switch self {
        case .address(let text), .unreachable(let text), .refused(let text), .rule(let text): text
        }
    }
}
