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
    @OptionGroup var server: ServerOption

    func run() throws {
        let address = server.addressText != nil ? try server.address() : nil
        // Under a locale without UTF-8 every amount says EUR, laid out as such from the start.
        try DutchNumber.$euroSign.withValue(CursesTerminal.localeIsUTF8() ? "€" : "EUR") {
            if let address { try ServerApp.run(address, locations: locations) } else { try runApp() }
        }
    }

    private func runApp() throws {
        let stamp = FolderStamp(locations.casesFolder)
        // The start screen needs the totals only: the index sums them without reading a case.
        // At 100,000 cases even listing the files takes longer than a first paint should, so the
        // totals the index recorded are painted first and checked against the files at once.
        let recorded = locations.recordedTotals()
        if recorded == nil { locations.sayWhenIndexing() }
        let folder = recorded ?? locations.openTotals()
        let identity = Identity.resolve(allowOverride: folder.settings.allowUserOverride)
        let user = identity.name
        let drafts = DraftStore(casesFolder: locations.casesFolder)
        // Each window of the same user gets a draft of its own; a busy one is never shared.
        let window = drafts.claimWindow(user: user)
        var overview = OverviewBuilder.build(folder)
        var pending: IntakeDraft?
        // The business case's own draft first, then one saved in the reserve folder after a failed save.
        for store in [drafts, DraftStore.reserve()] where pending == nil {
            switch store.load(IntakeDraft.self, user: user, window: window.number) {
            case .success(let draft): pending = draft
            case .failure(let problem): overview = OverviewBuilder.build(folder, extraProblems: [problem.description])
            }
        }
        var state = AppState(size: Size.minimum, overview: overview, priceList: folder.priceList, user: user,
                             intakeForm: .of(folder.priceList, folder.settings), pendingDraft: pending, cases: nil,
                             estimateOptions: folder.options)
        state.identityNote = identity.note
        if window.busyBefore {
            state.notice = "Concept al open in een ander venster; dit venster krijgt een eigen concept."
        }

        let effects = EffectRunner(locations: locations, user: user, drafts: drafts, window: window, stamp: stamp,
                                   shown: (folder.priceList, folder.settings))
        defer { effects.releaseLocks() }
        // Without recorded totals the start was slow anyway (the index was just built): read ahead now.
        if recorded == nil { effects.readFiguresAhead() }
        try AppLoop.run(state, effects: effects, afterFirstPaint: recorded != nil ? .checkRecordedTotals : nil)
    }
}

/// Carries out the core's effects against the disk and reports back as messages.
final class EffectRunner: AppEffects {
    let locations: Locations
    let user: String
    let drafts: DraftStore
    /// Held for the life of the app: its OS lock keeps this window's draft ours.
    let draftWindow: DraftWindow
    var window: Int { draftWindow.number }
    private let lock: CaseLock
    private var lockedCases: Set<String> = []
    /// The last read of every case's figures (files unchanged since are not read again);
    /// nil until the browser or dashboard first needs them.
    private var lastRead: BusinessCaseFigures?
    /// The figures of every case, read on another thread from the first paint on: the browser and
    /// dashboard open without the wait (1.7 s at 100,000 cases) once the user has looked at the
    /// start screen that long. Taken by the first read, which still checks every file against them.
    private var figuresAhead: Prefetch<(read: BusinessCaseFigures, prepared: PreparedFigures)>?
    var isReadingAhead: Bool { figuresAhead.map { !$0.isDone } ?? false }
    /// The cases folder's times at the last read.
    private var lastStamp: FolderStamp?
    /// The price list's files at the last read.
    private var lastListStamp: PriceListStamp?
    /// What changed in the cases and price-list folders since the last read began (see `FolderWatch`).
    private var watch: FolderWatch?
    /// True while the watch began right before the read the figures held (or read ahead) came
    /// from: only then does "nothing changed" mean those figures are current.
    private var watchFollowsFigures = false
    /// The cases folder's times when the Schattingen screen was last worked out.
    private var calibrationStamp: FolderStamp?
    /// The Schattingen screen as last worked out, with the index content it came from: opened
    /// again over the same index, it is shown at once (adding up 452,313 lines took 0.7 s).
    private var lastCalibration: WorkedOutCalibration?
    /// The same, worked out on another thread once the figures are read ahead (0.8 s at 100,000 cases).
    private let calibrationAhead = Mailbox<WorkedOutCalibration>()
    /// The `/` search in the index, away from the keys.
    let backgroundSearch: BackgroundSearch?
    /// The price list and settings the app's state was last given: the names, the price-list
    /// screen and the intake follow them (the figures follow every read).
    private var shownBasis: (list: PriceList?, settings: BusinessCaseSettings)

    init(locations: Locations, user: String, drafts: DraftStore, window: DraftWindow, stamp: FolderStamp?,
         shown: (list: PriceList?, settings: BusinessCaseSettings)) {
        lastStamp = stamp
        lastListStamp = PriceListStamp(locations.priceListFolder)
        shownBasis = shown
        self.locations = locations
        self.user = user
        self.drafts = drafts
        draftWindow = window
        let folder = locations.casesFolder
        backgroundSearch = BackgroundSearch(casesFolder: folder) { query in Self.scanFiles(for: query, in: folder) }
        lock = CaseLock.mine(user: user, at: HistoryChain.timestamp(Date()))
    }

    var locks: LockStore { LockStore(casesFolder: locations.casesFolder) }
    var store: CaseStore { CaseStore(folder: locations.casesFolder) }

    /// Starts reading every case's figures on another thread (once, before the first read needs them).
    func readFiguresAhead() {
        guard lastRead == nil, figuresAhead == nil else { return }
        let locations = locations
        // Watching first: a change made while the files are listed is then news to the next read.
        watch = FolderWatch.businessCase(cases: locations.casesFolder.path, priceList: locations.priceListFolder.path)
        watchFollowsFigures = true
        let (user, calibrationAhead) = (user, calibrationAhead)
        figuresAhead = Prefetch {
            // Then the Schattingen screen, after the figures the browser and dashboard wait for (they would share the cores).
            defer {
                DispatchQueue.global().async {
                    if let worked = Self.workOutCalibration(CaseIndex(casesFolder: locations.casesFolder), author: user) { calibrationAhead.put(worked) }
                }
            }
            let figures = locations.openFigures(reusing: nil)
            // The browser's and dashboard's keys and sums too: 0.4 s at 100,000 cases, not waited for when they open.
            let prepared = PreparedFigures(figures.figures)
            // Then the trigram index for the / search, which no report needs (see `SearchTexts`).
            CaseIndex(casesFolder: locations.casesFolder).completeSearchIndexInBackground()
            return (figures, prepared)
        }
    }

    /// Gives back every case this process locked (on quit).
    func releaseLocks() {
        for id in lockedCases { locks.release(id, as: lock) }
        lockedCases = []
    }

    private func deleteDrafts() {
        drafts.delete(user: user, window: window)
        DraftStore.reserve().delete(user: user, window: window)
    }

    /// The messages that report the result, if the core needs any.
    func perform(_ effect: Effect) -> [Msg] {
        switch effect {
        case .quit:
            return []
        case .saveDraft(let draft):
            return DraftSaving.save(draft, in: drafts, user: user, window: window)
        case .writeCase(let record):
            do {
                let written = try store.create { id in
                    var copy = record
                    copy.id = id
                    return copy
                }
                deleteDrafts()
                indexAfterWrite()
                return [.caseWritten(written)] + overviewWithoutFigures()
            } catch {
                return [.caseWriteFailed(error.dutchMessage)]
            }
        case .lockCase(let id, let takeOver):
            // Colleagues are told since when the review runs, not since when this app runs (helper-32).
            let outcome = locks.acquire(id, as: CaseLock.mine(user: lock.user, at: HistoryChain.timestamp(Date())), takeOverStale: takeOver)
            switch outcome {
            case .acquired:
                lockedCases.insert(id)
                // Reviewing always starts from the case as it is on disk now.
                switch store.load(id: id) {
                case .success(let current): return [.caseReloaded(current), .lockResult(id: id, .acquired)]
                case .failure(let error):
                    locks.release(id, as: lock)
                    lockedCases.remove(id)
                    return [.lockResult(id: id, .readOnly(error.dutchMessage))]
                }
            case .stale:
                return [.lockResult(id: id, .stale(outcome.dutchMessage))]
            default:
                // Read-only shows the case as it is on disk now too (helper-31: a colleague's change stayed unseen).
                let current = (try? store.load(id: id).get()).map { [Msg.caseReloaded($0)] } ?? []
                return current + [.lockResult(id: id, .readOnly(outcome.dutchMessage))]
            }
        case .checkRecordedTotals:
            defer { readFiguresAhead() }
            return overviewWithoutFigures()
        case .reloadCasesIfChanged:
            // The folder's own times change with every file created, replaced or removed in it;
            // a case edited in place leaves them, but not a watch that could tell (one that just lost
            // track, a price-list link switched, counts once: the read it brings watches again).
            let moved = FolderStamp(locations.casesFolder) != lastStamp
            let edited = watch?.isWatching == true && watch?.hasChanges == true
            let listChanged = PriceListStamp(locations.priceListFolder) != lastListStamp
            guard moved || edited || listChanged else { return [] }
            guard lastRead != nil else {
                lastStamp = FolderStamp(locations.casesFolder)
                lastListStamp = PriceListStamp(locations.priceListFolder)
                // The totals are read again next; the figures read ahead stay as they were (helper-25: the start screen kept an edit out).
                if edited || listChanged {
                    watch?.startingRead()
                    watchFollowsFigures = false
                }
                let overview = overviewWithoutFigures()
                // Another process may have rewritten many cases (a re-pricing), which leaves the search
                // scanning until the trigram index is completed (helper-24); the read above brought the index up to date.
                CaseIndex(casesFolder: locations.casesFolder).completeSearchIndexInBackground()
                return overview
            }
            return perform(.reloadCases)
        case .reloadCases:
            lastStamp = FolderStamp(locations.casesFolder)
            lastListStamp = PriceListStamp(locations.priceListFolder)
            let shown = lastRead
            let ahead = figuresAhead?.value()
            // The figures read ahead are a previous read like any other: files changed since are read again.
            let previous = shown ?? ahead?.read
            figuresAhead = nil
            let now: BusinessCaseFigures
            if let previous, watchFollowsFigures, let watch, !watch.hasChanges {
                now = previous  // no file changed since it was read: nothing to list (0.2 s at 100,000 cases)
            } else {
                watch?.startingRead()
                watchFollowsFigures = true
                now = locations.openFigures(reusing: previous)
            }
            lastRead = now
            // Many cases changed at once (a re-pricing elsewhere) leave the search scanning until this completes it.
            CaseIndex(casesFolder: locations.casesFolder).completeSearchIndexInBackground()
            // First, so that the start screen summed with the cases names the list they were valued with.
            let basis = follow(now.priceList, now.settings)
            if let shown, now.isUnchanged(since: shown) {
                return basis  // nobody changed anything: the screens are current
            }
            // What was worked out ahead holds while no file changed since it was read.
            let prepared = if let ahead, now.isUnchanged(since: ahead.read) { ahead.prepared } else { PreparedFigures(now.figures) }
            return basis + [.casesReloaded(prepared, overview: OverviewBuilder.frame(now), options: now.options)]
        case .loadCases(let ids):
            // A case that cannot be read now is simply not opened; the case view says so.
            return [.casesLoaded(ids.compactMap { try? store.load(id: $0).get() })]
        case .searchCases(let query):
            return [.searchResults(query: query, ids: search(query))]
        case .loadComparisons(let id, let intervention, let codes):
            return [.comparisonsLoaded(caseID: id, CaseIndex(casesFolder: locations.casesFolder)
                        .comparableLines(intervention: intervention, codes: codes, excludingCase: id))]
        case .loadSuggestions(let query):
            return [.suggestionsLoaded(query, CaseIndex(casesFolder: locations.casesFolder).suggestions(for: query))]
        case .loadCalibration(let author):
            // The screen reads the index: when the folder changed since it last followed the files, it follows them first
            // (a case approved in another window just before would otherwise be missing).
            let now = FolderStamp(locations.casesFolder)
            if now == nil || (now != lastStamp && now != calibrationStamp) { _ = locations.openTotals() }
            calibrationStamp = now
            return calibration(author: author)
        case .refreshCalibrationIfChanged(let author):
            // Colleagues approve while the screen is open: the index is brought up to date first.
            guard FolderStamp(locations.casesFolder) != calibrationStamp else { return [] }
            calibrationStamp = FolderStamp(locations.casesFolder)
            _ = locations.openTotals()
            return calibration(author: author)
        case .renewLocks:
            return []  // a folder's lock lasts while its process runs
        case .unlockCase(let id):
            locks.release(id, as: lock)
            lockedCases.remove(id)
            return []
        case .saveCase(let record, let clearsDraft):
            do {
                let saved = try store.save(record)
                if clearsDraft { deleteDrafts() }
                indexAfterWrite()
                return [.caseSaved(saved)] + overviewWithoutFigures()
            } catch .conflict(let current) {
                return [.caseConflict(current: current, message: CaseWriteError.conflict(current: current).dutchMessage)]
            } catch {
                return [.caseSaveFailed(error.dutchMessage + " De wijziging staat nog in het geheugen.")]
            }
        }
    }
}

extension EffectRunner {
    /// While no case's figures are held, the start screen's totals read again (after a write,
    /// or when a colleague wrote): the index sums them, so this stays quick at any size.
    /// While the figures are held (browser or dashboard opened), the index is brought up to date
    /// right after a write: suggestions and the review's comparisons read it, and must include an
    /// approval made here a moment ago (found by a helper: they showed only after the next reload).
    private func indexAfterWrite() {
        guard let lastRead else { return }
        _ = try? CaseIndex(casesFolder: locations.casesFolder).lawTotals(options: lastRead.options, filter: CaseFilter())
    }

    /// The Schattingen screen worked out from the index's reviewed lines; a read-only share has
    /// no usable index, and then the files are read instead (found by a helper).
    private func calibration(author: String) -> [Msg] {
        let index = CaseIndex(casesFolder: locations.casesFolder)
        // Not waited for: until it is there, the screen is worked out here.
        if let ahead = calibrationAhead.take() { lastCalibration = ahead }
        // Its content key first: lines read after it are as new as it says, or newer (and then the key differs next time).
        let key = index.contentKey()
        if let key, let last = lastCalibration, last.key == key, last.author == author { return [last.shown] }
        if let worked = Self.workOutCalibration(index, author: author) {
            lastCalibration = worked
            return [worked.shown]
        }
        let lines = index.reviewedLines() ?? store.reviewedLines()
        return [.calibrationLoaded(own: Calibration.own(lines, author: author), spreads: Calibration.spreads(lines))]
    }

    /// The screen as the index's reviewed lines make it, with the index content it came from; nil without a usable index.
    private static func workOutCalibration(_ index: CaseIndex, author: String) -> WorkedOutCalibration? {
        guard let key = index.contentKey(), let lines = index.reviewedLines() else { return nil }
        return WorkedOutCalibration(key: key, author: author,
                                    shown: .calibrationLoaded(own: Calibration.own(lines, author: author), spreads: Calibration.spreads(lines)))
    }

    private func overviewWithoutFigures() -> [Msg] {
        guard lastRead == nil else { return [] }
        let totals = locations.openTotals()
        return follow(totals.priceList, totals.settings) + [.overviewReloaded(OverviewBuilder.build(totals))]
    }

    /// Tells the state of a price list or settings other than the ones it has.
    private func follow(_ list: PriceList?, _ settings: BusinessCaseSettings) -> [Msg] {
        guard list != shownBasis.list || settings != shownBasis.settings else { return [] }
        shownBasis = (list, settings)
        return [.priceListReloaded(list, form: .of(list, settings))]
    }

    /// The ids of the cases whose texts contain `query`: from the index's full-text table,
    /// or, when the index cannot be used, by reading every case.
    func search(_ query: String) -> Set<String> {
        CaseIndex(casesFolder: locations.casesFolder).search(query) ?? Self.scanFiles(for: query, in: locations.casesFolder)
    }

    /// The ids of the cases whose texts contain `query`, from every case file.
    private static func scanFiles(for query: String, in folder: URL) -> Set<String> {
        let records = (try? CaseStore(folder: folder).loadAll().records) ?? []
        return Set(records.filter { $0.matches(search: query) }.map(\.id))
    }
}

/// The Schattingen screen worked out for `author` from the index content `key`.
struct WorkedOutCalibration: Sendable {
    let key: String
    let author: String
    let shown: Msg
}

/// A folder's modification and status-change times (nanoseconds): they change whenever
/// a file in it is created, renamed over or removed, which every case write does.
struct FolderStamp: Equatable {
    let modified: Int64
    let changed: Int64

    init?(_ folder: URL) {
        var info = stat()
        guard stat(folder.path, &info) == 0 else { return nil }
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }
}

/// Who is at the keyboard: the operating-system account; `RENDEMENTSMETER_USER` only
/// where the business case allows another name, and then the screen says so.
struct Identity {
    let name: String
    let note: String?

    static func resolve(allowOverride: Bool, _ environment: [String: String] = ProcessInfo.processInfo.environment) -> Identity {
        let account = systemAccount(environment)
        guard let requested = environment["RENDEMENTSMETER_USER"], !requested.isEmpty, requested != account else {
            return Identity(name: account, note: nil)
        }
        guard allowOverride else {
            return Identity(name: account, note: "RENDEMENTSMETER_USER genegeerd (hier niet toegestaan); gebruiker: \(account)")
        }
        return Identity(name: requested, note: "Gebruiker: \(requested) (via RENDEMENTSMETER_USER; hier toegestaan)")
    }

    static func systemAccount(_ environment: [String: String]) -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return environment["USER"] ?? "onbekend"
    }
}

/// Builds the start screen's figures from an opened business case.
enum OverviewBuilder {
    static func build(_ folder: BusinessCaseFigures, extraProblems: [String] = []) -> Overview {
        build(folder, summing: folder.figures.lazy.map(\.current), extraProblems: extraProblems)
    }

    /// The start screen's name, price list and problems, for figures the state sums itself
    /// (`AppState.setCases`): summing 100,000 cases here as well was a fifth of opening the browser.
    static func frame(_ folder: BusinessCaseFigures) -> Overview {
        build(folder, summing: [], extraProblems: [])
    }

    private static func build(_ folder: BusinessCaseFigures, summing figures: some Sequence<CaseFigures>, extraProblems: [String]) -> Overview {
        Overview(businessCaseName: folder.settings.name, examples: folder.examples,
                 summary: BusinessCaseSummary(figures: figures, filter: CaseFilter(), options: folder.options, detail: .lawTotals),
                 priceList: folder.priceList,
                 dataProblems: problems(folder.folderError, folder.priceListResult.errors + folder.problems) + extraProblems)
    }

    static func build(_ totals: BusinessCaseTotals, extraProblems: [String] = []) -> Overview {
        Overview(businessCaseName: totals.settings.name, examples: totals.examples, summary: totals.current,
                 priceList: totals.priceList,
                 dataProblems: problems(totals.folderError, totals.priceListResult.errors + totals.problems) + extraProblems)
    }

    private static func problems(_ folderError: CaseStoreError?, _ found: [Problem]) -> [String] {
        var problems: [String] = []
        if let folderError { problems.append(folderError.dutchMessage) }
        let fileProblems = found.filter { $0.severity == .error }
        if !fileProblems.isEmpty {
            let files = Set(fileProblems.map(\.file)).sorted().joined(separator: ", ")
            let count = fileProblems.count == 1 ? "1 probleem" : "\(fileProblems.count) problemen"
            problems.append("\(count) in \(files); zie 'rendementsmeter validate'")
        }
        return problems
    }
}
