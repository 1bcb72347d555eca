import Foundation

/// A reviewer's change to a case's estimate.
public enum ReviewChange: Hashable, Sendable {
    case likelihood(line: Int, Percentage)
    case quantity(line: Int, Quantity)
    case item(line: Int, PricedItem)
    case attribution(Percentage)
    case removeLine(Int)
    case addLine(AvoidedCareLine)
}

/// Why a review step is refused; enforced here, not only in the UI.
public enum ReviewError: Error, Equatable, Sendable {
    case reasonRequired
    case ownCase(author: String)
    case statusNotAllowed(from: CaseStatus, to: CaseStatus)
    case noSuchLine(Int, count: Int)
    case notUnderReview(CaseStatus)
    /// The change would take the case beyond `ValueBounds` or make a line impossible to value.
    case outOfBounds(String)
    /// The change would leave the value as it is: a step without change is no review step.
    case unchanged

    public var dutchMessage: String {
        switch self {
        case .reasonRequired: "Geef een reden; elke wijziging wordt met reden bewaard."
        case .ownCase(let author): "Je kunt je eigen casus niet goedkeuren (auteur: \(author)). Vraag een collega."
        case .statusNotAllowed(let from, let to):
            "Van \(from.dutchName.lowercased()) naar \(to.dutchName.lowercased()) kan niet; de volgorde is concept → ingediend → goedgekeurd of teruggestuurd → ingediend."
        case .noSuchLine(let line, let count): "Regel \(line) bestaat niet; de casus heeft \(count) voorkomen regels."
        case .notUnderReview(let status): "Alleen ingediende casussen worden beoordeeld; deze is \(status.dutchName.lowercased())."
        case .outOfBounds(let problem): "Niet gewijzigd: " + problem + (problem.hasSuffix(".") ? "" : ".")
        case .unchanged: "Niet gewijzigd: dat is de waarde die er al staat."
        }
    }
}

extension CaseRecord {
    /// The estimate as it stands now.
    public var estimate: CaseEstimate { CaseEstimate(deployed: deployed, avoided: avoided, attribution: attribution) }

    /// This case with the author's original estimate in place of the reviewed one.
    public var asOriginallyEstimated: CaseRecord {
        guard let original else { return self }
        // At the prices the case has now: a re-pricing moves the prices of the current lines, not
        // the author's estimate, and "oorspronkelijk → beoordeeld" must show what the review
        // changed, not the list (helper-33: € 375 of the gap was a new price). An item no current
        // line has keeps the price it was estimated with.
        var items: [String: PricedItem] = [:]
        for line in deployed { items[line.item.code] = line.item }
        for line in avoided { items[line.item.code] = line.item }
        var copy = self
        copy.deployed = original.deployed.map { line in
            var line = line
            if let item = items[line.item.code] { line.item = item }
            return line
        }
        copy.avoided = original.avoided.map { line in
            var line = line
            if let item = items[line.item.code] { line.item = item }
            return line
        }
        copy.attribution = original.attribution
        return copy
    }

    /// Applies a reviewer's change with its reason and appends the event. Lines are numbered from 1.
    public mutating func review(_ change: ReviewChange, by reviewer: String, at time: String, reason: String) throws(ReviewError) {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .reasonRequired }
        guard status == .ingediend else { throw .notUnderReview(status) }
        // A change is tried on a copy first: a reviewer's value beyond the bounds would make the
        // case unreadable, and then nobody could save it again (found by a helper).
        var changed = self
        try changed.apply(change, by: reviewer, at: time, reason: reason)
        if changed.estimate == estimate { throw .unchanged }
        let known = Set(ValueBounds.problems(self))
        if let problem = ValueBounds.problems(changed).first(where: { !known.contains($0) }) { throw .outOfBounds(problem) }
        // Within the bounds of its own numbers, whatever a business case's settings add (an index or
        // discount that cannot be applied is the report's to name, for every case alike).
        do {
            _ = try CaseValuation(changed, options: .plain)
        } catch {
            if (try? CaseValuation(self, options: .plain)) != nil { throw .outOfBounds(error.dutchMessage) }
        }
        self = changed
    }

    private mutating func apply(_ change: ReviewChange, by reviewer: String, at time: String, reason: String) throws(ReviewError) {
        if original == nil { original = estimate }
        func line(_ number: Int) throws(ReviewError) -> Int {
            guard avoided.indices.contains(number - 1) else { throw .noSuchLine(number, count: avoided.count) }
            return number - 1
        }
        let event: CaseEvent
        switch change {
        case .likelihood(let number, let value):
            let index = try line(number)
            event = CaseEvent(at: time, by: reviewer, action: .wijziging, field: "voorkomen[\(number)].kans",
                              old: DecimalText.format(avoided[index].likelihood.value), new: DecimalText.format(value.value), reason: reason)
            avoided[index].likelihood = value
        case .quantity(let number, let value):
            let index = try line(number)
            event = CaseEvent(at: time, by: reviewer, action: .wijziging, field: "voorkomen[\(number)].hoeveelheid",
                              old: avoided[index].quantity.dutchText, new: value.dutchText, reason: reason)
            avoided[index].quantity = value
        case .item(let number, let item):
            let index = try line(number)
            event = CaseEvent(at: time, by: reviewer, action: .wijziging, field: "voorkomen[\(number)].item",
                              old: avoided[index].item.code, new: item.code, reason: reason)
            avoided[index].item = item
        case .attribution(let value):
            event = CaseEvent(at: time, by: reviewer, action: .wijziging, field: "toerekening",
                              old: DecimalText.format(attribution.value), new: DecimalText.format(value.value), reason: reason)
            attribution = value
        case .removeLine(let number):
            let index = try line(number)
            let removed = avoided[index]
            event = CaseEvent(at: time, by: reviewer, action: .regelVerwijderd, field: "voorkomen[\(number)]",
                              old: "\(removed.item.code) \(removed.quantity.dutchText)", new: "", reason: reason)
            avoided.remove(at: index)
        case .addLine(let added):
            avoided.append(added)
            event = CaseEvent(at: time, by: reviewer, action: .regelToegevoegd, field: "voorkomen[\(avoided.count)]",
                              old: "", new: "\(added.item.code) \(added.quantity.dutchText)", reason: reason)
        }
        history.append(event)
    }

    /// Moves the case along the status flow, with remarks as the reason where needed.
    public mutating func move(to next: CaseStatus, by user: String, at time: String, reason: String) throws(ReviewError) {
        guard status.canMove(to: next) else { throw .statusNotAllowed(from: status, to: next) }
        if next == .goedgekeurd && user == author { throw .ownCase(author: author) }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if next == .teruggestuurd && reason.isEmpty { throw .reasonRequired }
        history.append(CaseEvent(at: time, by: user, action: .status, field: "status", old: status.rawValue, new: next.rawValue,
                                 reason: reason.isEmpty ? (next == .goedgekeurd ? "goedgekeurd" : "ingediend") : reason))
        status = next
    }

    /// The remarks of the last time the case was sent back, if it is sent back now.
    public var currentRemarks: String? {
        guard status == .teruggestuurd else { return nil }
        return history.last { $0.action == .status && $0.new == CaseStatus.teruggestuurd.rawValue }?.reason
    }
}
