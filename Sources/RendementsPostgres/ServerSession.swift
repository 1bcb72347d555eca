import Foundation
import Logging
import NIOPosix
import NIOSSL
import PostgresNIO

/// One connection to the server for one command: opened, used, closed. The login it was
/// opened with is the user's identity for every rule the server enforces.
public struct ServerSession: Sendable {
    let connection: PostgresConnection
    public let address: ServerAddress

    static let logger = Logger(label: "rendementsmeter.postgres")

    /// Opens a connection, runs `body`, and closes the connection whatever happens.
    public static func with<T: Sendable>(_ address: ServerAddress, _ body: (ServerSession) async throws -> T) async throws(ServerError) -> T {
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: try transport(address))
        // The driver gave up connecting after its own 10 s while the screen said the app waits 60 (helper-23).
        configuration.options.connectTimeout = .seconds(Int64(ServerWatch.limit.rounded(.up)))
        ServerWatch.sessionOpened()
        defer { ServerWatch.sessionClosed() }
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger)
        } catch {
            throw ServerError.connecting(error, address)
        }
        do {
            let session = ServerSession(connection: connection, address: address)
            // The server gives up before the app does, so "niet opgeslagen" is always true: a
            // statement that waited past the app's patience would otherwise commit afterwards
            // (found by a helper holding a lock in psql while a reviewer saved).
            let patience = Int(ServerWatch.limit * 1000)
            try await session.execute("SET statement_timeout = \(max(500, patience * 3 / 4))")
            try await session.execute("SET lock_timeout = \(max(250, patience / 2))")
            let result = try await body(session)
            try? await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw ServerError.from(error)
        }
    }

    /// The driver's TLS setting for the address's `sslmode`.
    static func transport(_ address: ServerAddress) throws(ServerError) -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch address.security {
        case .disable: return .disable
        case .allow, .prefer: tls.certificateVerification = .none
        // As libpq: require encrypts without checking, unless a root certificate is named.
        case .require: tls.certificateVerification = address.rootCertificates == nil ? .none : .noHostnameVerification
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        if let file = address.rootCertificates { tls.trustRoots = .file(file) }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw ServerError.address("de certificaten voor de versleutelde verbinding zijn niet te lezen (sslrootcert=\(address.rootCertificates ?? "")): \(error)")
        }
        return address.security == .allow || address.security == .prefer ? .prefer(context) : .require(context)
    }

    /// Runs statements that take no parameters (schema changes).
    func execute(_ sql: String) async throws {
        ServerWatch.progress()
        defer { ServerWatch.progress() }
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger)
    }

    /// An INSERT or UPDATE returns no rows worth reading, so its sequence may be dropped.
    @discardableResult
    func query(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        ServerWatch.progress()
        defer { ServerWatch.progress() }
        return try await connection.query(query, logger: Self.logger)
    }

    /// `body` in one transaction: all of it is written, or none.
    func transaction<T: Sendable>(_ body: (ServerSession) async throws -> T) async throws -> T {
        try await execute("BEGIN")
        do {
            let result = try await body(self)
            try await execute("COMMIT")
            return result
        } catch {
            try? await execute("ROLLBACK")
            throw error
        }
    }
}

extension ServerError {
    static func connecting(_ error: any Error, _ address: ServerAddress) -> ServerError {
        if let psql = error as? PSQLError, psql.code == .sslUnsupported {
            return .refused("de databaseserver op \(address.host):\(address.port) biedt geen versleutelde verbinding, en het adres eist die (sslmode=\(address.security.rawValue))")
        }
        let underlying = (error as? PSQLError)?.underlying ?? error
        if underlying is NIOSSLError || underlying is NIOSSLExtraError || underlying is BoringSSLError {
            // The library's own text is English and names build paths: the reason in Dutch is enough.
            let reason = (underlying as? NIOSSLExtraError) == .failedToValidateHostname
                ? "de naam in het certificaat van de server is niet \(address.host)"
                : "het certificaat van de server is niet te vertrouwen"
            return .refused("de versleutelde verbinding met \(address.host):\(address.port) kwam niet tot stand (sslmode=\(address.security.rawValue)): \(reason)")
        }
        if let psql = error as? PSQLError, let message = psql.serverInfo?[.message] {
            let state = psql.serverInfo?[.sqlState] ?? ""
            if state == "28P01" || state == "28000" {
                return .refused("inloggen als '\(address.user)' lukt niet: gebruikersnaam of wachtwoord klopt niet")
            }
            if state == "3D000" { return .refused("de database '\(address.database)' bestaat niet op \(address.host):\(address.port)") }
            // Found by the load benchmark: clients that came back during a restart were told this in English.
            if state == "57P03" { return .unreachable("de databaseserver op \(address.host):\(address.port) start net op of wordt gestopt; probeer het zo opnieuw") }
            if state == "53300" { return .unreachable("de databaseserver op \(address.host):\(address.port) heeft nu te veel verbindingen; probeer het zo opnieuw") }
            return .refused(message)
        }
        if address.password == nil {
            return .refused("inloggen als '\(address.user)' lukt niet: er is geen wachtwoord (niet in het adres, niet in PGPASSWORD en niet in ~/.pgpass)")
        }
        return .unreachable("de databaseserver op \(address.host):\(address.port) is niet bereikbaar; draait hij, en klopt het adres?")
    }

    /// PostgreSQL's own refusals are English; the app's rules already speak Dutch.
    static func dutchRefusal(_ message: String) -> String {
        let things = ["table": "tabel", "function": "functie", "schema": "schema", "sequence": "reeks", "view": "overzicht"]
        if message.hasPrefix("permission denied for ") {
            let words = message.dropFirst("permission denied for ".count).split(separator: " ", maxSplits: 1).map(String.init)
            let thing = words.first.flatMap { things[$0] } ?? words.first ?? ""
            return "dat mag deze login niet (geen recht op \(thing) \(words.dropFirst().first ?? ""))"
        }
        if message.hasPrefix("new row violates row-level security policy") {
            let table = message.components(separatedBy: "\"").dropFirst().first ?? ""
            return "dat mag deze login niet: de rijbeveiliging van \(table) staat deze rij niet toe"
        }
        return message
    }

    /// A server's refusal in its own (Dutch, for the app's rules) words.
    public static func from(_ error: any Error) -> ServerError {
        if let server = error as? ServerError { return server }
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] {
                switch psql.serverInfo?[.sqlState] ?? "" {
                case "42501": return .refused(dutchRefusal(message))
                case "42710": return .rule("die bestaat al op de server (\(message)); er is niets veranderd")
                case "42P01", "42883": return .refused("de database heeft het schema (nog) niet; 'rendementsmeter database init' richt het in (\(message))")
                case "40001", "23514", "23505": return .rule(message)
                case "55P03": return .rule("een andere verbinding houdt deze gegevens nu vast (een open transactie); er is niets opgeslagen, probeer het zo opnieuw")
                case "57014": return .unreachable("de server deed er te lang over en brak het af; er is niets opgeslagen")
                case "57P01", "57P02", "57P03": return .unreachable("de databaseserver werd gestopt; er is niets half opgeslagen")
                default: return .refused(message)
                }
            }
            return .unreachable("de verbinding met de databaseserver viel weg; er is niets half opgeslagen")
        }
        return .refused("\(error)")
    }
}
