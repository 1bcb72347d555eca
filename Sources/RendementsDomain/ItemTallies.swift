/// How often and for how much each price-list item was avoided, by item code, with the
/// description and law of the first line summed that named it.
struct ItemTallies: Sendable {
    private(set) var tallies: [ItemSum] = []
    private var positions: [String: Int] = [:]

    /// Adds a tally of cases summed later, whose positions start at `offset`.
    mutating func add(_ later: ItemSum, offset: Int32) {
        if let known = positions[later.code] {
            tallies[known].add(later, offset: offset)
        } else {
            var first = ItemSum(code: later.code, description: later.description, law: later.law)
            first.add(later, offset: offset)
            positions[later.code] = tallies.count
            tallies.append(first)
        }
    }
}
