import Foundation
import Testing

/// A PostgreSQL server of its own for one test: `initdb` in a temporary folder, started on a
/// free port on 127.0.0.1 as the `postgres` user (the server refuses to run as root), stopped
/// and removed at the end. Needs Debian's postgresql package (`.ci/run` installs it).
final class ThrowawayServer {
    let folder: URL
    let port: Int
    let password = "geheim"
    private let binaries: URL
    private var running = false

    /// The superuser's address, for setting up; the app's users get their own logins.
    var adminURL: String { url(user: "postgres", password: password) }

    func url(user: String, password: String, database: String = "rm") -> String {
        "postgres://\(user):\(password)@127.0.0.1:\(port)/\(database)"
    }

    /// Stops the server at once, as a power cut would (`pg_ctl stop -m immediate`), and starts it again.
    func crashAndRestart() throws {
        try halt()
        try resume()
    }

    /// Stops the server at once (`pg_ctl stop -m immediate`), keeping its data for `resume`.
    func halt() throws {
        try run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
    }

    /// Pauses the server's main process (SIGSTOP): a new connection then waits unanswered, as
    /// with a server that hangs. `thaw` lets it go on.
    func freeze() throws { try signalMain("-STOP") }

    func thaw() throws { try signalMain("-CONT") }

    private func signalMain(_ signal: String) throws {
        let pidFile = try String(contentsOf: folder.appendingPathComponent("data/postmaster.pid"), encoding: .utf8)
        let pid = try #require(pidFile.split(separator: "\n").first.map(String.init))
        let outcome = try Binary.execute("/bin/kill", [signal, pid])
        try #require(outcome.status == 0, "kill \(signal) \(pid): \(outcome.stderr)")
    }

    /// Waits (up to 5 s) until this many client sessions other than the superuser's are open.
    func waitForSessions(_ count: Int) throws {
        for _ in 0..<50 {
            let open = try psql(user: "postgres", database: "postgres", "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND usename <> 'postgres'")
            if Int(open.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 >= count { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// Asks the server to stop once its open sessions end (`pg_ctl stop -m smart`), without waiting:
    /// meanwhile it refuses new connections.
    func stopWhenIdle() throws {
        try run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "smart", "-W", "stop"])
    }

    func resume() throws {
        try run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-l", folder.appendingPathComponent("log").path, "-w", "-o",
                           "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off", "start"])
    }

    init() throws {
        binaries = try Self.findBinaries()
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("rm-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try Self.freePort()
        if getuid() == 0 { _ = try Binary.execute("/bin/chown", ["postgres", folder.path]) }
        let data = folder.appendingPathComponent("data").path
        try run("initdb", ["-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"])
        try run("pg_ctl", ["-D", data, "-l", folder.appendingPathComponent("log").path, "-w", "-o",
                           "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off", "start"])
        running = true
        try watchOverThisProcess()
        try psql(user: "postgres", database: "postgres", "ALTER ROLE postgres PASSWORD '\(password)'")
        try psql(user: "postgres", database: "postgres", "CREATE DATABASE rm")
    }

    deinit { stop() }

    /// A test that crashes never reaches `stop`, and its server kept running (found after a crash
    /// in a session): a detached shell stops the server once this process is gone, unless `stop`
    /// removed the folder first. A frozen server is thawed first, or it would not hear the stop.
    private func watchOverThisProcess() throws {
        let data = folder.appendingPathComponent("data").path, pgctl = binaries.appendingPathComponent("pg_ctl").path
        let asPostgres = getuid() == 0 ? "/usr/sbin/runuser -u postgres -- " : ""
        let script = """
            exec >/dev/null 2>&1 </dev/null
            while kill -0 \(getpid()) && [ -d '\(data)' ]; do sleep 1; done
            [ -d '\(data)' ] || exit 0
            kill -CONT "$(head -n 1 '\(data)/postmaster.pid')"
            \(asPostgres)'\(pgctl)' -D '\(data)' -m immediate -w stop
            rm -rf '\(folder.path)'
            """
        let outcome = try Binary.execute("/usr/bin/setsid", ["-f", "/bin/sh", "-c", script])
        guard outcome.status == 0 else { throw ServerSetupError(message: "setsid failed: \(outcome.stderr)") }
    }

    func stop() {
        guard running else { return }
        running = false
        _ = try? run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "fast", "-w", "stop"])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Turns on TLS with a fresh self-signed certificate for 127.0.0.1; returns its PEM file, which
    /// a client can name as `sslrootcert` to verify the server.
    @discardableResult
    func enableTLS() throws -> URL {
        let data = folder.appendingPathComponent("data")
        let certificate = data.appendingPathComponent("server.crt"), key = data.appendingPathComponent("server.key")
        let made = try Binary.execute("/usr/bin/openssl", ["req", "-new", "-x509", "-days", "2", "-nodes", "-newkey", "rsa:2048",
                                                          "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                                                          "-keyout", key.path, "-out", certificate.path])
        guard made.status == 0 else { throw ServerSetupError(message: "openssl failed: \(made.stderr)") }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        if getuid() == 0 { _ = try Binary.execute("/bin/chown", ["postgres", key.path, certificate.path]) }
        let copy = folder.appendingPathComponent("ca.crt")
        try FileManager.default.copyItem(at: certificate, to: copy)
        try psql(user: "postgres", database: "postgres", "ALTER SYSTEM SET ssl = on")
        try psql(user: "postgres", database: "postgres", "SELECT pg_reload_conf()")
        return copy
    }

    /// Plain SQL through `psql` over TCP as a login, as a person at a `psql` prompt would.
    @discardableResult
    func psql(user: String, password: String? = nil, database: String = "rm", _ sql: String) throws -> Binary.Outcome {
        let host = password == nil ? folder.path : "127.0.0.1"
        return try Binary.execute("/usr/bin/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", "\(port)", "-U", user, "-d", database, "-c", sql],
                                  environment: ["PGPASSWORD": password ?? "", "PGCONNECT_TIMEOUT": "10"])
    }

    @discardableResult
    private func run(_ tool: String, _ arguments: [String]) throws -> Binary.Outcome {
        let path = binaries.appendingPathComponent(tool).path
        let outcome = getuid() == 0
            ? try Binary.execute("/usr/sbin/runuser", ["-u", "postgres", "--", path] + arguments, in: folder)
            : try Binary.execute(path, arguments, in: folder)
        guard outcome.status == 0 else {
            throw ServerSetupError(message: "\(tool) failed (\(outcome.status)): \(outcome.stderr) \(outcome.stdout)")
        }
        return outcome
    }

    struct ServerSetupError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Debian's server binaries, newest version first; nothing is skipped when they are missing.
    private static func findBinaries() throws -> URL {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let bin = root.appendingPathComponent(version).appendingPathComponent("bin")
            if FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("initdb").path) { return bin }
        }
        throw ServerSetupError(message: "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); 'apt-get install postgresql' or run .ci/run")
    }

    /// A port the kernel just handed out, so two tests never pick the same one.
    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ServerSetupError(message: "no socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw ServerSetupError(message: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
