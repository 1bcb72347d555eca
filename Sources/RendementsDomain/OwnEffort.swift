import Foundation

/// The cost side of the return: the worker's hours, volunteer hours and other costs.
public struct OwnEffort: Hashable, Codable, Sendable {
    /// Who pays for the social work (usually the municipality under the Wmo).
    public var law: String
    public var workers: [WorkerHours]
    @ExactText public var volunteerHours: Decimal
    public var volunteerRate: Money
    public var otherCosts: [OtherCost]

    public init(law: String = "wmo", workers: [WorkerHours] = [], volunteerHours: Decimal = 0,
                volunteerRate: Money = .zero, otherCosts: [OtherCost] = []) {
        self.law = law
        self.workers = workers
        self.volunteerHours = volunteerHours
        self.volunteerRate = volunteerRate
        self.otherCosts = otherCosts
    }
}

/// Hours of one kind of worker at an hourly rate.
public struct WorkerHours: Hashable, Codable, Sendable {
    /// The hourly-rate code in the price list (`sociaal-werker`).
    public var rateCode: String
    public var description: String
    @ExactText public var hours: Decimal
    public var hourlyRate: Money

    public init(rateCode: String, description: String, hours: Decimal, hourlyRate: Money) {
        self.rateCode = rateCode
        self.description = description
        self.hours = hours
        self.hourlyRate = hourlyRate
    }
}

/// A cost of the intervention that is not hours (materials, travel, an activity).
public struct OtherCost: Hashable, Codable, Sendable {
    public var description: String
    public var amount: Money

    public init(description: String, amount: Money) {
        self.description = description
        self.amount = amount
    }
}

/// A non-negative decimal stored as text in files (`"12.5"`), so it stays exact.
@propertyWrapper
public struct ExactText: Hashable, Codable, Sendable {
    public var wrappedValue: Decimal

    public init(wrappedValue: Decimal) { self.wrappedValue = wrappedValue }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = DecimalText.parse(text), value >= 0 else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "geen geldig aantal: '\(text)' (verwacht een getal ≥ 0, zoals 2.5)")
        }
        wrappedValue = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(DecimalText.format(wrappedValue))
    }
}
