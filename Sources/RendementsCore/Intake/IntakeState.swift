import RendementsDomain

/// The item picker over the price list, opened with `a` on a list of care lines. Before
/// anything is typed it first offers what colleagues' approved cases suggest.
public struct ItemPicker: Hashable, Sendable {
    public var kind: LineKind
    public var query = ""
    public var cursor = 0
    /// Suggestions from approved cases for this case's context, once the store answered.
    public var suggestions: [Suggestion] = []

    public init(kind: LineKind) { self.kind = kind }

    /// One row of the picker: a suggestion (with its price-list item) or a plain item.
    public enum Row: Hashable, Sendable {
        case suggestion(Suggestion, PriceItem)
        case item(PriceItem)

        public var item: PriceItem {
            switch self {
            case .suggestion(_, let item), .item(let item): item
            }
        }
    }

    /// Handles a key; returns the chosen row on Enter, and whether the picker stays open.
    public mutating func handle(_ key: Key, list: PriceList?) -> (open: Bool, chosen: Row?) {
        let rows = rows(list)
        switch key {
        case .backspace:
            if !query.isEmpty { query.removeLast() }
            cursor = 0
        case .character(let character):
            query.append(character)
            cursor = 0
        default:
            switch Keymap.action(for: key, on: .picker, typing: true) {
            case .back: return (false, nil)
            case .previous: cursor = max(0, cursor - 1)
            case .next: cursor = min(max(0, rows.count - 1), cursor + 1)
            case .pageUp: cursor = max(0, cursor - IntakeLayout.pickerRows)
            case .pageDown: cursor = min(max(0, rows.count - 1), cursor + IntakeLayout.pickerRows)
            case .first: cursor = 0
            case .last: cursor = max(0, rows.count - 1)
            case .open:
                guard rows.indices.contains(cursor) else { return (true, nil) }
                return (false, rows[cursor])
            default: break
            }
        }
        return (true, nil)
    }

    /// The suggestions whose item is in the list (only while nothing is typed), then the
    /// price-list items matching the search, in the list's law order.
    public func rows(_ list: PriceList?) -> [Row] {
        guard let list else { return [] }
        let suggested: [Row] = query.isEmpty ? suggestions.compactMap { suggestion in
            list.item(suggestion.code).map { Row.suggestion(suggestion, $0) }
        } : []
        return suggested + items(list).map(Row.item)
    }

    /// The price-list items matching the search, in the list's law order.
    public func items(_ list: PriceList?) -> [PriceItem] {
        guard let list else { return [] }
        return PriceListRow.rows(list, query: query).compactMap { row in
            if case .item(let item) = row { return item }
            return nil
        }
    }
}

/// Everything about a case being entered; lives in `AppState` while the intake is open.
public struct IntakeState: Sendable {
    public var draft: IntakeDraft
    /// The price list and choices the draft is entered with; a newer list comes in only with a newer version of the case (`DraftMerge`).
    public internal(set) var form: IntakeForm
    public var step: IntakeStep = .context
    public var focus = 0 {
        didSet {
            replacesOnType = false  // only entering a field by Tab, Enter or a step selects it
            typeAhead = ""
        }
    }
    /// Letters typed on a pick list so far: they choose the first option that starts with them.
    public var typeAhead = ""
    /// A save asked for before the reworked case was read: the notice says so when it is in.
    public var waitsForCase = false
    /// True right after the focus entered a filled number or date field: its value shows
    /// selected, and the first typed character replaces it ("80" in a pre-filled "100" is 80,
    /// not 10080); a cursor key keeps the value for editing.
    public var replacesOnType = false
    /// Characters a number or date field refused while more keys kept coming into it (see `RefusedCharacters`).
    public var refusedCharacters: RefusedCharacters?
    /// Character offset of the cursor in the focused text field.
    public var cursor = 0
    /// The selected line per list.
    public var selected: [LineKind: Int] = [:]
    /// Messages under fields whose typed value is not valid (the value is kept).
    public var errors: [FieldID: String] = [:]
    public var picker: ItemPicker?
    /// Set when the last draft save failed; cleared when one succeeds.
    public var saveError: String?
    /// What stopped the last submit, shown on the overview.
    /// Set once a submission found the draft incomplete: from then on the overview lists what is missing.
    public var showsSubmitProblems = false
    /// What still stands in the way of a submission, as the draft is now (a list kept from the last i went
    /// stale as points were mended, helper-31); empty until a submission was tried.
    public var submitProblems: [DraftProblem] {
        guard showsSubmitProblems, case .failure(let incomplete) = DraftConversion(form: form).record(draft, status: .concept) else { return [] }
        return incomplete.problems
    }

    public init(draft: IntakeDraft, form: IntakeForm) {
        self.draft = draft
        self.form = form
        step = draft.lastStep.flatMap(IntakeStep.init(rawValue:)) ?? .context
        cursor = focusedField.map { value($0.id).count } ?? 0
        // A resumed draft opens with its last lines selected, so their details show at once.
        for kind in LineKind.allCases where !draft.lines(kind).isEmpty { selected[kind] = draft.lines(kind).count - 1 }
    }

    public var fields: [FieldSpec] { form.fields(step, draft: draft, selected: selected) }

    public var focusedField: FieldSpec? { fields.indices.contains(focus) ? fields[focus] : nil }

    public func value(_ id: FieldID) -> String { form.value(id, in: draft, selected: selected) }

    /// True when typed characters go into the focused field rather than to the keymap.
    /// Letters are text in a text field and type-ahead in a pick list: no letter is a command there.
    public var isTyping: Bool {
        guard picker == nil, let kind = focusedField?.kind else { return picker != nil }
        if case .choice = kind { return true }
        return kind.takesText
    }

    /// Running totals of what has been entered so far (invalid entries count as zero).
    public func valuation(_ options: EstimateOptions) -> CaseValuation? { DraftConversion(form: form).provisional(draft, options: options) }
}

/// A yes/no question that blocks other keys until answered.
public enum Confirmation: Hashable, Sendable {
    case resumeDraft
    case quit(unsaved: Bool)
    case removeLine(LineKind, Int)
    case takeOverLock(String)
    /// The case changed on disk since the author began the rework: replace that version anyway?
    case overwriteNewer(String, submit: Bool)
    /// A reviewer approves or sends back a case: it changes what counts, so it is asked.
    case reviewDecision(String, PendingReview)
    /// Leaving a case whose review steps could not be saved drops them: asked first.
    case dropReviewChanges(String, count: Int, quitting: Bool)
    /// Submitting hands the case to a colleague, saving a concept closes the intake; one key
    /// on the overview must not do either unasked.
    case finishCase(submit: Bool)
}

/// Characters a number or date field left out of a run of keys: a paste the terminal sent as
/// keys ("1e9") would otherwise become 19, with the refusal cleared by the next digit.
public struct RefusedCharacters: Hashable, Sendable {
    public let field: FieldID
    public let characters: String

    /// `'e' is weggelaten (alleen cijfers, …); er staat nu 19.`: what a run of keys left out, and what is kept.
    public static func notice(_ characters: String, allowed: String, now text: String) -> String {
        let named = characters.map { "'\($0)'" }.joined(separator: ", ")
        return "\(named) \(characters.count == 1 ? "is" : "zijn") weggelaten (\(allowed)); " + (text.isEmpty ? "het veld blijft leeg." : "er staat nu \(text).")
    }
}
