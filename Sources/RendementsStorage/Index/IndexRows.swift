import Foundation
import GRDB
import RendementsDomain

/// One case file's row as the index keeps it: its figures, or the problem that kept it out.
struct IndexRow: Sendable {
    let name: String
    let identity: FileIdentity
    let pair: CaseFigurePair?
    let problem: String?
    let searchText: String?
}

/// Writes and removes case rows with their sums and searched text, inside one write transaction.
struct IndexWriter {
    let db: Database
    private let insertCase: Statement
    private let insertSums: Statement
    private let insertText: Statement
    private let findRow: Statement

    init(_ db: Database) throws {
        self.db = db
        insertCase = try db.makeStatement(sql: """
            INSERT INTO cases (file, size, mtime, ctime, inode, figures, problem) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let columns = ["case_row", "domains"] + IndexSchema.cubeKey + IndexSchema.countColumns + IndexSchema.moneyColumns
        insertSums = try db.makeStatement(sql: """
            INSERT INTO sums (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
            """)
        insertText = try db.makeStatement(sql: "INSERT INTO search (rowid, text) VALUES (?, ?)")
        findRow = try db.makeStatement(sql: "SELECT rowid FROM cases WHERE file = ?")
    }

    /// Removes a file's row and everything derived from it; nothing when it has none.
    func remove(_ name: String) throws {
        guard let row = try Int64.fetchOne(findRow, arguments: [name]) else { return }
        try db.execute(sql: "DELETE FROM sums WHERE case_row = ?", arguments: [row])
        try db.execute(sql: "DELETE FROM search WHERE rowid = ?", arguments: [row])
        try db.execute(sql: "DELETE FROM cases WHERE rowid = ?", arguments: [row])
    }

    func add(_ row: IndexRow) throws {
        let identity = row.identity
        try insertCase.execute(arguments: [row.name, identity.size, identity.modified, identity.changed, identity.inode,
                                           row.pair.map(FiguresCodec.encode), row.problem])
        let rowID = db.lastInsertedRowID
        if let text = row.searchText { try insertText.execute(arguments: [rowID, text]) }
        guard let pair = row.pair else { return }
        for (view, figures) in [(0, pair.current), (1, pair.original)] {
            try addSums(rowID, view: view, figures)
        }
    }

    private func addSums(_ rowID: Int64, view: Int, _ figures: CaseFigures) throws {
        let domains = figures.lifeDomains.reduce(Int64(0)) { mask, domain in mask | IndexSchema.bit(domain) }
        let key: [any DatabaseValueConvertible] = [rowID, domains, view, figures.status.rawValue, figures.team, figures.intervention,
                                                  figures.periodEnd.monthKey, figures.priceListVersion]
        let real: Int64 = figures.fictional ? 0 : 1
        switch figures.valued {
        case .failure:
            try insertSums.execute(arguments: StatementArguments(key + ["", 1, 1, real] + Self.money(Totals())))
        case .success(let valued):
            try insertSums.execute(arguments: StatementArguments(key + ["", 1, 0, real] + Self.money(valued.total)))
            for (law, totals) in valued.perLaw {
                try insertSums.execute(arguments: StatementArguments(key + [law, 1, 0, 0] + Self.money(totals)))
            }
        }
    }

    /// The money columns' values, in `IndexSchema.moneyColumns` order.
    static func money(_ totals: Totals) -> [any DatabaseValueConvertible] {
        [totals.avoided, totals.deployed, totals.effort, totals.avoidedTransfers, totals.deployedTransfers,
         totals.avoidedLow, totals.avoidedHigh, totals.avoidedConservative].map(\.cents)
    }
}

extension IndexSchema {
    /// A life domain's bit in the `domains` column.
    static func bit(_ domain: LifeDomain) -> Int64 {
        Int64(1) << Int64(LifeDomain.allCases.firstIndex(of: domain) ?? 0)
    }
}
