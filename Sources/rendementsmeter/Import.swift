import ArgumentParser
import Foundation
import RendementsDomain
import RendementsStorage

/// `rendementsmeter import FILE...`: adds cases from elsewhere (another team's folder) under new ids.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Voeg casusbestanden toe aan de business case; elke casus krijgt een nieuw id en overschrijft nooit een andere.",
        discussion: """
            Een geïmporteerde casus wordt opnieuw 'ingediend' (een concept blijft concept): een goedkeuring uit een andere
            business case telt hier niet vanzelf. De oude geschiedenis blijft bewaard als herkomst.
            """)

    @OptionGroup var locations: Locations

    @Flag(name: .long, help: "Behoud de status uit het bronbestand (ook 'goedgekeurd'); dat staat dan in de geschiedenis.")
    var keepStatus = false

    @Argument(help: ArgumentHelp("Casusbestanden (JSON).", valueName: "BESTAND"))
    var files: [String]

    @OptionGroup var server: ServerOption

    func run() throws {
        // On a server the login is the importer, and the server's rules decide (a beheerder adds
        // others' cases); the same file imported again by the same login finds the case it added.
        let user: String
        let add: (CaseRecord) throws -> CaseRecord
        // A case the business case already holds (the same case exported and brought back, or a copy of a file
        // imported before) is not added again: a beheerder's copies were counted three times (helper-33).
        let holding: (CaseRecord) throws -> String?
        if server.addressText != nil {
            let address = try server.address()
            // Said before any file is read (found by a helper: a beoordelaar was told "geen recht op tabel rm_submission").
            let role = try onServer(address) { try await $0.role() }
            guard role == .beheerder || role == .sociaalWerker else {
                let name = role.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") } ?? "lid zonder rol"
                printError("fout: als \(name) importeer je geen casussen; dat doet een beheerder (ieders casussen) of een sociaal werker (de eigen)")
                throw ExitCode(1)
            }
            user = address.user
            add = { record in try onServer(address) { try await $0.create(record) } }
            holding = { record in try onServer(address) { try await $0.caseHolding(historyHead: record.historyHead) } }
        } else {
            let store = CaseStore(folder: locations.casesFolder)
            let (settings, _) = BusinessCaseSettings.loadOrDefaults(folder: locations.casesFolder)
            user = Identity.resolve(allowOverride: settings.allowUserOverride).name
            add = { record in
                let written = try store.create { _ in record }
                if let source = written.provenance?.historyHead { store.noteImport(of: source, as: written.id) }
                return written
            }
            holding = { record in store.caseHolding(record) }
        }
        var failed = 0
        var imported: [String: String] = [:]  // history head → the case it became, in this run
        for path in files {
            let name = URL(fileURLWithPath: path).lastPathComponent
            // The name goes into the history ("Geïmporteerd uit …"), so the privacy guard reads it too (helper finding).
            if PrivacyGuard.refusal(name) != nil {
                printError("fout: \(name): de bestandsnaam bevat een getal dat een BSN kan zijn; geef het bestand een andere naam; niet geïmporteerd")
                failed += 1
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                printError("fout: \(name): het bestand kan niet gelezen worden")
                failed += 1
                continue
            }
            // A real case is tens of kilobytes (a pasted story of 100 KB included); a helper imported 24 MB,
            // after which every read of the business case carried it.
            guard data.count <= Import.maximumBytes else {
                let megabytes = String(format: "%.1f", Double(data.count) / 1_000_000).replacingOccurrences(of: ".", with: ",")
                printError("fout: \(name): het bestand is \(megabytes) MB; een casusbestand is hooguit \(Import.maximumBytes / 1_000_000) MB; niet geïmporteerd")
                failed += 1
                continue
            }
            let record: CaseRecord
            switch CaseCodec.decode(data) {
            case .success(let decoded): record = decoded
            case .failure(let error):
                printError("fout: \(name): \(error.dutchMessage)")
                failed += 1
                continue
            }
            if let refusal = Import.refusal(record) ?? (keepStatus ? Import.keepStatusRefusal(record, by: user) : nil) {
                printError("fout: \(name): \(refusal); niet geïmporteerd")
                failed += 1
                continue
            }
            if let held = try imported[record.historyHead] ?? holding(record) {
                print("\(name): staat al in de business case als \(held) (dezelfde casus, dezelfde geschiedenis); niet nog eens geïmporteerd")
                continue
            }
            do {
                let written = try add(Import.imported(record, from: name, by: user, keepStatus: keepStatus))
                print("\(name) → \(written.id) (\(written.status.rawValue))")
                if !record.historyHead.isEmpty { imported[record.historyHead] = written.id }
            } catch let error as CaseWriteError {
                printError("fout: \(name): \(error.dutchMessage)")
                failed += 1
            } catch is ExitCode {
                failed += 1  // the server's refusal, already said in Dutch
            }
        }
        if failed > 0 {
            printError(failed == files.count ? "geen van de \(files.count) bestand(en) geïmporteerd"
                                             : "\(failed) van \(files.count) bestand(en) niet geïmporteerd; de rest wel")
            throw ExitCode(1)
        }
    }

    /// The largest case file `import` takes.
    static let maximumBytes = 5_000_000

    /// Why a case may not come in: the privacy guard of typing, and the bounds of every number.
    static func refusal(_ record: CaseRecord) -> String? {
        if let field = CaseChecker.freeTexts(record).first(where: { PrivacyGuard.refusal($0.1) != nil }) {
            return "\(field.0) bevat een getal dat een BSN kan zijn"
        }
        if let problem = ValueBounds.problems(record).first { return problem }
        do {
            _ = try CaseValuation(record, options: .plain)
        } catch {
            return error.dutchMessage
        }
        return nil
    }

    /// A status is only kept when the source proves it: an intact history whose approval is by someone
    /// other than the author, and an importer who is not the author approving their own case this way.
    static func keepStatusRefusal(_ record: CaseRecord, by user: String) -> String? {
        if let problem = CaseChecker.integrityProblems(record, writtenSeal: nil).first {
            return "--keep-status kan niet: de geschiedenis in het bronbestand klopt niet (\(problem))"
        }
        guard record.status == .goedgekeurd else { return nil }
        guard let approval = record.history.last(where: { $0.setsStatus }), approval.action == .status,
              approval.new == CaseStatus.goedgekeurd.rawValue, approval.by != record.author else {
            return "--keep-status kan niet: de goedkeuring staat niet als goedkeuring door een collega in de geschiedenis"
        }
        return user == record.author ? "--keep-status kan niet: je kunt je eigen casus niet goedgekeurd binnenhalen (auteur \(record.author))" : nil
    }

    /// The case as it enters this business case: its old history kept as provenance, a fresh
    /// history that starts with the import, and (unless told otherwise) back to review.
    static func imported(_ source: CaseRecord, from file: String, by user: String, keepStatus: Bool) -> CaseRecord {
        var record = source
        record.provenance = CaseProvenance(sourceID: source.id, sourceFile: file, sourceStatus: source.status,
                                           history: source.history, historyHead: source.historyHead)
        record.schemaVersion = CaseRecord.currentSchemaVersion
        record.history = []
        record.historyHead = ""
        record.status = keepStatus || source.status == .concept ? source.status : .ingediend
        let reason = keepStatus
            ? "Geïmporteerd uit \(file); status \(source.status.rawValue) behouden op verzoek (--keep-status)"
            : "Geïmporteerd uit \(file) (daar \(source.status.rawValue)); opnieuw ter beoordeling"
        record.history.append(CaseEvent(at: "", by: user, action: .import, field: "status",
                                        old: "\(source.id) (\(source.status.rawValue))", new: record.status.rawValue, reason: reason))
        return record
    }
}
