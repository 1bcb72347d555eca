import Foundation

/// Where a password comes from when the address has none, as for `psql`: `PGPASSWORD`, else
/// the password file (`PGPASSFILE`, or `~/.pgpass`). A password in the address sat in the
/// process list (`ps`) for the whole session, and in the shell's history (helper-33).
public enum PasswordFile {
    /// The password for `address` from `environment` and its password file; nil when neither has
    /// one. `warning`: why a password file that is there was not read, in Dutch (as `psql` warns).
    public static func password(for address: ServerAddress, environment: [String: String], warning: (String) -> Void = { _ in }) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let path = environment["PGPASSFILE"] ?? environment["HOME"].map { $0 + "/.pgpass" }
        guard let path, let text = readable(path, warning: warning) else { return nil }
        return match(text, host: address.host, port: address.port, database: address.database, user: address.user)
    }

    /// libpq reads the file only when nobody else may (mode 0600 or stricter): others could otherwise plant a password.
    private static func readable(_ path: String, warning: (String) -> Void) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        guard info.st_mode & 0o077 == 0 else {
            warning("\(path) wordt niet gelezen: anderen mogen het lezen of wijzigen; 'chmod 600 \(path)' verhelpt dat")
            return nil
        }
        return try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// The first line `host:port:database:user:password` that fits; `*` fits anything, and `\`
    /// escapes a `:` or `\` in a field.
    static func match(_ text: String, host: String, port: Int, database: String, user: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = [""]
            var escaped = false
            for character in line {
                if escaped {
                    fields[fields.count - 1].append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == ":" && fields.count < 5 {
                    fields.append("")
                } else {
                    fields[fields.count - 1].append(character)
                }
            }
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}

extension ServerAddress {
    /// The same address with `password`.
    public func with(password: String?) -> ServerAddress {
        ServerAddress(host: host, port: port, user: user, password: password, database: database, security: security, rootCertificates: rootCertificates)
    }
}
