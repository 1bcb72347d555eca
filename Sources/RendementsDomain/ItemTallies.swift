/// How often and for how much each price-list item was avoided, by item code: added to once for
/// every avoided line of every counted case, so once per dashboard filter key a million times.
struct ItemTallies: Sendable {
    private(set) var tallies: [ItemSum] = []
    private var positions: [String: Int] = [:]
    /// The item names seen last and their tally, by address. Lines read from the index share one
    /// `ItemName` per item, so a line finds its tally by identity; hashing its code for every line
    /// was a quarter of summing 100,000 cases. The names are held, so an address is never reused.
    private var recent: [(item: CaseFigures.ItemName?, position: Int)] = []

    private static let recentSize = 4_096

    mutating func add(_ line: CaseFigures.Line, position casePosition: Int32) {
        if recent.isEmpty { recent = Array(repeating: (nil, 0), count: Self.recentSize) }
        let slot = Int(truncatingIfNeeded: (UInt(bitPattern: ObjectIdentifier(line.item)) >> 4) % UInt(Self.recentSize))
        let position: Int
        if recent[slot].item === line.item {
            position = recent[slot].position
        } else {
            position = self.position(code: line.code) { ItemSum(code: line.code, description: line.description, law: line.law) }
            recent[slot] = (line.item, position)
        }
        tallies[position].add(line.value, position: casePosition)
    }

    /// Adds the tallies of cases read later, whose positions start at `offset`.
    mutating func merge(_ later: ItemTallies, offset: Int32) {
        for tally in later.tallies {
            let position = self.position(code: tally.code) { ItemSum(code: tally.code, description: tally.description, law: tally.law) }
            tallies[position].add(tally, offset: offset)
        }
    }

    private mutating func position(code: String, new: () -> ItemSum) -> Int {
        if let known = positions[code] { return known }
        tallies.append(new())
        positions[code] = tallies.count - 1
        return tallies.count - 1
    }
}
