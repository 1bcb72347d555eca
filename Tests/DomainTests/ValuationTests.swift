import Foundation
import Testing
@testable import RendementsDomain

@Suite("Case arithmetic per law, to the cent")
struct ValuationTests {
    @Test("avoided line = price × quantity × likelihood × attribution, half-even once")
    func avoidedLine() throws {
        // 30.87 × 6 × 0.75 × 0.70 = 97.2405 → 97.24
        let line = Fixture.avoided("ZVW-HA-CONSULT", law: "zvw", price: "30.87", count: 6, likelihood: 75)
        #expect(try CaseValuation.avoidedValue(line, attribution: Fixture.percent(70), options: .plain) == Fixture.money("97.24"))
        // 20.85 × 5 × 0.50 × 0.70 = 36.4875 → 36.49 (half-even: 36.48|75 rounds up, not a tie)
        let poh = Fixture.avoided("ZVW-POH-GGZ", law: "zvw", price: "20.85", count: 5, likelihood: 50)
        #expect(try CaseValuation.avoidedValue(poh, attribution: Fixture.percent(70), options: .plain) == Fixture.money("36.49"))
        // A true tie: 0.25 × 1 × 0.50 × 1 = 0.125 → 0.12 (even), 0.35 × 0.5 = 0.175 → 0.18 (even)
        let tieDown = Fixture.avoided("X", law: "wmo", price: "0.25", count: 1, likelihood: 50)
        let tieUp = Fixture.avoided("Y", law: "wmo", price: "0.35", count: 1, likelihood: 50)
        #expect(try CaseValuation.avoidedValue(tieDown, attribution: .full, options: .plain) == Fixture.money("0.12"))
        #expect(try CaseValuation.avoidedValue(tieUp, attribution: .full, options: .plain) == Fixture.money("0.18"))
    }

    @Test("rate × duration quantities: 2 per week × 26 weeks = 52 units")
    func rateQuantity() throws {
        let line = AvoidedCareLine(item: Fixture.item("JW-IB-LICHT", law: "jeugdwet", price: "45.77"),
                                   quantity: .rate(amount: 2, per: "week", periods: 26), likelihood: Fixture.percent(75), reasoning: "")
        // 45.77 × 52 × 0.75 × 0.50 = 892.515 → 892.52 (half-even tie goes to the even 2)
        #expect(try CaseValuation.avoidedValue(line, attribution: Fixture.percent(50), options: .plain) == Fixture.money("892.52"))
        // The case view said "2 per week × 26 uur" for 26 weeks (issue 12, finding 10).
        #expect(line.quantity.dutchText(unit: "uur") == "2 uur per week × 26 weken")
        #expect(Quantity.count(3).dutchText(unit: "zitting") == "3 zitting")
        #expect(Quantity.rate(amount: 1, per: "maand", periods: 1).dutchText(unit: "bezoek") == "1 bezoek per maand × 1 maand")
    }

    @Test("per law and totals: avoided − deployed − own effort; ratio = avoided ÷ (effort + deployed)")
    func perLawTotals() throws {
        let record = Fixture.record(
            hours: 18, rate: "64.00",
            deployed: [DeployedCareLine(item: Fixture.item("WMO-RESPIJT", law: "wmo", price: "204.21"), quantity: .count(6)),
                       DeployedCareLine(item: Fixture.item("WMO-GROEP-MIDDEN", law: "wmo", price: "46.15"), quantity: .rate(amount: 2, per: "week", periods: 20))],
            avoided: [Fixture.avoided("WLZ-VPH", law: "wlz", price: "290.00", count: 90, likelihood: 50),
                      Fixture.avoided("ZVW-SEH", law: "zvw", price: "258.00", count: 1, likelihood: 50),
                      Fixture.avoided("ZVW-HA-VISITE", law: "zvw", price: "43.31", count: 3, likelihood: 50)],
            attribution: 60)
        let valuation = try CaseValuation(record, options: .plain)
        // Wlz: 290 × 90 × 0.5 × 0.6 = 7830.00
        #expect(valuation.perLaw["wlz"]?.avoided == Fixture.money("7830.00"))
        // Zvw: 258 × 0.3 = 77.40; 43.31 × 3 × 0.3 = 38.979 → 38.98
        #expect(valuation.perLaw["zvw"]?.avoided == Fixture.money("116.38"))
        // Wmo: deployed 204.21 × 6 = 1225.26 and 46.15 × 40 = 1846.00; effort 18 × 64 = 1152.00
        #expect(valuation.perLaw["wmo"]?.deployed == Fixture.money("3071.26"))
        #expect(valuation.perLaw["wmo"]?.effort == Fixture.money("1152.00"))
        #expect(valuation.perLaw["wmo"]?.net == Fixture.money("-4223.26"))
        #expect(valuation.total.avoided == Fixture.money("7946.38"))
        #expect(valuation.total.net == Fixture.money("3723.12"))
        // 7946.38 / 4223.26 = 1.8815… → 1.88
        #expect(valuation.total.returnRatio == Decimal(string: "1.88"))
    }

    @Test("transfers count for their financier, never in the societal total")
    func transfers() throws {
        let record = Fixture.record(hours: 0, avoided: [
            Fixture.avoided("PW-BIJSTAND-ALLEEN", law: "participatiewet", price: "1283.83", count: 6, likelihood: 50, kind: .transfer),
            Fixture.avoided("PW-PRODUCTIVITEIT", law: "participatiewet", price: "39.88", count: 10, likelihood: 100),
        ])
        let valuation = try CaseValuation(record, options: .plain)
        #expect(valuation.total.avoided == Fixture.money("398.80"))
        #expect(valuation.total.avoidedTransfers == Fixture.money("3851.49"))
        #expect(valuation.perLaw["participatiewet"]?.net == Fixture.money("398.80"))
        #expect(valuation.perLaw["participatiewet"]?.financierNet == Fixture.money("4250.29"))
        #expect(valuation.total.returnRatio == nil, "nothing spent: no ratio rather than a division by zero")
    }

    @Test("own effort: workers rounded each, volunteers and other costs added")
    func effort() throws {
        let effort = OwnEffort(workers: [WorkerHours(rateCode: "sw", description: "", hours: Decimal(string: "1.5") ?? 0, hourlyRate: Fixture.money("64.01"))],
                               volunteerHours: 20, volunteerRate: Fixture.money("18.80"),
                               otherCosts: [OtherCost(description: "materiaal", amount: Fixture.money("25.00"))])
        // 96.015 → 96.02 (half-even: the 5 is followed by nothing, 1 is odd → 2); + 376.00 + 25.00
        #expect(try CaseValuation.effortCost(effort) == Fixture.money("497.02"))
    }

    @Test("an absurd quantity is an error with the case named, not a crash")
    func overflow() {
        let line = Fixture.avoided("X", law: "wmo", price: "99999999.99", count: Decimal(string: "1000000000000000000000000000") ?? 0, likelihood: 100)
        #expect(throws: ValuationError.overflow(caseID: "C-0009", what: "X")) {
            try CaseValuation(Fixture.record(id: "C-0009", avoided: [line]), options: .plain)
        }
    }
}
