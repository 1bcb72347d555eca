import Foundation

/// Where the server is and who logs in: parsed from `postgres://user:password@host:port/database`.
/// The login is the identity: the app never takes a user name from anywhere else here.
public struct ServerAddress: Sendable, Equatable {
    public let host: String
    public let port: Int
    public let user: String
    public let password: String?
    public let database: String

    public init(host: String, port: Int, user: String, password: String?, database: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    /// nil with a Dutch reason when the text is no PostgreSQL address.
    public static func parse(_ text: String) -> Result<ServerAddress, ServerError> {
        guard let components = URLComponents(string: text), ["postgres", "postgresql"].contains(components.scheme ?? ""),
              let host = components.host, !host.isEmpty, let user = components.user, !user.isEmpty else {
            // The text is not repeated: it may hold a password.
            return .failure(.address("dat is geen databaseadres; schrijf postgres://gebruiker:wachtwoord@server:5432/database"))
        }
        let database = String(components.path.drop { $0 == "/" })
        return .success(ServerAddress(host: host, port: components.port ?? 5432, user: user, password: components.password,
                                      database: database.isEmpty ? user : database))
    }
}
