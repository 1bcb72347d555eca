import Foundation
import RendementsDomain
import RendementsStorage
import RendementsStore

extension ServerBusinessCase: BusinessCaseStore {
    public var label: String {
        get async throws { "server \(session.address.host):\(session.address.port) (\(try await organisation().name))" }
    }

    public var fallbackName: String { get async throws { try await organisation().name } }

    public func settingsText() async throws -> String? { try await organisation().settings }

    public func adoptSettings(_ text: String) async throws -> Bool {
        if let current = try await settingsText() { return current == text }
        try await setSettings(text)
        return true
    }

    public func priceList() async throws -> PriceListReadResult? {
        try await newestPriceList().map { list in
            PriceListReader.read(source: .memory(name: "server, versie \(list.version)", files: list.files.mapValues { Data($0.utf8) }))
        }
    }

    public func caseFiles() async throws -> [CaseFile] {
        try await storedFiles().map { CaseFile(id: $0.id, content: $0.content) }
    }

    public func caseFile(id: String) async throws -> CaseFile? {
        let rows = try await session.query("SELECT content FROM rm_case WHERE id = \(id)")
        for try await content in rows.decode(String.self) { return CaseFile(id: id, content: content) }
        return nil
    }

    public func add(_ file: CaseFile, record: CaseRecord, perLaw: [String: Totals]) async throws -> AddOutcome {
        var record = record
        var content = file.content
        if record.schemaVersion < CaseRecord.currentSchemaVersion {
            // The server seals every step as schema 2 does and never changes a step once written, so a
            // case chained the first version's way could not be reviewed there: it goes upgraded, as a
            // folder upgrades it when it writes it. Upgraded at the time the server's copy was (when there
            // is one), the same file gives the same bytes, so pushing it again adds nothing.
            let stored = try await caseFile(id: record.id)
            HistoryChain.seal(&record, now: stored.flatMap { Self.upgradeTime(of: $0, from: record) } ?? Date())
            content = try Self.fileText(record)
        }
        switch try await push(record, content: content, perLaw: perLaw) {
        case .added: return .added
        case .alreadyThere: return .alreadyThere
        case .conflict(let revision): return .conflict("\(record.id) staat al op de server met andere inhoud (versie \(revision)); niet overschreven")
        }
    }

    /// When the server's copy of `legacy` was upgraded: the time of its schema step, found where the
    /// upgrade puts it (right after the steps the legacy file has); nil for any other copy.
    private static func upgradeTime(of stored: CaseFile, from legacy: CaseRecord) -> Date? {
        guard case .success(let copy) = CaseCodec.decode(Data(stored.content.utf8)),
              copy.history.count > legacy.history.count else { return nil }
        let step = copy.history[legacy.history.count]
        guard step.action == .schema, step.by == HistoryChain.programName else { return nil }
        return HistoryChain.date(step.at)
    }
}
