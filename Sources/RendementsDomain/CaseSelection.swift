/// Which cases a total counts; every screen and report says which.
public enum CaseSelection: String, Sendable, CaseIterable {
    /// Submitted or approved (not concepts, not cases sent back for rework).
    case submitted
    /// Approved by a colleague only.
    case approvedOnly

    public func includes(_ status: CaseStatus) -> Bool {
        switch self {
        case .submitted: status == .ingediend || status == .goedgekeurd
        case .approvedOnly: status == .goedgekeurd
        }
    }

    public var dutchDescription: String {
        switch self {
        case .submitted: "ingediende en goedgekeurde casussen"
        case .approvedOnly: "alleen goedgekeurde casussen"
        }
    }
}
