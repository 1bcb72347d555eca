/// Where a case is in review: concept → ingediend → goedgekeurd, or teruggestuurd → ingediend.
public enum CaseStatus: String, CaseIterable, Codable, Sendable {
    case concept, ingediend, goedgekeurd, teruggestuurd

    /// The place in `allCases`, for tallies kept in an array.
    var position: Int {
        switch self {
        case .concept: 0
        case .ingediend: 1
        case .goedgekeurd: 2
        case .teruggestuurd: 3
        }
    }

    public var dutchName: String {
        switch self {
        case .concept: "Concept"
        case .ingediend: "Ingediend"
        case .goedgekeurd: "Goedgekeurd"
        case .teruggestuurd: "Teruggestuurd"
        }
    }

    /// The status flow of the method; anything else is refused by the domain.
    public func canMove(to next: CaseStatus) -> Bool {
        switch (self, next) {
        case (.concept, .ingediend), (.ingediend, .goedgekeurd), (.ingediend, .teruggestuurd),
             (.teruggestuurd, .ingediend):
            true
        default:
            false
        }
    }
}
