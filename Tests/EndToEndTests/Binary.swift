import Foundation

/// Runs the built `rendementsmeter` binary the way a user does.
enum Binary {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable beside the test bundle (it is a dependency of this test target, so it is built first).
    static var url: URL {
        if let override = ProcessInfo.processInfo.environment["RENDEMENTSMETER_BINARY"] { return URL(fileURLWithPath: override) }
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rendementsmeter")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return root.appendingPathComponent(".build/debug/rendementsmeter")
    }

    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], in directory: URL, environment: [String: String]) throws -> Outcome {
        try execute(url.path, arguments, environment: environment, in: directory)
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL = root) throws -> Outcome {
        try execute(url.path, arguments, environment: environment, in: directory)
    }

    /// Runs a program to completion with posix_spawn and waitpid.
    ///
    /// Foundation's `Process` on Linux learns that a child ended when an inherited
    /// socket closes; tmux's server daemonises with that socket, so `Process`
    /// would wait forever. Output goes to files for the same reason.
    static func execute(_ path: String, _ arguments: [String], environment: [String: String] = [:], in directory: URL = root) throws -> Outcome {
        var merged = ProcessInfo.processInfo.environment
        merged.removeValue(forKey: "RENDEMENTSMETER_CASES")
        merged.removeValue(forKey: "RENDEMENTSMETER_PRICE_LIST")
        for (key, value) in environment { merged[key] = value }

        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("rm-out-\(UUID().uuidString)").path
        let errPath = FileManager.default.temporaryDirectory.appendingPathComponent("rm-err-\(UUID().uuidString)").path
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        // `sh -c 'cd DIR && exec "$@"'` sets the working directory without a non-portable spawn action.
        let argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory.path, path] + arguments
        let env = merged.map { "\($0.key)=\($0.value)" }
        var cArgv = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer {
            cArgv.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        // Test threads may block signals (SIGWINCH among them) and children inherit the mask:
        // start every child with an empty mask and default handlers, as a login shell would.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &cArgv, &cEnv)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let stdout = FileManager.default.contents(atPath: outPath) ?? Data()
        let stderr = FileManager.default.contents(atPath: errPath) ?? Data()
        return Outcome(status: exitStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A scratch folder removed when the test ends.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rendementsmeter-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Copies the shipped data so a test can break it without touching the repository.
    func copyShippedData() throws {
        // The shipped files only: drafts and locks of a developer's own runs stay behind.
        let cases = url.appendingPathComponent("cases")
        try FileManager.default.createDirectory(at: cases, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Binary.root.appendingPathComponent("cases").path) where !name.hasPrefix(".") {
            try FileManager.default.copyItem(at: Binary.root.appendingPathComponent("cases/\(name)"), to: cases.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: url.appendingPathComponent("price-lists"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Binary.root.appendingPathComponent("price-lists/standaard"),
                                         to: url.appendingPathComponent("price-lists/standaard"))
    }
}
