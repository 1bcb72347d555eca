import Foundation
import Testing
@testable import RendementsStorage

@Suite("Never lose a case: SIGKILL at random moments", .serialized)
struct CrashSafetyTests {
    /// Random delays from a fixed seed, so a failure can be repeated.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    @Test("60 kills while typing and 60 while writing cases: no corrupt file, every shown keystroke in the draft")
    func killAtRandom() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        var random = Seeded(state: 20_261_124)
        let deadline = Date().addingTimeInterval(150)

        // Kills during entry: the app restarts in a loop; each round resumes the draft, appends a token, and dies.
        let loop = "while true; do '\(Binary.url.path)'; done"
        let session = try TmuxSession(command: "sh -c \"\(loop)\"", in: scratch.url, environment: ["TERM": "screen", "RENDEMENTSMETER_USER": "kill"])
        var shown: [String] = []
        var entryKills = 0
        try session.waitFor("Rendement (voorkomen")
        try session.send("Enter")
        try session.waitFor("Stap 1/7")
        for round in 0..<60 where Date() < deadline {
            if round > 0 {
                try session.waitFor("Er staat een onafgeronde casus klaar")
                try session.send("j")
                try session.waitFor("Stap 2/7")  // the draft opens on the step it was left
            } else {
                try session.send("PageDown")
            }
            try session.waitFor("Situatie")
            let token = "k\(round)"
            try session.type(" \(token)")
            try session.waitFor(" \(token)")
            shown.append(token)
            // One more keystroke, then the kill lands while it is read, saved or drawn.
            try session.type("x")
            Thread.sleep(forTimeInterval: Double(random.next() % 15) / 1000)
            kill(try TerminalAppTests.appPID(session), SIGKILL)
            entryKills += 1
        }
        let draftURL = scratch.url.appendingPathComponent("cases/.drafts/kill.json")
        let draft = try String(contentsOf: draftURL, encoding: .utf8)
        #expect((try? JSONSerialization.jsonObject(with: Data(draft.utf8))) != nil, "the draft is always whole JSON")
        let missing = shown.filter { !draft.contains(" \($0)") }
        #expect(missing.isEmpty, "every keystroke that reached the screen is in the draft; missing: \(missing)")

        // Kills during saves: imports of 40 cases each, killed a random few milliseconds after their
        // first case appeared. (Killed a few milliseconds after their start instead, on a busy machine
        // every import died before writing anything, and the saves were never hit.)
        // Different cases each time (the same case is imported only once): C-0003 under other history heads.
        let text = try String(contentsOf: Binary.root.appendingPathComponent("cases/C-0003.json"), encoding: .utf8)
        func sources(_ round: Int) throws -> [String] {
            try (0..<40).map { number in
                let url = scratch.url.appendingPathComponent("bron-\(round)-\(number).json")
                try text.replacingOccurrences(of: "91e3f10259efb561a26fbd3a71e92cf9882e0a3de0c3b41a89d8850791349f81",
                                              with: String(format: "%064x", round * 100 + number + 1)).write(to: url, atomically: true, encoding: .utf8)
                return url.path
            }
        }
        var saveKills = 0
        let count = "ls cases | grep -c '^C-.*[.]json$'"
        for round in 0..<60 where Date() < deadline {
            let delay = Double(random.next() % 40) / 1000
            let script = """
                n=$(\(count)); '\(Binary.url.path)' import \(try sources(round).joined(separator: " ")) > /dev/null & p=$!
                i=0; while [ "$(\(count))" -le "$n" ] && [ $i -lt 2000 ]; do sleep 0.002; i=$((i + 1)); done
                sleep \(delay); kill -9 $p; wait $p; echo $?
                """
            let outcome = try Binary.execute("/bin/sh", ["-c", script], in: scratch.url)
            if outcome.stdout.hasPrefix("137") { saveKills += 1 }
        }
        let cases = scratch.url.appendingPathComponent("cases")
        let loaded = try CaseStore(folder: cases).loadAll()
        #expect(loaded.problems.isEmpty, "no partial or corrupt case file: \(loaded.problems.prefix(3))")
        #expect(loaded.cases.count > 7)
        let originals = loaded.cases.filter { ["C-0001", "C-0002", "C-0003", "C-0004", "C-0005", "C-0006", "C-0007"].contains($0.record.id) }
        #expect(originals.count == 7, "every case that was there before is intact")
        #expect(try Binary.run(["validate"], in: scratch.url).status == 0)
        print("crash safety: \(entryKills) kills during entry, \(saveKills) kills during saves, \(loaded.cases.count) cases intact")
        #expect(entryKills + saveKills >= 100)
    }
}
