import ArgumentParser
import Foundation
import RendementsPostgres

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
    let outcome = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do throws(ServerError) {
            outcome.set(.success(try await ServerSession.with(address) { try await work(ServerBusinessCase($0)) }))
        } catch {
            outcome.set(.failure(error))
        }
        done.signal()
    }
    done.wait()
    switch outcome.get() {
    case .success(let value)?: return value
    case .failure(let error)?:
        printError("fout: " + error.dutchMessage)
        throw ExitCode(1)
    case nil:
        throw ExitCode(1)
    }
}

/// Carries a result from the server task back to the waiting command.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, ServerError>?

    func set(_ value: Result<T, ServerError>) { lock.withLock { result = value } }
    func get() -> Result<T, ServerError>? { lock.withLock { result } }
}
