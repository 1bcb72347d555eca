import RendementsDomain

/// The author's rework put onto a newer version of its case: what the author changed since the
/// version the rework began from, on top of what the other writer changed meanwhile.
///
/// A second `i` after a save conflict replaced the newer version whole: a beheerder's re-pricing
/// was undone in the author's name, and an edit from another window was lost (helper-33). Now
/// each field (and each field of each care line) takes the side that changed it. Where both
/// changed the same field differently, the author's value stands and the field is named, so the
/// author sees it before submitting again.
public struct DraftMerge: Sendable {
    /// The draft to go on with, based on the newer version.
    public let draft: IntakeDraft
    /// Fields both sides changed differently, in Dutch (`team`, `voorkomen regel 2`); the draft holds the author's value.
    public let bothChanged: [String]
    /// Codes of lines still priced with the older list: moved onto the newer version's list, a
    /// line the author added takes its price from that version's lines of the same item, and an
    /// item none of them has keeps its old price until the list itself re-prices it.
    public let unpriced: [String]

    /// `base`: the case as the rework began; `mine`: the rework; `theirs`: the case as it is now.
    public init(base: CaseRecord, mine: IntakeDraft, theirs: CaseRecord) {
        let old = IntakeDraft(editing: base), new = IntakeDraft(editing: theirs)
        var merged = mine
        var conflicts: [String] = []
        func take<Value: Equatable>(_ field: WritableKeyPath<IntakeDraft, Value>, _ name: String) {
            switch Self.side(old[keyPath: field], mine[keyPath: field], new[keyPath: field]) {
            case .theirs: merged[keyPath: field] = new[keyPath: field]
            case .both: conflicts.append(name)
            case .mine: break
            }
        }
        take(\.intervention, "interventie")
        take(\.team, "team")
        take(\.municipality, "gemeente")
        take(\.periodStart, "begindatum")
        take(\.periodEnd, "einddatum")
        take(\.referrer, "verwijzer")
        take(\.ageBand, "leeftijd")
        take(\.household, "huishouden")
        take(\.lifeDomains, "leefgebieden")
        take(\.situation, CaseStory.labels.situation.lowercased())
        take(\.approach, CaseStory.labels.approach.lowercased())
        take(\.result, CaseStory.labels.result.lowercased())
        take(\.workerHours, "uren")
        take(\.workerRates, "uurtarieven")
        take(\.effortLaw, "wet van de eigen inzet")
        take(\.volunteerHours, "uren vrijwilligers")
        take(\.otherCostDescription, "overige kosten")
        take(\.otherCostAmount, "bedrag overige kosten")
        take(\.attribution, "toerekening")
        for kind in LineKind.allCases {
            let (lines, clashes) = Self.lines(old.lines(kind), mine.lines(kind), new.lines(kind), kind: kind)
            merged.setLines(kind, lines)
            conflicts += clashes
        }
        // A price list never goes back: the rework stands on the newer of the two lists, and its
        // lines take that list's prices from the newer version's lines of the same item.
        var unpricedCodes: [String] = []
        if VersionOrder(mine.priceListVersion) < VersionOrder(theirs.priceListVersion) {
            merged.priceListVersion = theirs.priceListVersion
            var items: [String: PricedItem] = [:]
            for line in new.deployed + new.avoided { items[line.item.code] = line.item }
            for kind in LineKind.allCases {
                merged.setLines(kind, merged.lines(kind).map { line in
                    var line = line
                    if let item = items[line.item.code] { line.item = item } else { unpricedCodes.append(line.item.code) }
                    return line
                })
            }
        }
        unpriced = unpricedCodes
        merged.editingRevision = theirs.revision
        merged.editingBase = theirs
        draft = merged
        bothChanged = conflicts
    }

    private enum Side { case mine, theirs, both }

    private static func side<Value: Equatable>(_ base: Value, _ mine: Value, _ theirs: Value) -> Side {
        if mine == base || mine == theirs { return theirs == base ? .mine : .theirs }
        return theirs == base ? .mine : .both
    }

    /// Line by line where both kept the lines the rework began with, each with its item (a
    /// re-pricing changes only their prices); lines the author added come after them. Otherwise
    /// the list is one field: lines matched by position alone made a line neither side wrote
    /// (helper-34: the other window's new item with this window's quantity).
    private static func lines(_ base: [DraftLine], _ mine: [DraftLine], _ theirs: [DraftLine], kind: LineKind) -> ([DraftLine], [String]) {
        let name = kind == .deployed ? "ingezette zorg" : "voorkomen"
        let sameLines = theirs.count == base.count && mine.count >= base.count
            && base.indices.allSatisfy { base[$0].item.code == mine[$0].item.code && base[$0].item.code == theirs[$0].item.code }
        guard sameLines else {
            switch side(base, mine, theirs) {
            case .mine: return (mine, [])
            case .theirs: return (theirs, [])
            case .both: return (mine, ["\(name) (de regels)"])
            }
        }
        var merged: [DraftLine] = []
        var conflicts: [String] = []
        for index in base.indices {
            var line = mine[index]
            var clash = false
            func take<Value: Equatable>(_ field: WritableKeyPath<DraftLine, Value>) {
                switch side(base[index][keyPath: field], mine[index][keyPath: field], theirs[index][keyPath: field]) {
                case .theirs: line[keyPath: field] = theirs[index][keyPath: field]
                case .both: clash = true
                case .mine: break
                }
            }
            take(\.item)
            take(\.quantity)
            take(\.per)
            take(\.periods)
            take(\.likelihood)
            take(\.customLikelihood)
            take(\.text)
            take(\.certainty)
            take(\.years)
            take(\.dropOff)
            take(\.lowQuantity)
            take(\.highQuantity)
            take(\.lowLikelihood)
            take(\.highLikelihood)
            if clash { conflicts.append("\(name) regel \(index + 1)") }
            merged.append(line)
        }
        return (merged + mine.dropFirst(base.count), conflicts)
    }
}
