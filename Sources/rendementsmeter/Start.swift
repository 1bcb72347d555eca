import ArgumentParser
import Foundation
import RendementsCore
import RendementsDomain
import RendementsRender
import RendementsStorage
import RendementsTerminal

/// `rendementsmeter` (default): the terminal app.
struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start de terminal-app (standaard).")

    @OptionGroup var locations: Locations

    func run() throws {
        let folder = locations.open()
        let user = Identity.current()
        let drafts = DraftStore(casesFolder: locations.casesFolder)
        var overview = OverviewBuilder.build(folder)
        var pending: IntakeDraft?
        // The business case's own draft first, then one saved in the reserve folder after a failed save.
        for store in [drafts, DraftStore.reserve()] where pending == nil {
            switch store.load(IntakeDraft.self, user: user) {
            case .success(let draft): pending = draft
            case .failure(let problem): overview = OverviewBuilder.build(folder, extraProblems: [problem.description])
            }
        }
        let form = IntakeForm(
            hourlyRates: folder.priceList.map(folder.settings.effectiveHourlyRates) ?? [],
            interventions: Choices.interventions + folder.settings.interventions.filter { !Choices.interventions.contains($0) })
        var state = AppState(size: Size.minimum, overview: overview, priceList: folder.priceList, user: user,
                             intakeForm: form, pendingDraft: pending, records: folder.caseResult.records,
                             estimateOptions: folder.estimateOptions())

        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch {
            printError("fout: " + error.dutchMessage)
            throw ExitCode(2)
        }
        defer { terminal.close() }
        state.size = terminal.size
        let effects = EffectRunner(locations: locations, user: user, drafts: drafts)
        defer { effects.releaseLocks() }
        while true {
            terminal.draw(View.render(state))
            var queue = Update.apply(terminal.nextMessage(), to: &state)
            while !queue.isEmpty {
                let effect = queue.removeFirst()
                if effect == .quit { return }
                if let result = effects.perform(effect) { queue += Update.apply(result, to: &state) }
            }
        }
    }
}

/// Carries out the core's effects against the disk and reports back as messages.
final class EffectRunner {
    let locations: Locations
    let user: String
    let drafts: DraftStore
    private let lock: CaseLock
    private var lockedCases: Set<String> = []

    init(locations: Locations, user: String, drafts: DraftStore) {
        self.locations = locations
        self.user = user
        self.drafts = drafts
        lock = CaseLock.mine(user: user, at: HistoryChain.timestamp(Date()))
    }

    var locks: LockStore { LockStore(casesFolder: locations.casesFolder) }

    /// Gives back every case this process locked (on quit).
    func releaseLocks() {
        for id in lockedCases { locks.release(id, as: lock) }
        lockedCases = []
    }

    /// The message that reports the result, if the core needs one.
    func perform(_ effect: Effect) -> Msg? {
        switch effect {
        case .quit:
            return nil
        case .saveDraft(let draft):
            do {
                try drafts.save(draft, user: user)
                DraftStore.reserve().delete(user: user)
                return .draftSaved
            } catch {
                // Save elsewhere rather than nowhere: a private reserve folder in the home directory.
                let reserve = DraftStore.reserve()
                do {
                    try reserve.save(draft, user: user)
                    return .draftSaveFailed("\(error.shortDutchMessage); reservekopie in \(reserve.url(for: user).path).")
                } catch {
                    return .draftSaveFailed(error.dutchMessage)
                }
            }
        case .writeCase(let record):
            do {
                let written = try CaseStore(folder: locations.casesFolder).create { id in
                    var copy = record
                    copy.id = id
                    return copy
                }
                drafts.delete(user: user)
                DraftStore.reserve().delete(user: user)
                return .caseWritten(id: written.id, status: written.status, overview: OverviewBuilder.build(locations.open()))
            } catch {
                return .caseWriteFailed(error.dutchMessage)
            }
        case .lockCase(let id, let takeOver):
            let outcome = locks.acquire(id, as: lock, takeOverStale: takeOver)
            switch outcome {
            case .acquired:
                lockedCases.insert(id)
                return .lockResult(id: id, .acquired)
            case .stale:
                return .lockResult(id: id, .stale(outcome.dutchMessage))
            default:
                return .lockResult(id: id, .readOnly(outcome.dutchMessage))
            }
        case .unlockCase(let id):
            locks.release(id, as: lock)
            lockedCases.remove(id)
            return nil
        case .saveCase(let record, let clearsDraft):
            do {
                try CaseStore(folder: locations.casesFolder).save(record)
                if clearsDraft {
                    drafts.delete(user: user)
                    DraftStore.reserve().delete(user: user)
                }
                let reopened = locations.open()
                let saved = reopened.caseResult.records.first { $0.id == record.id } ?? record
                return .caseSaved(saved, overview: OverviewBuilder.build(reopened))
            } catch {
                return .caseSaveFailed(error.dutchMessage + " De wijziging staat nog in het geheugen.")
            }
        }
    }
}

/// Who is at the keyboard: RENDEMENTSMETER_USER, else the operating-system user.
enum Identity {
    static func current(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let user = environment["RENDEMENTSMETER_USER"], !user.isEmpty { return user }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return environment["USER"] ?? "onbekend"
    }
}

/// Builds the start screen's figures from an opened business case.
enum OverviewBuilder {
    static func build(_ folder: BusinessCaseFolder, extraProblems: [String] = []) -> Overview {
        var problems: [String] = []
        if let error = folder.folderError { problems.append(error.dutchMessage) }
        let fileProblems = (folder.priceListResult.errors + folder.caseResult.problems).filter { $0.severity == .error }
        if !fileProblems.isEmpty {
            let files = Set(fileProblems.map(\.file)).sorted().joined(separator: ", ")
            let count = fileProblems.count == 1 ? "1 probleem" : "\(fileProblems.count) problemen"
            problems.append("\(count) in \(files); zie 'rendementsmeter validate'")
        }
        return Overview(businessCaseName: folder.settings.name, fictional: folder.isFictional,
                        summary: BusinessCaseSummary(cases: folder.caseResult.records, options: folder.estimateOptions()), priceList: folder.priceList,
                        dataProblems: problems + extraProblems)
    }
}
