import Foundation
import GRDB
import RendementsDomain

extension CaseIndex {
    /// The avoided lines of every approved real case, as estimated and as approved, as the
    /// index last recorded them: what the calibration screens and export add up. Nil
    /// without a usable index (the app keeps it current after every write and on the start screen).
    public func reviewedLines() -> [ReviewedLine]? {
        guard FileManager.default.fileExists(atPath: url.path), let database = try? open() else { return nil }
        return try? database.read { db -> [ReviewedLine] in
            var lines: [ReviewedLine] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT cases.file, author, intervention, code, estimated_units, estimated_likelihood, approved_units, approved_likelihood, reasons
                FROM reviewed JOIN cases ON cases.rowid = reviewed.case_row ORDER BY reviewed.rowid
                """)
            func values(_ row: Row, _ units: Int, _ likelihood: Int) -> LineValues? {
                (row[units] as Double?).map { LineValues(units: $0, likelihood: row[likelihood]) }
            }
            while let row = try rows.next() {
                let file: String = row[0]
                let reasons: String = row[8]
                lines.append(ReviewedLine(caseID: String(file.dropLast(5)), author: row[1], intervention: row[2], code: row[3],
                                          estimated: values(row, 4, 5), approved: values(row, 6, 7),
                                          reasons: reasons.isEmpty ? [] : reasons.components(separatedBy: "\u{1F}")))
            }
            return lines
        }
    }
}

extension CaseStore {
    /// The reviewed lines straight from the files, a chunk at a time: where the index cannot be
    /// opened (a read-only share, a damaged index) the screens and the export still add up.
    public func reviewedLines() -> [ReviewedLine] {
        (try? mapCases { ReviewedLine.lines(of: $0.record) }.results.flatMap { $0 }) ?? []
    }
}
