import Foundation
import RendementsDomain

/// Settings of one business case, kept as `businesscase.json` in its folder.
public struct BusinessCaseSettings: Codable, Hashable, Sendable {
    /// Shown on the start screen and in reports.
    public var name: String
    public var organisation: String
    /// Hourly rates that replace the price list's defaults, by rate code.
    public var hourlyRateOverrides: [String: Money]
    /// True when the folder holds the shipped, fictional example cases.
    public var fictionalExamples: Bool
    /// Interventions this organisation offers besides the standard list.
    public var interventions: [String]
    /// The year reports bring prices to (nil: each price stays in its own price year).
    public var reportYear: Int?
    /// Discount rate for later years of a multi-year line (default 2,25 %, the Dutch MKBA rate).
    public var discountRate: Percentage?
    /// Conservative cut per confidence grade (`groen`, `oranje`, `rood`); defaults 0, 20 and 40 %.
    public var gradeCuts: [String: Percentage]?
    /// Whether `RENDEMENTSMETER_USER` may name someone other than the operating-system account
    /// (for demonstrations and tests); off unless a business case says so.
    public var allowUserOverride: Bool

    public init(name: String, organisation: String = "", hourlyRateOverrides: [String: Money] = [:], fictionalExamples: Bool = false,
                interventions: [String] = []) {
        self.name = name
        self.organisation = organisation
        self.hourlyRateOverrides = hourlyRateOverrides
        self.fictionalExamples = fictionalExamples
        self.interventions = interventions
        allowUserOverride = false
    }

    private enum CodingKeys: String, CodingKey {
        case name, organisation, hourlyRateOverrides, fictionalExamples, interventions, reportYear, discountRate, gradeCuts, allowUserOverride
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        organisation = try container.decodeIfPresent(String.self, forKey: .organisation) ?? ""
        hourlyRateOverrides = try container.decodeIfPresent([String: Money].self, forKey: .hourlyRateOverrides) ?? [:]
        fictionalExamples = try container.decodeIfPresent(Bool.self, forKey: .fictionalExamples) ?? false
        interventions = try container.decodeIfPresent([String].self, forKey: .interventions) ?? []
        reportYear = try container.decodeIfPresent(Int.self, forKey: .reportYear)
        discountRate = try container.decodeIfPresent(Percentage.self, forKey: .discountRate)
        gradeCuts = try container.decodeIfPresent([String: Percentage].self, forKey: .gradeCuts)
        allowUserOverride = try container.decodeIfPresent(Bool.self, forKey: .allowUserOverride) ?? false
        if let reportYear, !ValueBounds.years.contains(reportYear) {
            throw DecodingError.dataCorruptedError(forKey: .reportYear, in: container,
                                                   debugDescription: "reportYear \(reportYear) ligt buiten \(ValueBounds.years.lowerBound)–\(ValueBounds.years.upperBound)")
        }
    }

    /// The settings, or the defaults with the problem that made them unusable. An impossible own
    /// hourly rate is dropped (the price list's rate counts) and named; the other settings stay.
    /// Settings from the text of a `businesscase.json` kept elsewhere (a server); nil when unreadable.
    public static func decode(_ text: String) -> BusinessCaseSettings? {
        try? JSONDecoder().decode(BusinessCaseSettings.self, from: Data(text.utf8))
    }

    public static func loadOrDefaults(folder: URL) -> (BusinessCaseSettings, [Problem]) {
        var settings: BusinessCaseSettings
        switch load(folder: folder) {
        case .success(let loaded): settings = loaded
        case .failure(let problem): return (BusinessCaseSettings(name: folder.lastPathComponent), [problem])
        }
        var problems: [Problem] = []
        for (code, rate) in settings.hourlyRateOverrides.sorted(by: { $0.key < $1.key })
        where rate.cents <= 0 || rate.cents > ValueBounds.maximumHourlyRateCents {
            settings.hourlyRateOverrides[code] = nil
            problems.append(Problem(file: CaseStore.settingsFileName, message:
                "uurtarief '\(code)' van \(DutchNumber.euro(rate)) kan niet (hoort meer dan € 0 en hooguit \(DutchNumber.euro(Money(cents: ValueBounds.maximumHourlyRateCents))) te zijn); het tarief van de prijslijst telt, het bestand blijft onveranderd"))
        }
        return (settings, problems)
    }

    /// Reads the settings; a missing file gives defaults named after the folder.
    public static func load(folder: URL) -> Result<BusinessCaseSettings, Problem> {
        let url = folder.appendingPathComponent(CaseStore.settingsFileName)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .success(BusinessCaseSettings(name: folder.lastPathComponent))
        }
        do {
            return .success(try JSONDecoder().decode(BusinessCaseSettings.self, from: data))
        } catch {
            let detail = (error as? DecodingError).map(CaseCodec.describe) ?? CaseCodec.syntaxDetail(data)
            return .failure(Problem(file: CaseStore.settingsFileName, message:
                "de instellingen van de business case zijn onleesbaar (\(detail)); standaardwaarden worden gebruikt, het bestand blijft onveranderd"))
        }
    }

    /// How this business case computes estimates; `reportYear` overrides the configured year.
    public func estimateOptions(_ list: PriceList?, reportYear override: Int? = nil) -> EstimateOptions {
        var options = EstimateOptions.from(list, reportYear: override ?? reportYear)
        if let discountRate { options.discountRate = discountRate }
        for (name, cut) in gradeCuts ?? [:] {
            if let grade = ConfidenceGrade(rawValue: name) { options.gradeCuts[grade] = cut }
        }
        return options
    }

    /// The price list's hourly rates with this business case's own rates applied.
    public func effectiveHourlyRates(_ list: PriceList) -> [HourlyRate] {
        list.hourlyRates.map { rate in
            guard let own = hourlyRateOverrides[rate.code] else { return rate }
            return HourlyRate(code: rate.code, description: rate.description, rate: own, priceYear: rate.priceYear, source: "eigen tarief (businesscase.json)")
        }
    }
}
