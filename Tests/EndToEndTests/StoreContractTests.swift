import Foundation
import RendementsDomain
import RendementsPostgres
import RendementsStorage
import RendementsStore
import Testing

/// Issue 13: one interface, two stores. The same behaviour is asserted on a folder and on
/// an organisation on a real PostgreSQL server.
@Suite("The same store behaviour on a folder and on the server")
struct StoreContractTests {
    /// The shipped example cases as files, with what the stores need beside them.
    static func shipped() throws -> [(file: CaseFile, record: CaseRecord, perLaw: [String: Totals])] {
        let folder = Binary.root.appendingPathComponent("cases")
        let list = PriceListReader.read(folder: Binary.root.appendingPathComponent("price-lists/standaard")).priceList
        let options = BusinessCaseSettings.loadOrDefaults(folder: folder).0.estimateOptions(list)
        return try CaseStore(folder: folder).caseFileNames().sorted().map { name in
            let content = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let record = try CaseCodec.decode(Data(content.utf8)).get()
            return (CaseFile(id: record.id, content: content), record, try CaseValuation(record, options: options).perLaw)
        }
    }

    static func contract(_ store: some BusinessCaseStore) async throws {
        let cases = try shipped()
        #expect(try await store.caseFiles().isEmpty)
        #expect(try await store.settingsText() == nil)
        for (file, record, perLaw) in cases { #expect(try await store.add(file, record: record, perLaw: perLaw) == .added) }
        for (file, record, perLaw) in cases { #expect(try await store.add(file, record: record, perLaw: perLaw) == .alreadyThere) }
        #expect(try await store.caseFiles() == cases.map(\.file), "every file back, byte for byte, in id order")
        #expect(try await store.caseFile(id: "C-0003") == cases[2].file)
        #expect(try await store.caseFile(id: "C-9999") == nil)
        // Another version of a case that is there: refused, and the stored one stays.
        let (file, record, perLaw) = cases[6]
        let changed = CaseFile(id: file.id, content: file.content.replacingOccurrences(of: "Team Noord", with: "Team Oost"))
        #expect(changed != file)
        guard case .conflict(let reason) = try await store.add(changed, record: record, perLaw: perLaw) else {
            Issue.record("a different version of C-0007 must be a conflict")
            return
        }
        #expect(reason.hasPrefix("C-0007 staat al "), "\(reason)")
        #expect(try await store.caseFile(id: "C-0007") == file)
        // Settings are taken where there are none, and never replaced.
        #expect(try await store.adoptSettings("{\"name\": \"A\"}"))
        #expect(try await store.adoptSettings("{\"name\": \"A\"}"))
        #expect(try await store.adoptSettings("{\"name\": \"B\"}") == false)
        #expect(try await store.settingsText() == "{\"name\": \"A\"}")
    }

    @Test("a folder")
    func folder() async throws {
        let scratch = try Scratch()
        try await Self.contract(FolderBusinessCase(folder: scratch.url.appendingPathComponent("zaken"), priceList: nil))
    }

    @Test("an organisation on the server")
    func server() async throws {
        let setup = try ServerStoreTests.Setup()
        defer { setup.server.stop() }
        let address = try ServerAddress.parse(setup.url("beheer1")).get()
        try await ServerSession.with(address) { session in try await Self.contract(ServerBusinessCase(session)) }
        // What the other organisation's manager sees of it: nothing.
        let other = try ServerAddress.parse(setup.url("zed")).get()
        let seen = try await ServerSession.with(other) { session in try await ServerBusinessCase(session).caseFiles() }
        #expect(seen.isEmpty)
    }
}
