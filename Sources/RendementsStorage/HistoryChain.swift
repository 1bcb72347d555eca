import Crypto
import Foundation
import RendementsDomain

/// Chains a case's history with SHA-256: each event's hash covers its content and
/// the previous hash, and the case keeps the last hash, so editing, reordering or
/// removing any event (the last one included) is detected by `validate`.
public enum HistoryChain {
    /// Fills in the hashes of events that have none yet (new events), in order;
    /// a new event without a time gets `now` (the core stays free of clocks).
    public static func seal(_ record: inout CaseRecord, now: Date = Date()) {
        var previous = ""
        for index in record.history.indices {
            if record.history[index].hash.isEmpty {
                if record.history[index].at.isEmpty { record.history[index].at = timestamp(now) }
                record.history[index].previousHash = previous
                record.history[index].hash = hash(record.history[index])
            }
            previous = record.history[index].hash
        }
        record.historyHead = previous
    }

    /// `2026-11-24T10:15:00Z`.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func hash(_ event: CaseEvent) -> String {
        SHA256.hash(data: Data(event.canonicalText.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Dutch problems with the chain, each naming the event; empty when intact.
    public static func problems(_ record: CaseRecord) -> [String] {
        var problems: [String] = []
        var previous = ""
        for (index, event) in record.history.enumerated() {
            let number = index + 1
            if event.previousHash != previous {
                problems.append("de geschiedenis is onderbroken bij gebeurtenis \(number) (een eerdere gebeurtenis is verwijderd of verplaatst)")
                break
            }
            if event.hash != hash(event) {
                problems.append("gebeurtenis \(number) van de geschiedenis is achteraf aangepast (\(event.field), \(event.at))")
                break
            }
            previous = event.hash
        }
        if problems.isEmpty && record.historyHead != previous {
            problems.append(record.history.isEmpty
                ? "de geschiedenis is leeggemaakt (historyHead verwijst naar gebeurtenissen die ontbreken)"
                : "de laatste gebeurtenis(sen) van de geschiedenis zijn verwijderd")
        }
        return problems
    }
}
