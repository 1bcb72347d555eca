import Foundation
import PostgresNIO
import RendementsDomain
import RendementsStorage

/// What the terminal app writes on the server: a new case under the next free id, and a
/// case saved over the version it was read at. Each is one transaction; the server's rules
/// (history appended first, status flow, no approving one's own case) check every step.
extension ServerBusinessCase {
    /// What saving a case did.
    public enum SaveOutcome: Sendable {
        case saved(CaseRecord)
        /// A colleague saved first; nothing was written. The case as it is on the server now.
        case conflict(current: CaseRecord)
    }

    /// Every case's row version: the server raises it by one with every change of the row, so
    /// an app compares them to read again only what changed. It is the column, not the file's
    /// own revision, so one case whose file is damaged cannot stop every other from being read.
    public func rowVersions() async throws -> [String: Int] {
        var result: [String: Int] = [:]
        let rows = try await session.query("SELECT id, revision FROM rm_case")
        for try await (id, revision) in rows.decode((String, Int).self) { result[id] = revision }
        return result
    }

    /// Every case's status as the server's column holds it, without reading a case file.
    public func statuses() async throws -> [String: CaseStatus] {
        var result: [String: CaseStatus] = [:]
        let rows = try await session.query("SELECT id, status FROM rm_case")
        for try await (id, status) in rows.decode((String, String).self) { result[id] = CaseStatus(rawValue: status) }
        return result
    }

    /// The case files with these ids that the login may read.
    public func caseFiles(ids: [String]) async throws -> [(id: String, content: String)] {
        var files: [(id: String, content: String)] = []
        let rows = try await session.query("SELECT id, content FROM rm_case WHERE id = ANY(\(ids))")
        for try await (id, content) in rows.decode((String, String).self) { files.append((id, content)) }
        return files
    }

    /// Writes a new case under the next free id of the organisation (`C-0001`, …); two members
    /// adding at once get different ids. Returns the case as written (sealed, revision 1).
    /// The same submission sent again (after an answer that never came) returns the case the
    /// first one added: never a second case.
    public func create(_ record: CaseRecord) async throws -> CaseRecord {
        let submission = try Self.submissionKey(record)
        return try await session.transaction { session in
            // Two tries of one submission at once: the second waits here for the first. Its row is
            // read, so that a wait the server cancelled says so (and not the next statement, with
            // "current transaction is aborted", as a loaded test run showed).
            for try await _ in try await session.query("SELECT pg_advisory_xact_lock(hashtext(\(submission)))::text").decode(String.self) {}
            let earlier = try await session.query("""
                SELECT c.content FROM rm_submission s JOIN rm_case c ON c.organisation_id = s.organisation_id AND c.id = s.case_id
                WHERE s.submission = \(submission)
                """)
            for try await content in earlier.decode(String.self) {
                if case .success(let added) = CaseCodec.decode(Data(content.utf8)) { return added }
            }
            // Ids are zero-padded to four digits and grow longer only past C-9999: longest, then highest, is the last.
            let last = try await session.query("SELECT id FROM rm_case ORDER BY length(id) DESC, id DESC LIMIT 1")
            var number = 0
            for try await id in last.decode(String.self) { number = CaseID.number(id) ?? 0 }
            while true {
                number += 1
                guard let id = CaseID.make(number) else { throw ServerError.rule("de organisatie heeft geen vrije casusnummers meer") }
                // A number a colleague's open transaction is adding is skipped, not waited for: with 40
                // workers submitting at once, each insert waited on the one before it (p95 2.4 s, some over 15 s).
                let claim = try await session.query("SELECT pg_try_advisory_xact_lock(rm_my_organisation(), \(Int32(clamping: number)))")
                var claimed = false
                for try await free in claim.decode(Bool.self) { claimed = free }
                guard claimed else { continue }
                var next = record
                next.id = id
                next.revision = 1
                HistoryChain.seal(&next)
                let content = try Self.fileText(next)
                let inserted = try await session.query("""
                    INSERT INTO rm_case (id, status, author, revision, content, file_hash)
                    VALUES (\(id), \(next.status.rawValue), \(next.author), 0, \(content), \(sha256Hex(Data(content.utf8))))
                    ON CONFLICT (organisation_id, id) DO NOTHING RETURNING revision
                    """)
                var added = false
                for try await _ in inserted.decode(Int.self) { added = true }
                guard added else { continue }  // a colleague took this id a moment ago
                try await Self.insertEvents(of: next, from: 0, session)
                try await session.query("INSERT INTO rm_submission (submission, case_id) VALUES (\(submission), \(id))")
                return next
            }
        }
    }

    /// What makes a submission the same one again: the case as typed, without what the
    /// write adds (its id, revision, times and seals).
    static func submissionKey(_ record: CaseRecord) throws -> String {
        var typed = record
        typed.id = ""
        typed.revision = 0
        typed.historyHead = ""
        for index in typed.history.indices {
            typed.history[index].at = ""
            typed.history[index].previousHash = ""
            typed.history[index].hash = ""
            typed.history[index].contentHash = ""
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return sha256Hex(try encoder.encode(typed))
    }

    /// Saves `record` only if the server still holds the version it was read at (the same
    /// revision and history); otherwise nothing is written and the current version comes back.
    /// An approval stores the case's figures per law, valued by `figures`, in the same transaction.
    public func save(_ record: CaseRecord, figures: @Sendable (CaseRecord) throws -> [String: Totals]) async throws -> SaveOutcome {
        try await session.transaction { session in
            // Row-level security hides from FOR UPDATE the rows this login may read but not change.
            let visible = try await session.query("SELECT 1 FROM rm_case WHERE id = \(record.id)")
            var exists = false
            for try await _ in visible.decode(Int.self) { exists = true }
            guard exists else { throw ServerError.rule("casus \(record.id) staat niet op de server (of deze login mag hem niet zien)") }
            let rows = try await session.query("SELECT content FROM rm_case WHERE id = \(record.id) FOR UPDATE")
            var stored: String?
            for try await content in rows.decode(String.self) { stored = content }
            guard let stored else {
                // A colleague who decided first took the case out of this login's hands: a conflict,
                // shown with their version, not a refusal (found by the load benchmark's reviewers).
                let now = try await session.query("SELECT content FROM rm_case WHERE id = \(record.id)")
                for try await content in now.decode(String.self) {
                    if case .success(let current) = CaseCodec.decode(Data(content.utf8)),
                       current.revision != record.revision || current.historyHead != record.historyHead {
                        return .conflict(current: current)
                    }
                }
                throw Self.notYours(record.id)
            }
            let current: CaseRecord
            switch CaseCodec.decode(Data(stored.utf8)) {
            case .success(let decoded): current = decoded
            case .failure(let error): throw ServerError.rule("casus \(record.id) op de server is onleesbaar (\(error.dutchMessage))")
            }
            guard current.revision == record.revision, current.historyHead == record.historyHead else { return .conflict(current: current) }
            // Saving a case unchanged writes nothing: the server allows no change without its event (found by a helper).
            if record == current { return .saved(current) }
            var next = record
            next.revision = current.revision + 1
            HistoryChain.seal(&next)
            let content = try Self.fileText(next)
            try await Self.insertEvents(of: next, from: current.history.count, session)
            // An approval is valued before it is written, while the case is still the reviewer's to
            // decide; a re-priced approved case after, as the server lets a beheerder replace the
            // figures only of a case written in the same transaction.
            let approving = next.status == .goedgekeurd && current.status != .goedgekeurd
            let revaluing = next.status == .goedgekeurd && current.status == .goedgekeurd
            func replaceFigures() async throws {
                try await session.query("DELETE FROM rm_case_figure WHERE case_id = \(next.id)")
                try await Self.insertFigures(of: next, try figures(next), session)
            }
            if approving { try await replaceFigures() }
            let updated = try await session.query("""
                UPDATE rm_case SET status = \(next.status.rawValue), content = \(content), file_hash = \(sha256Hex(Data(content.utf8))),
                    revision = revision + 1
                WHERE id = \(next.id) RETURNING revision
                """)
            var written = false
            for try await _ in updated.decode(Int.self) { written = true }
            // No row written means no change: the events above must not stay without it.
            guard written else { throw Self.notYours(next.id) }
            if revaluing { try await replaceFigures() }
            return .saved(next)
        }
    }

    static func notYours(_ id: String) -> ServerError {
        .refused("deze login mag casus \(id) nu niet wijzigen: een sociaal werker wijzigt alleen eigen concepten en teruggestuurde "
            + "casussen, een beoordelaar alleen ingediende casussen van collega's")
    }

    /// The case file's text, exactly as the folder would hold it.
    static func fileText(_ record: CaseRecord) throws -> String {
        String(decoding: try CaseCodec.encode(record), as: UTF8.self)
    }

    /// Appends the case's history from event `start` on: the server refuses a change without its event.
    /// `organisation` is the login's own when nil (the owner, who has none, names it).
    static func insertEvents(of record: CaseRecord, from start: Int, organisation: Int? = nil, _ session: ServerSession) async throws {
        for (seq, event) in record.history.enumerated() where seq >= start {
            try await session.query("""
                INSERT INTO rm_case_event (organisation_id, case_id, seq, happened_at, by_login, action, field, old_value, new_value, reason, content_hash)
                VALUES (coalesce(\(organisation), rm_my_organisation()), \(record.id), \(seq + 1), \(event.at), \(event.by), \(event.action.rawValue),
                        \(event.field), \(event.old), \(event.new), \(event.reason), \(event.contentHash))
                """)
        }
    }

    /// The case's figures per law: what reports and the sector view add up without reading a case.
    static func insertFigures(of record: CaseRecord, _ perLaw: [String: Totals], _ session: ServerSession) async throws {
        let year = record.context.periodEnd.year
        for (law, totals) in perLaw.sorted(by: { $0.key < $1.key }) {
            try await session.query("""
                INSERT INTO rm_case_figure (organisation_id, case_id, law, intervention, year, avoided_cents, deployed_cents, effort_cents)
                VALUES (rm_my_organisation(), \(record.id), \(law), \(record.context.intervention), \(year),
                        \(totals.avoided.cents), \(totals.deployed.cents), \(totals.effort.cents))
                """)
        }
    }
}

extension ServerBusinessCase {
    /// The id of a case of the organisation that is the case with history head `head`, or was
    /// imported from it (as far as this login may see); nil when none is, or the head is empty.
    public func caseHolding(historyHead head: String) async throws -> String? {
        guard !head.isEmpty else { return nil }
        let rows = try await session.query("""
            SELECT id FROM rm_case WHERE content::jsonb->>'historyHead' = \(head) OR content::jsonb->'provenance'->>'historyHead' = \(head)
            ORDER BY id LIMIT 1
            """)
        for try await id in rows.decode(String.self) { return id }
        return nil
    }
}
