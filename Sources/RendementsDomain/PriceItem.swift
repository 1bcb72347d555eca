import Foundation

/// One line of the societal price list: a unit of care or cost with its price and source.
public struct PriceItem: Hashable, Sendable {
    public let code: String
    public let lawCode: String
    public let category: String
    public let description: String
    public let unit: String
    public let price: Money
    public let priceYear: Int
    public let source: String
    public let grade: ConfidenceGrade
    public let kind: PriceKind
    /// Extra search words (`fysio` for Fysiotherapie).
    public let synonyms: [String]
    /// Optional low and high unit prices where the source gives a range.
    public let lowPrice: Money?
    public let highPrice: Money?

    public init(
        code: String, lawCode: String, category: String, description: String, unit: String,
        price: Money, priceYear: Int, source: String, grade: ConfidenceGrade, kind: PriceKind,
        synonyms: [String] = [], lowPrice: Money? = nil, highPrice: Money? = nil
    ) {
        self.code = code
        self.lawCode = lawCode
        self.category = category
        self.description = description
        self.unit = unit
        self.price = price
        self.priceYear = priceYear
        self.source = source
        self.grade = grade
        self.kind = kind
        self.synonyms = synonyms
        self.lowPrice = lowPrice
        self.highPrice = highPrice
    }
}

/// A default hourly rate for a kind of worker (own effort), overridable per business case.
public struct HourlyRate: Hashable, Sendable {
    public let code: String
    public let description: String
    public let rate: Money
    public let priceYear: Int
    public let source: String

    public init(code: String, description: String, rate: Money, priceYear: Int, source: String) {
        self.code = code
        self.description = description
        self.rate = rate
        self.priceYear = priceYear
        self.source = source
    }
}

/// Year-on-year change of a price index (CBS CPI by default), in percent.
public struct IndexYear: Hashable, Sendable {
    public let year: Int
    public let changePercent: Decimal
    public let source: String

    public init(year: Int, changePercent: Decimal, source: String) {
        self.year = year
        self.changePercent = changePercent
        self.source = source
    }
}
