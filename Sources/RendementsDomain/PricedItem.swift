/// The price-list facts a case line was priced with, copied into the case so
/// that a newer price list never silently changes an old case.
public struct PricedItem: Hashable, Codable, Sendable {
    public var code: String
    public var law: String
    public var description: String
    public var unit: String
    public var unitPrice: Money
    public var priceYear: Int
    public var kind: PriceKind
    /// The price's confidence grade when the line was priced (nil in cases from before grades were kept).
    public var grade: ConfidenceGrade?

    public init(code: String, law: String, description: String, unit: String, unitPrice: Money, priceYear: Int, kind: PriceKind,
                grade: ConfidenceGrade? = nil) {
        self.code = code
        self.law = law
        self.description = description
        self.unit = unit
        self.unitPrice = unitPrice
        self.priceYear = priceYear
        self.kind = kind
        self.grade = grade
    }

    /// Snapshots a price-list item for a new line.
    public init(_ item: PriceItem) {
        self.init(code: item.code, law: item.lawCode, description: item.description, unit: item.unit,
                  unitPrice: item.price, priceYear: item.priceYear, kind: item.kind, grade: item.grade)
    }
}
