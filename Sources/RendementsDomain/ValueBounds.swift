import Foundation

/// The sane range of every number a case holds, so that no typed or imported
/// value can overflow the exact arithmetic: with at most € 100 million per line,
/// Int64 cents leave room for about 900 million lines in one total.
public enum ValueBounds {
    /// € 100 million: the most one line (avoided, deployed or own effort) may be worth.
    public static let maximumLineCents: Int64 = 10_000_000_000
    /// The most units one line may count (days, hours, visits): a million.
    public static let maximumQuantity: Decimal = 1_000_000
    /// The most hours of own effort per kind of worker.
    public static let maximumHours: Decimal = 100_000
    /// € 10.000: the highest hourly rate taken as plausible.
    public static let maximumHourlyRateCents: Int64 = 1_000_000
    /// Years of dates, price years and report years.
    public static let years = 1900...2100
    /// Years a line may run.
    public static let horizonYears = 1...30

    /// `€ 100.000.000`, for messages.
    public static var maximumLineText: String { DutchNumber.euro(Money(cents: maximumLineCents)) }

    /// Dutch messages, each naming its field, for every value of a case outside these bounds.
    public static func problems(_ record: CaseRecord) -> [String] {
        var problems: [String] = []
        // Places are named only for a problem: made for every line of every case, their texts
        // were most of this check (it runs on every case read).
        func quantity(_ quantity: Quantity?, _ place: () -> String) {
            if let quantity, quantity.units > maximumQuantity {
                problems.append("\(place()): hoeveelheid \(DutchNumber.readable(quantity.units)) is groter dan het maximum van \(DutchNumber.readable(maximumQuantity))")
            }
        }
        func price(_ item: PricedItem, _ place: () -> String) {
            if item.unitPrice.cents <= 0 { problems.append("\(place()): de prijs van '\(item.code)' moet groter zijn dan € 0") }
            if item.unitPrice.cents > maximumLineCents { problems.append("\(place()): de prijs van '\(item.code)' is groter dan \(maximumLineText)") }
            if !years.contains(item.priceYear) { problems.append("\(place()): prijsjaar \(item.priceYear) ligt buiten \(years.lowerBound)–\(years.upperBound)") }
        }
        for (index, line) in record.avoided.enumerated() {
            func place() -> String { "voorkomen zorg regel \(index + 1)" }
            price(line.item, place)
            quantity(line.quantity, place)
            quantity(line.lowQuantity, place)
            quantity(line.highQuantity, place)
            if let horizon = line.horizonYears, !horizonYears.contains(horizon) {
                problems.append("\(place()): het aantal jaren \(horizon) ligt buiten \(horizonYears.lowerBound)–\(horizonYears.upperBound)")
            }
        }
        for (index, line) in record.deployed.enumerated() {
            func place() -> String { "ingezette zorg regel \(index + 1)" }
            price(line.item, place)
            quantity(line.quantity, place)
        }
        for worker in record.effort.workers {
            let place = "eigen inzet '\(worker.description)'"
            if worker.hourlyRate.cents < 0 { problems.append("\(place): een negatief uurtarief (\(DutchNumber.euro(worker.hourlyRate))) kan niet") }
            if worker.hourlyRate.cents > maximumHourlyRateCents { problems.append("\(place): uurtarief \(DutchNumber.euro(worker.hourlyRate)) is onwaarschijnlijk hoog") }
            if worker.hours > maximumHours { problems.append("\(place): \(DutchNumber.readable(worker.hours)) uur is meer dan het maximum van \(DutchNumber.readable(maximumHours))") }
        }
        if record.effort.volunteerRate.cents < 0 { problems.append("vrijwilligers: een negatief uurtarief kan niet") }
        if record.effort.volunteerRate.cents > maximumHourlyRateCents { problems.append("vrijwilligers: het uurtarief is onwaarschijnlijk hoog") }
        if record.effort.volunteerHours > maximumHours { problems.append("vrijwilligers: meer dan \(DutchNumber.readable(maximumHours)) uur") }
        for cost in record.effort.otherCosts {
            if cost.amount.cents < 0 { problems.append("overige kosten '\(cost.description)': een negatief bedrag kan niet") }
            if cost.amount.cents > maximumLineCents { problems.append("overige kosten '\(cost.description)': groter dan \(maximumLineText)") }
        }
        for (name, day) in [("begindatum", record.context.periodStart), ("einddatum", record.context.periodEnd)] where !years.contains(day.year) {
            problems.append("\(name) \(day.dutch) ligt buiten \(years.lowerBound)–\(years.upperBound)")
        }
        return problems
    }
}
