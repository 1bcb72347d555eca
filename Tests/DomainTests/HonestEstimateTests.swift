import Foundation
import Testing
@testable import RendementsDomain

@Suite("Honest estimates: price years, horizon, confidence, ranges")
struct HonestEstimateTests {
    static let cpi = PriceIndex(changes: [2013: Decimal(string: "2.5")!, 2021: Decimal(string: "2.7")!, 2022: 10, 2023: Decimal(string: "3.8")!])

    static func line(price: String = "1000.00", year: Int = 2022, count: Decimal = 1, likelihood: Decimal = 100,
                     grade: ConfidenceGrade? = .groen, years: Int? = nil, dropOff: Decimal? = nil) -> AvoidedCareLine {
        var line = Fixture.avoided("X", law: "zvw", price: price, count: count, likelihood: likelihood)
        line.item.priceYear = year
        line.item.grade = grade
        line.horizonYears = years
        line.dropOff = dropOff.map { Fixture.percent($0) }
        return line
    }

    @Test("indexation multiplies the year-on-year changes, exactly, forwards and backwards")
    func indexation() throws {
        #expect(try Self.cpi.factor(from: 2022, to: 2023) == Decimal(string: "1.038"))
        #expect(try Self.cpi.factor(from: 2021, to: 2023) == Decimal(string: "1.1418"))
        let forward = EstimateOptions(reportYear: 2023, index: Self.cpi)
        // € 100 (2021) × 1,10 × 1,038 = € 114,18
        #expect(try CaseValuation.avoidedValue(Self.line(price: "100.00", year: 2021), attribution: .full, options: forward) == Fixture.money("114.18"))
        // € 100 (2023) brought back to 2022: 100 / 1,038 = 96,339… → € 96,34
        let back = EstimateOptions(reportYear: 2022, index: Self.cpi)
        #expect(try CaseValuation.avoidedValue(Self.line(price: "100.00", year: 2023), attribution: .full, options: back) == Fixture.money("96.34"))
    }

    @Test("a missing index year is an error naming the years, never a factor of 1")
    func missingYear() {
        #expect(throws: IndexError(from: 2022, to: 2024, missingYears: [2024])) { try Self.cpi.factor(from: 2022, to: 2024) }
        #expect(throws: IndexError(from: 2011, to: 2013, missingYears: [2012])) { try Self.cpi.factor(from: 2011, to: 2013) }
        let options = EstimateOptions(reportYear: 2024, index: Self.cpi)
        #expect(throws: ValuationError.missingIndex(caseID: "C-0001", what: "X", IndexError(from: 2022, to: 2024, missingYears: [2024]))) {
            try CaseValuation(Fixture.record(avoided: [Self.line()]), options: options)
        }
        #expect(IndexError(from: 2022, to: 2024, missingYears: [2024]).dutchMessage
                == "van prijsjaar 2022 naar 2024 ontbreekt het indexcijfer voor 2024; vul index.csv van de prijslijst aan")
    }

    @Test("horizon: year 1 in full, later years with drop-off and the 2,25 % discount rate")
    func horizon() throws {
        // 3 years, 20 % drop-off: 1 + 0,8/1,0225 + (0,8/1,0225)² = 2,39453972… → € 1.000 × H = € 2.394,54
        let value = try CaseValuation.avoidedValue(Self.line(years: 3, dropOff: 20), attribution: .full, options: .plain)
        #expect(value == Fixture.money("2394.54"))
        #expect(try CaseValuation.avoidedValue(Self.line(years: 1, dropOff: 20), attribution: .full, options: .plain) == Fixture.money("1000.00"))
        // Without drop-off, two years: 1 + 1/1,0225 = 1,977995110… → € 1.977,995… → € 1.978,00
        #expect(try CaseValuation.avoidedValue(Self.line(years: 2), attribution: .full, options: .plain) == Fixture.money("1978.00"))
        let undiscounted = EstimateOptions(discountRate: .zero)
        #expect(try CaseValuation.avoidedValue(Self.line(years: 2), attribution: .full, options: undiscounted) == Fixture.money("2000.00"))
    }

    @Test("conservative view cuts by grade (0 / 20 / 40 %) beside the central figure, never instead")
    func conservative() throws {
        for (grade, expected) in [(ConfidenceGrade.groen, "1000.00"), (.oranje, "800.00"), (.rood, "600.00")] {
            let estimate = try LineEstimate(Self.line(grade: grade), attribution: .full, options: .plain)
            #expect(estimate.central == Fixture.money("1000.00"))
            #expect(estimate.conservative == Fixture.money(expected))
        }
        // A line saved before grades were kept takes the price list's grade.
        let options = EstimateOptions(gradesByCode: ["X": .rood])
        #expect(try LineEstimate(Self.line(grade: nil), attribution: .full, options: options).conservative == Fixture.money("600.00"))
    }

    @Test("ranges: low and high quantities and likelihoods give low / central / high, summed per case")
    func ranges() throws {
        var line = Self.line(price: "100.00", count: 10, likelihood: 50)
        line.lowQuantity = .count(5)
        line.highQuantity = .count(15)
        line.highLikelihood = Fixture.percent(75)
        let estimate = try LineEstimate(line, attribution: Fixture.percent(80), options: .plain)
        // low 100 × 5 × .5 × .8 = 200; central 100 × 10 × .5 × .8 = 400; high 100 × 15 × .75 × .8 = 900
        #expect([estimate.low, estimate.central, estimate.high] == [Fixture.money("200.00"), Fixture.money("400.00"), Fixture.money("900.00")])
        let valuation = try CaseValuation(Fixture.record(hours: 1, avoided: [line, Self.line(price: "50.00")], attribution: 80), options: .plain)
        #expect(valuation.total.avoidedLow == Fixture.money("240.00"))
        #expect(valuation.total.avoided == Fixture.money("440.00"))
        #expect(valuation.total.avoidedHigh == Fixture.money("940.00"))
        #expect(valuation.total.netLow == Fixture.money("176.00"))
    }

    @Test("all steps combined, to the cent: index, quantity, likelihood, attribution, horizon, grade cut")
    func combined() throws {
        // € 30,87 (2022) × 1,038 × 6 × 0,75 × 0,70 × (1 + 0,5/1,0225) = 150,2929… → € 150,29; oranje: × 0,8 → € 120,23
        let line = Self.line(price: "30.87", year: 2022, count: 6, likelihood: 75, grade: .oranje, years: 2, dropOff: 50)
        let estimate = try LineEstimate(line, attribution: Fixture.percent(70), options: EstimateOptions(reportYear: 2023, index: Self.cpi))
        #expect(estimate.indexFactor == Decimal(string: "1.038"))
        #expect(estimate.central == Fixture.money("150.29"))
        #expect(estimate.conservative == Fixture.money("120.23"))
    }
}
