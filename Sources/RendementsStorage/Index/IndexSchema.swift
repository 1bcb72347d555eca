import Foundation
import GRDB
import RendementsDomain

/// The tables of the index and the SQL that keeps its sums in step.
///
/// - `cases`: one row per case file (identity, compact figures or the problem found).
/// - `sums`: per case, per view (0 as it stands, 1 as its author estimated it, 2 both:
///   a case nobody changed, written once) and per law, the money columns, with the fields
///   filters look at copied beside them; the law `''` row holds the whole case and counts
///   it (also when it could not be valued). A view reads its own rows and those of view 2.
/// - `cube`: `sums` added up per view, status, team, intervention, end month, price-list
///   version and law, kept current by triggers, so a report reads a few hundred rows
///   however many cases there are. Life domains are left out of its key (a case's set
///   of domains would multiply the groups); a life-domain filter reads `sums` instead.
/// - `texts`: the searched text of each case, with its file's name (a scan of every text that
///   looked each name up in `cases` spent a third of its time there); `search`: the trigram
///   index over them (FTS5, external content), made after the rows and in steps: see `SearchTexts`.
/// - `lines`: the care lines of approved cases with the context suggestions compare
///   (intervention, life domains, age band, household): see `ApprovedLines`.
/// - `items`: per intervention, kind and item, the approved cases and lines that use it,
///   kept current by triggers on `lines`, so the suggestions' ranking reads a few rows
///   instead of counting every line of the intervention (28 ms at 100,000 cases).
/// - `reviewed`: the avoided lines of approved cases as estimated and as approved, with
///   author and reasons, for calibration: see `ReviewedLine`.
enum IndexSchema {
    /// The `original` column of rows that hold both views: more than half of the cases were
    /// never changed by a review, and writing their rows twice was a quarter of a rebuild's rows.
    static let bothViews = 2
    /// The money columns of `sums` and `cube`, in `Totals` order.
    static let moneyColumns = ["avoided", "deployed", "effort", "avoided_transfers", "deployed_transfers",
                               "avoided_low", "avoided_high", "avoided_conservative"]
    /// The columns of `sums` that key the cube.
    static let cubeKey = ["original", "status", "team", "intervention", "month", "version", "law"]
    /// Counts carried beside the money: cases (1 on every row), failed (could not be valued), real (not fictional).
    static let countColumns = ["cases", "failed", "real"]

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS cases (
                file TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL, ctime INTEGER NOT NULL,
                inode INTEGER NOT NULL, figures BLOB, problem TEXT, head INTEGER, source_head INTEGER)
            """)
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS cases_problem ON cases(file) WHERE problem IS NOT NULL")
        try createHeadIndexes(db)
        let counts = countColumns + moneyColumns
        let keyColumns = cubeKey.map { $0 == "original" ? "\($0) INTEGER NOT NULL" : "\($0) TEXT NOT NULL" }
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS sums (
                case_row INTEGER NOT NULL, domains INTEGER NOT NULL, \(keyColumns.joined(separator: ", ")),
                \(counts.map { "\($0) INTEGER NOT NULL" }.joined(separator: ", ")))
            """)
        try createSumsIndexes(db)
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS cube (
                \(keyColumns.joined(separator: ", ")), \(counts.map { "\($0) INTEGER NOT NULL" }.joined(separator: ", ")),
                PRIMARY KEY (\(cubeKey.joined(separator: ", ")))) WITHOUT ROWID
            """)
        try createTriggers(db)
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS texts (rowid INTEGER PRIMARY KEY, file TEXT NOT NULL, text TEXT NOT NULL)")
        // Trigram tokens answer "contains" (the browser's search) for any three letters or more;
        // without positions (detail none) the index is a tenth of the size and SQLite checks
        // each candidate's text, which a LIKE needs anyway.
        try db.execute(sql: """
            CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(text, content = 'texts', content_rowid = 'rowid',
                tokenize = 'trigram', detail = 'none')
            """)
        // The care lines of approved cases, for the suggestions while entering (kind 0 deployed, 1 avoided).
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS lines (
                case_row INTEGER NOT NULL, kind INTEGER NOT NULL, code TEXT NOT NULL, units TEXT NOT NULL, likelihood TEXT,
                intervention TEXT NOT NULL, domains INTEGER NOT NULL, age_band TEXT NOT NULL, household TEXT NOT NULL)
            """)
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS lines_case ON lines(case_row)")
        try createLineQueryIndexes(db)
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS items (
                intervention TEXT NOT NULL, kind INTEGER NOT NULL, code TEXT NOT NULL, cases INTEGER NOT NULL, lines INTEGER NOT NULL,
                PRIMARY KEY (intervention, kind, code)) WITHOUT ROWID
            """)
        try createItemTriggers(db)
        // The avoided lines of approved real cases as estimated and as approved, for calibration.
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS reviewed (
                case_row INTEGER NOT NULL, author TEXT NOT NULL, intervention TEXT NOT NULL, code TEXT NOT NULL,
                estimated_units REAL, estimated_likelihood REAL, approved_units REAL, approved_likelihood REAL, reasons TEXT NOT NULL)
            """)
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS reviewed_case ON reviewed(case_row)")
    }

    /// True when every table, index and trigger `create` makes is there (a damaged index missing
    /// one is completed by `create` again).
    static func isComplete(_ db: Database) throws -> Bool {
        let made = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'index', 'trigger')"))
        return expectedObjects.isSubset(of: made)
    }

    private static let expectedObjects: Set<String> = [
        "cases", "cases_problem", "sums", "sums_case", "sums_failed", "cube", "sums_added", "sums_removed", "texts", "search",
        "lines", "lines_case", "lines_item", "lines_units", "lines_likelihood", "lines_similar", "items", "lines_added", "lines_removed",
        "reviewed", "reviewed_case", "cases_head", "cases_source_head",
    ]

    /// The history heads `import` looks a case up by. Made again after a rebuild's rows, as the line
    /// indexes are: kept up row by row, 100,000 random keys made a cold report 0.6 s slower.
    static func createHeadIndexes(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS cases_head ON cases(head) WHERE head IS NOT NULL")
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS cases_source_head ON cases(source_head) WHERE source_head IS NOT NULL")
    }

    /// Per intervention and item: cases counted from the index alone, and medians found by
    /// position in value order (CAST orders the exact decimal text by number). Only the
    /// suggestions and calibration read them; removing a case's lines uses `lines_case`.
    static func createLineQueryIndexes(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS lines_item ON lines(intervention, kind, code, case_row)")
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS lines_units ON lines(intervention, kind, code, CAST(units AS REAL))")
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS lines_likelihood ON lines(intervention, kind, code, CAST(likelihood AS REAL))")
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS lines_similar ON lines(age_band, household)")
    }

    static func createSumsIndexes(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS sums_case ON sums(case_row)")
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS sums_failed ON sums(case_row) WHERE failed = 1")
    }

    /// The triggers that keep `cube` the sum of `sums`, row by row.
    static func createTriggers(_ db: Database) throws {
        let counts = countColumns + moneyColumns
        let new = (cubeKey + counts).map { "NEW.\($0)" }.joined(separator: ", ")
        let add = counts.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", ")
        let subtract = counts.map { "\($0) = \($0) - OLD.\($0)" }.joined(separator: ", ")
        let match = cubeKey.map { "\($0) = OLD.\($0)" }.joined(separator: " AND ")
        try db.execute(sql: """
            CREATE TRIGGER IF NOT EXISTS sums_added AFTER INSERT ON sums BEGIN
                INSERT INTO cube (\((cubeKey + counts).joined(separator: ", "))) VALUES (\(new))
                ON CONFLICT (\(cubeKey.joined(separator: ", "))) DO UPDATE SET \(add);
            END
            """)
        try db.execute(sql: "CREATE TRIGGER IF NOT EXISTS sums_removed AFTER DELETE ON sums BEGIN UPDATE cube SET \(subtract) WHERE \(match); END")
    }

    /// The triggers that keep `items` the count of `lines`: a case counts once per item, at
    /// its first line of it, and stops counting with its last.
    static func createItemTriggers(_ db: Database) throws {
        func otherLine(_ row: String) -> String {
            "SELECT 1 FROM lines WHERE intervention = \(row).intervention AND kind = \(row).kind AND code = \(row).code AND case_row = \(row).case_row"
        }
        try db.execute(sql: """
            CREATE TRIGGER IF NOT EXISTS lines_added AFTER INSERT ON lines BEGIN
                INSERT INTO items (intervention, kind, code, cases, lines)
                VALUES (NEW.intervention, NEW.kind, NEW.code, NOT EXISTS (\(otherLine("NEW")) AND rowid != NEW.rowid), 1)
                ON CONFLICT (intervention, kind, code) DO UPDATE SET cases = cases + excluded.cases, lines = lines + 1;
            END
            """)
        try db.execute(sql: """
            CREATE TRIGGER IF NOT EXISTS lines_removed AFTER DELETE ON lines BEGIN
                UPDATE items SET cases = cases - (NOT EXISTS (\(otherLine("OLD")))), lines = lines - 1
                WHERE intervention = OLD.intervention AND kind = OLD.kind AND code = OLD.code;
            END
            """)
    }

    /// Writes many rows without the triggers and adds the cube up again in one pass: at
    /// 100,000 cases, one trigger per row made rebuilding the index take longer than valuing.
    /// With `cube` (the rows were added up as they were written), that pass is not needed.
    static func withCubeRebuilt(_ db: Database, from cube: CubeSums?, _ write: () throws -> Void) throws {
        try db.execute(sql: "DROP TRIGGER IF EXISTS sums_added")
        try db.execute(sql: "DROP TRIGGER IF EXISTS sums_removed")
        try db.execute(sql: "DROP TRIGGER IF EXISTS lines_added")
        try db.execute(sql: "DROP TRIGGER IF EXISTS lines_removed")
        // The line indexes are made again once, after the rows: kept up row by row, four
        // B-trees over 900,000 lines made SQLite read back and write pages all through a rebuild.
        for index in ["lines_item", "lines_units", "lines_likelihood", "lines_similar", "cases_head", "cases_source_head"] {
            try db.execute(sql: "DROP INDEX IF EXISTS \(index)")
        }
        try write()
        try createLineQueryIndexes(db)
        try createHeadIndexes(db)
        try db.execute(sql: "DELETE FROM cube")
        if let cube {
            try cube.write(db)
        } else {
            try db.execute(sql: cubeFromSumsSQL)
        }
        try createTriggers(db)
        try db.execute(sql: "DELETE FROM items")
        try db.execute(sql: """
            INSERT INTO items (intervention, kind, code, cases, lines)
            SELECT intervention, kind, code, COUNT(DISTINCT case_row), COUNT(*) FROM lines GROUP BY intervention, kind, code
            """)
        try createItemTriggers(db)
    }

    /// The cube added up from `sums` in SQL.
    static let cubeFromSumsSQL = """
        INSERT INTO cube (\((cubeKey + countColumns + moneyColumns).joined(separator: ", ")))
        SELECT \(cubeKey.joined(separator: ", ")), \((countColumns + moneyColumns).map { "SUM(\($0))" }.joined(separator: ", "))
        FROM sums GROUP BY \(cubeKey.joined(separator: ", "))
        """

    /// Empties every derived table (the index is rebuilt for other settings).
    static func clear(_ db: Database) throws {
        for table in ["cases", "sums", "cube", "texts", "lines", "items", "reviewed"] { try db.execute(sql: "DELETE FROM \(table)") }
        try SearchTexts.reset(db)
    }

    static func drop(_ db: Database) throws {
        for table in ["cases", "sums", "cube", "search", "texts", "lines", "items", "reviewed"] { try db.execute(sql: "DROP TABLE IF EXISTS \(table)") }
    }
}
