import Foundation
import RendementsDomain

/// Chains a case's history with SHA-256: each event's hash covers its content, the
/// previous hash, the case id and the content seal (schema 2), and the case keeps the
/// last hash, so editing, reordering, removing or copying events, and changing the
/// numbers after the last event, are detected by `validate`.
///
/// What this cannot do: anyone who can write the folder can also recompute every
/// hash. The chain catches mistakes and casual edits; the database store enforces.
public enum HistoryChain {
    /// Who signs the schema-upgrade event.
    public static let programName = "rendementsmeter"

    /// Readies a case for disk: upgrades an older schema (recording it as an event),
    /// then fills in hashes and content seals of new events, in order. A new event
    /// without a time gets `now` (the core stays free of clocks).
    public static func seal(_ record: inout CaseRecord, now: Date = Date()) {
        if record.schemaVersion < CaseRecord.currentSchemaVersion { upgrade(&record, now: now) }
        let content = ContentSeal.hash(record)
        var previous = ""
        for index in record.history.indices {
            if record.history[index].hash.isEmpty {
                if record.history[index].at.isEmpty { record.history[index].at = timestamp(now) }
                record.history[index].previousHash = previous
                record.history[index].contentHash = content
                record.history[index].hash = hash(record.history[index], of: record)
            }
            previous = record.history[index].hash
        }
        record.historyHead = previous
    }

    /// Schema 1 chains had no case id and no content seal: the old chain's end is
    /// recorded in an upgrade event and every event is chained again under schema 2.
    private static func upgrade(_ record: inout CaseRecord, now: Date) {
        let from = record.schemaVersion
        let oldHead = record.historyHead.isEmpty ? "leeg" : String(record.historyHead.prefix(16))
        record.schemaVersion = CaseRecord.currentSchemaVersion
        for index in record.history.indices {
            record.history[index].hash = ""
        }
        record.history.append(CaseEvent(
            at: timestamp(now), by: programName, action: .schema, field: "schemaVersion", old: "\(from)", new: "\(record.schemaVersion)",
            reason: "Bij het opslaan bijgewerkt naar schemaversie \(record.schemaVersion); de oude keten eindigde op \(oldHead)"))
    }

    /// `2026-11-24T10:15:00Z`.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// The time a `timestamp` says; nil for text of another form.
    public static func date(_ timestamp: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: timestamp)
    }

    static func hash(_ event: CaseEvent, of record: CaseRecord) -> String {
        let text = event.canonicalText(caseID: record.id, schemaVersion: record.schemaVersion)
        return sha256Hex(Data(text.utf8))
    }

    /// Dutch problems with the chain, each naming the event; empty when intact. A `writtenSeal`
    /// equal to the last event's seal answers for the content without computing it again.
    public static func problems(_ record: CaseRecord, writtenSeal: String?) -> [String] {
        var problems: [String] = []
        var previous = ""
        for (index, event) in record.history.enumerated() {
            let number = index + 1
            if event.previousHash != previous {
                problems.append("de geschiedenis is onderbroken bij gebeurtenis \(number) (een eerdere gebeurtenis is verwijderd of verplaatst)")
                break
            }
            if event.hash != hash(event, of: record) {
                problems.append("gebeurtenis \(number) van de geschiedenis is achteraf aangepast of hoort bij een andere casus (\(event.field), \(event.at))")
                break
            }
            previous = event.hash
        }
        if problems.isEmpty && record.historyHead != previous {
            problems.append(record.history.isEmpty
                ? "de geschiedenis is leeggemaakt (historyHead verwijst naar gebeurtenissen die ontbreken)"
                : "de laatste gebeurtenis(sen) van de geschiedenis zijn verwijderd")
        }
        if problems.isEmpty, record.schemaVersion >= 2, let last = record.history.last, last.contentHash != writtenSeal,
           last.contentHash != ContentSeal.hash(record) {
            problems.append("de bedragen, hoeveelheden of kansen zijn gewijzigd na de laatste gebeurtenis (\(last.field), \(last.at)) zonder dat dat in de geschiedenis staat")
        }
        return problems
    }
}
