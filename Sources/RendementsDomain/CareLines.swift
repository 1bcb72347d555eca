/// Care the worker arranged that did cost money (voorkomen is elsewhere): priced at price × quantity.
public struct DeployedCareLine: Hashable, Codable, Sendable {
    public var item: PricedItem
    public var quantity: Quantity
    public var note: String

    public init(item: PricedItem, quantity: Quantity, note: String = "") {
        self.item = item
        self.quantity = quantity
        self.note = note
    }
}

/// Care that would probably have been needed without the intervention.
public struct AvoidedCareLine: Hashable, Codable, Sendable {
    public var item: PricedItem
    public var quantity: Quantity
    /// How likely the care would have been needed without the intervention.
    public var likelihood: Percentage
    /// One line: why the worker thinks so.
    public var reasoning: String

    public init(item: PricedItem, quantity: Quantity, likelihood: Percentage, reasoning: String) {
        self.item = item
        self.quantity = quantity
        self.likelihood = likelihood
        self.reasoning = reasoning
    }
}
