import Foundation
import RendementsDomain

/// Who is editing a case: a lock file `.locks/<id>.lock` beside the cases, created
/// exclusively so that only one person edits a case at a time.
public struct CaseLock: Codable, Hashable, Sendable {
    public let user: String
    public let host: String
    public let pid: Int32
    public let since: String

    public init(user: String, host: String, pid: Int32, since: String) {
        self.user = user
        self.host = host
        self.pid = pid
        self.since = since
    }

    /// This process, now.
    public static func mine(user: String, at time: String) -> CaseLock {
        CaseLock(user: user, host: ProcessInfo.processInfo.hostName, pid: ProcessInfo.processInfo.processIdentifier, since: time)
    }

    /// True when the lock was taken on this machine by a process that no longer runs.
    public var isStale: Bool {
        host == ProcessInfo.processInfo.hostName && kill(pid, 0) != 0 && errno == ESRCH
    }
}

/// The outcome of trying to lock a case.
public enum LockOutcome: Equatable, Sendable {
    case acquired
    /// Someone else edits the case: open it read-only and say who.
    case heldBy(CaseLock)
    /// The holder's process is gone; taking it over needs the user's confirmation.
    case stale(CaseLock)
    /// The lock file exists but cannot be read; it is never removed silently.
    case unreadable(path: String)
    case failed(StorageError)

    public var dutchMessage: String {
        switch self {
        case .acquired: ""
        case .heldBy(let lock): "\(lock.user) bewerkt deze casus (sinds \(DutchTimestamp.display(lock.since)), computer \(lock.host)); je ziet hem alleen-lezen."
        case .stale(let lock): "De casus was vergrendeld door \(lock.user) op \(lock.host), maar dat programma draait niet meer."
        case .unreadable(let path): "Het slotbestand \(path) is onleesbaar; de casus opent alleen-lezen. Verwijder het bestand als niemand de casus bewerkt."
        case .failed(let error): error.dutchMessage
        }
    }
}

/// Takes and releases case locks in `<cases>/.locks/`.
public struct LockStore: Sendable {
    public let folder: URL

    public init(casesFolder: URL) { folder = casesFolder.appendingPathComponent(".locks") }

    public func url(for caseID: String) -> URL { folder.appendingPathComponent("\(caseID).lock") }

    public func acquire(_ caseID: String, as lock: CaseLock, takeOverStale: Bool = false) -> LockOutcome {
        guard CaseID.isValid(caseID) else { return .failed(.other(path: folder.path, reason: "'\(caseID.prefix(40))' is geen casus-id")) }
        let access = SharedAccess(casesFolder: folder.deletingLastPathComponent())
        let made = access.makeFolder(folder)
        guard made == 0 || made == EEXIST else { return .failed(.readOnly(path: folder.path)) }
        let url = url(for: caseID)
        for _ in 0..<2 {
            guard let data = try? JSONEncoder().encode(lock) else { return .failed(.other(path: url.path, reason: "codering")) }
            do {
                try AtomicFile.write(data, to: url, mode: .createNew, permissions: access.file)
                return .acquired
            } catch .alreadyExists {
                switch holder(caseID) {
                case .none: continue  // released in the meantime: try again
                case .some(.none): return .unreadable(path: url.path)
                case .some(.some(let existing)):
                    if existing.user == lock.user && existing.host == lock.host && existing.pid == lock.pid { return .acquired }
                    guard existing.isStale else { return .heldBy(existing) }
                    guard takeOverStale else { return .stale(existing) }
                    unlink(url.path)
                }
            } catch {
                return .failed(error)
            }
        }
        return .failed(.alreadyExists(path: url.path))
    }

    /// nil: no lock; .some(nil): a lock file that cannot be read.
    public func holder(_ caseID: String) -> CaseLock?? {
        guard let data = FileManager.default.contents(atPath: url(for: caseID).path) else { return .none }
        return .some(try? JSONDecoder().decode(CaseLock.self, from: data))
    }

    /// Releases only our own lock.
    public func release(_ caseID: String, as lock: CaseLock) {
        if case .some(.some(let existing)) = holder(caseID), existing.pid == lock.pid, existing.host == lock.host {
            unlink(url(for: caseID).path)
        }
    }
}
