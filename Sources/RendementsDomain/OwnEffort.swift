import Foundation

/// The cost side of the return: the worker's hours, volunteer hours and other costs.
public struct OwnEffort: Hashable, Codable, Sendable {
    /// Who pays for the social work (usually the municipality under the Wmo).
    public var law: String
    public var workers: [WorkerHours]
    public var volunteerHours: Decimal
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

    private enum CodingKeys: String, CodingKey { case law, workers, volunteerHours, volunteerRate, otherCosts }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        law = try container.decode(String.self, forKey: .law)
        workers = try container.decode([WorkerHours].self, forKey: .workers)
        volunteerHours = try container.decode(HoursText.self, forKey: .volunteerHours).value
        volunteerRate = try container.decode(Money.self, forKey: .volunteerRate)
        otherCosts = try container.decode([OtherCost].self, forKey: .otherCosts)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(law, forKey: .law)
        try container.encode(workers, forKey: .workers)
        try container.encode(HoursText(value: volunteerHours), forKey: .volunteerHours)
        try container.encode(volunteerRate, forKey: .volunteerRate)
        try container.encode(otherCosts, forKey: .otherCosts)
    }
}

/// Hours of one kind of worker at an hourly rate.
public struct WorkerHours: Hashable, Codable, Sendable {
    /// The hourly-rate code in the price list (`sociaal-werker`).
    public var rateCode: String
    public var description: String
    public var hours: Decimal
    public var hourlyRate: Money

    public init(rateCode: String, description: String, hours: Decimal, hourlyRate: Money) {
        self.rateCode = rateCode
        self.description = description
        self.hours = hours
        self.hourlyRate = hourlyRate
    }

    private enum CodingKeys: String, CodingKey { case rateCode, description, hours, hourlyRate }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rateCode = try container.decode(String.self, forKey: .rateCode)
        description = try container.decode(String.self, forKey: .description)
        hours = try container.decode(HoursText.self, forKey: .hours).value
        hourlyRate = try container.decode(Money.self, forKey: .hourlyRate)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rateCode, forKey: .rateCode)
        try container.encode(description, forKey: .description)
        try container.encode(HoursText(value: hours), forKey: .hours)
        try container.encode(hourlyRate, forKey: .hourlyRate)
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

/// A non-negative decimal stored as text in files, so it stays exact.
struct HoursText: Codable {
    let value: Decimal

    init(value: Decimal) { self.value = value }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = DecimalText.parse(text), value >= 0 else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "geen geldig aantal uren: '\(text)'")
        }
        self.value = value
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(DecimalText.format(value))
    }
}
