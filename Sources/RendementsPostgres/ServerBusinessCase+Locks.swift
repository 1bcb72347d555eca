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
        /// The case is not submitted (any more): nobody reviews it, so no lock is lent (migration 20).
        case closed

        /// The message for `me`: a lock of the same login is one of its other app windows (or of an app that stopped).
        public func dutchMessage(for me: String) -> String {
            switch self {
            case .acquired, .closed: ""
            case .heldBy(let login, let minutes) where login == me:
                "Je beoordeelt deze casus al in een ander venster (sinds \(Self.minutes(minutes))); hier zie je hem alleen-lezen."
            case .heldBy(let login, let minutes):
                "\(login) beoordeelt deze casus (sinds \(Self.minutes(minutes))); je ziet hem alleen-lezen."
            case .stale(let login, let minutes) where login == me:
                "Je had deze casus in behandeling in een ander venster (sinds \(Self.minutes(minutes))), dat zich al 2 minuten niet meldde."
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
        for try await (outcome, holder, minutes) in rows.decode((String, String?, Int).self) {
            let holder = holder ?? ""
            switch outcome {
            case "acquired": return .acquired
            case "closed": return .closed
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

    /// The cases whose lock `window` holds now (one taken over after its lease lapsed is not among them).
    public func heldLocks(window: String) async throws -> Set<String> {
        var held: Set<String> = []
        let rows = try await session.query("SELECT case_id FROM rm_case_lock WHERE holder = session_user AND holder_window = \(window)")
        for try await id in rows.decode(String.self) { held.insert(id) }
        return held
    }

    public func releaseLock(_ caseID: String, window: String) async throws {
        try await session.query("SELECT rm_release_case_lock(\(caseID), \(window))")
    }
}
