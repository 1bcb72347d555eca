import Foundation

/// Brings prices from their own price year to one report year with year-on-year
/// index changes (CBS CPI by default). Exact: the factor is a product of decimals.
public struct PriceIndex: Hashable, Sendable {
    /// Year-on-year change in percent, by the year it applies to (2023: +3,8 % from 2022 to 2023).
    public let changes: [Int: Decimal]

    public init(changes: [Int: Decimal]) { self.changes = changes }

    public init(_ years: [IndexYear]) {
        changes = Dictionary(years.map { ($0.year, $0.changePercent) }, uniquingKeysWith: { first, _ in first })
    }

    /// The factor from `from` to `to`: Π (1 + change/100) over the years after `from` up to `to`
    /// (the inverse when going back). Missing years are an error, never a factor of 1.
    public func factor(from: Int, to: Int) throws(IndexError) -> Decimal {
        guard from != to else { return 1 }
        // Never build a list of years from an absurd year (a typo or a hostile file).
        let outside = [from, to].filter { !ValueBounds.years.contains($0) }
        guard outside.isEmpty else { throw IndexError(from: from, to: to, missingYears: outside) }
        let years = from < to ? Array((from + 1)...to) : Array((to + 1)...from)
        let missing = years.filter { changes[$0] == nil }
        guard missing.isEmpty else { throw IndexError(from: from, to: to, missingYears: missing) }
        let product = years.reduce(Decimal(1)) { $0 * (1 + (changes[$1] ?? 0) / 100) }
        return from < to ? product : 1 / product
    }
}

/// A price that cannot be brought to the report year.
public struct IndexError: Error, Hashable, Sendable {
    public init(from: Int, to: Int, missingYears: [Int]) {
        self.from = from
        self.to = to
        self.missingYears = missingYears
    }

    public let from: Int
    public let to: Int
    public let missingYears: [Int]

    public var dutchMessage: String {
        "van prijsjaar \(from) naar \(to) ontbreekt het indexcijfer voor \(missingYears.map(String.init).joined(separator: ", ")); vul index.csv van de prijslijst aan"
    }
}
