import Foundation
import RendementsDomain
import RendementsPostgres
import RendementsStorage
import Synchronization

/// `bench-last ADRES MAP WERKERS BEOORDELAARS PER-WERKER`: the load of issue 13's benchmark.
/// WERKERS social workers (logins w1 …, password pw-w1 …) each submit PER-WERKER cases taken
/// from MAP, all at once, through the app's own store code; BEOORDELAARS reviewers (r1 …)
/// meanwhile pick submitted cases, lower a likelihood in every other one and approve them,
/// competing for the same cases. A client whose server goes away (the script stops it hard)
/// tries again until it is back: a worker sends the same submission, a reviewer reads again.
/// Prints what the clients were told, for the script to hold against the server's rows.
/// Not a user command.
@main
struct Load {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 6, case .success(let base) = ServerAddress.parse(arguments[1]),
              let workers = Int(arguments[3]), let reviewers = Int(arguments[4]), let perWorker = Int(arguments[5]) else {
            FileHandle.standardError.write(Data("gebruik: bench-last postgres://host:poort/db MAP WERKERS BEOORDELAARS PER-WERKER\n".utf8))
            exit(2)
        }
        let folder = URL(fileURLWithPath: arguments[2])
        let templates = try CaseStore(folder: folder).loadAll().cases.map(\.record)
        guard templates.count >= workers * perWorker,
              let list = PriceListReader.read(folder: URL(fileURLWithPath: "price-lists/standaard")).priceList else {
            FileHandle.standardError.write(Data("te weinig casussen in \(folder.path) of geen prijslijst\n".utf8))
            exit(2)
        }
        let options = BusinessCaseSettings.loadOrDefaults(folder: folder).0.estimateOptions(list)
        let tally = Tally()
        let started = Date()
        await withTaskGroup(of: Void.self) { group in
            for worker in 1...workers {
                let address = base.login("w\(worker)")
                let mine = Array(templates[(worker - 1) * perWorker..<worker * perWorker])
                group.addTask { await submit(mine, as: address, tally: tally) }
            }
            for reviewer in 1...reviewers {
                let address = base.login("r\(reviewer)")
                group.addTask { await review(as: address, workers: workers, options: options, tally: tally) }
            }
        }
        let seconds = Date().timeIntervalSince(started)
        tally.report(seconds: seconds)
    }

    /// One worker: each case as a fresh submission of their own, sent until the server answers.
    static func submit(_ templates: [CaseRecord], as address: ServerAddress, tally: Tally) async {
        for template in templates {
            var record = template
            record.id = ""
            record.author = address.user
            record.status = .concept
            record.history = []
            record.historyHead = ""
            record.original = nil
            record.revision = 0
            try? record.move(to: .ingediend, by: address.user, at: "", reason: "ingediend")
            let submission = record
            let added: String? = await tally.retrying("indienen") {
                try await ServerSession.with(address) { try await ServerBusinessCase($0).create(submission).id }
            }
            if added != nil { tally.count(\.submitted) }
        }
        tally.workerFinished()
    }

    /// One reviewer: until the workers are done and no case waits, takes a submitted case of a colleague (one of
    /// the first few, so reviewers compete), lowers a likelihood in every other one, approves it.
    static func review(as address: ServerAddress, workers: Int, options: EstimateOptions, tally: Tally) async {
        var turn = 0
        while true {
            turn += 1
            let pick = turn
            let step: ReviewStep? = await tally.retrying("lezen") {
                try await ServerSession.with(address) { session in
                    let store = ServerBusinessCase(session)
                    let workersDone = tally.workersDone
                    let ids = try await store.statuses().filter { $0.value == .ingediend }.keys.sorted().prefix(5).map { $0 }
                    if ids.isEmpty && workersDone == workers { return ReviewStep.finished }
                    guard !ids.isEmpty, let file = try await store.caseFile(id: ids[pick % ids.count]),
                          case .success(let record) = CaseCodec.decode(Data(file.content.utf8)) else { return ReviewStep.wait }
                    return ReviewStep.decide(record)
                }
            }
            switch step {
            case .finished?: return
            case .wait?, nil:
                try? await Task.sleep(for: .milliseconds(50))
            case .decide(let record)?:
                await decide(record, as: address, adjusting: turn.isMultiple(of: 2), options: options, tally: tally)
            }
        }
    }

    enum ReviewStep: Sendable { case finished, wait, decide(CaseRecord) }

    /// Saves the review step and the approval as the app does: each a save over the version read.
    static func decide(_ read: CaseRecord, as address: ServerAddress, adjusting: Bool, options: EstimateOptions, tally: Tally) async {
        var record = read
        let now = HistoryChain.timestamp(Date())
        if adjusting, let first = record.avoided.first, first.likelihood.value >= 10, let lower = Percentage(first.likelihood.value - 5) {
            guard (try? record.review(.likelihood(line: 1, lower), by: address.user, at: now, reason: "Belastingtest: kans iets lager")) != nil,
                  let saved = await save(record, as: address, options: options, tally: tally, counting: \.changes) else { return }
            record = saved
        }
        guard (try? record.move(to: .goedgekeurd, by: address.user, at: now, reason: "")) != nil else { return }
        _ = await save(record, as: address, options: options, tally: tally, counting: \.approvals)
    }

    /// The case as saved; nil when a colleague saved first (counted; the caller moves on).
    static func save(_ record: CaseRecord, as address: ServerAddress, options: EstimateOptions, tally: Tally,
                     counting counter: WritableKeyPath<Tally.Counts, Int> & Sendable) async -> CaseRecord? {
        let outcome: ServerBusinessCase.SaveOutcome? = await tally.retrying("opslaan") {
            try await ServerSession.with(address) { try await ServerBusinessCase($0).save(record) { try CaseValuation($0, options: options).perLaw } }
        }
        switch outcome {
        case .saved(let saved)?:
            tally.count(counter)
            return saved
        case .conflict(let current)?:
            // After a hard stop the save may have committed without its answer: then the server holds this very step.
            let mine = record.history.last
            if current.history.count == record.history.count, let last = current.history.last,
               last.by == mine?.by, last.field == mine?.field, last.new == mine?.new, last.reason == mine?.reason {
                tally.count(counter)
                tally.count(\.committedUnanswered)
                return current
            }
            tally.count(\.conflicts)
            return nil
        case nil:
            return nil
        }
    }
}

extension ServerAddress {
    /// The same server and database as another login.
    func login(_ user: String) -> ServerAddress {
        ServerAddress(host: host, port: port, user: user, password: "pw-\(user)", database: database, security: security, rootCertificates: rootCertificates)
    }
}

/// What the clients were told, counted across all of them, and how long each call took.
final class Tally: Sendable {
    struct Counts: Sendable {
        var submitted = 0
        var changes = 0
        var approvals = 0
        var conflicts = 0
        var committedUnanswered = 0
        var retries = 0
        var durations: [Double] = []
        var errors: [String: Int] = [:]
        var workersDone = 0
    }

    private let counts = Mutex(Counts())

    func count(_ counter: WritableKeyPath<Counts, Int> & Sendable) {
        counts.withLock { $0[keyPath: counter] += 1 }
    }

    /// Runs `call` until it succeeds: while the server is away every call fails, and the client
    /// waits a little and sends it again (for up to five minutes, then gives up with nil).
    func retrying<T: Sendable>(_ what: String, _ call: @escaping @Sendable () async throws -> T) async -> T? {
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline {
            let start = Date()
            do {
                let value = try await answered(within: 15, call)
                let took = Date().timeIntervalSince(start)
                counts.withLock { $0.durations.append(took) }
                return value
            } catch {
                let told = "\(what): \((error as? ServerError)?.dutchMessage ?? String(describing: error))"
                counts.withLock { $0.retries += 1; $0.errors[told, default: 0] += 1 }
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
        FileHandle.standardError.write(Data("\(what): de server bleef weg\n".utf8))
        return nil
    }

    /// Every worker has submitted all their cases (or given up).
    func workerFinished() { counts.withLock { $0.workersDone += 1 } }
    var workersDone: Int { counts.withLock { $0.workersDone } }

    /// The call's answer, or an error after `seconds`: a connection cut by a hard stop can leave
    /// the driver waiting for an answer that never comes (the app's ServerWatch ends the command
    /// then; here the client gives up on that call, leaves it hanging, and sends it again).
    private func answered<T: Sendable>(within seconds: Double, _ call: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let once = Once(continuation)
            Task {
                do { once.resume(with: .success(try await call())) } catch { once.resume(with: .failure(error)) }
            }
            Task {
                try? await Task.sleep(for: .seconds(seconds))
                once.resume(with: .failure(NoAnswer()))
            }
        }
    }

    /// A continuation resumed by whichever comes first, the answer or the deadline.
    private final class Once<T: Sendable>: Sendable {
        private let continuation: Mutex<CheckedContinuation<T, Error>?>
        init(_ continuation: CheckedContinuation<T, Error>) { self.continuation = Mutex(continuation) }
        func resume(with result: Result<T, Error>) { continuation.withLock { $0.take() }?.resume(with: result) }
    }

    struct NoAnswer: Error, CustomStringConvertible {
        var description: String { "geen antwoord binnen 15 s; opnieuw gestuurd" }
    }

    func report(seconds: Double) {
        let counts = counts.withLock { $0 }
        for (message, times) in counts.errors.sorted(by: { $0.key < $1.key }) {
            FileHandle.standardError.write(Data("\(times) × \(message)\n".utf8))
        }
        let sorted = counts.durations.sorted()
        func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        print("seconds \(String(format: "%.1f", seconds))")
        print("submitted \(counts.submitted)")
        print("changes \(counts.changes)")
        print("approvals \(counts.approvals)")
        print("conflicts \(counts.conflicts)")
        print("committed_unanswered \(counts.committedUnanswered)")
        print("retries \(counts.retries)")
        print("calls \(sorted.count)")
        print("median_ms \(String(format: "%.0f", percentile(0.5) * 1000))")
        print("p95_ms \(String(format: "%.0f", percentile(0.95) * 1000))")
    }
}
