import PostgresNIO

/// Case locks on the server (migration 19): a lease per case, held by one app window of one login.
extension ServerBusinessCase {
    /// What asking for a case's lock found.
    public enum LockOutcome: Equatable, Sendable {
        case acquired
        /// A colleague reviews the case, for `minutes` now.
        case heldBy(login: String, minutes: Int)
        /// The holder's app has not renewed the lock for two minutes: taking over needs the user's yes.
        case stale(login: String, minutes: Int)

        public var dutchMessage: String {
            switch self {
            case .acquired: ""
            case .heldBy(let login, let minutes):
                "\(login) beoordeelt deze casus (sinds \(Self.minutes(minutes))); je ziet hem alleen-lezen."
            case .stale(let login, let minutes):
                "De casus is in behandeling bij \(login) (sinds \(Self.minutes(minutes))), maar diens app heeft zich al 2 minuten niet gemeld."
            }
        }

        static func minutes(_ count: Int) -> String {
            count < 1 ? "zojuist" : count == 1 ? "1 minuut" : "\(count) minuten"
        }
    }

    /// Takes the lock of `caseID` for `window` (a colleague's stale one only with `takeOver`).
    public func takeLock(_ caseID: String, window: String, takeOver: Bool) async throws -> LockOutcome {
        let rows = try await session.query("SELECT lock_outcome, lock_holder, lock_minutes FROM rm_take_case_lock(\(caseID), \(window), \(takeOver))")
        for try await (outcome, holder, minutes) in rows.decode((String, String, Int).self) {
            switch outcome {
            case "acquired": return .acquired
            case "stale": return .stale(login: holder, minutes: minutes)
            default: return .heldBy(login: holder, minutes: minutes)
            }
        }
        throw ServerError.refused("de server gaf geen antwoord op de vraag om het slot van casus \(caseID)")
    }

    /// Renews every lock `window` holds; returns how many it still holds.
    @discardableResult
    public func renewLocks(window: String) async throws -> Int {
        for try await count in try await session.query("SELECT rm_renew_case_locks(\(window))").decode(Int.self) { return count }
        return 0
    }

    public func releaseLock(_ caseID: String, window: String) async throws {
        try await session.query("SELECT rm_release_case_lock(\(caseID), \(window))")
    }
}
