import ArgumentParser
import Foundation
import RendementsPostgres
import RendementsStorage
import RendementsStore

/// `--database URL` (or RENDEMENTSMETER_DATABASE): the business case on a PostgreSQL server
/// instead of a folder. The login in the address is who the user is.
struct ServerOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Business case op een PostgreSQL-server: postgres://gebruiker:wachtwoord@server:5432/database (of RENDEMENTSMETER_DATABASE).", valueName: "URL"))
    var database: String?

    var addressText: String? { database ?? ProcessInfo.processInfo.environment["RENDEMENTSMETER_DATABASE"] }

    /// The address, or a Dutch message and exit code 2.
    func address() throws -> ServerAddress {
        guard let text = addressText else {
            printError("fout: geef de database met --database postgres://gebruiker:wachtwoord@server:5432/database")
            throw ExitCode(2)
        }
        switch ServerAddress.parse(text) {
        case .success(let address) where address.password == nil:
            return address.with(password: PasswordFile.password(for: address, environment: ProcessInfo.processInfo.environment,
                                                                warning: { printError("let op: " + $0) }))
        case .success(let address): return address
        case .failure(let error):
            printError("fout: " + error.dutchMessage)
            throw ExitCode(2)
        }
    }
}

/// Runs `work` against the server and waits for it: the commands are synchronous, the
/// driver is not. A server error becomes a Dutch message and exit code 1.
func onServer<T: Sendable>(_ address: ServerAddress, _ work: @escaping @Sendable (ServerBusinessCase) async throws -> T) throws -> T {
    try blocking { try await ServerSession.with(address) { try await work(ServerBusinessCase($0)) } }
}

/// The business case a command works on, whichever store holds it: the server with
/// --database, else the folder.
func onStore<T: Sendable>(_ locations: Locations, _ server: ServerOption, _ work: @escaping @Sendable (any BusinessCaseStore) async throws -> T) throws -> T {
    if server.addressText != nil {
        return try onServer(try server.address()) { store in
            try await RoleCheck.readsCases(store)
            return try await work(store)
        }
    }
    let folder = FolderBusinessCase(folder: locations.casesFolder, priceList: locations.priceListFolder)
    return try blocking { try await work(folder) }
}

/// Waits for async work; its error becomes a Dutch message and exit code 1.
private func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    switch waitFor(work) {
    case .success(let value): return value
    case .failure(let message):
        printError("fout: " + message.text)
        throw ExitCode(1)
    }
}

/// A server's or the disk's refusal, said in Dutch.
struct DutchFailure: Error {
    let text: String
    /// The server stopped answering: what was sent may still be written after all.
    var stalled = false

    init(text: String, stalled: Bool = false) {
        self.text = text
        self.stalled = stalled
    }

    /// What went wrong in a server call or on disk, in Dutch.
    init(_ error: any Error) {
        if let failure = error as? DutchFailure {
            self = failure
            return
        }
        self.init(text: (error as? ServerError)?.dutchMessage ?? (error as? StorageError)?.dutchMessage ?? "\(error)")
    }

    /// The text as a sentence of its own: ending in one full stop (or question mark).
    var sentence: String { [".", "?", "!"].contains(text.last) ? text : text + "." }
}

/// Waits for async work without ending the program: the terminal app stays open when the
/// server goes away, and says so. A server silent for `ServerWatch.limit` seconds counts as gone.
/// While it waits, `ServerWaitNotice` tells the user, so a slow server does not look like a hung app.
func waitFor<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) -> Result<T, DutchFailure> {
    let outcome = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do {
            outcome.set(.success(try await work()))
        } catch {
            outcome.set(.failure(error))
        }
        done.signal()
    }
    // The first tick is short: an answer within a third of a second needs no word on screen.
    var waited = 0.0, tick = 0.3
    while done.wait(timeout: .now() + tick) == .timedOut {
        waited += tick
        tick = 1
        ServerWaitNotice.show?(Int(waited.rounded(.up)))
        if ServerWatch.isStalled {
            return .failure(DutchFailure(text: "de databaseserver antwoordt al \(Int(ServerWatch.limit)) seconden niet; er is niets half opgeslagen (elke casus is één transactie)",
                                         stalled: true))
        }
    }
    switch outcome.get() {
    case .success(let value)?: return .success(value)
    case .failure(let error)?: return .failure(DutchFailure(error))
    case nil:
        return .failure(DutchFailure(text: "de databaseserver gaf geen antwoord"))
    }
}

/// Carries a result from the async task back to the waiting command.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?

    func set(_ value: Result<T, any Error>) { lock.withLock { result = value } }
    func get() -> Result<T, any Error>? { lock.withLock { result } }
}

/// What the terminal app shows while a server call takes longer than a moment: the keys wait
/// (they are read once the answer is in), and the screen says why. Set and called on the main
/// thread only: `waitFor` blocks it while the work runs elsewhere.
enum ServerWaitNotice {
    nonisolated(unsafe) static var show: ((_ seconds: Int) -> Void)?

    /// The line shown, in Dutch.
    static func text(seconds: Int) -> String {
        "Wachten op de databaseserver… \(seconds) s (na \(Int(ServerWatch.limit)) s geeft de app het op)"
    }
}
