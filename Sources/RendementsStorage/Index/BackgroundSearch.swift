import Foundation
import GRDB
import Synchronization

/// Ends a search early once nobody wants its answer: the SQL statement it runs is interrupted.
public final class SearchStop: Sendable {
    private let state = Mutex<(stopped: Bool, databases: [DatabaseQueue])>((false, []))

    public init() {}

    public var isStopped: Bool { state.withLock { $0.stopped } }

    public func stop() {
        state.withLock { state in
            state.stopped = true
            for database in state.databases { database.interrupt() }
        }
    }

    /// Registers a connection the search reads; false when it was stopped already.
    func begin(_ database: DatabaseQueue) -> Bool {
        state.withLock { state in
            state.databases.append(database)
            return !state.stopped
        }
    }

    func end() { state.withLock { $0.databases = [] } }
}

/// The browser's `/` search, carried out on a thread of its own: the key that changed the query
/// is drawn at once, and a key typed meanwhile stops the search it made useless. A word found in
/// nearly every case took 0.17-0.31 s a key at 100,000 cases, and keys typed meanwhile waited for it.
///
/// Only the latest query's answer is handed over; `isBusy` stays true until it is taken, so a
/// caller that polls while busy never misses it.
public final class BackgroundSearch: Sendable {
    /// The ids found for `query`; nil when the search could not be done this way (then the caller searches itself).
    public struct Answer: Sendable, Equatable {
        public let query: String
        public let ids: Set<String>?
    }

    private let search: @Sendable (String, SearchStop) -> Set<String>?
    private let state = Mutex<(latest: SearchStop?, answer: Answer?)>((nil, nil))
    private let queue = DispatchQueue(label: "rendementsmeter.search", qos: .userInitiated)

    public init(_ search: @escaping @Sendable (String, SearchStop) -> Set<String>?) { self.search = search }

    /// Searches the index of the cases in `casesFolder`; without a usable index (busy, gone,
    /// unreadable) `unindexed` answers, on this thread too (the files read).
    public convenience init(casesFolder: URL, unindexed: @escaping @Sendable (String) -> Set<String>) {
        let index = CaseIndex(casesFolder: casesFolder)
        self.init(Self.indexFirst({ query, stop in index.search(query, stop: stop) }, unindexed: unindexed))
    }

    /// `indexed`, else `unindexed`; but not for a search a newer key stopped: its nil says nothing
    /// about the index, and reading every file for nobody held up the next search by seconds at
    /// 100,000 cases.
    static func indexFirst(_ indexed: @escaping @Sendable (String, SearchStop) -> Set<String>?,
                           unindexed: @escaping @Sendable (String) -> Set<String>) -> @Sendable (String, SearchStop) -> Set<String>? {
        { query, stop in
            if let found = indexed(query, stop) { return found }
            return stop.isStopped ? nil : unindexed(query)
        }
    }

    /// Starts a search for `query`; the one still running (or its answer not yet taken) is dropped.
    public func start(_ query: String) {
        let stop = SearchStop()
        state.withLock { state in
            state.latest?.stop()
            state.latest = stop
            state.answer = nil
        }
        queue.async { [self] in
            guard !stop.isStopped else { return }
            let ids = search(query, stop)
            state.withLock { state in
                if state.latest === stop { state.answer = Answer(query: query, ids: ids) }
            }
        }
    }

    /// True from `start` until its answer is taken.
    public var isBusy: Bool { state.withLock { $0.latest != nil } }

    /// The latest query's answer, once, when it is there.
    public func take() -> Answer? {
        state.withLock { state in
            guard let answer = state.answer else { return nil }
            state = (nil, nil)
            return answer
        }
    }
}
