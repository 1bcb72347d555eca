import RendementsDomain

/// Something that happened: a key, the terminal changing size, or the result of an effect.
public enum Msg: Sendable {
    case key(Key)
    case resized(Size)
    /// No key for a while: a screen that shows the business case may look whether it changed.
    case idle
    /// Results of effects, reported back by the edge.
    case draftSaved
    case draftSaveFailed(String)
    case caseWritten(CaseRecord)
    case caseWriteFailed(String)
    case lockResult(id: String, LockStatus)
    /// The case as it is on disk now (re-read before reviewing starts).
    case caseReloaded(CaseRecord)
    case caseSaved(CaseRecord)
    case caseSaveFailed(String)
    /// Someone else wrote the case first: nothing was saved; this is the current version.
    case caseConflict(current: CaseRecord, message: String)
    /// The figures of every case as they are on disk now, with the start screen's figures.
    /// With the settings they were valued with: changed while the app runs (another price year),
    /// they hold for what the app values and labels from then on.
    case casesReloaded(PreparedFigures, overview: Overview, options: EstimateOptions)
    /// The price list (or the settings the intake takes from it) changed on disk since the start.
    case priceListReloaded(PriceList?, form: IntakeForm)
    /// The start screen's figures as they are on disk now, while the cases' figures are not held.
    case overviewReloaded(Overview)
    /// Whole cases read to open or explain them.
    case casesLoaded([CaseRecord])
    /// The cases whose texts contain the query, as the store found them.
    case searchResults(query: String, ids: Set<String>)
    /// Suggestions from approved cases for a line being entered.
    case suggestionsLoaded(SuggestionQuery, [Suggestion])
    /// Per item, the approved lines a case's lines are compared with.
    case comparisonsLoaded(caseID: String, [String: ComparableLines])
    /// The worker's own estimates beside colleagues', and the spread per item.
    case calibrationLoaded(own: [OwnEstimate], spreads: [ItemSpread])
}

/// Work for the edge to do after an update.
public enum Effect: Hashable, Sendable {
    case quit
    /// Write the draft atomically (after every change).
    case saveDraft(IntakeDraft)
    /// Create a new case file (the edge assigns the id) and remove the draft.
    case writeCase(CaseRecord)
    /// Take the edit lock on a case (taking over a stale one only when told to).
    case lockCase(String, takeOver: Bool)
    case unlockCase(String)
    /// Keep the locks of the cases being reviewed: on a server a lock not renewed lapses after two minutes.
    case renewLocks
    /// Replace an existing case file; new history events are sealed on the way.
    case saveCase(CaseRecord, clearsDraft: Bool = false)
    /// Read the business case again: colleagues and other windows write it too.
    case reloadCases
    /// Read the business case again only when its folder changed since the last read.
    case reloadCasesIfChanged
    /// The start screen was painted from the totals the index recorded: check them against the files.
    case checkRecordedTotals
    /// Read these whole cases (to open or explain them).
    case loadCases([String])
    /// Find the cases whose story, reasoning or notes contain this text.
    case searchCases(String)
    /// Look up what approved cases suggest for a line being entered.
    case loadSuggestions(SuggestionQuery)
    /// Look up the other approved lines of the same items and intervention, for the case view.
    case loadComparisons(caseID: String, intervention: String, codes: [String])
    /// Work out the "Schattingen" screen: this worker's estimates and the spread per item.
    case loadCalibration(author: String)
    /// Work it out again only when the cases folder changed since.
    case refreshCalibrationIfChanged(author: String)
}

/// The price-list browser's fixed layout: rows above and below the list.
public enum PriceListLayout {
    public static let headerRows = 4
    /// The hint bar's first row and two for the selected item's source, which may wrap.
    public static let footerRows = 3

    public static func visibleRows(_ size: Size) -> Int { max(1, size.height - headerRows - footerRows) }
}

/// `update(state, msg)`: the only place the app state changes.
public enum Update {
    /// True where typed text goes into a field or prompt, so a paste may go there too; never
    /// while a question waits (its answer is a key, and a paste holds any letter).
    static func takesPaste(_ state: AppState) -> Bool {
        guard state.confirmation == nil, !state.size.isTooSmall else { return false }
        switch state.screen {
        case .intake:
            guard let intake = state.intake else { return false }
            return intake.picker != nil || intake.focusedField != nil
        case .caseView: return state.caseView?.prompt != nil || state.caseView?.picker != nil
        case .browser: return state.browser.isSearching
        case .priceList: return state.isEditingQuery
        default: return false
        }
    }

    public static func apply(_ msg: Msg, to state: inout AppState) -> [Effect] {
        defer {
            state.adoptNewPriceListWhenFree()
            state.refreshDerived()
        }
        switch msg {
        case .resized(let size):
            state.size = size
            clampPriceList(&state, going: 1)
            return []
        case .idle:
            // A pause ends type-ahead in a pick list: the next letter starts a new choice.
            state.intake?.typeAhead = ""
            // A review's lock is kept whatever else is open (a question, the help: either may stay for minutes).
            if state.caseView?.reviewing == true { return [.renewLocks] }
            // Colleagues' writes show up on the overview screens without a key; never mid-edit.
            guard state.confirmation == nil, !state.browser.isSearching else { return [] }
            switch state.screen {
            case .start, .browser, .dashboard: return [.reloadCasesIfChanged]
            // A case read without a review: a colleague's change shows (helper-32: it showed only after b).
            case .caseView where state.caseView?.pending.isEmpty == true && state.caseView?.prompt == nil: return [.reloadCasesIfChanged]
            case .calibration: return [.refreshCalibrationIfChanged(author: state.user)]
            default: return []
            }
        case .key(.paste(let text)):
            guard takesPaste(state) else {
                state.notice = "Plakken kan alleen in een tekstveld of zoekregel; er is niets gedaan."
                return []
            }
            return apply(.key(.text(text)), to: &state)
        case .key(.text(let text)) where !IntakeUpdate.takesText(state):
            // In a one-line prompt (a reason, a search) a pasted line break is a space: as Enter it
            // confirmed the prompt and ran the rest of the paste as keys, removing a line (found by a helper).
            let oneLine = state.caseView?.prompt != nil || state.browser.isSearching || state.isEditingQuery
            var effects: [Effect] = []
            for character in text {
                let typed: Character = oneLine && (character.isNewline || character == "\t") ? " " : character
                // Control characters (bell, escape, …) never end up in a reason or a search, as in the intake's fields.
                if oneLine, typed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { continue }
                effects += apply(.key(.character(typed)), to: &state)
            }
            return effects
        case .key(let key) where state.size.isTooSmall:
            // Nothing can be seen, so nothing acts: only stopping (the draft is already on disk).
            guard key == .control("q") || key == .control("c"), state.intake?.saveError == nil else { return [] }
            return [.quit]
        case .key(let key):
            state.notice = nil
            if state.confirmation != nil { return answer(key, &state) }
            if state.screen == .intake { return IntakeUpdate.handle(key, &state) }
            if state.screen == .browser || state.screen == .caseView { return ReviewUpdate.handle(key, &state) }
            if state.screen == .dashboard { return DashboardUpdate.handle(key, &state) }
            if state.screen == .calibration { return CalibrationUpdate.handle(key, &state) }
            if state.screen == .sector { return SectorUpdate.handle(key, &state) }
            if state.isEditingQuery { editQuery(key, &state); return [] }
            guard let action = Keymap.action(for: key, on: state.screenKind) else {
                return []
            }
            return perform(action, &state)
        case .draftSaved, .draftSaveFailed, .caseWritten, .caseWriteFailed:
            return IntakeUpdate.result(msg, &state)
        case .lockResult(let id, let status):
            return ReviewUpdate.lockResult(id, status, &state)
        case .caseReloaded(let record):
            state.replaceRecord(record)
            return []
        case .caseSaved(let record):
            return ReviewUpdate.saved(record, &state)
        case .caseSaveFailed(let message):
            state.notice = message
            return []
        case .caseConflict(let current, let message):
            return ReviewUpdate.conflict(current, message, &state)
        case .casesReloaded(let figures, let overview, let options):
            state.overview = overview
            state.estimateOptions = options
            state.setCases(figures)
            // The case on screen is read again too, unless steps of this reviewer wait to be saved (their
            // save meets any newer version): a colleague's change stayed unseen in a read-only view (helper-31).
            if state.screen == .caseView, let view = state.caseView, view.pending.isEmpty, view.prompt == nil {
                return [.loadCases([view.caseID])]
            }
            return []
        case .priceListReloaded(let list, let form):
            state.newPriceList = NewPriceList(list: list, form: form)
            return []
        case .overviewReloaded(let overview):
            state.overview = overview
            return []
        case .casesLoaded(let records):
            state.keepOpened(records)
            if state.screen == .intake, let id = state.intake?.draft.editingCaseID {
                if state.record(id) == nil {
                    state.notice = "Casus \(id) kan nu niet worden gelezen ('rendementsmeter validate' zegt waarom); je aanpassing blijft in je concept."
                } else if state.intake?.waitsForCase == true {
                    state.notice = "Casus \(id) is gelezen; druk opnieuw i of c."
                }
                state.intake?.waitsForCase = false
                return []
            }
            if state.screen == .caseView, let id = state.caseView?.caseID, state.record(id) == nil {
                // The file went or broke since the list was read: say so instead of an empty screen.
                state.caseView = nil
                state.screen = .browser
                state.notice = "Casus \(id) kan nu niet worden gelezen; 'rendementsmeter validate' zegt waarom."
            }
            // An opened case is shown beside colleagues' approved lines of the same items (issue 14).
            if state.screen == .caseView, let id = state.caseView?.caseID, let record = state.record(id), !record.avoided.isEmpty {
                return [.loadComparisons(caseID: id, intervention: record.context.intervention, codes: record.avoided.map(\.item.code))]
            }
            return []
        case .comparisonsLoaded(let id, let comparisons):
            if state.caseView?.caseID == id { state.caseView?.comparisons = comparisons }
            return []
        case .calibrationLoaded(let own, let spreads):
            CalibrationUpdate.loaded(own: own, spreads: spreads, &state)
            return []
        case .suggestionsLoaded(let query, let suggestions):
            IntakeUpdate.suggestionsLoaded(query, suggestions, &state)
            return []
        case .searchResults(let query, let ids):
            return ReviewUpdate.searchResults(query, ids, &state)
        }
    }

    /// j or y answers yes; n or Esc answers no.
    private static func answer(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let question = state.confirmation else { return [] }
        let yes: Bool
        // Enter is no answer: a second Enter after typing remarks must not approve or send anything.
        switch Keymap.action(for: key, on: .confirm) {
        case .yes: yes = true
        case .no: yes = false
        default:
            state.notice = "Kies j (ja) of n (nee)."
            return []
        }
        state.confirmation = nil
        switch question {
        case .resumeDraft:
            guard yes else {
                state.notice = "Het concept blijft bewaard; 'Nieuwe casus' gaat ermee verder."
                return []
            }
            IntakeUpdate.open(&state)
            // A rework's case is read at once: saving needs the version on disk (without it, a resumed rework became a new case, helper-34).
            return state.intake?.draft.editingCaseID.map { [.loadCases([$0])] } ?? []
        case .quit:
            // The step the worker was on goes with the draft (moving alone saves nothing), so it reopens there (helper finding).
            return yes ? (state.intake.map { [.saveDraft($0.draft)] } ?? []) + [.quit] : []
        case .removeLine(let kind, let index):
            return yes ? IntakeUpdate.removeLine(kind, index, &state) : []
        case .takeOverLock(let id):
            return yes ? [.lockCase(id, takeOver: true)] : []
        case .reviewDecision(let id, let step):
            return ReviewUpdate.decide(id, step, yes: yes, &state)
        case .dropReviewChanges(let id, _, let quitting):
            let effects = ReviewUpdate.dropChanges(id, yes: yes, &state)
            return yes && quitting ? effects + [.quit] : effects
        case .overwriteNewer(let id, let submit):
            guard yes else {
                state.notice = "Niets opgeslagen; je aanpassing blijft in je concept."
                return []
            }
            return IntakeUpdate.overwriteNewer(id, submit: submit, &state)
        case .finishCase(let submit):
            guard yes else {
                state.notice = submit ? "Niet ingediend; c bewaart de casus als concept." : "Niet bewaard als concept; je gaat verder met de casus."
                return []
            }
            return IntakeUpdate.confirmedFinish(submit: submit, &state)
        }
    }

    /// Quitting asks first while a case is being entered (not for one that is still empty:
    /// nothing was saved, so nothing would be offered again).
    static func quit(_ state: inout AppState) -> [Effect] {
        if let view = state.caseView, !view.pending.isEmpty, state.screen == .caseView {
            state.confirmation = .dropReviewChanges(view.caseID, count: view.pending.count, quitting: true)
            return []
        }
        guard let intake = state.intake,
              intake.draft != IntakeDraft(author: intake.draft.author, priceListVersion: intake.draft.priceListVersion) else { return [.quit] }
        state.confirmation = .quit(unsaved: intake.saveError != nil)
        return []
    }

    private static func perform(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .quit:
            return quit(&state)
        case .help:
            state.helpShowsMethod = false
            state.helpScroll = 0
            state.screen = .help(returnTo: state.screenKind)
        case .howWeCalculate:
            state.helpShowsMethod.toggle()
            state.helpScroll = 0
        case .back:
            switch state.screen {
            case .help(let returnTo):
                switch returnTo {
                case .priceList: state.screen = .priceList
                case .browser: state.screen = .browser
                case .dashboard, .trace: state.screen = .dashboard
                case .calibration: state.screen = .calibration
                case .sector: state.screen = .sector
                case .caseView, .caseReview: state.screen = .caseView
                default: state.screen = ScreenKind.intakeScreens.contains(returnTo) ? .intake : .start
                }
            case .priceList, .start, .intake, .browser, .caseView, .dashboard, .calibration: state.screen = .start
            case .sector: break
            }
        case .previous, .next, .pageUp, .pageDown, .first, .last:
            move(action, &state)
        case .open:
            switch state.selectedMenuItem {
            case .nieuweCasus:
                IntakeUpdate.open(&state)
            case .beoordelen:
                // Filters and sort stay as the reviewer left them; a dashboard drill-down does not.
                state.browser.fromDashboard = false
                state.browser.filter.caseIDs = nil
                state.browser.filter.drillLabel = nil
                ReviewUpdate.openBrowser(&state)
                return [.reloadCases]  // what colleagues and other windows wrote meanwhile
            case .dashboard:
                DashboardUpdate.open(&state)
                return [.reloadCases]
            case .schattingen:
                return CalibrationUpdate.open(&state)
            case .prijslijst:
                if state.priceList == nil {
                    state.notice = "Er is geen prijslijst geladen; controleer de map met 'rendementsmeter validate'."
                } else {
                    state.screen = .priceList
                    clampPriceList(&state, going: 1)
                }
            }
        case .search:
            state.isEditingQuery = true
        default:
            break
        }
        return []
    }

    private static func move(_ action: Action, _ state: inout AppState) {
        switch state.screen {
        case .start:
            let count = MenuItem.allCases.count
            state.menuIndex = (state.menuIndex + (action == .previous ? count - 1 : 1)) % count
        case .priceList:
            let page = PriceListLayout.visibleRows(state.bodySize)
            switch action {
            case .previous: state.priceListCursor -= 1
            case .next: state.priceListCursor += 1
            case .pageUp: state.priceListCursor -= page
            case .first: state.priceListCursor = 0
            case .last: state.priceListCursor = Int.max / 2
            default: state.priceListCursor += page
            }
            clampPriceList(&state, going: [.previous, .pageUp, .last].contains(action) ? -1 : 1)
        case .help(let returnTo):
            let visible = HelpText.visibleRows(state.bodySize)
            let last = max(0, HelpText.lines(for: returnTo, method: state.helpShowsMethod, width: state.size.width).count - visible)
            switch action {
            case .previous: state.helpScroll -= 1
            case .next: state.helpScroll += 1
            case .pageUp: state.helpScroll -= visible
            case .pageDown: state.helpScroll += visible
            case .first: state.helpScroll = 0
            default: state.helpScroll = last
            }
            state.helpScroll = min(max(0, state.helpScroll), last)
        case .intake, .browser, .caseView, .dashboard, .calibration, .sector:
            break
        }
    }

    private static func editQuery(_ key: Key, _ state: inout AppState) {
        switch key {
        case .character(let character) where !character.isNewline:
            state.priceListQuery.append(character)
        case .backspace:
            if !state.priceListQuery.isEmpty { state.priceListQuery.removeLast() }
        case .enter:
            state.isEditingQuery = false
        case .escape:
            state.isEditingQuery = false
            state.priceListQuery = ""
        default:
            break
        }
        state.priceListCursor = 0
        clampPriceList(&state, going: 1)
        if state.priceListRows.isEmpty {
            state.notice = "Niets gevonden voor '\(state.priceListQuery)'."
        }
    }

    /// Keeps the cursor on an item of the list (a law's heading is no choice, so the cursor
    /// moves past it in the direction it was going) and inside the visible window,
    /// together with the heading right above it.
    static func clampPriceList(_ state: inout AppState, going direction: Int) {
        let rows = state.priceListRows
        let count = rows.count
        state.priceListCursor = min(max(0, state.priceListCursor), max(0, count - 1))
        if rows.indices.contains(state.priceListCursor), case .heading = rows[state.priceListCursor] {
            let isItem: (Int) -> Bool = { if case .item = rows[$0] { true } else { false } }
            let ahead = direction < 0 ? (0..<state.priceListCursor).reversed().first(where: isItem) : (state.priceListCursor..<count).first(where: isItem)
            let behind = direction < 0 ? (state.priceListCursor..<count).first(where: isItem) : (0..<state.priceListCursor).reversed().first(where: isItem)
            state.priceListCursor = ahead ?? behind ?? state.priceListCursor
        }
        let visible = PriceListLayout.visibleRows(state.bodySize)
        var top = state.priceListCursor
        if top > 0, case .heading = rows[top - 1] { top -= 1 }
        if top < state.priceListScroll { state.priceListScroll = top }
        if state.priceListCursor >= state.priceListScroll + visible { state.priceListScroll = state.priceListCursor - visible + 1 }
        state.priceListScroll = min(state.priceListScroll, max(0, count - visible))
        state.priceListScroll = max(0, state.priceListScroll)
    }
}
