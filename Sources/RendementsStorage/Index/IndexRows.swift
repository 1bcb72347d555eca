import Foundation
import GRDB
import GRDBSQLite
import RendementsDomain

/// One case file's row as the index keeps it: its figures, or the problem that kept it out.
struct IndexRow: Sendable {
    let name: String
    let identity: FileIdentity
    let pair: CaseFigurePair?
    /// `pair` in the index's own form (`FiguresCodec`).
    let figures: Data?
    /// The case as it stands is as its author estimated it (not reviewed, or not changed): its
    /// sums are written once for both views.
    let viewsAgree: Bool
    let problem: String?
    let searchText: String?
    /// The care lines, for an approved case only.
    let lines: IndexedLines?
    /// The case's history head, and the one of the case it was imported from (`HistoryHeads`).
    let heads: HistoryHeads

    init(name: String, identity: FileIdentity, pair: CaseFigurePair?, problem: String?, searchText: String?, lines: IndexedLines?,
         heads: HistoryHeads = HistoryHeads()) {
        self.name = name
        self.identity = identity
        self.pair = pair
        figures = pair.map(FiguresCodec.encode)
        viewsAgree = pair.map { $0.original == $0.current } ?? true
        self.problem = problem
        self.searchText = searchText
        self.lines = lines
        self.heads = heads
    }
}

/// The first 64 bits of a case's history head and of its source's, for finding a case imported
/// twice without reading every file; a match is checked against the file itself.
struct HistoryHeads: Sendable {
    var own: Int64?
    var source: Int64?

    init() {}

    init(_ record: CaseRecord) {
        own = Self.key(record.historyHead)
        source = record.provenance.flatMap { Self.key($0.historyHead) }
    }

    /// nil for an empty head (a case without history) or one that is no hexadecimal hash.
    static func key(_ head: String) -> Int64? {
        guard head.utf8.count >= 16, let value = UInt64(head.prefix(16), radix: 16) else { return nil }
        return Int64(bitPattern: value)
    }
}

/// An approved case's care lines with the context the suggestions compare; nil for any other
/// status and for the fictional examples (they teach the app, not the estimates).
struct IndexedLines: Sendable {
    struct Line: Sendable {
        let kind: Int64
        let code: String
        let units: String
        let likelihood: String?
    }

    let intervention: String
    let domains: Int64
    let ageBand: String
    let household: String
    let lines: [Line]
    /// The avoided lines as estimated and as approved, for calibration.
    let reviewed: [ReviewedLine]

    init?(_ record: CaseRecord) {
        guard record.status == .goedgekeurd, !record.fictional else { return nil }
        intervention = record.context.intervention.composed
        domains = record.context.lifeDomains.reduce(Int64(0)) { $0 | IndexSchema.bit($1) }
        ageBand = record.context.ageBand
        household = record.context.household
        lines = record.deployed.map { Line(kind: 0, code: $0.item.code, units: DecimalText.format($0.quantity.units), likelihood: nil) }
            + record.avoided.map { Line(kind: 1, code: $0.item.code, units: DecimalText.format($0.quantity.units),
                                        likelihood: DecimalText.format($0.likelihood.value)) }
        reviewed = ReviewedLine.lines(of: record)
    }
}

/// Writes and removes case rows with their sums and searched text, inside one write transaction
/// (made after any `SearchTexts.reset` in it).
final class IndexWriter {
    let db: Database
    private let insertCase: Statement
    private let insertSums: Statement
    private let insertText: Statement
    private let insertIndexedText: Statement
    private let findRow: Statement
    private let insertLine: Statement
    private let insertReviewed: Statement
    /// The highest text the trigram index holds: a text written at or below it goes into the
    /// trigram index too (see `SearchTexts`).
    private var searchCovered: Int64
    /// The trigram index held every text when this writer began: a case added now goes into it as
    /// well, so one new case does not leave the search scanning until the index is completed again.
    private let searchWasComplete: Bool

    /// The cube added up as rows are written, in a rebuild that started without sums (see `CubeSums`).
    private let cube: CubeSums?

    /// `bulk`: many rows follow, and the trigram index is made after them (it was reset).
    init(_ db: Database, bulk: Bool, cube: CubeSums?) throws {
        self.db = db
        self.cube = cube
        searchCovered = try SearchTexts.covered(db)
        searchWasComplete = try !bulk && SearchTexts.isComplete(db)
        insertCase = try db.makeStatement(sql: """
            INSERT INTO cases (file, size, mtime, ctime, inode, figures, problem, head, source_head) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let columns = ["case_row", "domains"] + IndexSchema.cubeKey + IndexSchema.countColumns + IndexSchema.moneyColumns
        insertSums = try db.makeStatement(sql: """
            INSERT INTO sums (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
            """)
        insertText = try db.makeStatement(sql: "INSERT INTO texts (rowid, file, text) VALUES (?, ?, ?)")
        insertIndexedText = try db.makeStatement(sql: "INSERT INTO search (rowid, text) VALUES (?, ?)")
        findRow = try db.makeStatement(sql: "SELECT rowid FROM cases WHERE file = ?")
        insertLine = try db.makeStatement(sql: """
            INSERT INTO lines (case_row, kind, code, units, likelihood, intervention, domains, age_band, household) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertReviewed = try db.makeStatement(sql: """
            INSERT INTO reviewed (case_row, author, intervention, code, estimated_units, estimated_likelihood, approved_units, approved_likelihood, reasons)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Removes a file's row and everything derived from it; nothing when it has none.
    func remove(_ name: String) throws {
        guard let row = try Int64.fetchOne(findRow, arguments: [name]) else { return }
        try db.execute(sql: "DELETE FROM sums WHERE case_row = ?", arguments: [row])
        try SearchTexts.remove(db, row: row, covered: searchCovered)
        try db.execute(sql: "DELETE FROM lines WHERE case_row = ?", arguments: [row])
        try db.execute(sql: "DELETE FROM reviewed WHERE case_row = ?", arguments: [row])
        try db.execute(sql: "DELETE FROM cases WHERE rowid = ?", arguments: [row])
    }

    func add(_ row: IndexRow) throws {
        let identity = row.identity
        try insertCase.execute(arguments: [row.name, identity.size, identity.modified, identity.changed, identity.inode,
                                           row.figures, row.problem, row.heads.own, row.heads.source])
        let rowID = db.lastInsertedRowID
        if let text = row.searchText {
            try insertText.execute(arguments: [rowID, row.name, text])
            if rowID <= searchCovered || searchWasComplete { try insertIndexedText.execute(arguments: [rowID, text]) }
            if searchWasComplete, rowID > searchCovered {
                searchCovered = rowID
                try SearchTexts.setCovered(db, rowID)
            }
        }
        if let approved = row.lines {
            for line in approved.lines {
                var insert = RawInsert(insertLine)
                insert.bind(rowID)
                insert.bind(line.kind)
                insert.bind(line.code)
                insert.bind(line.units)
                insert.bind(line.likelihood)
                insert.bind(approved.intervention)
                insert.bind(approved.domains)
                insert.bind(approved.ageBand)
                insert.bind(approved.household)
                try insert.step(db)
            }
            for line in approved.reviewed {
                var insert = RawInsert(insertReviewed)
                insert.bind(rowID)
                insert.bind(line.author)
                insert.bind(line.intervention)
                insert.bind(line.code)
                insert.bind(line.estimated?.units)
                insert.bind(line.estimated?.likelihood)
                insert.bind(line.approved?.units)
                insert.bind(line.approved?.likelihood)
                insert.bind(line.reasons.joined(separator: "\u{1F}"))
                try insert.step(db)
            }
        }
        guard let pair = row.pair else { return }
        if row.viewsAgree {
            try addSums(rowID, view: IndexSchema.bothViews, pair.current)
        } else {
            try addSums(rowID, view: 0, pair.current)
            try addSums(rowID, view: 1, pair.original)
        }
    }

    private func addSums(_ rowID: Int64, view: Int, _ figures: CaseFigures) throws {
        let domains = figures.lifeDomains.reduce(Int64(0)) { mask, domain in mask | IndexSchema.bit(domain) }
        let row = SumsRow(caseRow: rowID, domains: domains, view: Int64(view), figures: figures, month: figures.periodEnd.monthKey,
                          team: figures.team.composed, intervention: figures.intervention.composed)
        let real: Int64 = figures.fictional ? 0 : 1
        switch figures.valued {
        case .failure:
            try row.insert(insertSums, db, cube, law: "", failed: 1, real: real, Totals())
        case .success(let valued):
            try row.insert(insertSums, db, cube, law: "", failed: 0, real: real, valued.total)
            for entry in valued.perLaw {
                try row.insert(insertSums, db, cube, law: entry.law, failed: 0, real: 0, entry.totals)
            }
        }
    }
}

/// One case's `sums` rows, bound straight to SQLite: a rebuild writes eight to ten of them
/// per case, and GRDB's binding of `[any DatabaseValueConvertible]` was a fifth of a cold report.
private struct SumsRow {
    let caseRow: Int64
    let domains: Int64
    let view: Int64
    let figures: CaseFigures
    /// The end month's key, made once for all of the case's rows.
    let month: String
    /// The team and intervention composed (NFC), as `IndexTotals` compares them: SQLite compares bytes, and a name typed
    /// with a separate accent (`Zuı̈d`) is the same team.
    let team: String
    let intervention: String

    /// Binds the columns in `IndexWriter`'s order (case_row, domains, cube key, counts, money) and steps once;
    /// adds the row to `cube` too when there is one.
    func insert(_ statement: Statement, _ db: Database, _ cube: CubeSums?, law: String, failed: Int64, real: Int64, _ totals: Totals) throws {
        var row = RawInsert(statement)
        row.bind(caseRow)
        row.bind(domains)
        row.bind(view)
        row.bind(figures.status.rawValue)
        row.bind(team)
        row.bind(intervention)
        row.bind(month)
        row.bind(figures.priceListVersion)
        row.bind(law)
        row.bind(Int64(1))
        row.bind(failed)
        row.bind(real)
        row.bind(totals.avoided.cents)
        row.bind(totals.deployed.cents)
        row.bind(totals.effort.cents)
        row.bind(totals.avoidedTransfers.cents)
        row.bind(totals.deployedTransfers.cents)
        row.bind(totals.avoidedLow.cents)
        row.bind(totals.avoidedHigh.cents)
        row.bind(totals.avoidedConservative.cents)
        try row.step(db)
        guard let cube else { return }
        let key = CubeSums.Key(original: view, status: figures.status.rawValue, team: team, intervention: intervention, month: month,
                               version: figures.priceListVersion, law: law)
        try cube.add(key, [1, failed, real, totals.avoided.cents, totals.deployed.cents, totals.effort.cents, totals.avoidedTransfers.cents,
                           totals.deployedTransfers.cents, totals.avoidedLow.cents, totals.avoidedHigh.cents, totals.avoidedConservative.cents])
    }
}

/// One row's values bound straight to a prepared SQLite statement, in column order, then one
/// step: the index writes hundreds of thousands of rows in a rebuild.
struct RawInsert {
    private let handle: OpaquePointer
    private var column: Int32 = 0

    init(_ statement: Statement) {
        handle = statement.sqliteStatement
        sqlite3_reset(handle)
    }

    mutating func bind(_ value: Int64) {
        column += 1
        sqlite3_bind_int64(handle, column, value)
    }

    mutating func bind(_ text: String?) {
        column += 1
        guard var text else {
            sqlite3_bind_null(handle, column)
            return
        }
        // Bound from the string's own UTF-8 with its length: passing the String made a C string copy each time.
        // (A buffer without an address would bind NULL, not an empty text: the whole case's law is ''.)
        text.withUTF8 { bytes in
            guard let address = bytes.baseAddress else {
                sqlite3_bind_text(handle, column, "", 0, RawInsert.transient)
                return
            }
            _ = address.withMemoryRebound(to: CChar.self, capacity: bytes.count) { sqlite3_bind_text(handle, column, $0, Int32(bytes.count), RawInsert.transient) }
        }
    }

    mutating func bind(_ value: Double?) {
        column += 1
        if let value { sqlite3_bind_double(handle, column, value) } else { sqlite3_bind_null(handle, column) }
    }

    func step(_ db: Database) throws {
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// SQLite copies the text before the call returns.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

extension IndexSchema {
    /// A life domain's bit in the `domains` column.
    static func bit(_ domain: LifeDomain) -> Int64 {
        Int64(1) << Int64(LifeDomain.allCases.firstIndex(of: domain) ?? 0)
    }
}
