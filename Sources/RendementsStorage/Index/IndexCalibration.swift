import Foundation
import GRDB
import GRDBSQLite
import RendementsDomain

extension CaseIndex {
    /// The avoided lines of every approved real case, as estimated and as approved, as the
    /// index last recorded them: what the calibration screens and export add up. Nil
    /// without a usable index (the app keeps it current after every write and on the start screen).
    /// What the index's rows describe (the files' fingerprint and the settings): equal keys,
    /// equal `reviewedLines()`, so a screen worked out from them can be kept. Nil without one.
    public func contentKey() -> String? {
        guard FileManager.default.fileExists(atPath: url.path), let database = try? open() else { return nil }
        return try? database.read { db -> String? in
            guard let digest = try Self.meta(db, "digest"), !digest.isEmpty, let settings = try Self.meta(db, "settings") else { return nil }
            return settings + ":" + digest
        }
    }

    public func reviewedLines() -> [ReviewedLine]? {
        guard FileManager.default.fileExists(atPath: url.path), let database = try? open() else { return nil }
        return try? database.read { db -> [ReviewedLine] in
            let statement = try db.makeStatement(sql: """
                SELECT cases.file, author, intervention, code, estimated_units, estimated_likelihood, approved_units, approved_likelihood, reasons
                FROM reviewed JOIN cases ON cases.rowid = reviewed.case_row ORDER BY reviewed.rowid
                """)
            // Straight from SQLite, not through GRDB's rows: 452,313 lines took 0.65 s that way.
            // A case's lines are next to each other, so its author and intervention are made once.
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            var lines: [ReviewedLine] = []
            lines.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reviewed") ?? 0)
            var author = RepeatedText()
            var intervention = RepeatedText()
            var file = RepeatedText()
            func values(_ units: Int32, _ likelihood: Int32) -> LineValues? {
                guard sqlite3_column_type(handle, units) != SQLITE_NULL else { return nil }
                let chance = sqlite3_column_type(handle, likelihood) == SQLITE_NULL ? nil : sqlite3_column_double(handle, likelihood)
                return LineValues(units: sqlite3_column_double(handle, units), likelihood: chance)
            }
            while true {
                let step = sqlite3_step(handle)
                guard step == SQLITE_ROW else {
                    if step == SQLITE_DONE { break }
                    throw DatabaseError(resultCode: ResultCode(rawValue: step), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                let reasons = RepeatedText.text(handle, 8)
                lines.append(ReviewedLine(caseID: String(file.text(handle, 0).dropLast(5)), author: author.text(handle, 1),
                                          intervention: intervention.text(handle, 2), code: RepeatedText.text(handle, 3),
                                          estimated: values(4, 5), approved: values(6, 7),
                                          reasons: reasons.isEmpty ? [] : reasons.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)))
            }
            return lines
        }
    }
}

/// A text column whose value often repeats from one row to the next: compared as bytes and
/// made into a `String` only when it changes.
private struct RepeatedText {
    private var bytes: [UInt8] = []
    private var last = ""

    mutating func text(_ handle: OpaquePointer?, _ column: Int32) -> String {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard let start = sqlite3_column_text(handle, column) else { return "" }
        let current = UnsafeBufferPointer(start: start, count: count)
        if !current.elementsEqual(bytes) {
            bytes = Array(current)
            last = String(decoding: current, as: UTF8.self)
        }
        return last
    }

    static func text(_ handle: OpaquePointer?, _ column: Int32) -> String {
        guard let start = sqlite3_column_text(handle, column) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }
}

extension CaseStore {
    /// The reviewed lines straight from the files, a chunk at a time: where the index cannot be
    /// opened (a read-only share, a damaged index) the screens and the export still add up.
    public func reviewedLines() -> [ReviewedLine] {
        (try? mapCases { ReviewedLine.lines(of: $0.record) }.results.flatMap { $0 }) ?? []
    }
}
