import Foundation
import RendementsDomain
import RendementsStorage

/// Copies a business case from one store to another (a folder onto the server, the server
/// back into a folder): idempotent, never overwriting, and every case checked on the way.
public enum StoreCopy {
    public struct Outcome: Sendable, Equatable {
        public var added = 0
        public var alreadyThere = 0
        /// Cases the target holds in another version, left as they are.
        public var conflicts: [String] = []
        /// Cases not copied, with the reason.
        public var refused: [String] = []
        /// Cases copied without figures, because they cannot be valued with the target's settings, with the reason.
        public var unvalued: [String] = []

        public var summary: String {
            "\(added) toegevoegd, \(alreadyThere) stonden er al, \(conflicts.count) conflict(en), \(refused.count) niet gezet"
                + (unvalued.isEmpty ? "" : ", \(unvalued.count) zonder bedragen")
        }
    }

    /// `refusal` names why a case may not go (the BSN guard, bounds); `options` value each
    /// case for the target's per-law figures (nil for a folder, which keeps none). They are
    /// asked for once the target has its settings: a server that kept its own values the cases
    /// with those, and so must the figures copied onto it (they were valued with the source's).
    public static func copy(from source: some BusinessCaseStore, to target: some BusinessCaseStore,
                            options optionsOfTarget: (() async throws -> EstimateOptions)?,
                            refusal: (CaseRecord) -> String?) async throws -> Outcome {
        var outcome = Outcome()
        if let settings = try await source.settingsText(), try await !target.adoptSettings(settings) {
            outcome.refused.append("\(CaseStore.settingsFileName): de business case waar de casussen heen gaan heeft al andere instellingen; die blijven staan")
        }
        let options = try await optionsOfTarget?()
        for file in try await source.caseFiles() {
            let record: CaseRecord
            switch CaseCodec.decode(Data(file.content.utf8)) {
            case .success(let decoded) where decoded.id == file.id: record = decoded
            case .success(let decoded): outcome.refused.append("\(file.id): het id in het bestand is \(decoded.id)"); continue
            case .failure(let error): outcome.refused.append("\(file.id): \(error.dutchMessage)"); continue
            }
            if let problem = CaseChecker.integrityProblems(record, writtenSeal: nil).first {
                outcome.refused.append("\(file.id): \(problem)")
                continue
            }
            if let reason = refusal(record) {
                outcome.refused.append("\(file.id): \(reason)")
                continue
            }
            // A case the target cannot value (a price year its index table does not reach) still goes: the case is the
            // record, its figures are derived; reports name it as not valued, as they would in a folder.
            var perLaw: [String: Totals] = [:]
            do {
                if let options { perLaw = try CaseValuation(record, options: options).perLaw }
            } catch {
                outcome.unvalued.append("\(file.id): \(error.dutchMessage)")
            }
            switch try await target.add(file, record: record, perLaw: perLaw) {
            case .added: outcome.added += 1
            case .alreadyThere: outcome.alreadyThere += 1
            case .conflict(let reason): outcome.conflicts.append(reason)
            }
        }
        return outcome
    }
}
