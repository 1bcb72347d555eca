import Foundation

/// A detached tmux server of its own (private socket), driven like a user at a terminal.
final class TmuxSession {
    enum Failure: Error, CustomStringConvertible {
        case tmuxMissing
        case timeout(waitingFor: String, screen: String)
        var description: String {
            switch self {
            case .tmuxMissing: "tmux is not installed; .ci/run installs it"
            case .timeout(let text, let screen): "timed out waiting for '\(text)'; screen:\n\(screen)"
            }
        }
    }

    let socket = "rm-\(UUID().uuidString.prefix(8))"
    /// A scratch copy of the business case the session runs in, removed with the session.
    var scratch: Scratch?
    static let tmuxPath = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    init(width: Int = 80, height: Int = 24, command: String, in directory: URL = Binary.root, environment: [String: String] = [:]) throws {
        guard Self.tmuxPath != nil else { throw Failure.tmuxMissing }
        var arguments = ["new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", "-c", directory.path]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        try tmux(arguments + [command])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        guard let path = Self.tmuxPath else { throw Failure.tmuxMissing }
        // -u: UTF-8 even when the test's own locale is not; -f /dev/null: no user configuration.
        let outcome = try Binary.execute(path, ["-u", "-f", "/dev/null", "-L", socket] + arguments, environment: ["LANG": "C.UTF-8"])
        return outcome.stdout
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "main"]) }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }

    /// Sends text literally (no key-name lookup).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text]) }

    /// Pastes text as a terminal paste does (tmux's buffer), for texts too long for send-keys.
    func paste(_ text: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rm-paste-\(UUID().uuidString)")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try tmux(["load-buffer", file.path])
        try tmux(["paste-buffer", "-t", "main"])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until it shows `text` (no fixed sleeps), up to `seconds`.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 15) throws -> String {
        try waitForAny([text], seconds: seconds)
    }

    /// Polls until the screen shows any of the texts and has stopped changing (a capture
    /// can fall in the middle of a redraw); returns the screen.
    @discardableResult
    func waitForAny(_ texts: [String], seconds: Double = 15) throws -> String {
        try waitUntil(texts.joined(separator: " | "), seconds: seconds) { screen in texts.contains(where: screen.contains) }
    }

    /// Polls until the screen meets `condition` (`what` says which, should it time out) and has stopped changing.
    @discardableResult
    func waitUntil(_ what: String, seconds: Double = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        var previous: String?
        while Date() < deadline {
            last = try screen()
            if condition(last) {
                if last == previous { return last }
                previous = last
            } else {
                previous = nil
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure.timeout(waitingFor: what, screen: last)
    }
}
