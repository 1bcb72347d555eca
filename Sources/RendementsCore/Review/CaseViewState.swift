import RendementsDomain

/// What a one-line prompt in the case view is asking for.
public enum PromptPurpose: Hashable, Sendable {
    case likelihood(line: Int)
    case quantity(line: Int)
    case attribution
    /// The required reason for a change that is ready to apply.
    case reason(ReviewChange)
    /// Remarks for sending the case back.
    case remarks
    /// A line being added: its quantity, likelihood and own reasoning, one after the other.
    case newLineQuantity(PricedItem)
    case newLineLikelihood(PricedItem, Quantity)
    case newLineReasoning(PricedItem, Quantity, Percentage)
}

/// What the price-list picker in the case view is for.
public enum ReviewPick: Hashable, Sendable {
    case changeItem(line: Int)
    case addLine
}

/// A one-line text prompt over the case view.
public struct Prompt: Hashable, Sendable {
    public var purpose: PromptPurpose
    public var label: String
    public var text = ""
    /// A value shown to start from is selected: typing replaces it, as in the intake's fields.
    public var replacesOnType: Bool
    /// Characters a number prompt left out of the keys typed since the last other key (see `RefusedCharacters`).
    public var refused = ""

    public init(purpose: PromptPurpose, label: String, text: String = "") {
        self.purpose = purpose
        self.label = label
        self.text = text
        self.replacesOnType = !text.isEmpty
    }

    /// Prompts for a number take digits, a comma and a dot only.
    public var takesNumber: Bool {
        switch purpose {
        case .likelihood, .quantity, .attribution, .newLineQuantity, .newLineLikelihood: true
        case .reason, .remarks, .newLineReasoning: false
        }
    }
}

/// A reviewer's step that is not on disk yet: kept until the save succeeds,
/// so it can be applied again to the current version after a conflict.
public enum PendingReview: Hashable, Sendable {
    case change(ReviewChange, reason: String)
    case move(CaseStatus, reason: String)

    var isApproval: Bool {
        if case .move(.goedgekeurd, _) = self { return true }
        return false
    }
}

/// Whether the user could take the edit lock on a case (as told by the edge).
public enum LockStatus: Hashable, Sendable {
    case acquired
    case readOnly(String)
    /// The holder's process is gone; taking over needs a yes.
    case stale(String)
    /// The lock this review held was taken over (its lease lapsed): the review ends, the case stays open read-only.
    case lost(String)
    /// No lock was lent: the case, re-read, is not submitted (any more), so nobody reviews it.
    case closed
}

/// One open case: reading it, or reviewing it under a lock.
public struct CaseViewState: Sendable {
    public var caseID: String
    /// Lines scrolled from the top, or from the end once End was pressed (only the screen knows
    /// where the end is: from the top, PgUp after End stayed put).
    public var scroll = 0
    public var scrollsFromEnd = false
    /// While reviewing, the view keeps the selected line in sight; scrolling (PgUp/PgDn, Home/End)
    /// lets it go, so the history below the lines can be read, and ↑↓ bring it back.
    public var followsSelection = true
    public var reviewing = false
    /// The selected avoided line while reviewing, 1-based.
    public var selectedLine = 1
    public var prompt: Prompt?
    public var picker: ItemPicker?
    public var pick: ReviewPick = .addLine
    /// The reviewer's steps not yet on disk, oldest first. A step taken after a failed save
    /// joins them, so the next save writes them all and none is lost or skipped.
    public var pending: [PendingReview] = []
    /// The steps met a colleague's newer version: the screen shows that version as it is, so
    /// the reviewer sees what changed before `o` applies the steps to it.
    public var pendingMetNewerVersion = false
    /// The status this screen showed when `b` was pressed, to tell "not under review" from "changed meanwhile".
    public var statusWhenOpened: CaseStatus?
    /// Per item, the other approved lines of this intervention, once the store answered.
    public var comparisons: [String: ComparableLines] = [:]

    public init(caseID: String) { self.caseID = caseID }
}
