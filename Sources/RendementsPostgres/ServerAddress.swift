import Foundation

/// Where the server is and who logs in: parsed from `postgres://user:password@host:port/database`,
/// with libpq's `sslmode` and `sslrootcert` if given. The login is the identity: the app never
/// takes a user name from anywhere else here.
public struct ServerAddress: Sendable, Equatable {
    public let host: String
    public let port: Int
    public let user: String
    public let password: String?
    public let database: String
    public let security: TransportSecurity
    /// A PEM file of the certificate authorities to trust; the system's when nil.
    public let rootCertificates: String?

    public init(host: String, port: Int, user: String, password: String?, database: String,
                security: TransportSecurity, rootCertificates: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.security = security
        self.rootCertificates = rootCertificates
    }

    /// nil with a Dutch reason when the text is no PostgreSQL address.
    public static func parse(_ text: String) -> Result<ServerAddress, ServerError> {
        guard let components = URLComponents(string: text), ["postgres", "postgresql"].contains(components.scheme ?? ""),
              let host = components.host, !host.isEmpty, let user = components.user, !user.isEmpty else {
            // The text is not repeated: it may hold a password.
            return .failure(.address("dat is geen databaseadres; schrijf postgres://gebruiker:wachtwoord@server:5432/database"))
        }
        let database = String(components.path.drop { $0 == "/" })
        var security = TransportSecurity.prefer
        var rootCertificates: String?
        let items = components.queryItems ?? []
        if let twice = Set(items.map(\.name)).first(where: { name in items.filter { $0.name == name }.count > 1 }) {
            return .failure(.address("de instelling '\(twice)' staat twee keer in het databaseadres; welke geldt is dan niet duidelijk"))
        }
        for item in items {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TransportSecurity.init(rawValue:)) else {
                    return .failure(.address("sslmode '\(item.value ?? "")' ken ik niet; kies uit " + TransportSecurity.allCases.map(\.rawValue).joined(separator: ", ")))
                }
                security = mode
            case "sslrootcert":
                rootCertificates = item.value
            default:
                // Ignoring a setting would let someone believe it holds (sslmode was ignored before).
                return .failure(.address("de instelling '\(item.name)' in het databaseadres ken ik niet; alleen sslmode en sslrootcert"))
            }
        }
        return .success(ServerAddress(host: host, port: components.port ?? 5432, user: user, password: components.password,
                                      database: database.isEmpty ? user : database, security: security, rootCertificates: rootCertificates))
    }
}

/// How the connection is encrypted, in libpq's words (`?sslmode=`). The default is `prefer`, as
/// for `psql`: encrypted when the server offers it. `require` insists on encryption;
/// `verify-ca` also checks the certificate's authority, `verify-full` the server's name too.
public enum TransportSecurity: String, Sendable, Equatable, CaseIterable {
    case disable, allow, prefer, require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"
}
