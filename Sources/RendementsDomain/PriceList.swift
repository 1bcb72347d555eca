/// A versioned societal price list: laws, items, hourly rates and the index table.
public struct PriceList: Sendable {
    public let name: String
    public let version: String
    public let laws: [Law]
    public let items: [PriceItem]
    public let hourlyRates: [HourlyRate]
    public let index: [IndexYear]

    private let itemsByCode: [String: PriceItem]
    private let lawsByCode: [String: Law]

    public init(name: String, version: String, laws: [Law], items: [PriceItem], hourlyRates: [HourlyRate], index: [IndexYear]) {
        self.name = name
        self.version = version
        self.laws = laws
        self.items = items
        self.hourlyRates = hourlyRates
        self.index = index
        itemsByCode = Dictionary(items.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        lawsByCode = Dictionary(laws.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func item(_ code: String) -> PriceItem? { itemsByCode[code] }
    public func law(_ code: String) -> Law? { lawsByCode[code] }
    public func hourlyRate(_ code: String) -> HourlyRate? { hourlyRates.first { $0.code == code } }

    /// The display name of a law code, or the code itself when the list lacks it.
    public func lawName(_ code: String) -> String { lawsByCode[code]?.name ?? code }
}
