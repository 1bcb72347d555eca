import Foundation
import RendementsDomain
import RendementsStorage

extension ServerBusinessCase {
    /// Upgrades the cases an older version pushed as their folder held them, chained the first
    /// version's way (schema 1), as the app upgrades a file it writes: every step chained again
    /// under schema 2 and the old chain's end recorded in a step the program signs. The server seals
    /// each step a write adds as schema 2 and never changes a step once written, so such a case
    /// could otherwise never be reviewed or re-priced there. Run by `database migrate`, as the
    /// owner, in one transaction; returns the upgraded cases' ids.
    ///
    /// The case's own `revision` stays as the file had it (`push` upgrades a file the same way, so
    /// pushing it again finds the same bytes); the row's goes up, so open apps read it again.
    public func upgradeLegacyCases() async throws -> [String] {
        try await session.transaction { session in
            // Every case this version wrote says `"schemaVersion" : 2,`: only the others are decoded.
            let rows = try await session.query("""
                SELECT organisation_id, content FROM rm_case WHERE content NOT LIKE '%"schemaVersion" : 2,%'
                ORDER BY organisation_id, id FOR UPDATE
                """)
            var legacy: [(organisation: Int, record: CaseRecord)] = []
            for try await (organisation, content) in rows.decode((Int, String).self) {
                guard case .success(let record) = CaseCodec.decode(Data(content.utf8)),
                      record.schemaVersion < CaseRecord.currentSchemaVersion else { continue }
                legacy.append((organisation, record))
            }
            guard !legacy.isEmpty else { return [] }
            // Two rules for logins are switched off inside this transaction only (a schema change: the
            // owner's): a step is in its writer's own name (the upgrade step is the program's, as in a
            // folder), and a step once written is never changed (the old steps get the content seal
            // schema 1 lacked, as a folder's upgrade gives them, so the file and its rows stay equal).
            try await session.execute("ALTER TABLE rm_case_event DISABLE TRIGGER rm_event_rules, DISABLE TRIGGER rm_event_append_only")
            let now = Date()
            for (organisation, record) in legacy {
                var upgraded = record
                HistoryChain.seal(&upgraded, now: now)
                for (seq, step) in upgraded.history.prefix(record.history.count).enumerated() {
                    try await session.query("""
                        UPDATE rm_case_event SET content_hash = \(step.contentHash)
                        WHERE organisation_id = \(organisation) AND case_id = \(record.id) AND seq = \(seq + 1) AND content_hash = ''
                        """)
                }
                try await Self.insertEvents(of: upgraded, from: record.history.count, organisation: organisation, session)
                try await session.query("""
                    UPDATE rm_case SET content = \(try Self.fileText(upgraded)), revision = revision + 1
                    WHERE organisation_id = \(organisation) AND id = \(record.id)
                    """)
            }
            // The deferred checks run now, not at commit: a table with checks pending cannot be altered.
            try await session.execute("SET CONSTRAINTS ALL IMMEDIATE")
            try await session.execute("ALTER TABLE rm_case_event ENABLE TRIGGER rm_event_rules, ENABLE TRIGGER rm_event_append_only")
            return legacy.map(\.record.id)
        }
    }
}
