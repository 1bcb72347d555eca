import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` over the machine's cores, in order: reading and valuing case files is
    /// independent per file, and a business case holds up to 100,000 of them.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        parallelMap(state: { () }, { _, element in transform(element) })
    }

    /// `parallelMap` where each core keeps its own scratch state (a table of names read so far),
    /// made by `state` and handed to every `transform` on that core.
    func parallelMap<State, T: Sendable>(state: @Sendable () -> State, _ transform: @Sendable (inout State, Element) -> T) -> [T] {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        guard count >= 64, workers > 1 else {
            var scratch = state()
            return map { transform(&scratch, $0) }
        }
        let size = (count + workers - 1) / workers
        let parts = Mutex<[[T]]>(Array<[T]>(repeating: [], count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var scratch = state()
            let part = self[Swift.min(count, worker * size)..<Swift.min(count, (worker + 1) * size)].map { transform(&scratch, $0) }
            parts.withLock { $0[worker] = part }
        }
        return parts.withLock { $0.flatMap { $0 } }
    }
}
