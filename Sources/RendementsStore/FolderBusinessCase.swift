import Foundation
import RendementsDomain
import RendementsStorage

/// The business case as a folder of case files: the embedded default.
public struct FolderBusinessCase: BusinessCaseStore {
    public let folder: URL
    /// The price list's own folder (`price-lists/standaard`): a folder business case points to one.
    public let priceListFolder: URL?

    public init(folder: URL, priceList: URL?) {
        self.folder = folder
        self.priceListFolder = priceList
    }

    public func priceList() async throws -> PriceListReadResult? {
        priceListFolder.map { PriceListReader.read(folder: $0) }
    }

    public var label: String { "map \(folder.path)" }

    public var fallbackName: String { folder.lastPathComponent }

    private var settingsFile: URL { folder.appendingPathComponent(CaseStore.settingsFileName) }

    public func settingsText() async throws -> String? {
        try? String(contentsOf: settingsFile, encoding: .utf8)
    }

    public func adoptSettings(_ text: String) async throws -> Bool {
        if let current = try await settingsText() { return current == text }
        try makeFolder()
        try AtomicFile.write(Data(text.utf8), to: settingsFile, mode: .createNew)
        return true
    }

    public func caseFiles() async throws -> [CaseFile] {
        let names = (try? CaseStore(folder: folder).caseFileNames()) ?? []
        return names.sorted().compactMap { name in
            (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)).map {
                CaseFile(id: String(name.dropLast(".json".count)), content: $0)
            }
        }
    }

    public func caseFile(id: String) async throws -> CaseFile? {
        (try? String(contentsOf: folder.appendingPathComponent("\(id).json"), encoding: .utf8)).map { CaseFile(id: id, content: $0) }
    }

    public func add(_ file: CaseFile, record: CaseRecord, perLaw: [String: Totals]) async throws -> AddOutcome {
        try makeFolder()
        let target = folder.appendingPathComponent("\(file.id).json")
        do {
            try AtomicFile.write(Data(file.content.utf8), to: target, mode: .createNew)
            return .added
        } catch {
            guard let existing = try? String(contentsOf: target, encoding: .utf8) else { throw error }
            return existing == file.content ? .alreadyThere : .conflict("\(file.id) staat al in de map met andere inhoud; niet overschreven")
        }
    }

    private func makeFolder() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
}
