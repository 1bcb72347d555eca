import Dispatch
import Synchronization

/// Work started on another thread now and collected later: an index rebuild values the
/// next chunk of cases while this thread writes the previous one into SQLite, so the
/// writing no longer leaves the other cores idle; the app reads the cases' figures while
/// the user looks at the start screen.
public final class Prefetch<T: Sendable>: Sendable {
    private let work: @Sendable () -> T
    private let result = Mutex<T?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () -> T) {
        self.work = work
        DispatchQueue.global().async { [self] in
            let value = work()
            result.withLock { $0 = value }
            finished.signal()
        }
    }

    /// True once the work has stored its result and `value()` has not taken it yet (it then answers without waiting).
    public var isDone: Bool { result.withLock { $0 != nil } }

    /// The work's result, waiting for it when it is still running. Call once.
    public func value() -> T {
        finished.wait()
        // The background run always stores its result; should it not, the work is done here.
        return result.withLock { $0.take() } ?? work()
    }
}
