import Foundation
@testable import RendementsDomain

/// Small builders so each test states only the numbers it is about.
enum Fixture {
    static func money(_ text: String) -> Money {
        guard let money = Money(euros: text) else { fatalError("bad fixture amount \(text)") }
        return money
    }

    static func percent(_ value: Decimal) -> Percentage {
        guard let percentage = Percentage(value) else { fatalError("bad fixture percentage \(value)") }
        return percentage
    }

    static func day(_ iso: String) -> CalendarDay {
        guard let day = CalendarDay(iso: iso) else { fatalError("bad fixture date \(iso)") }
        return day
    }

    static func item(_ code: String, law: String, price: String, kind: PriceKind = .kosten) -> PricedItem {
        PricedItem(code: code, law: law, description: code, unit: "stuk", unitPrice: money(price), priceYear: 2022, kind: kind)
    }

    static func avoided(_ code: String, law: String, price: String, count: Decimal, likelihood: Decimal, kind: PriceKind = .kosten) -> AvoidedCareLine {
        AvoidedCareLine(item: item(code, law: law, price: price, kind: kind), quantity: .count(count), likelihood: percent(likelihood), reasoning: "omdat")
    }

    static func record(
        id: String = "C-0001", status: CaseStatus = .ingediend, intervention: String = "Sociaal Recept", team: String = "Team Noord",
        end: String = "2025-04-30", domains: [LifeDomain] = [.socialeRelaties], hours: Decimal = 10, rate: String = "64.00",
        deployed: [DeployedCareLine] = [], avoided: [AvoidedCareLine] = [], attribution: Decimal = 100
    ) -> CaseRecord {
        CaseRecord(
            id: id, status: status, author: "tester",
            context: CaseContext(intervention: intervention, team: team, municipality: "Teststad", periodStart: day("2025-01-01"),
                                 periodEnd: day(end), lifeDomains: domains),
            effort: OwnEffort(workers: [WorkerHours(rateCode: "sociaal-werker", description: "Sociaal werker", hours: hours, hourlyRate: money(rate))]),
            deployed: deployed, avoided: avoided, attribution: percent(attribution), priceListVersion: "test")
    }
}

/// The same numbers on every run: a linear congruential generator (Knuth's MMIX constants).
struct SeededNumbers {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number in 0..<bound.
    mutating func next(_ bound: UInt64) -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return (state >> 33) % bound
    }
}
