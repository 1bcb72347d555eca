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
    public func parallelMap<State: Sendable, T: Sendable>(state: @Sendable () -> State, _ transform: @Sendable (inout State, Element) -> T) -> [T] {
        var states: [State?] = []
        return parallelMap(keeping: &states, state: state, transform)
    }

    /// `parallelMap` whose scratch states outlive the call: a reader that maps a chunk at a time
    /// keeps one table of names per core for the whole read, so 100,000 cases share one name
    /// object per item and core instead of one per chunk.
    public func parallelMap<State: Sendable, T: Sendable>(keeping states: inout [State?], state: @Sendable () -> State,
                                                           _ transform: @Sendable (inout State, Element) -> T) -> [T] {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        while states.count < Swift.max(workers, 1) { states.append(nil) }
        guard count >= 64, workers > 1 else {
            var scratch = states[0].take() ?? state()
            defer { states[0] = scratch }
            return map { transform(&scratch, $0) }
        }
        let size = (count + workers - 1) / workers
        let parts = Mutex<[[T]]>(Array<[T]>(repeating: [], count: workers))
        let held = Mutex<[State?]>(states)
        states = []
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            // Taken out, not copied: a copy left behind would make the first insert copy the whole table.
            var scratch = held.withLock { $0[worker].take() } ?? state()
            let part = self[Swift.min(count, worker * size)..<Swift.min(count, (worker + 1) * size)].map { transform(&scratch, $0) }
            parts.withLock { $0[worker] = part }
            held.withLock { $0[worker] = scratch }
        }
        states = held.withLock { $0 }
        return parts.withLock { $0.flatMap { $0 } }
    }

    /// `map` with every element on a thread of its own, in order: for a few large pieces of
    /// work (the halves of a sum over 100,000 cases), where `parallelMap` would run them on one.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = Mutex<[T?]>(Array<T?>(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { position in
            let result = transform(self[position])
            results.withLock { $0[position] = result }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
