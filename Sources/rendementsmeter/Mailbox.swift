import Synchronization

/// One value handed from a background thread to the app's thread, taken when it is there:
/// nobody waits for it (unlike `Prefetch`), and a later value replaces an earlier one.
final class Mailbox<T: Sendable>: Sendable {
    private let slot = Mutex<T?>(nil)

    func put(_ value: T) { slot.withLock { $0 = value } }

    func take() -> T? { slot.withLock { $0.take() } }
}
