/// A versioned societal price list: laws, items, hourly rates and the index table.
public struct PriceList: Equatable, Sendable {
    public let name: String
    public let version: String
    public let laws: [Law]
    public let items: [PriceItem]
    public let hourlyRates: [HourlyRate]
    public let index: [IndexYear]
    /// Pairs of items that must not both be counted for the same case (one includes the other).
    public let exclusions: [Exclusion]

    private let itemsByCode: [String: PriceItem]
    private let lawsByCode: [String: Law]

    public init(name: String, version: String, laws: [Law], items: [PriceItem], hourlyRates: [HourlyRate], index: [IndexYear],
                exclusions: [Exclusion] = []) {
        self.exclusions = exclusions
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

    /// Warnings for items in one case that count the same care twice.
    public func doubleCounting(_ codes: [String]) -> [String] {
        let present = Set(codes)
        return exclusions.filter { present.contains($0.code) && present.contains($0.excludes) }.map { exclusion in
            "\(item(exclusion.code)?.description ?? exclusion.code) en \(item(exclusion.excludes)?.description ?? exclusion.excludes) tellen dezelfde zorg dubbel: \(exclusion.reason)"
        }
    }

    /// The display name of a law code, or the code itself when the list lacks it.
    public func lawName(_ code: String) -> String { lawsByCode[code]?.name ?? code }
}

/// Two price-list items that exclude each other within one case (a nursing-home day includes day care).
public struct Exclusion: Hashable, Sendable {
    public let code: String
    public let excludes: String
    public let reason: String

    public init(code: String, excludes: String, reason: String) {
        self.code = code
        self.excludes = excludes
        self.reason = reason
    }
}
