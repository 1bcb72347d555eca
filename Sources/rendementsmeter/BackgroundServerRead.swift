import Foundation
import RendementsPostgres

/// What one read of the server found: every case's row version, the files of the cases whose
/// version changed since the versions known, and the newer price list and settings (nil: unchanged).
struct ServerRead: Sendable {
    let versions: [String: Int]
    let files: [(id: String, content: String)]
    let basis: (stamp: ServerEffectRunner.BasisStamp, basis: ValuationBasis)?
}

/// A read of the server on another thread, taken later by the loop's thread: one at a time,
/// tagged with the generation of the cases held when it began, so a read that began before a
/// change of this window's own is known to be older than it.
final class BackgroundServerRead: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false
    private var finished: (generation: Int, read: Result<ServerRead, DutchFailure>)?

    /// Starts `work` unless a read is running or done and not yet taken.
    func start(generation: Int, _ work: @escaping @Sendable () async throws -> ServerRead) {
        let starts = lock.withLock { () -> Bool in
            guard !running && finished == nil else { return false }
            running = true
            return true
        }
        guard starts else { return }
        Task.detached {
            let read: Result<ServerRead, DutchFailure>
            do {
                read = .success(try await work())
            } catch {
                read = .failure(DutchFailure(error))
            }
            self.lock.withLock {
                self.running = false
                self.finished = (generation, read)
            }
        }
    }

    /// The read that is done, once.
    func take() -> (generation: Int, read: Result<ServerRead, DutchFailure>)? {
        lock.withLock {
            defer { finished = nil }
            return finished
        }
    }
}
