/// What this user may do in the app, as the store decides it: a folder lets everyone enter
/// and review; on a server the login's role does. Screens ask before any typing starts, so
/// nobody fills in a case or a review that the store would refuse only at the save.
public struct Permissions: Hashable, Sendable {
    public var entersCases: Bool
    public var reviews: Bool
    /// The role in the user's words, for the refusal ("manager").
    public var roleName: String

    public init(entersCases: Bool, reviews: Bool, roleName: String) {
        self.entersCases = entersCases
        self.reviews = reviews
        self.roleName = roleName
    }

    /// A folder: anyone who can write it enters and reviews (never their own case).
    public static let everything = Permissions(entersCases: true, reviews: true, roleName: "")

    /// Keys the hint bar leaves out: offering them would only lead to a refusal.
    var refusedActions: Set<Action> {
        var refused: Set<Action> = []
        if !entersCases { refused.insert(.reopen) }
        if !reviews { refused.insert(.review) }
        return refused
    }

    var enterRefusal: String { "Als \(roleName) voer je geen casussen in; dat doet een sociaal werker. Lezen kan wel." }
    var reviewRefusal: String { "Als \(roleName) beoordeel je geen casussen; dat doet een beoordelaar. Lezen kan wel." }
}
