import Foundation
import GRDB
import RendementsDomain

extension CaseIndex {
    /// The case files whose history head, or whose source's (an imported case), begins as `head`
    /// does, as of the last read; nil without a usable index. Only the first 64 bits are kept and
    /// the index may be behind the files: a caller checks each file it names.
    public func filesHolding(historyHead head: String) -> [String]? {
        guard let key = HistoryHeads.key(head), FileManager.default.fileExists(atPath: url.path), let database = try? open() else { return nil }
        return try? database.read { db in
            try String.fetchAll(db, sql: "SELECT file FROM cases WHERE head = ?1 UNION SELECT file FROM cases WHERE source_head = ?1", arguments: [key])
        }
    }

    /// The imports since the index was last read (it learns of a file only when it reads the
    /// folder): a line `head id` per imported case, beside the index. A hint, as the index is:
    /// each id it names is checked against its file, and without it the next read knows them.
    var importsURL: URL { url.deletingLastPathComponent().appendingPathComponent("imports") }
}

extension CaseStore {
    /// The id of a case this folder holds that is `incoming` (the same case with the same
    /// history, brought back), or was imported from it; nil when none is. Never reads the whole
    /// folder (at 100,000 cases that took seconds per import): the case with the same id, the
    /// index as of its last read and the imports since then name the candidates, and each one
    /// is checked against its file.
    public func caseHolding(_ incoming: CaseRecord) -> String? {
        let head = incoming.historyHead
        guard !head.isEmpty else { return nil }
        let index = CaseIndex(casesFolder: folder)
        let imported = ((try? String(contentsOf: index.importsURL, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: " ")
            return parts.count == 2 && parts[0] == head ? String(parts[1]) : nil
        }
        let named = (index.filesHolding(historyHead: head) ?? []).map { String($0.dropLast(".json".count)) }
        for id in [incoming.id] + imported + named {
            guard case .success(let held) = load(id: id) else { continue }
            if held.historyHead == head || held.provenance?.historyHead == head { return id }
        }
        return nil
    }

    /// Notes that the case `id` was imported from a case with history head `head` (see `caseHolding`).
    public func noteImport(of head: String, as id: String) {
        guard !head.isEmpty else { return }
        let index = CaseIndex(casesFolder: folder)
        let access = SharedAccess(casesFolder: folder)
        _ = access.makeFolder(index.importsURL.deletingLastPathComponent())
        // One short line in one append: writers at once never interleave within a line.
        let descriptor = open(index.importsURL.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, access.file)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let line = Array("\(head) \(id)\n".utf8)
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}
