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
        switch try await push(record, content: file.content, perLaw: perLaw) {
        case .added: return .added
        case .alreadyThere: return .alreadyThere
        case .conflict(let revision): return .conflict("\(record.id) staat al op de server met andere inhoud (versie \(revision)); niet overschreven")
        }
    }
}
