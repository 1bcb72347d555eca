import ArgumentParser
import Foundation
import RendementsCore
import RendementsDomain
import RendementsPostgres
import RendementsStorage

/// The terminal app on an organisation's business case on the server (`--database`): the same
/// screens as on a folder. The login is the user; the server's roles and rules decide what
/// they may do. Drafts stay on this computer, so no typed work is lost when the server goes away.
enum ServerApp {
    static func run(_ address: ServerAddress, locations: Locations) throws {
        // The role is asked first, in the same session: a sector analyst sees no case, only the sector
        // view, a screen of its own; a login without a role is told so (helper-34: "geen recht op tabel rm_organisation").
        let opened = waitFor { () -> Opening in
            try await ServerSession.with(address) { session in
                let store = ServerBusinessCase(session)
                switch try await store.role() {
                case .sectorAnalist?: return .sector
                case nil: return .noRole
                case let role?:
                    let name = try await store.organisation().name
                    let stamp = try await ServerEffectRunner.BasisStamp(store)
                    return .cases(try await ValuationBasis.load(from: store, fallback: locations.priceListFolder), name, role, stamp)
                }
            }
        }
        switch opened {
        case .success(.sector): return try SectorApp.run(address)
        case .success(.noRole):
            printError("fout: " + RoleCheck.noRole)
            throw ExitCode(1)
        default: break
        }
        guard case .success(.cases(let basis, let organisation, let role, let stamp)) = opened else {
            if case .failure(let failure) = opened {
                // Said, so nobody fears for a case they were entering (helper-33: only the server's failure was named).
                let kept = FileManager.default.fileExists(atPath: DraftStore(folder: localDrafts(address)).url(for: address.user).path)
                printError("fout: " + failure.text + (kept ? "\nJe concept staat op deze computer en komt terug zodra de server weer antwoordt." : ""))
            }
            throw ExitCode(1)
        }
        let user = address.user
        let drafts = DraftStore(folder: localDrafts(address))
        let window = drafts.claimWindow(user: user)
        let effects = ServerEffectRunner(address: address, basis: basis, stamp: stamp, fallbackList: locations.priceListFolder,
                                         drafts: drafts, window: window)
        var pending: IntakeDraft?
        var draftProblem: String?
        for store in [drafts, DraftStore.reserve()] where pending == nil {
            switch store.load(IntakeDraft.self, user: user, window: window.number) {
            case .success(let draft): pending = draft
            case .failure(let problem): draftProblem = problem.description
            }
        }
        _ = effects.refresh()
        let list = basis.priceList.priceList
        var state = AppState(size: Size.minimum, overview: effects.overview(extraProblems: draftProblem.map { [$0] } ?? []),
                             priceList: list, user: user, intakeForm: .of(list, basis.settings), pendingDraft: pending, cases: nil,
                             estimateOptions: effects.options)
        state.identityNote = "Ingelogd als \(user) op \(address.host):\(address.port) (\(organisation), \(role.rawValue))"
        state.permissions = Permissions(role)
        if window.busyBefore {
            state.notice = "Concept al open in een ander venster; dit venster krijgt een eigen concept."
        }
        defer { effects.releaseLocks() }
        try AppLoop.run(state, effects: effects, afterFirstPaint: nil)
    }

    /// What the server said at the start: which app this login gets.
    private enum Opening: Sendable {
        case sector, noRole
        case cases(ValuationBasis, String, Schema.Role, ServerEffectRunner.BasisStamp)
    }

    /// Drafts of a server's business case: a private folder in the home directory, one per server and database.
    static func localDrafts(_ address: ServerAddress) -> URL {
        let base = DraftStore.reserve().folder.deletingLastPathComponent().appendingPathComponent("server")
        let folder = base.appendingPathComponent(DraftStore.fileStem("\(address.host)_\(address.port)_\(address.database)"))
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return folder
    }
}

extension Permissions {
    /// What a role may do, as the server's row-level security allows it: a sociaal werker
    /// enters and reworks their own cases, a beoordelaar reviews colleagues' cases, the
    /// others read.
    init(_ role: Schema.Role?) {
        self.init(entersCases: role == .sociaalWerker, reviews: role == .beoordelaar, roleName: role.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") } ?? "lid zonder rol")
    }
}

/// Carries out the core's effects against the server. It keeps the organisation's cases as last
/// read and reads again only those whose revision changed; every write is one transaction
/// checked by the server against the version it was read at.
final class ServerEffectRunner: AppEffects {
    let address: ServerAddress
    /// The price list and settings every case is valued with; a newer list imported or other
    /// settings set while the app runs replace them at the next read (everyone prices with the same list).
    private(set) var basis: ValuationBasis
    private(set) var options: EstimateOptions
    /// What `basis` was read from, to tell a newer one by (see `BasisStamp`).
    private var basisStamp: BasisStamp
    /// The folder's list, used while the server has none (said at the start).
    let fallbackList: URL
    /// Set when the basis changed since the state was told; sent before the figures.
    private var basisNews: Msg?
    let drafts: DraftStore
    /// Held for the life of the app: its OS lock keeps this window's draft ours.
    let draftWindow: DraftWindow
    var user: String { address.user }

    /// Every case the login may read, as last read, with its figures.
    private var cases: [String: (record: CaseRecord, figures: CaseFigurePair)] = [:]
    /// Case files on the server that could not be read, by id.
    private var unreadable: [String: String] = [:]
    /// Each case's row version when it was last read, readable or not.
    private var readAt: [String: Int] = [:]
    /// Set when the server could not be reached at the last read; the start screen says so.
    private var serverProblem: String?
    /// True once the browser or dashboard asked for every case's figures.
    private var figuresHeld = false
    /// This app window on the server's case locks: one login may have two apps open.
    let lockWindow: String
    /// The cases whose server lock this window holds, and when it last renewed them.
    private var lockedCases: Set<String> = []
    private var locksRenewed = Date.distantPast
    /// The idle tick's read of the server, on another thread.
    private let idleRead = BackgroundServerRead()
    /// Goes up with every change to the cases held, so a read begun before it is never taken in after it.
    private var generation = 0
    /// Renewed well within the two minutes after which a colleague may take a lock over.
    static let lockRenewal: TimeInterval = 30

    /// The newest price list's version and the settings' text: cheap to ask on every read.
    struct BasisStamp: Equatable, Sendable {
        let listVersion: String?
        let settings: String?

        init(_ store: ServerBusinessCase) async throws {
            listVersion = try await store.newestPriceListVersion()
            settings = try await store.settingsText()
        }
    }

    init(address: ServerAddress, basis: ValuationBasis, stamp: BasisStamp, fallbackList: URL, drafts: DraftStore, window: DraftWindow) {
        self.address = address
        self.basis = basis
        basisStamp = stamp
        self.fallbackList = fallbackList
        options = basis.settings.estimateOptions(basis.priceList.priceList, reportYear: nil)
        self.drafts = drafts
        draftWindow = window
        lockWindow = "\(ProcessInfo.processInfo.hostName)/\(getpid())/\(window.number)"
    }

    /// Gives back every case lock this window holds (on quit); one the server does not get back
    /// goes stale after two minutes.
    func releaseLocks() {
        let (held, window, address) = (lockedCases, lockWindow, address)
        guard !held.isEmpty else { return }
        lockedCases = []
        // At most a few seconds: the screen is closed by now, and a lock not given back goes stale
        // in two minutes (a server that did not answer kept a blank terminal for 60 s, found by a helper).
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = waitFor { try await ServerSession.with(address) { session in
                for id in held { try await ServerBusinessCase(session).releaseLock(id, window: window) }
            } }
            done.signal()
        }
        _ = done.wait(timeout: .now() + Self.releaseWait)
    }

    static let releaseWait: TimeInterval = 3

    /// The review lock of `id`, and the case as the server holds it now (reviewing starts from it).
    private func lock(_ id: String, takeOver: Bool) -> [Msg] {
        let window = lockWindow
        let taken = onServer { store -> (ServerBusinessCase.LockOutcome, [(id: String, content: String)]) in
            let outcome = try await store.takeLock(id, window: window, takeOver: takeOver)
            return (outcome, outcome == .acquired || outcome == .closed ? try await store.caseFiles(ids: [id]) : [])
        }
        switch taken {
        case .success((.closed, let files)):
            // Not submitted (any more): the case as it stands now says why it cannot be reviewed.
            guard let file = files.first, case .success(let current) = CaseCodec.decode(Data(file.content.utf8)) else {
                return [.lockResult(id: id, .readOnly("casus \(id) staat niet (meer) leesbaar op de server"))]
            }
            remember(current)
            return [.caseReloaded(current), .lockResult(id: id, .closed)]
        case .success((.acquired, let files)):
            lockedCases.insert(id)
            locksRenewed = Date()
            guard let file = files.first, case .success(let current) = CaseCodec.decode(Data(file.content.utf8)) else {
                unlock(id)
                return [.lockResult(id: id, .readOnly("casus \(id) staat niet (meer) leesbaar op de server"))]
            }
            remember(current)
            return [.caseReloaded(current), .lockResult(id: id, .acquired)]
        case .success((let outcome, _)):
            if case .stale = outcome { return [.lockResult(id: id, .stale(outcome.dutchMessage(for: user)))] }
            return [.lockResult(id: id, .readOnly(outcome.dutchMessage(for: user)))]
        case .failure(let failure):
            return [.lockResult(id: id, .readOnly(failure.text))]
        }
    }

    private func unlock(_ id: String) {
        guard lockedCases.remove(id) != nil else { return }
        let window = lockWindow
        _ = onServer { try await $0.releaseLock(id, window: window) }
    }

    /// Renews the locks held, at most every `lockRenewal` seconds (asked for while the keys are
    /// idle in a review); a lock a colleague took over after its lease lapsed ends that review.
    private func renewLocks() -> [Msg] {
        guard !lockedCases.isEmpty, Date().timeIntervalSince(locksRenewed) >= Self.lockRenewal else { return [] }
        let (window, count) = (lockWindow, lockedCases.count)
        let renewed = onServer { store -> Set<String>? in
            try await store.renewLocks(window: window) < count ? try await store.heldLocks(window: window) : nil
        }
        guard case .success(let held) = renewed else { return [] }
        locksRenewed = Date()
        guard let held else { return [] }
        let lost = lockedCases.subtracting(held)
        lockedCases = held.intersection(lockedCases)
        return lost.sorted().map { id in
            .lockResult(id: id, .lost("Je slot op casus \(id) is overgenomen: je app had zich 2 minuten niet gemeld. "
                                        + "Je ziet de casus nu alleen-lezen; wat je nog niet opsloeg, staat er nog."))
        }
    }

    func perform(_ effect: Effect) -> [Msg] {
        switch effect {
        case .quit, .checkRecordedTotals:
            return []
        case .unlockCase(let id):
            unlock(id)
            return []
        case .saveDraft(let draft):
            return DraftSaving.save(draft, in: drafts, user: user, window: draftWindow.number)
        case .writeCase(let record):
            switch onServer({ try await $0.create(record) }) {
            case .success(let written):
                deleteDrafts()
                remember(written)
                return [.caseWritten(written)] + reloaded()
            case .failure(let failure):
                // A server that stopped answering may still commit the case later; submitting again
                // is safe, because the server finds the same submission instead of adding it twice.
                let retry = record.status == .ingediend ? "i" : "c"
                guard !failure.stalled else {
                    return [.caseWriteFailed("De server antwoordt al \(Int(ServerWatch.limit)) seconden niet. Je concept staat op deze computer; "
                        + "\(retry) probeert opnieuw, en kwam de casus toch aan, dan wordt hij niet nog eens toegevoegd.")]
                }
                return [.caseWriteFailed("Niet op de server gezet: \(failure.sentence) Je concept staat op deze computer; \(retry) probeert opnieuw.")]
            }
        case .lockCase(let id, let takeOver):
            return lock(id, takeOver: takeOver)
        case .renewLocks:
            return renewLocks()
        case .reloadCasesIfChanged:
            return refreshAway() ? reloaded() : []
        case .reloadCases:
            figuresHeld = true
            _ = refresh()
            return reloaded()
        case .loadCases(let ids):
            // What changed is passed on too: the idle tick would otherwise find nothing new (found by a helper).
            let changed = refresh()
            return [.casesLoaded(ids.compactMap { cases[$0]?.record })] + (changed ? reloaded() : [])
        case .searchCases(let query):
            return [.searchResults(query: query, ids: Set(cases.values.filter { $0.record.matches(search: query) }.map(\.record.id)))]
        case .loadComparisons(let id, let intervention, let codes):
            return [.comparisonsLoaded(caseID: id, CaseLessons.comparableLines(records, intervention: intervention, codes: codes, excludingCase: id))]
        case .loadSuggestions(let query):
            return [.suggestionsLoaded(query, CaseLessons.suggestions(records, for: query))]
        case .loadCalibration(let author):
            let changed = refresh()
            return calibration(author: author) + (changed ? reloaded() : [])
        case .refreshCalibrationIfChanged(let author):
            return refreshAway() ? calibration(author: author) : []
        case .saveCase(let record, let clearsDraft):
            let options = options
            switch onServer({ try await $0.save(record) { try CaseValuation($0, options: options).perLaw } }) {
            case .success(.saved(let saved)):
                if clearsDraft { deleteDrafts() }
                remember(saved)
                return [.caseSaved(saved)] + reloaded()
            case .success(.conflict(let current)):
                remember(current)
                return [.caseConflict(current: current, message: CaseWriteError.conflict(current: current).dutchMessage)]
            case .failure(let failure):
                return [.caseSaveFailed("Niet op de server opgeslagen: \(failure.sentence) De wijziging staat nog in het geheugen.")]
            }
        }
    }

    /// In id order, so every list drawn from them comes out the same each time.
    private var records: [CaseRecord] { ordered.map(\.record) }

    private var ordered: [(record: CaseRecord, figures: CaseFigurePair)] {
        cases.values.sorted { (CaseID.number($0.record.id) ?? 0, $0.record.id) < (CaseID.number($1.record.id) ?? 0, $1.record.id) }
    }

    private func onServer<T: Sendable>(_ work: @escaping @Sendable (ServerBusinessCase) async throws -> T) -> Result<T, DutchFailure> {
        let address = address
        return waitFor { try await ServerSession.with(address) { try await work(ServerBusinessCase($0)) } }
    }

    /// Reads the cases whose row version changed since the last read; true when anything changed
    /// (a case added, changed or gone, or the server lost or back).
    func refresh() -> Bool {
        generation += 1
        return apply(onServer(readChanges()))
    }

    /// The idle tick's `refresh`, away from the keys: it takes the read an earlier tick started on
    /// another thread, if that is done and nothing changed the cases held since, and starts the next.
    /// Read on the loop's thread, a server that hung held every key until it answered.
    private func refreshAway() -> Bool {
        var changed = false
        if let finished = idleRead.take(), finished.generation == generation { changed = apply(finished.read) }
        let (address, read) = (address, readChanges())
        idleRead.start(generation: generation) { try await ServerSession.with(address) { try await read(ServerBusinessCase($0)) } }
        return changed
    }

    /// What `refresh` asks the server, as work that may run on any thread.
    private func readChanges() -> @Sendable (ServerBusinessCase) async throws -> ServerRead {
        let (known, stamp, fallback) = (readAt, basisStamp, fallbackList)
        return { store in
            let now = try await BasisStamp(store)
            let basis = now == stamp ? nil : (now, try await ValuationBasis.load(from: store, fallback: fallback, quiet: true))
            let versions = try await store.rowVersions()
            let changed = versions.filter { known[$0.key] != $0.value }.map(\.key)
            return ServerRead(versions: versions, files: changed.isEmpty ? [] : try await store.caseFiles(ids: changed), basis: basis)
        }
    }

    /// Takes in what a read found; true when anything changed.
    private func apply(_ read: Result<ServerRead, DutchFailure>) -> Bool {
        if case .success(let found) = read, let (stamp, basis) = found.basis { adopt(basis, stamp) }
        switch read {
        case .failure(let failure):
            let problem = "Server: \(failure.sentence) De cijfers zijn van de laatste keer dat hij antwoordde."
            defer { serverProblem = problem }
            return serverProblem != problem
        case .success(let found):
            let (versions, files, newBasis) = (found.versions, found.files, found.basis)
            let wasLost = serverProblem != nil || newBasis != nil
            serverProblem = nil
            let gone = cases.keys.filter { versions[$0] == nil } + unreadable.keys.filter { versions[$0] == nil }
            for id in gone {
                cases[id] = nil
                unreadable[id] = nil
            }
            readAt = versions
            for file in files {
                switch CaseCodec.decode(Data(file.content.utf8)) {
                case .success(let record) where record.id == file.id:
                    remember(record)
                case .success(let record):
                    unreadable[file.id] = "het id in het bestand is \(record.id)"
                case .failure(let error):
                    cases[file.id] = nil
                    unreadable[file.id] = error.dutchMessage
                }
            }
            return wasLost || !gone.isEmpty || !files.isEmpty
        }
    }

    /// Values every case held again with a newer price list or other settings, and tells the state.
    private func adopt(_ new: ValuationBasis, _ stamp: BasisStamp) {
        basis = new
        basisStamp = stamp
        options = new.settings.estimateOptions(new.priceList.priceList, reportYear: nil)
        for (id, held) in cases { cases[id] = (held.record, CaseFigurePair(held.record, options: options)) }
        basisNews = .priceListReloaded(new.priceList.priceList, form: .of(new.priceList.priceList, new.settings))
    }

    private func remember(_ record: CaseRecord) {
        generation += 1
        cases[record.id] = (record, CaseFigurePair(record, options: options))
        unreadable[record.id] = nil
    }

    private func deleteDrafts() {
        drafts.delete(user: user, window: draftWindow.number)
        DraftStore.reserve().delete(user: user, window: draftWindow.number)
    }

    /// The start screen's figures, and every case's while the browser or dashboard holds them.
    private func reloaded() -> [Msg] {
        let overview = overview(extraProblems: [])
        // The new list first: the start screen summed with the cases then names the list they were valued with.
        let news = basisNews.map { [$0] } ?? []
        basisNews = nil
        guard figuresHeld else { return news + [.overviewReloaded(overview)] }
        return news + [.casesReloaded(PreparedFigures(orderedFigures), overview: overview, options: options)]
    }

    private var orderedFigures: [CaseFigurePair] { ordered.map(\.figures) }

    func overview(extraProblems: [String]) -> Overview {
        let figures = orderedFigures
        var problems = (serverProblem.map { [$0] } ?? []) + basis.priceList.errors.filter { $0.severity == .error }.map(\.description)
        if !unreadable.isEmpty {
            problems.append("\(unreadable.count) casus(sen) op de server onleesbaar: \(unreadable.keys.sorted().joined(separator: ", "))")
        }
        return Overview(businessCaseName: basis.settings.name,
                        examples: ExampleShare(figures.lazy.map(\.current.fictional), emptyIsExample: basis.settings.fictionalExamples),
                        summary: BusinessCaseSummary(figures: figures.lazy.map(\.current), filter: CaseFilter(), options: options, detail: .lawTotals),
                        priceList: basis.priceList.priceList, dataProblems: problems + extraProblems)
    }

    private func calibration(author: String) -> [Msg] {
        let lines = records.flatMap(ReviewedLine.lines(of:))
        return [.calibrationLoaded(own: Calibration.own(lines, author: author), spreads: Calibration.spreads(lines))]
    }
}
