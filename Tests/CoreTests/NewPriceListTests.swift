import Testing
@testable import RendementsCore
@testable import RendementsDomain

@Suite("A price list read while the app runs")
struct NewPriceListTests {
    static func newer(than list: PriceList?) throws -> NewPriceList {
        let old = try #require(list)
        let list = PriceList(name: "Nieuwe lijst", version: "2027.1", laws: old.laws, items: old.items, hourlyRates: old.hourlyRates, index: old.index)
        return NewPriceList(list: list, form: IntakeForm(hourlyRates: [], interventions: ["Nieuwe interventie"], priceList: list))
    }

    @Test("is taken at once when nothing priced from the one shown is open; an intake, a review or the price-list screen keeps the list they began with until they close")
    func takenWhenFree() throws {
        var driver = IntakeDriver()
        let first = driver.state.priceList?.version
        let new = try Self.newer(than: driver.state.priceList)
        driver.deliver(.priceListReloaded(new.list, form: new.form))
        #expect(driver.state.priceList?.version == "2027.1" && driver.state.newPriceList == nil)
        #expect(driver.state.intakeForm.interventions == ["Nieuwe interventie"])

        // An intake open: the lines it prices come from the list it began with.
        var intake = IntakeDriver()
        intake.openNewCase()
        intake.deliver(.priceListReloaded(new.list, form: new.form))
        #expect(intake.state.priceList?.version == first && intake.state.newPriceList != nil)
        intake.deliver(.idle)
        #expect(intake.state.priceList?.version == first)
        intake.press(.escape)  // nothing typed: the intake closes
        #expect(intake.state.intake == nil && intake.state.priceList?.version == "2027.1" && intake.state.newPriceList == nil)

        // The price-list screen.
        var browsing = IntakeDriver()
        browsing.press(.left, .enter)
        #expect(browsing.state.screen == .priceList)
        browsing.deliver(.priceListReloaded(new.list, form: new.form))
        #expect(browsing.state.priceList?.version == first)
        browsing.press(.escape)
        #expect(browsing.state.screen == .start && browsing.state.priceList?.version == "2027.1")

        // A review: a swapped or added line is priced from the list the review began with.
        var reviewer = ReviewFlowTests.driver(user: "chris")
        reviewer.press(.enter, .character("b"))
        reviewer.deliver(.lockResult(id: "C-0001", .acquired))
        #expect(reviewer.state.caseView?.reviewing == true)
        reviewer.deliver(.priceListReloaded(new.list, form: new.form))
        #expect(reviewer.state.priceList?.version == first)
        reviewer.press(.escape)
        #expect(reviewer.state.caseView?.reviewing != true && reviewer.state.priceList?.version == "2027.1")
    }
}
