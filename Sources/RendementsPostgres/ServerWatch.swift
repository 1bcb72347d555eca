import Foundation

/// Notices a server that stopped answering. A connection cut while the server restarts can
/// leave the driver waiting for an answer that never comes (seen with `pg_ctl stop -m
/// immediate`); a command then says so and ends, instead of hanging. Every statement marks
/// progress, so a long run of small statements is never cut off.
public enum ServerWatch {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var open = 0
    nonisolated(unsafe) private static var lastProgress = Date()

    /// Seconds without progress after which the server counts as gone
    /// (RENDEMENTSMETER_SERVER_TIMEOUT, default 60).
    public static var limit: TimeInterval {
        ProcessInfo.processInfo.environment["RENDEMENTSMETER_SERVER_TIMEOUT"].flatMap(TimeInterval.init) ?? 60
    }

    static func sessionOpened() { lock.withLock { open += 1; lastProgress = Date() } }
    static func sessionClosed() { lock.withLock { open -= 1 } }
    static func progress() { lock.withLock { lastProgress = Date() } }

    /// True when a session is open and nothing moved for `limit` seconds.
    public static var isStalled: Bool {
        lock.withLock { open > 0 && Date().timeIntervalSince(lastProgress) > limit }
    }
}
