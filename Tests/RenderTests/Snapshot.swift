import Foundation
import Testing
@testable import RendementsRender

/// Golden text snapshots beside the tests. Set RECORD_SNAPSHOTS=1 to re-record
/// on purpose; a missing snapshot is recorded and the test fails, so CI never
/// passes on a snapshot nobody looked at.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    static func assert(_ frame: Frame, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent("\(name).txt")
        let actual = frame.text + "\n"
        let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name).txt; check it and run again", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
    }
}
