import Foundation
import RendementsDomain

/// Layout facts the editor shares with the screen (text-area width for wrapping).
public enum IntakeLayout {
    public static func areaWidth(_ size: Size) -> Int { max(10, size.width - 6) }
    /// Visible lines of each story text area.
    public static func areaHeight(_ size: Size) -> Int { max(2, (size.height - 8) / 3 - 1) }
    public static let pickerRows = 12
    /// A name, number or date fits on one screen line; a story part may be long, not endless.
    public static let maximumLineLength = 200
    public static let maximumAreaLength = 200_000
}

/// Keys and effect results while a case is being entered.
enum IntakeUpdate {
    /// Opens the intake: the case in progress, else a pending draft, else a new draft.
    static func open(_ app: inout AppState) {
        guard app.permissions.entersCases else {
            app.notice = app.permissions.enterRefusal
            return
        }
        if app.intake == nil {
            var draft = app.pendingDraft ?? IntakeDraft(author: app.user, priceListVersion: app.priceList?.version ?? "onbekend")
            let repricing = DraftRepricing.apply(app.intakeForm, to: &draft)
            app.intake = IntakeState(draft: draft, form: app.intakeForm)
            if app.pendingDraft != nil { app.notice = ["Verder met de bewaarde casus.", repricing?.dutchNotice].compactMap { $0 }.joined(separator: " ") }
            app.pendingDraft = nil
        }
        if app.priceList == nil { app.notice = "Let op: er is geen prijslijst geladen; zorgregels toevoegen kan niet." }
        app.screen = .intake
    }

    static func handle(_ key: Key, _ app: inout AppState) -> [Effect] {
        guard var intake = app.intake else { app.screen = .start; return [] }
        // Characters left out stay named only while characters keep coming (a paste the terminal sent as keys).
        if case .character = key {} else { intake.refusedCharacters = nil }
        let before = intake.draft
        let errorsBefore = intake.errors
        var effects: [Effect] = []
        if intake.picker != nil {
            let list = app.priceList
            pick(key, &intake, list, notice: &app.notice)
        } else if !edit(key, &intake, &app.notice, width: IntakeLayout.areaWidth(app.size)) {
            app.intake = intake  // the screen kind follows the current step
            if let action = Keymap.action(for: key, on: app.screenKind, typing: intake.isTyping) {
                effects += perform(action, &intake, &app)
                // An untouched new case closed with Esc: there is nothing to keep.
                if app.intake == nil, app.screen != .intake { return effects }
            }
        }
        // Moving between steps alone is no edit: the step is written with the next change.
        var unmoved = intake.draft
        unmoved.lastStep = before.lastStep
        if unmoved != before {
            intake.draft.lastStep = intake.step.rawValue
            effects.append(.saveDraft(intake.draft))
        }
        // A field found wrong as the user leaves it is said out loud: its own message shows
        // only while it has focus, and a `!` alone is easy to miss.
        if app.notice == nil, let (id, message) = intake.errors.first(where: { errorsBefore[$0.key] != $0.value }),
           intake.focusedField?.id != id {
            app.notice = message
        }
        app.intake = intake
        return effects
    }

    // MARK: - Typing and field-specific keys

    /// True when a pasted run of characters goes into a text field as one edit.
    static func takesText(_ app: AppState) -> Bool {
        guard app.screen == .intake, app.confirmation == nil, let intake = app.intake, intake.picker == nil,
              let field = intake.focusedField else { return false }
        return field.kind == .text || field.kind == .area
    }

    /// Handles keys that belong to the focused field; false when the keymap should decide.
    private static func edit(_ key: Key, _ intake: inout IntakeState, _ notice: inout String?, width: Int) -> Bool {
        guard let field = intake.focusedField else { return false }
        let text = intake.value(field.id)
        switch field.kind {
        case .text, .number, .date, .area:
            return editText(key, field, text, &intake, &notice, width: width)
        case .choice(let options):
            switch key {
            case .right, .character(" "):
                set(field.id, cycle(options, text, by: 1), &intake)
            case .left:
                set(field.id, cycle(options, text, by: -1), &intake)
            case .enter where field.id == .intervention && text.isEmpty:
                // A case needs its intervention: Enter went on to Team, where the next letters landed (helper-31).
                notice = "\(field.label): kies eerst met ← → of typ de eerste letters; Enter gaat daarna verder."
            case .enter:
                enterMoves(&intake)
            case .backspace:
                intake.typeAhead = String(intake.typeAhead.dropLast())
                if let option = TypeAhead.match(intake.typeAhead, in: options) { set(field.id, option, &intake) }
                return true
            case .character(let character) where !character.isWhitespace:
                // Type-ahead, as in file managers: "7" picks 75+, "ge" gezin met kinderen.
                // What does not match keeps the choice as it was: a letter alone never jumps
                // elsewhere ("Huis" once picked "Werk en inkomen" by its "i").
                let typed = intake.typeAhead + String(character)
                intake.typeAhead = typed
                if let option = TypeAhead.match(typed, in: options) {
                    set(field.id, option, &intake)
                } else {
                    // The choice shown is named: the first letters of a word typed into the wrong field had already picked one (helper-33).
                    let now = text.isEmpty ? "" : " \(field.label) is nu \(text)."
                    notice = "Geen keuze met '\(typed)'.\(now) Backspace wist een letter, ← → bladeren door alle keuzes."
                }
                return true
            default:
                return false
            }
            intake.typeAhead = ""
            return true
        case .toggle:
            switch key {
            case .character(" "), .right, .left:
                set(field.id, text.isEmpty ? "ja" : "", &intake)
            case .enter:
                enterMoves(&intake)
            default:
                return false
            }
            return true
        case .lineList:
            guard case .lines(let kind) = field.id else { return false }
            let count = intake.draft.lines(kind).count
            switch key {
            case .up where count > 0:
                intake.selected[kind] = max(0, (intake.selected[kind] ?? 0) - 1)
            case .down where count > 0 && (intake.selected[kind] ?? 0) < count - 1:
                intake.selected[kind] = (intake.selected[kind] ?? 0) + 1
            case .enter where count > 0:
                moveFocus(by: 1, &intake)
            default:
                return false
            }
            return true
        }
    }

    private static func editText(_ key: Key, _ field: FieldSpec, _ value: String, _ intake: inout IntakeState, _ notice: inout String?, width: Int) -> Bool {
        var text = value
        if intake.replacesOnType {
            switch key {
            case .character(let character) where !(field.kind == .number || field.kind == .date) || allowed(character, in: field.kind):
                text = ""
            case .text:
                text = ""
            case .backspace, .delete:
                intake.replacesOnType = false
                set(field.id, "", &intake)
                intake.cursor = 0
                return true
            default:
                break
            }
            // Typing and editing keys end the selection; keys that move on leave it to the next field, and so
            // does a refused character ("abc0" into a selected 100 made 1000, helper-31).
            switch key {
            case .character(let character) where (field.kind == .number || field.kind == .date) && !allowed(character, in: field.kind):
                break
            case .character, .text, .left, .right, .home, .end: intake.replacesOnType = false
            default: break
            }
        }
        var newText = text
        var cursor = min(intake.cursor, text.count)
        var inserted = 1
        switch key {
        case .text(let pasted):
            // Pasted control characters never end up in a case; line breaks only in a text area. On one
            // line a break or tab is a space: dropped, it ran the words together ("twee⇥tab" became "tweetab").
            let kept = String(pasted.compactMap { character -> Character? in
                if character.isNewline { return field.kind == .area ? character : " " }
                if character == "\t" { return " " }
                return character.unicodeScalars.contains { $0.properties.generalCategory == .control } ? nil : character
            })
            // A paste longer than the field allows keeps what fits (it was dropped whole, helper-31).
            let limit = field.kind == .area ? IntakeLayout.maximumAreaLength : IntakeLayout.maximumLineLength
            let room = max(0, limit - text.count)
            var fitting = String(kept.prefix(room))
            // Never half a number: cut before it, so no eight digits of a BSN stay behind, unseen by the
            // guard below (helper-32: "…xx11122233" kept eight of "111222333").
            if fitting.count < kept.count, kept.dropFirst(fitting.count).prefix(2).contains(where: \.isNumber) {
                while let last = fitting.last, last.isNumber || " .-/".contains(last) { fitting.removeLast() }
            }
            if fitting.count < kept.count {
                guard !fitting.isEmpty else {
                    notice = "\(field.label): hoogstens \(limit) tekens; wat geplakt is past er niet bij en is niet overgenomen."
                    return true
                }
                notice = "\(field.label): hoogstens \(limit) tekens; de eerste \(fitting.count) geplakte tekens zijn overgenomen, de rest niet."
            }
            inserted = max(1, fitting.count)
            (newText, cursor) = TextEditing.insert(contentsOf: fitting, into: text, at: cursor)
        case .character(let character):
            if field.kind == .number || field.kind == .date, !allowed(character, in: field.kind) {
                let earlier = intake.refusedCharacters?.field == field.id ? intake.refusedCharacters?.characters ?? "" : ""
                intake.refusedCharacters = RefusedCharacters(field: field.id, characters: earlier + String(character))
                // The second refused key of a run names them all: "12 uur" typed fast said only that the
                // field kept its value (helper-32).
                notice = earlier.isEmpty
                    ? "\(field.label): \(Self.allowedText(field.kind)). Het veld houdt zijn waarde."
                    : "\(field.label): " + RefusedCharacters.notice(earlier + String(character), allowed: Self.allowedText(field.kind), now: text)
                return true
            }
            if let refused = intake.refusedCharacters, refused.field != field.id { intake.refusedCharacters = nil }
            guard !character.isNewline || field.kind == .area else { return true }
            // Pasted control characters (bell, escape, …) never end up in a case.
            if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) && !character.isNewline { return true }
            (newText, cursor) = TextEditing.insert(character, into: text, at: cursor)
        case .enter:
            if field.kind == .area {
                (newText, cursor) = TextEditing.insert("\n", into: text, at: cursor)
            } else if case .lineText = field.id {
                // Enter after the reasoning or note: back to the list, ready for the next line
                // (Tab goes on to the optional horizon, range and certainty).
                validate(field.id, &intake)
                intake.focus = 0
                return true
            } else {
                enterMoves(&intake)
                return true
            }
        case .backspace: (newText, cursor) = TextEditing.deleteBackward(text, at: cursor)
        case .delete: (newText, cursor) = TextEditing.deleteForward(text, at: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = text.count
        case .up where field.kind == .area:
            let moved = TextEditing.moveVertically(text, cursor: cursor, width: width, by: -1)
            if moved == cursor || TextEditing.lineIndex(of: cursor, in: TextEditing.wrap(text, width: width)) == 0 { return false }
            cursor = moved
        case .down where field.kind == .area:
            let lines = TextEditing.wrap(text, width: width)
            if TextEditing.lineIndex(of: cursor, in: lines) == lines.count - 1 { return false }
            cursor = TextEditing.moveVertically(text, cursor: cursor, width: width, by: 1)
        default:
            return false
        }
        let limit = field.kind == .area ? IntakeLayout.maximumAreaLength : IntakeLayout.maximumLineLength
        if newText.count > limit, newText.count > text.count {
            notice = "\(field.label): hoogstens \(limit) tekens; wat er niet bij past is niet overgenomen."
            return true
        }
        if newText != text {
            // Only the text around the cursor can have changed; warning about a window keeps long stories fast.
            let window = { (source: String) in TextEditing.slice(source, from: cursor - inserted - 40, to: cursor + 40) }
            // The whole text is checked for a new BSN (a window's edge cut longer numbers into one, helper-23); a number held
            // from before elsewhere in the text does not block typing.
            let held = BSN.candidates(in: text)
            if !BSNRemoval.fresh(BSN.candidates(in: newText), than: held).isEmpty {
                guard let cleaned = BSNRemoval.removing(from: newText, old: held, cursor: cursor) else {
                    notice = PrivacyGuard.refusal(newText)
                    return true
                }
                set(field.id, cleaned.text, &intake)
                intake.cursor = cleaned.cursor
                notice = BSNRemoval.notice
                return true
            }
            set(field.id, newText, &intake)
            if field.kind == .text || field.kind == .area, let warning = PrivacyGuard.warningText(window(newText)) { notice = warning }
            if let refused = intake.refusedCharacters, refused.field == field.id {
                notice = "\(field.label): " + RefusedCharacters.notice(refused.characters, allowed: Self.allowedText(field.kind), now: newText)
            }
        }
        intake.cursor = cursor
        return true
    }

    /// What a number or date field takes, as its refusal says it.
    private static func allowedText(_ kind: FieldKind) -> String {
        kind == .date ? "alleen cijfers en streepjes, zoals 30-06-2025" : "alleen cijfers, zoals 12 of 1.234,56"
    }

    private static func allowed(_ character: Character, in kind: FieldKind) -> Bool {
        if character.isASCII && character.isNumber { return true }
        return kind == .date ? character == "-" : ",.-".contains(character)
    }

    private static func cycle(_ options: [String], _ current: String, by step: Int) -> String {
        guard !options.isEmpty else { return current }
        guard let index = options.firstIndex(of: current) else { return step > 0 ? options[0] : options[options.count - 1] }
        return options[(index + step + options.count) % options.count]
    }

    private static func set(_ id: FieldID, _ text: String, _ intake: inout IntakeState) {
        intake.form.set(id, text, in: &intake.draft, selected: intake.selected)
        if intake.errors[id] != nil { validate(id, &intake) }
    }

    // MARK: - Focus and steps

    private static func moveFocus(by delta: Int, _ intake: inout IntakeState) {
        if let field = intake.focusedField { validate(field.id, &intake) }
        let count = intake.fields.count
        let target = min(max(0, intake.focus + delta), count - 1)
        guard count > 0, target != intake.focus else { return }
        intake.focus = target
        placeCursor(&intake)
    }

    /// Enter: the next field, and on a step's last field the next step, so PgDn
    /// (missing on many laptops) is never needed to go on.
    private static func enterMoves(_ intake: inout IntakeState) {
        if intake.focus > 0, intake.focus >= intake.fields.count - 1, intake.step == .ingezet || intake.step == .voorkomen {
            // The last field of a care line: back to the list, as after the reasoning, so what
            // is typed next is the next line, never the next step's fields.
            validate(intake.fields[intake.focus].id, &intake)
            intake.focus = 0
        } else if intake.focus >= intake.fields.count - 1, let next = IntakeStep(rawValue: intake.step.rawValue + 1) {
            go(to: next, &intake)
        } else {
            moveFocus(by: 1, &intake)
        }
    }

    private static func placeCursor(_ intake: inout IntakeState) {
        intake.cursor = intake.focusedField.map { intake.value($0.id).count } ?? 0
        intake.replacesOnType = intake.focusedField.map { field in
            (field.kind == .number || field.kind == .date) && !intake.value(field.id).isEmpty
        } ?? false
    }

    /// Checks a number or date field when leaving it; the typed text stays either way.
    private static func validate(_ id: FieldID, _ intake: inout IntakeState) {
        guard let spec = intake.fields.first(where: { $0.id == id }) else { return }
        intake.errors[id] = DraftConversion.fieldError(spec.kind, intake.value(id), label: spec.label)
        if intake.errors[id] == nil, id.isPercentage, let value = DutchNumber.parse(intake.value(id)), value > 100 {
            intake.errors[id] = "\(spec.label): \(DutchNumber.decimal(value)) % kan niet; een percentage ligt tussen 0 en 100"
        }
        // The period's order is the end's mark, whichever date changed (helper-31: it showed only at i).
        if id == .periodStart || id == .periodEnd, let end = intake.fields.first(where: { $0.id == .periodEnd }) {
            let (start, day) = (CalendarDay(dutch: intake.draft.periodStart), CalendarDay(dutch: intake.draft.periodEnd))
            let order = start.flatMap { start in day.flatMap { $0 < start ? "\(end.label): \($0.dutch) ligt voor de begindatum \(start.dutch)." : nil } }
            intake.errors[.periodEnd] = DraftConversion.fieldError(end.kind, intake.draft.periodEnd, label: end.label) ?? order
        }
    }

    private static func go(to step: IntakeStep, _ intake: inout IntakeState) {
        if let field = intake.focusedField { validate(field.id, &intake) }
        intake.step = step
        // Remembered in the draft only once it holds something: an empty draft stays no draft.
        if intake.draft.lastStep != nil || intake.draft != IntakeDraft(author: intake.draft.author, priceListVersion: intake.draft.priceListVersion) {
            intake.draft.lastStep = step.rawValue
        }
        intake.focus = 0
        placeCursor(&intake)
    }

    // MARK: - Keymap actions

    private static func perform(_ action: Action, _ intake: inout IntakeState, _ app: inout AppState) -> [Effect] {
        switch action {
        case .next: moveFocus(by: 1, &intake)
        case .previous: moveFocus(by: -1, &intake)
        case .nextStep, .pageDown:
            if let next = IntakeStep(rawValue: intake.step.rawValue + 1) { go(to: next, &intake) }
        case .previousStep, .pageUp:
            if let previous = IntakeStep(rawValue: intake.step.rawValue - 1) { go(to: previous, &intake) }
        case .back:
            if let previous = IntakeStep(rawValue: intake.step.rawValue - 1) {
                go(to: previous, &intake)
            } else {
                app.screen = .start
                if intake.draft == IntakeDraft(author: intake.draft.author, priceListVersion: intake.draft.priceListVersion) {
                    // Nothing typed: nothing to keep, and nothing in the way of reopening a concept.
                    app.intake = nil
                } else {
                    app.intake = intake
                    app.notice = "De casus is bewaard; kies 'Nieuwe casus' om verder te gaan."
                }
            }
        case .help:
            app.intake = intake
            app.screen = .help(returnTo: app.screenKind)
        case .quit:
            app.intake = intake
            return Update.quit(&app)
        case .save:
            return [.saveDraft(intake.draft)]
        case .addLine:
            // From anywhere on the two care steps: the step says which list gets the line.
            let kind: LineKind
            switch intake.step {
            case .ingezet: kind = .deployed
            case .voorkomen: kind = .avoided
            default:
                app.notice = "Regels voeg je toe bij Ingezette zorg en Voorkomen zorg."
                return []
            }
            if let field = intake.focusedField { validate(field.id, &intake) }
            guard app.priceList != nil else {
                app.notice = "Er is geen prijslijst geladen; controleer de map met 'rendementsmeter validate'."
                return []
            }
            intake.picker = ItemPicker(kind: kind)
            return [.loadSuggestions(suggestionQuery(intake.draft, kind))]
        case .removeLine:
            guard case .lines(let kind) = intake.focusedField?.id, let index = intake.selected[kind],
                  intake.draft.lines(kind).indices.contains(index) else { return [] }
            app.confirmation = .removeLine(kind, index)
        case .submit, .saveConcept:
            return commit(submit: action == .submit, confirmed: false, &intake, &app)
        default:
            break
        }
        return []
    }

    /// After a yes: the case is submitted, or saved as a concept, as it stands.
    static func confirmedFinish(submit: Bool, _ app: inout AppState) -> [Effect] {
        guard var intake = app.intake else { return [] }
        let effects = commit(submit: submit, confirmed: true, &intake, &app)
        app.intake = intake
        return effects
    }

    /// Submit or save as concept from the overview. Either is asked first (`confirmed`),
    /// once the draft is complete, unless the newer-version question already asks it.
    private static func commit(submit: Bool, confirmed: Bool, _ intake: inout IntakeState, _ app: inout AppState) -> [Effect] {
        guard intake.step == .overzicht else {
            app.notice = "Indienen of als concept bewaren doe je op het overzicht (stap 7)."
            return []
        }
        // A rework saves onto its case, never as a new one: not read yet (a draft resumed after a restart), it is read first.
        if let id = intake.draft.editingCaseID, app.record(id) == nil {
            intake.waitsForCase = true
            app.notice = "Casus \(id) wordt eerst gelezen; druk daarna opnieuw \(submit ? "i" : "c"). Je aanpassing blijft in je concept."
            return [.loadCases([id])]
        }
        switch DraftConversion(form: intake.form).record(intake.draft, status: .concept) {
        case .success(var record):
            intake.showsSubmitProblems = false
            let existing = intake.draft.editingCaseID.flatMap { app.record($0) }
            // Another window or a colleague wrote the case since this rework began: the author decides, knowing it.
            if let existing, existing.revision != intake.draft.editingRevision,
               existing.status == .concept || existing.status == .teruggestuurd {
                if intake.draft.editingBase != nil {
                    putOntoNewer(existing, &intake, &app)
                } else {
                    // A draft saved before the rework's starting point was kept: replacing is all there is, asked.
                    app.confirmation = .overwriteNewer(existing.id, submit: submit)
                }
                return []
            }
            if !confirmed {
                app.confirmation = .finishCase(submit: submit)
                return []
            }
            if let existing { return resubmit(existing, with: record, submit: submit, &app) }
            // A submitted case carries the event that submitted it, so its status agrees with its history.
            if submit {
                do {
                    try record.move(to: .ingediend, by: record.author, at: "", reason: "ingediend")
                } catch {
                    app.notice = error.dutchMessage
                    return []
                }
            }
            return [.writeCase(record)]
        case .failure(let incomplete):
            let problems = incomplete.problems
            intake.showsSubmitProblems = true
            app.notice = "Nog niet compleet: \(problems.count) punt\(problems.count == 1 ? "" : "en") met ✗ op dit overzicht."
            return []
        }
    }

    /// A newer version of the case being reworked: the author's changes are put onto it
    /// (`DraftMerge`), and the author checks the result before saving again. Nothing is saved here.
    static func putOntoNewer(_ current: CaseRecord, _ intake: inout IntakeState, _ app: inout AppState) {
        guard let base = intake.draft.editingBase else { return }
        let merge = DraftMerge(base: base, mine: intake.draft, theirs: current)
        intake.draft = merge.draft
        var unpriced = merge.unpriced
        // Moved onto a newer price list the app has (open, or waiting to be taken in): every line is priced by it,
        // and the form prices new lines with it too (helper-34: an added line kept the old list's price).
        if intake.form.priceList?.version != merge.draft.priceListVersion,
           let form = [app.intakeForm, app.newPriceList?.form].compactMap({ $0 }).first(where: { $0.priceList?.version == merge.draft.priceListVersion }) {
            let before = intake.draft.priceListVersion
            intake.draft.priceListVersion = intake.form.priceList?.version ?? before
            if DraftRepricing.apply(form, to: &intake.draft) == nil { intake.draft.priceListVersion = before }
            intake.form = form
            unpriced = []
        }
        // Within the three lines a notice has (a long one was cut mid-sentence, helper-33).
        let named = merge.bothChanged.prefix(3).joined(separator: ", ") + (merge.bothChanged.count > 3 ? " en \(merge.bothChanged.count - 3) meer" : "")
        // What to do first: the names after it may run past the notice's three lines.
        let by = current.history.last.map { " door \($0.by)" } ?? ""
        app.notice = "Casus \(current.id) is intussen gewijzigd\(by). Je aanpassingen staan nu op die versie, nog niet opgeslagen: "
            + "controleer ze en druk opnieuw \(current.status == .concept ? "c of i" : "i")."
            + (merge.bothChanged.isEmpty ? "" : " Beide gewijzigd, jouw versie staat er: \(named).")
            + (unpriced.isEmpty ? "" : " Prijslijst \(current.priceListVersion) is hier niet geopend: \(unpriced.joined(separator: ", ")) heeft nog de oude prijs.")
    }

    /// After a yes: the rework replaces the newer version it did not start from.
    static func overwriteNewer(_ id: String, submit: Bool, _ app: inout AppState) -> [Effect] {
        guard var intake = app.intake, let existing = app.record(id),
              case .success(let content) = DraftConversion(form: intake.form).record(intake.draft, status: .concept) else { return [] }
        intake.draft.editingRevision = existing.revision
        app.intake = intake
        return resubmit(existing, with: content, submit: submit, &app)
    }

    /// The author's rework of an existing case: new content, same id, author and history,
    /// and (on submit) a status event back to ingediend.
    private static func resubmit(_ existing: CaseRecord, with content: CaseRecord, submit: Bool, _ app: inout AppState) -> [Effect] {
        // Only a concept or a sent-back case is the author's to change; a colleague may have moved it on meanwhile.
        guard existing.status == .concept || existing.status == .teruggestuurd else {
            let by = existing.history.last.map { " door \($0.by)" } ?? ""
            app.notice = "Casus \(existing.id) is intussen \(existing.status.dutchName.lowercased())\(by); je aanpassing is niet opgeslagen en blijft in je concept."
            return []
        }
        var updated = existing
        if content.priceListVersion != existing.priceListVersion, let list = app.intake?.form.priceList, list.version == content.priceListVersion {
            updated = repriced(existing, to: list, by: app.user)
        }
        let before = updated
        updated.context = content.context
        updated.story = content.story
        updated.effort = content.effort
        updated.deployed = content.deployed
        updated.avoided = content.avoided
        updated.attribution = content.attribution
        // Compared with the case as re-priced: a price that moved with the list is not the author's change.
        let reworked = Rework.eventField(from: before, to: updated)
        if let field = reworked {
            // The content seal of the last event must keep matching: the author's rework is an event too.
            updated.history.append(CaseEvent(at: "", by: app.user, action: .aanpassing, field: field, old: "", new: "",
                                             reason: "Aangepast door de auteur"))
        } else {
            updated.effort = before.effort
        }
        if submit {
            do {
                try updated.move(to: .ingediend, by: app.user, at: "", reason: reworked == nil ? "Ongewijzigd opnieuw ingediend" : "Aangepast en opnieuw ingediend")
            } catch {
                app.notice = error.dutchMessage
                return []
            }
        }
        return [.saveCase(updated, clearsDraft: true)]
    }

    /// The case moved onto the list its rework was priced with, recorded as `reprice` records it
    /// (each moved price a `herprijzing` step, or one for the version when no price moved). A line
    /// the list lacks was removed in the rework: the draft could not be submitted otherwise.
    private static func repriced(_ existing: CaseRecord, to list: PriceList, by user: String) -> CaseRecord {
        Repricing.repricedWhereListed(existing, to: list, by: user, at: "").record
    }

    static func removeLine(_ kind: LineKind, _ index: Int, _ app: inout AppState) -> [Effect] {
        guard var intake = app.intake else { return [] }
        var lines = intake.draft.lines(kind)
        guard lines.indices.contains(index) else { return [] }
        lines.remove(at: index)
        intake.draft.setLines(kind, lines)
        intake.selected[kind] = lines.isEmpty ? nil : min(index, lines.count - 1)
        intake.focus = 0
        app.intake = intake
        return [.saveDraft(intake.draft)]
    }

    // MARK: - The item picker

    /// What the suggestions for a new line compare: this case's context and the kind of care.
    static func suggestionQuery(_ draft: IntakeDraft, _ kind: LineKind) -> SuggestionQuery {
        SuggestionQuery(intervention: draft.intervention, lifeDomains: draft.lifeDomains, ageBand: draft.ageBand,
                        household: draft.household, avoided: kind == .avoided)
    }

    /// The store's suggestions, for the picker still open for the same case and kind of care.
    static func suggestionsLoaded(_ query: SuggestionQuery, _ suggestions: [Suggestion], _ app: inout AppState) {
        guard var intake = app.intake, var picker = intake.picker,
              query == suggestionQuery(intake.draft, picker.kind) else { return }
        // An item already on the list is not suggested again.
        let present = Set(intake.draft.lines(picker.kind).map(\.item.code))
        picker.suggestions = suggestions.filter { !present.contains($0.code) }
        picker.cursor = 0
        intake.picker = picker
        app.intake = intake
    }

    private static func pick(_ key: Key, _ intake: inout IntakeState, _ list: PriceList?, notice: inout String?) {
        guard var picker = intake.picker else { return }
        let (open, chosen) = picker.handle(key, list: list)
        intake.picker = open ? picker : nil
        guard let chosen else { return }
        var lines = intake.draft.lines(picker.kind)
        var line = DraftLine(item: PricedItem(chosen.item))
        if case .suggestion(let suggestion, _) = chosen {
            // A starting point only: the worker confirms or changes both, and still writes why.
            line.quantity = DutchNumber.decimal(suggestion.medianUnits)
            if let likelihood = suggestion.medianLikelihood {
                if let choice = Choices.likelihoods.first(where: { choice in
                    Choices.likelihoodPercent(choice).map { Decimal($0) == likelihood.value } ?? false
                }) {
                    line.likelihood = choice
                } else {
                    line.likelihood = Choices.likelihoods[Choices.likelihoods.count - 1]
                    line.customLikelihood = DutchNumber.decimal(likelihood.value)
                }
            }
            notice = "Startwaarden uit \(suggestion.cases) van \(suggestion.outOf) goedgekeurde casussen: pas ze aan deze casus aan"
                + (picker.kind == .avoided ? " en schrijf waarom." : ".")
        }
        lines.append(line)
        intake.draft.setLines(picker.kind, lines)
        intake.selected[picker.kind] = lines.count - 1
        intake.focus = 1  // straight to the quantity of the new line
        intake.cursor = line.quantity.count
        // A suggested quantity shows selected: the first digit typed replaces it, Enter keeps it.
        intake.replacesOnType = !line.quantity.isEmpty
        if picker.kind == .avoided, let warning = list?.doubleCounting(lines.map(\.item.code)).first {
            notice = "Let op, dubbeltelling: " + warning
        }
    }

    // MARK: - Results from the edge

    static func result(_ msg: Msg, _ app: inout AppState) -> [Effect] {
        switch msg {
        case .draftSaved:
            app.intake?.saveError = nil
        case .draftSaveFailed(let message):
            app.intake?.saveError = message
            app.notice = "Niet in de business case opgeslagen; Ctrl-S probeert opnieuw."
        case .caseWritten(let record):
            app.intake = nil
            app.replaceRecord(record)
            app.screen = .start
            app.notice = record.status == .ingediend ? "Casus \(record.id) is ingediend. Dank je wel!" : "Casus \(record.id) is bewaard als concept."
        case .caseWriteFailed(let message):
            app.notice = message
        default:
            break
        }
        return []
    }
}
