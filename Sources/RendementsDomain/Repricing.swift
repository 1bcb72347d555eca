/// Re-pricing a case against a newer price list: an explicit act that changes
/// unit prices and price years, and records every change in the history.
public enum Repricing {
    public struct Change: Hashable, Sendable {
        public let place: String
        public let code: String
        public let old: PricedItem
        public let new: PricedItem
    }

    /// The changed case and what moved. A case with an item the new list lacks stays on its
    /// own list, unchanged: stamped with the new version while that line kept its old price, it
    /// failed `validate` ("staat niet in prijslijst"), and an approved case cannot be mended.
    public static func reprice(_ record: CaseRecord, to list: PriceList, by user: String, at time: String)
        -> (record: CaseRecord, changes: [Change], missing: [String]) {
        let moved = repricedWhereListed(record, to: list, by: user, at: time)
        return moved.missing.isEmpty ? moved : (record, [], moved.missing)
    }

    /// The lines whose item `list` holds take its prices, each moved price a step, and the case
    /// its version; a line the list lacks keeps its own price. For an author's rework, which
    /// cannot be written while a line the list lacks remains (the rework replaces the lines).
    public static func repricedWhereListed(_ record: CaseRecord, to list: PriceList, by user: String, at time: String)
        -> (record: CaseRecord, changes: [Change], missing: [String]) {
        var updated = record
        var changes: [Change] = []
        var missing: [String] = []
        func refresh(_ item: PricedItem, place: String) -> PricedItem {
            switch priced(item, on: list) {
            case .missing:
                missing.append(item.code)
                return item
            case .unchanged:
                return item
            case .moved(let fresh):
                changes.append(Change(place: place, code: item.code, old: item, new: fresh))
                return fresh
            }
        }
        for index in updated.avoided.indices {
            updated.avoided[index].item = refresh(updated.avoided[index].item, place: "voorkomen[\(index + 1)]")
        }
        for index in updated.deployed.indices {
            updated.deployed[index].item = refresh(updated.deployed[index].item, place: "ingezet[\(index + 1)]")
        }
        let reason = "Herprijsd naar prijslijst \(list.name), versie \(list.version) (was \(record.priceListVersion))"
        guard !changes.isEmpty else {
            guard record.priceListVersion != list.version else { return (record, [], missing) }
            // No price moved, but the case now stands on the new list: recorded, so the whole business case agrees.
            updated.history.append(CaseEvent(at: time, by: user, action: .herprijzing, field: "prijslijst",
                                              old: record.priceListVersion, new: list.version, reason: reason + "; geen prijs veranderd"))
            updated.priceListVersion = list.version
            return (updated, [], missing)
        }
        for change in changes {
            updated.history.append(CaseEvent(
                at: time, by: user, action: .herprijzing, field: "\(change.place).prijs",
                old: "\(change.code) \(DutchNumber.euro(change.old.unitPrice)) (\(change.old.priceYear))",
                new: "\(change.code) \(DutchNumber.euro(change.new.unitPrice)) (\(change.new.priceYear))", reason: reason))
        }
        updated.priceListVersion = list.version
        return (updated, changes, missing)
    }

    /// What `list` makes of one line's item.
    public enum ItemOnList: Hashable, Sendable {
        case unchanged
        case moved(PricedItem)
        case missing
    }

    /// One line's item on `list`: the line's own wording stays, and only a moved price or price
    /// year counts (the grade follows the list for lines that change anyway). Shared by the
    /// re-pricing of cases and of drafts, so both move the same lines.
    public static func priced(_ item: PricedItem, on list: PriceList) -> ItemOnList {
        guard let current = list.item(item.code) else { return .missing }
        var fresh = PricedItem(current)
        fresh.description = item.description
        return fresh.unitPrice != item.unitPrice || fresh.priceYear != item.priceYear ? .moved(fresh) : .unchanged
    }
}
