import Foundation

/// How much and how likely, as numbers for statistics (a median, a spread), not for money.
public struct LineValues: Hashable, Sendable {
    public let units: Double
    /// In percent; nil where it is not known (a line a reviewer removed records no likelihood).
    public let likelihood: Double?

    public init(units: Double, likelihood: Double?) {
        self.units = units
        self.likelihood = likelihood
    }
}

/// One care-avoided line of an approved case: as its author estimated it and as it was
/// approved, with the reviewers' reasons. Calibration compares these; the author is kept
/// only so workers can find their own lines, and is never shown beside anyone else's.
public struct ReviewedLine: Hashable, Sendable {
    public let caseID: String
    public let author: String
    public let intervention: String
    /// The item as approved (as estimated, for a line review removed).
    public let code: String
    /// Nil for a line a reviewer added.
    public let estimated: LineValues?
    /// Nil for a line a reviewer removed.
    public let approved: LineValues?
    public let reasons: [String]

    public init(caseID: String, author: String, intervention: String, code: String, estimated: LineValues?, approved: LineValues?,
                reasons: [String]) {
        self.caseID = caseID
        self.author = author
        self.intervention = intervention
        self.code = code
        self.estimated = estimated
        self.approved = approved
        self.reasons = reasons
    }

    /// True when review changed the line: its quantity or likelihood, or added or removed it.
    public var reviewChanged: Bool { estimated != approved }

    /// The avoided lines of an approved, real case; none for any other.
    ///
    /// The history is read backwards from the approved lines: each reviewer's change names the
    /// line's number at the time and its old value, so undoing the changes one by one gives the
    /// author's estimate line by line. It stops at the author's last rework of the avoided
    /// lines (or a rework from before reworks named their parts) or import: before that, the
    /// lines were others the author replaced. A rework of the story, the context or the effort
    /// leaves the lines the reviewer changed as the reviewer's. A removed line's event keeps no
    /// likelihood; when the whole review was undone, the estimate kept at the first review
    /// (`original`) gives it. A line whose item a reviewer swapped is two lines: the author's
    /// item, removed, and the reviewer's, added.
    public static func lines(of record: CaseRecord) -> [ReviewedLine] {
        guard record.status == .goedgekeurd, !record.fictional else { return [] }
        struct Slot {
            /// The item as approved, and as the author chose it.
            let code: String
            var estimatedCode: String
            var estimatedUnits: Double
            var estimatedLikelihood: Double?
            let approved: LineValues?
            var reasons: [String] = []
            var added = false
        }
        var slots = record.avoided.map { line -> Slot in
            let values = LineValues(units: Self.number(line.quantity.units), likelihood: Self.number(line.likelihood.value))
            return Slot(code: line.item.code, estimatedCode: line.item.code, estimatedUnits: values.units, estimatedLikelihood: values.likelihood,
                        approved: values)
        }
        var gone: [Slot] = []
        // `original` was kept at the first review change; a rework or import before that does not spoil it.
        let firstReview = record.history.firstIndex { [.wijziging, .regelToegevoegd, .regelVerwijderd].contains($0.action) } ?? record.history.count
        var wholeReviewUndone = true
        for (position, event) in record.history.enumerated().reversed() {
            if Rework.changedAvoidedLines(event) || event.action == .import {
                wholeReviewUndone = position < firstReview
                break
            }
            guard let (number, part) = Self.linePlace(event.field), number >= 1 else { continue }
            switch event.action {
            case .wijziging where slots.indices.contains(number - 1):
                let index = number - 1
                switch part {
                case "kans": slots[index].estimatedLikelihood = DecimalText.parse(event.old).map(Self.number)
                case "hoeveelheid": if let units = Self.units(event.old) { slots[index].estimatedUnits = units }
                case "item": slots[index].estimatedCode = event.old
                default: break
                }
                slots[index].reasons.insert(event.reason, at: 0)
            case .regelToegevoegd where slots.indices.contains(number - 1):
                var slot = slots.remove(at: number - 1)
                slot.added = true
                slot.reasons.insert(event.reason, at: 0)
                gone.append(slot)
            case .regelVerwijderd where number - 1 <= slots.count:
                let words = event.old.split(separator: " ", maxSplits: 1)
                let units = words.count == 2 ? Self.units(String(words[1])) : nil
                let code = words.first.map(String.init) ?? ""
                slots.insert(Slot(code: code, estimatedCode: code, estimatedUnits: units ?? 0, estimatedLikelihood: nil, approved: nil,
                                  reasons: [event.reason]), at: number - 1)
            default:
                continue
            }
        }
        // Back at the first review: the lines are the estimate kept then, position by position.
        if wholeReviewUndone, let original = record.original?.avoided, original.count == slots.count {
            for (index, line) in original.enumerated() where slots[index].estimatedLikelihood == nil && slots[index].estimatedCode == line.item.code {
                slots[index].estimatedLikelihood = Self.number(line.likelihood.value)
            }
        }
        return (slots + gone).flatMap { slot -> [ReviewedLine] in
            func line(_ code: String, estimated: LineValues?, approved: LineValues?) -> ReviewedLine {
                ReviewedLine(caseID: record.id, author: record.author, intervention: record.context.intervention, code: code,
                             estimated: estimated, approved: approved, reasons: slot.reasons)
            }
            let estimated = slot.added ? nil : LineValues(units: slot.estimatedUnits, likelihood: slot.estimatedLikelihood)
            guard slot.estimatedCode != slot.code, let estimated else { return [line(slot.code, estimated: estimated, approved: slot.approved)] }
            return [line(slot.estimatedCode, estimated: estimated, approved: nil), line(slot.code, estimated: nil, approved: slot.approved)]
        }
    }

    /// `voorkomen[3].kans` is (3, "kans"); `voorkomen[3]` is (3, "").
    static func linePlace(_ field: String) -> (Int, String)? {
        guard field.hasPrefix("voorkomen["), let close = field.firstIndex(of: "]") else { return nil }
        guard let number = Int(field[field.index(field.startIndex, offsetBy: 10)..<close]) else { return nil }
        return (number, String(field[field.index(after: close)...].drop { $0 == "." }))
    }

    /// The units of a quantity as `Quantity.dutchText` wrote it: `4` or `2 per week × 26`.
    static func units(_ text: String) -> Double? {
        let parts = text.components(separatedBy: " × ")
        guard let amount = parts.first?.split(separator: " ").first.flatMap({ DutchNumber.parse(String($0)) }) else { return nil }
        guard parts.count == 2 else { return parts.count == 1 ? number(amount) : nil }
        return DutchNumber.parse(parts[1]).map { number(amount * $0) }
    }

    static func number(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
}
