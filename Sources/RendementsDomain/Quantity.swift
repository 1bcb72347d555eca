import Foundation

/// How much care: a plain count, or a rate over a duration ("2 uur per week, 26 weken").
public enum Quantity: Hashable, Sendable {
    case count(Decimal)
    case rate(amount: Decimal, per: String, periods: Decimal)

    /// The number of units the line prices.
    public var units: Decimal {
        switch self {
        case .count(let count): count
        case .rate(let amount, _, let periods): amount * periods
        }
    }

    /// `units` as exact integer parts, without Decimal arithmetic.
    public var exactUnits: ExactFactor? {
        switch self {
        case .count(let count): ExactFactor(count)
        case .rate(let amount, _, let periods): ExactFactor(amount).flatMap { amount in ExactFactor(periods).flatMap(amount.times) }
        }
    }

    /// `4 uur`, or `2 uur per week × 26 weken`: the unit goes with the amount, never with the periods.
    public func dutchText(unit: String) -> String {
        switch self {
        case .count(let count): "\(DutchNumber.readable(count)) \(unit)"
        case .rate(let amount, let per, let periods):
            "\(DutchNumber.readable(amount)) \(unit) per \(per) × \(DutchNumber.readable(periods)) \(Quantity.plural(per, periods))"
        }
    }

    /// `dag`/`dagen`, `week`/`weken`, …: singular for one period.
    static func plural(_ period: String, _ count: Decimal) -> String {
        count == 1 ? period : periodPlural(period)
    }

    /// `dagen`, `weken`, `maanden`, `jaren`: the one table of period names.
    public static func periodPlural(_ period: String) -> String {
        switch period {
        case "dag": "dagen"
        case "week": "weken"
        case "maand": "maanden"
        case "jaar": "jaren"
        default: period
        }
    }

    /// `1.500` or `2 per week × 26`, thousands grouped: for reading, not for history or drafts.
    public var readableText: String {
        switch self {
        case .count(let count): DutchNumber.readable(count)
        case .rate(let amount, let per, let periods): "\(DutchNumber.readable(amount)) per \(per) × \(DutchNumber.readable(periods))"
        }
    }

    /// `4` or `2 per week × 26`: as history events record it.
    public var dutchText: String {
        switch self {
        case .count(let count): DutchNumber.decimal(count)
        case .rate(let amount, let per, let periods): "\(DutchNumber.decimal(amount)) per \(per) × \(DutchNumber.decimal(periods))"
        }
    }
}

extension Quantity: Codable {
    private enum CodingKeys: String, CodingKey { case count, rate, per, periods }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.count) {
            self = .count(try Quantity.decimal(container, .count))
        } else {
            let per = try container.decode(String.self, forKey: .per)
            self = .rate(amount: try Quantity.decimal(container, .rate), per: per, periods: try Quantity.decimal(container, .periods))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .count(let count):
            try container.encode(DecimalText.format(count), forKey: .count)
        case .rate(let amount, let per, let periods):
            try container.encode(DecimalText.format(amount), forKey: .rate)
            try container.encode(per, forKey: .per)
            try container.encode(DecimalText.format(periods), forKey: .periods)
        }
    }

    private static func decimal(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Decimal {
        let text = try container.decode(String.self, forKey: key)
        guard let value = DecimalText.parse(text), value >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "geen geldige hoeveelheid: '\(text)' (verwacht een getal ≥ 0, zoals 2.5)")
        }
        return value
    }
}
