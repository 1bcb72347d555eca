import Foundation
import RendementsDomain

/// Keys and effect results for the case browser, the case view and reviewing.
enum ReviewUpdate {
    static func openBrowser(_ app: inout AppState) {
        app.screen = .browser
        clampBrowser(&app)
    }

    static func handle(_ key: Key, _ app: inout AppState) -> [Effect] {
        if app.browser.isSearching && app.screen == .browser { return search(key, &app) }
        if app.caseView?.picker != nil { return pick(key, &app) }
        if app.caseView?.prompt != nil { return prompt(key, &app) }
        guard let action = Keymap.action(for: key, on: app.screenKind) else { return [] }
        return app.screen == .browser ? browser(action, &app) : caseView(action, &app)
    }

    // MARK: - Browser

    private static func browser(_ action: Action, _ app: inout AppState) -> [Effect] {
        let rows = app.browserRows
        let page = max(1, app.bodySize.height - 7)
        switch action {
        case .previous: app.browser.cursor -= 1
        case .next: app.browser.cursor += 1
        case .pageUp: app.browser.cursor -= page
        case .pageDown: app.browser.cursor += page
        case .first: app.browser.cursor = 0
        case .last: app.browser.cursor = rows.count - 1
        case .open:
            // The rows still answer the query before: the case under the cursor may not match (found by a helper).
            if app.browser.isAwaitingMatches {
                app.notice = Self.searchStillRunning
                return []
            }
            guard rows.indices.contains(app.browser.cursor) else { return [] }
            let id = rows[app.browser.cursor].figures.id
            app.caseView = CaseViewState(caseID: id)
            app.screen = .caseView
            // The whole case is read only now, as it is on disk.
            return [.loadCases([id])]
        case .sort:
            let keys = CaseSortKey.allCases
            if app.browser.sort == keys.last, !app.browser.descending {
                app.browser.descending = true
            } else {
                app.browser.sort = keys[((keys.firstIndex(of: app.browser.sort) ?? 0) + 1) % keys.count]
                app.browser.descending = false
            }
            app.notice = "Gesorteerd op \(app.browser.sort.dutchName)\(app.browser.descending ? " (aflopend)" : "")."
        case .reverseSort:
            app.browser.descending.toggle()
            app.notice = "Gesorteerd op \(app.browser.sort.dutchName)\(app.browser.descending ? " (aflopend)" : "")."
        case .filterStatus: app.browser.filter.status = BrowserState.cycle(app.browser.filter.status, through: CaseStatus.allCases)
        case .filterAuthor: app.browser.filter.author = BrowserState.cycle(app.browser.filter.author, through: app.distinct(.author))
        case .filterIntervention:
            app.browser.filter.intervention = BrowserState.cycle(app.browser.filter.intervention, through: app.distinct(.intervention))
        case .filterTeam: app.browser.filter.team = BrowserState.cycle(app.browser.filter.team, through: app.distinct(.team))
        case .clearFilters:
            let drill = (app.browser.filter.caseIDs, app.browser.filter.drillLabel)
            app.browser.filter = BrowserFilter()
            (app.browser.filter.caseIDs, app.browser.filter.drillLabel) = drill  // a drill-down stays a drill-down
            app.browser.query = ""
            app.browser.matches = nil
        case .search:
            app.browser.isSearching = true
        case .back:
            if app.browser.fromDashboard {
                app.browser = BrowserState()
                app.screen = .dashboard
            } else {
                app.screen = .start
            }
        case .help:
            app.screen = .help(returnTo: .browser)
        case .quit:
            return Update.quit(&app)
        default:
            break
        }
        clampBrowser(&app)
        return []
    }


    private static func search(_ key: Key, _ app: inout AppState) -> [Effect] {
        switch key {
        case .character(let character): app.browser.query.append(character)
        case .backspace: if !app.browser.query.isEmpty { app.browser.query.removeLast() }
        case .enter: app.browser.isSearching = false
        case .escape:
            app.browser.isSearching = false
            app.browser.query = ""
        default: break
        }
        app.browser.cursor = 0
        guard !app.browser.query.isEmpty else {
            app.browser.matches = nil
            return []
        }
        // One or two letters match nearly every case and cost a full scan: those wait for Enter.
        if app.browser.query.count < 3 && key != .enter && key != .escape {
            app.browser.matches = nil
            app.notice = "Zoeken begint bij 3 tekens; Enter zoekt nu al."
            return []
        }
        app.browser.awaitedQuery = app.browser.query
        return [.searchCases(app.browser.query)]
    }

    static let searchStillRunning = "De zoekopdracht loopt nog; open een casus als de lijst er is."

    /// The store's answer to a search; an answer to an older query is ignored.
    static func searchResults(_ query: String, _ ids: Set<String>, _ app: inout AppState) -> [Effect] {
        guard query == app.browser.query, !query.isEmpty else { return [] }
        app.browser.awaitedQuery = nil
        if app.notice == searchStillRunning { app.notice = nil }
        app.browser.matches = ids
        clampBrowser(&app)
        app.refreshDerived()
        if app.browserRows.isEmpty { app.notice = "Geen casus gevonden met '\(query)'." }
        return []
    }

    static func clampBrowser(_ app: inout AppState) {
        app.refreshDerived()
        app.browser.cursor = min(max(0, app.browser.cursor), max(0, app.browserRows.count - 1))
    }

    // MARK: - One case

    private static func caseView(_ action: Action, _ app: inout AppState) -> [Effect] {
        guard var view = app.caseView, let record = app.record(view.caseID) else {
            app.screen = .browser
            return []
        }
        defer { if app.caseView != nil { app.caseView = view } }
        switch action {
        case .previous, .next:
            if view.reviewing {
                view.selectedLine = min(max(1, view.selectedLine + (action == .previous ? -1 : 1)), max(1, record.avoided.count))
                view.followsSelection = true
            } else {
                view.scroll = max(0, view.scroll + ((action == .next) != view.scrollsFromEnd ? 1 : -1))
            }
        case .pageUp, .pageDown, .first, .last:
            // The screen clamps the scroll to the document's end, which only it knows.
            let page = app.bodySize.height - 4
            switch action {
            case .first, .last:
                view.scroll = 0
                view.scrollsFromEnd = action == .last
            default:
                view.scroll = max(0, view.scroll + ((action == .pageDown) != view.scrollsFromEnd ? page : -page))
            }
            view.followsSelection = false
        case .review:
            if !app.permissions.reviews {
                app.notice = app.permissions.reviewRefusal
            } else if record.author == app.user {
                app.notice = "Je kunt je eigen casus niet beoordelen; vraag een collega."
            } else {
                // Whatever this screen shows, the lock re-reads the case; its status on disk decides.
                view.statusWhenOpened = record.status
                return [.lockCase(record.id, takeOver: false)]
            }
        case .reopen:
            guard app.permissions.entersCases else {
                app.notice = app.permissions.enterRefusal
                return []
            }
            guard record.author == app.user else {
                app.notice = "Alleen de auteur (\(record.author)) past een teruggestuurde casus of concept aan."
                return []
            }
            guard record.status == .teruggestuurd || record.status == .concept else {
                app.notice = record.status == .goedgekeurd
                    ? "Je casus is goedgekeurd en telt mee; hij wordt niet meer aangepast."
                    : "Je casus is ingediend; aanpassen kan weer als een collega hem terugstuurt."
                return []
            }
            guard app.intake == nil else {
                app.notice = "Je bent nog een andere casus aan het invoeren: rond die eerst af via 'Nieuwe casus' (indienen of c: concept)."
                return []
            }
            var draft = IntakeDraft(editing: record)
            let repricing = DraftRepricing.apply(app.intakeForm, to: &draft)
            app.intake = IntakeState(draft: draft, form: app.intakeForm)
            app.caseView = nil
            app.screen = .intake
            let notice = [record.currentRemarks.map { "Opmerkingen: \($0)" }, repricing?.dutchNotice].compactMap { $0 }
            if !notice.isEmpty { app.notice = notice.joined(separator: " · ") }
            return []
        case .changeLikelihood, .changeQuantity, .removeLine:
            guard record.avoided.indices.contains(view.selectedLine - 1) else {
                app.notice = "Deze casus heeft geen voorkomen regels."
                return []
            }
            // The line being changed is in sight, also after scrolling to the history (helper-32).
            view.followsSelection = true
            let line = record.avoided[view.selectedLine - 1]
            switch action {
            case .changeLikelihood:
                view.prompt = Prompt(purpose: .likelihood(line: view.selectedLine), label: "Nieuwe kans (%) voor regel \(view.selectedLine)",
                                     text: DutchNumber.decimal(line.likelihood.value))
            case .changeQuantity:
                // A rate line is changed per period or as a total (a total alone kept the rate and changed the
                // periods: "2 per maand" typed as 12 became 3 per maand × 4, helper-31).
                if case .rate(let amount, let per, let periods) = line.quantity {
                    view.prompt = Prompt(purpose: .quantity(line: view.selectedLine),
                                         label: "Regel \(view.selectedLine): per \(per) × \(Quantity.periodPlural(per)), of een totaal (\(line.item.unit))",
                                         text: "\(DutchNumber.decimal(amount)) × \(DutchNumber.decimal(periods))")
                } else {
                    view.prompt = Prompt(purpose: .quantity(line: view.selectedLine), label: "Nieuwe hoeveelheid (\(line.item.unit)) voor regel \(view.selectedLine)",
                                         text: DutchNumber.decimal(line.quantity.units))
                }
            default:
                view.prompt = Prompt(purpose: .reason(.removeLine(view.selectedLine)), label: "Reden om regel \(view.selectedLine) te verwijderen")
            }
        case .changeItem:
            guard record.avoided.indices.contains(view.selectedLine - 1) else { return [] }
            view.pick = .changeItem(line: view.selectedLine)
            view.picker = ItemPicker(kind: .avoided)
        case .addLine:
            guard app.priceList != nil else { app.notice = "Er is geen prijslijst geladen."; return [] }
            view.pick = .addLine
            view.picker = ItemPicker(kind: .avoided)
        case .changeAttribution:
            view.prompt = Prompt(purpose: .attribution, label: "Nieuwe toerekening (%)", text: DutchNumber.decimal(record.attribution.value))
        case .approve:
            app.confirmation = .reviewDecision(record.id, .move(.goedgekeurd, reason: ""))
        case .sendBack:
            view.prompt = Prompt(purpose: .remarks, label: "Opmerkingen voor de auteur (verplicht)")
        case .reapply:
            guard !view.pending.isEmpty else {
                app.notice = "Er is geen wijziging die nog opgeslagen moet worden."
                return []
            }
            guard view.reviewing else {
                app.notice = "Begin eerst opnieuw met beoordelen (b)."
                return []
            }
            return save(view.pending, to: record, &view, &app)
        case .back:
            if !view.pending.isEmpty {
                app.confirmation = .dropReviewChanges(record.id, count: view.pending.count, quitting: false)
                return []
            }
            if view.reviewing {
                view.reviewing = false
                return [.unlockCase(record.id)]
            }
            app.caseView = nil
            app.screen = .browser
        case .help:
            app.screen = .help(returnTo: app.screenKind)
        case .quit:
            return Update.quit(&app)
        default:
            break
        }
        return []
    }

    // MARK: - The picker: another item, or a new line

    private static func pick(_ key: Key, _ app: inout AppState) -> [Effect] {
        guard var view = app.caseView, var picker = view.picker else { return [] }
        defer { app.caseView = view }
        let (open, row) = picker.handle(key, list: app.priceList)
        view.picker = open ? picker : nil
        guard let chosen = row?.item else { return [] }
        let item = PricedItem(chosen)
        switch view.pick {
        case .changeItem(let line):
            view.prompt = Prompt(purpose: .reason(.item(line: line, item)), label: "Reden om regel \(line) te wisselen naar \(chosen.description)")
        case .addLine:
            view.prompt = Prompt(purpose: .newLineQuantity(item), label: "Hoeveelheid (\(chosen.unit)) voor \(chosen.description)")
        }
        return []
    }

    // MARK: - Prompts: a value, then a reason

    private static func prompt(_ key: Key, _ app: inout AppState) -> [Effect] {
        guard var view = app.caseView, var prompt = view.prompt, let record = app.record(view.caseID) else { return [] }
        defer { app.caseView = view }
        if case .character = key {} else { prompt.refused = "" }
        switch key {
        case .character(let character):
            // A quantity may be written per period: `2 × 6`.
            let rateMark: Bool = { if case .quantity = prompt.purpose { return " ×xX*".contains(character) } else { return false } }()
            if prompt.takesNumber, !(character.isASCII && character.isNumber) && !",.".contains(character) && !rateMark {
                prompt.refused.append(character)
                view.prompt = prompt
                app.notice = "Alleen cijfers, zoals 12 of 2,5; de waarde blijft zoals hij was."
                return []
            }
            if prompt.replacesOnType { prompt.text = "" }
            prompt.replacesOnType = false
            prompt.text.append(character)
            // Keys still coming after a refused one (a paste sent as keys): "1e9" became 19 without a word (helper-32).
            if !prompt.refused.isEmpty {
                app.notice = RefusedCharacters.notice(prompt.refused, allowed: "alleen cijfers, zoals 12 of 2,5", now: prompt.text)
            }
        case .backspace:
            if prompt.replacesOnType { prompt.text = "" } else if !prompt.text.isEmpty { prompt.text.removeLast() }
            prompt.replacesOnType = false
        case .left, .right, .home, .end:
            prompt.replacesOnType = false  // to change the value shown rather than replace it
        case .escape:
            view.prompt = nil
            return []
        case .enter:
            return confirm(prompt, record, &view, &app)
        default:
            break
        }
        view.prompt = prompt
        return []
    }

    private static func confirm(_ prompt: Prompt, _ record: CaseRecord, _ view: inout CaseViewState, _ app: inout AppState) -> [Effect] {
        func percentage() -> Percentage? { DutchNumber.parse(prompt.text).flatMap { Percentage($0) } }
        // Reasons, remarks and reasoning are free text: the same privacy guard as everywhere.
        if let refusal = PrivacyGuard.refusal(prompt.text) {
            app.notice = refusal
            return []
        }
        switch prompt.purpose {
        case .likelihood(let line):
            guard let value = percentage() else { app.notice = "Vul een percentage in tussen 0 en 100."; return [] }
            guard allowed(.likelihood(line: line, value), record, view, &app) else { return [] }
            view.prompt = Prompt(purpose: .reason(.likelihood(line: line, value)), label: "Reden voor kans \(DutchNumber.decimal(value.value)) %")
        case .quantity(let line):
            let old = record.avoided[line - 1].quantity
            guard let quantity = Self.typedQuantity(prompt.text, replacing: old) else {
                if case .rate(_, let per, _) = old {
                    app.notice = "Vul een getal in, zoals 12 of 2,5, of per \(per) × \(Quantity.periodPlural(per)), zoals 3 × 6."
                } else {
                    app.notice = "Vul een getal in, zoals 12 of 2,5."
                }
                return []
            }
            guard allowed(.quantity(line: line, quantity), record, view, &app) else { return [] }
            view.prompt = Prompt(purpose: .reason(.quantity(line: line, quantity)), label: "Reden voor hoeveelheid \(quantity.readableText)")
        case .attribution:
            guard let value = percentage() else { app.notice = "Vul een percentage in tussen 0 en 100."; return [] }
            guard allowed(.attribution(value), record, view, &app) else { return [] }
            view.prompt = Prompt(purpose: .reason(.attribution(value)), label: "Reden voor toerekening \(DutchNumber.decimal(value.value)) %")
        case .reason(let change):
            return apply(.change(change, reason: prompt.text), to: record, &view, &app)
        case .newLineQuantity(let item):
            guard let value = DutchNumber.parse(prompt.text), value >= 0 else { app.notice = "Vul een getal in, zoals 12 of 2,5."; return [] }
            guard value <= ValueBounds.maximumQuantity else {
                app.notice = "Niet gewijzigd: hoeveelheid \(DutchNumber.readable(value)) is groter dan het maximum van \(DutchNumber.readable(ValueBounds.maximumQuantity))."
                return []
            }
            view.prompt = Prompt(purpose: .newLineLikelihood(item, .count(value)), label: "Kans zonder de interventie (%)")
        case .newLineLikelihood(let item, let quantity):
            guard let value = percentage() else { app.notice = "Vul een percentage in tussen 0 en 100."; return [] }
            view.prompt = Prompt(purpose: .newLineReasoning(item, quantity, value), label: "Onderbouwing van de nieuwe regel")
        case .newLineReasoning(let item, let quantity, let likelihood):
            let line = AvoidedCareLine(item: item, quantity: quantity, likelihood: likelihood, reasoning: prompt.text)
            guard allowed(.addLine(line), record, view, &app) else { return [] }
            view.prompt = Prompt(purpose: .reason(.addLine(line)), label: "Reden om deze regel toe te voegen")
        case .remarks:
            guard !prompt.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                app.notice = ReviewError.reasonRequired.dutchMessage
                return []
            }
            view.prompt = nil
            app.confirmation = .reviewDecision(record.id, .move(.teruggestuurd, reason: prompt.text))
        }
        return []
    }

    /// A change the domain would refuse (beyond the bounds, or no change at all) is said before
    /// its reason is asked, not after the reviewer typed it (helper finding). Tried on the case
    /// with the steps not yet saved, as the save will apply it.
    private static func allowed(_ change: ReviewChange, _ record: CaseRecord, _ view: CaseViewState, _ app: inout AppState) -> Bool {
        var trial = applying(view.pending, to: record, by: app.user).record
        do {
            try trial.review(change, by: app.user, at: "", reason: "controle")
            return true
        } catch .outOfBounds(let problem) {
            app.notice = ReviewError.outOfBounds(problem).dutchMessage
        } catch .unchanged {
            app.notice = ReviewError.unchanged.dutchMessage
        } catch {
            return true  // anything else is said when the step is applied, as before
        }
        return false
    }

    /// A reviewer's typed quantity: a total, or for a rate line `2 × 6` (per period × periods). A total
    /// alone keeps the rate and changes the periods. Nil for anything else, and for zero periods or rate.
    static func typedQuantity(_ text: String, replacing old: Quantity) -> Quantity? {
        let parts = text.lowercased().split(whereSeparator: { $0 == "×" || $0 == "x" || $0 == "*" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if case .rate(let amount, let per, _) = old {
            if parts.count == 2, let rate = DutchNumber.parse(parts[0]), let periods = DutchNumber.parse(parts[1]), rate > 0, periods > 0 {
                return .rate(amount: rate, per: per, periods: periods)
            }
            guard parts.count == 1, let total = DutchNumber.parse(parts[0]), total >= 0, amount > 0 else { return nil }
            return .rate(amount: amount, per: per, periods: total / amount)
        }
        guard parts.count == 1, let total = DutchNumber.parse(parts[0]), total >= 0 else { return nil }
        return .count(total)
    }

    /// The answer to "approve?" or "send back?": yes applies it; no changes nothing, and
    /// remarks typed for sending back are offered again, never thrown away.
    static func decide(_ id: String, _ step: PendingReview, yes: Bool, _ app: inout AppState) -> [Effect] {
        guard var view = app.caseView, view.caseID == id, let record = app.record(id) else { return [] }
        defer { app.caseView = view }
        if yes { return apply(step, to: record, &view, &app) }
        if case .move(.teruggestuurd, let remarks) = step {
            view.prompt = Prompt(purpose: .remarks, label: "Opmerkingen voor de auteur (verplicht)", text: remarks)
            app.notice = "Niet teruggestuurd; je opmerkingen staan er nog."
        } else {
            app.notice = "Niet goedgekeurd; de casus is niet veranderd."
        }
        return []
    }

    /// Applies a reviewer's step, after any steps whose save failed, to the case as held now
    /// and asks the edge to save them together; they are kept until the save succeeds, so
    /// neither a conflict nor a server that went away loses one.
    static func apply(_ step: PendingReview, to record: CaseRecord, _ view: inout CaseViewState, _ app: inout AppState) -> [Effect] {
        save(view.pending + [step], to: record, &view, &app)
    }

    private static func save(_ steps: [PendingReview], to record: CaseRecord, _ view: inout CaseViewState, _ app: inout AppState) -> [Effect] {
        let applied = applying(steps, to: record, by: app.user)
        // The newest step is the one just asked for: refusing it changes nothing.
        if let newest = applied.refused.last, newest.index == steps.count - 1 {
            app.notice = newest.message
            return []
        }
        view.prompt = nil
        view.pending = applied.kept
        view.pendingMetNewerVersion = false
        view.selectedLine = min(view.selectedLine, max(1, applied.record.avoided.count))
        if !applied.refused.isEmpty {
            // An older step may no longer fit a colleague's newer version (a removed line).
            app.notice = "Een eerdere wijziging past niet meer op de huidige versie en vervalt: " + applied.refused.map(\.message).joined(separator: " ")
        }
        return applied.kept.isEmpty ? [] : [.saveCase(applied.record)]
    }

    /// The case with a reviewer's steps applied in order, the steps that applied, and those
    /// that did not (by position, with the reason). One place for saving and for showing them.
    static func applying(_ steps: [PendingReview], to record: CaseRecord, by user: String)
        -> (record: CaseRecord, kept: [PendingReview], refused: [(index: Int, message: String)]) {
        var copy = record
        var kept: [PendingReview] = []
        var refused: [(index: Int, message: String)] = []
        for (index, step) in steps.enumerated() {
            var attempt = copy
            do {
                switch step {
                case .change(let change, let reason): try attempt.review(change, by: user, at: "", reason: reason)
                case .move(let status, let reason): try attempt.move(to: status, by: user, at: "", reason: reason)
                }
                copy = attempt
                kept.append(step)
            } catch {
                refused.append((index, error.dutchMessage))
            }
        }
        return (copy, kept, refused)
    }

    /// The answer to "leave without the unsaved steps?": yes drops them and leaves as Esc does.
    static func dropChanges(_ id: String, yes: Bool, _ app: inout AppState) -> [Effect] {
        guard yes else {
            app.notice = "Je wijzigingen staan er nog; o probeert opnieuw op te slaan."
            return []
        }
        guard app.caseView?.caseID == id else { return [] }
        app.caseView?.pending = []
        if app.caseView?.reviewing == true {
            app.caseView?.reviewing = false
            return [.unlockCase(id)]
        }
        app.caseView = nil
        app.screen = .browser
        return []
    }

    // MARK: - Results from the edge

    static func lockResult(_ id: String, _ status: LockStatus, _ app: inout AppState) -> [Effect] {
        guard app.caseView?.caseID == id else { return [] }
        switch status {
        case .acquired, .closed:
            // The case was re-read when the lock was asked for: a colleague may have finished it meanwhile.
            if let record = app.record(id), record.status != .ingediend {
                app.notice = record.status == app.caseView?.statusWhenOpened
                    ? ReviewError.notUnderReview(record.status).dutchMessage
                    : "Casus \(id) is intussen \(record.status.dutchName.lowercased())\(record.history.last.map { " (door \($0.by))" } ?? ""); beoordelen kan niet meer."
                return status == .acquired ? [.unlockCase(id)] : []
            }
            guard status == .acquired else {
                app.notice = "Casus \(id) wordt nu niet beoordeeld; je ziet hem alleen-lezen."
                return []
            }
            app.caseView?.reviewing = true
            // The selected line comes into sight, whole, also after the case was scrolled while read (helper-35).
            app.caseView?.followsSelection = true
            app.notice = "Je beoordeelt deze casus; elke wijziging vraagt om een reden."
        case .readOnly(let message):
            app.notice = message
        case .stale(let message):
            app.notice = message
            app.confirmation = .takeOverLock(id)
        case .lost(let message):
            // Steps not yet saved stay listed; a save would meet the colleague's version anyway. The case is read
            // again, so the header shows what the colleague did (helper-33: "Ingediend" stayed for half a minute).
            app.caseView?.reviewing = false
            app.notice = message
            return [.reloadCasesIfChanged]
        }
        return []
    }

    /// A colleague wrote the case first: show the current version and keep the change for `o`.
    static func conflict(_ current: CaseRecord, _ message: String, _ app: inout AppState) -> [Effect] {
        if let view = app.caseView, view.caseID == current.id, !view.pending.isEmpty, let before = app.record(current.id),
           savedAfterAll(view.pending, before: before, current: current, by: app.user) {
            // A save whose answer never came was committed after all (found by a helper): the
            // "newer version" is this reviewer's own, and applying the steps again would repeat them.
            return saved(current, &app)
        }
        app.replaceRecord(current)
        if app.screen == .intake {
            // The author's rework is put onto the newer version at once, for the author to check.
            if var intake = app.intake, intake.draft.editingCaseID == current.id, intake.draft.editingBase != nil,
               current.status == .concept || current.status == .teruggestuurd {
                IntakeUpdate.putOntoNewer(current, &intake, &app)
                app.intake = intake
                return [.saveDraft(intake.draft)]
            }
            app.notice = "Casus \(current.id) is intussen gewijzigd\(current.history.last.map { " door \($0.by)" } ?? ""); je aanpassing is niet opgeslagen en blijft in je concept."
            return []
        }
        var effects: [Effect] = []
        if app.caseView?.caseID == current.id, app.caseView?.reviewing == true, current.status != .ingediend {
            app.caseView?.reviewing = false
            app.caseView?.pending = []
            effects.append(.unlockCase(current.id))
            app.notice = message + " Beoordelen kan niet meer."
        } else if let pending = app.caseView?.pending, pending.contains(where: \.isApproval) {
            // An approval is of the figures the reviewer saw: it is never applied to a colleague's newer ones unasked.
            let changes = pending.filter { !$0.isApproval }
            app.caseView?.pending = changes
            app.caseView?.pendingMetNewerVersion = !changes.isEmpty
            // Said in full within the three lines a notice has (the general conflict message ran over them, helper-32).
            app.notice = "Casus \(current.id) is intussen gewijzigd\(current.dutchLastChange). Je goedkeuring is niet opgeslagen: "
                + (changes.isEmpty ? "bekijk de nieuwe cijfers en beslis opnieuw."
                   : "o past je wijziging toe op de nieuwe versie; beslis daarna opnieuw.")
        } else if app.caseView?.pending.isEmpty == false, app.caseView?.reviewing == false {
            // The review's lock went to a colleague: o works only while reviewing (helper-33 pressed it and nothing happened).
            // Said in full within a notice's three lines (helper-34: the store's own sentence came first and pushed this out).
            if current.status == .ingediend {
                app.caseView?.pendingMetNewerVersion = true
                app.notice = "Casus \(current.id) is intussen gewijzigd\(current.dutchLastChange). Je wijziging wacht: druk b om weer te beoordelen, daarna o."
            } else {
                app.caseView?.pending = []
                app.notice = "Casus \(current.id) is intussen \(current.status.dutchName.lowercased())\(current.dutchLastChange). Je wijziging is niet opgeslagen; "
                    + "beoordelen kan niet meer."
            }
        } else if app.caseView?.pending.isEmpty == false {
            app.caseView?.pendingMetNewerVersion = true
            app.notice = message + " Druk o om je wijziging opnieuw toe te passen."
        } else {
            app.notice = message
        }
        return effects
    }

    /// True when `current` is `before` with exactly these steps of this user applied: what
    /// the failed save would have written.
    static func savedAfterAll(_ steps: [PendingReview], before: CaseRecord, current: CaseRecord, by user: String) -> Bool {
        let expected = applying(steps, to: before, by: user)
        let added = current.history.dropFirst(before.history.count)
        return expected.refused.isEmpty && added.count == expected.record.history.count - before.history.count
            && zip(added, expected.record.history.dropFirst(before.history.count)).allSatisfy {
                $0.by == user && $0.action == $1.action && $0.field == $1.field && $0.old == $1.old && $0.new == $1.new && $0.reason == $1.reason
            }
            && current.avoided == expected.record.avoided && current.deployed == expected.record.deployed
            && current.attribution == expected.record.attribution && current.status == expected.record.status
    }

    static func saved(_ record: CaseRecord, _ app: inout AppState) -> [Effect] {
        app.replaceRecord(record)
        app.caseView?.pending = []
        if app.intake?.draft.editingCaseID == record.id {
            // A reworked case was saved from the intake: back to the case itself.
            app.intake = nil
            app.caseView = CaseViewState(caseID: record.id)
            app.screen = .caseView
            app.notice = "Casus \(record.id) is \(record.status == .ingediend ? "opnieuw ingediend" : "bewaard")."
            return []
        }
        switch record.status {
        case .goedgekeurd, .teruggestuurd:
            let wasReviewing = app.caseView?.reviewing == true
            app.caseView?.reviewing = false
            app.notice = "Casus \(record.id) is \(record.status.dutchName.lowercased()) en opgeslagen."
            return wasReviewing ? [.unlockCase(record.id)] : []
        default:
            app.notice = "Opgeslagen, met reden in de geschiedenis."
            return []
        }
    }
}
