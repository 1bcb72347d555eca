import Testing
@testable import RendementsCore
@testable import RendementsDomain

@Suite("Dashboard in the app core")
struct DashboardTests {
    static func driver() -> IntakeDriver {
        var driver = IntakeDriver()
        driver.state.setRecords(ReviewFlowTests.records())
        driver.press(.right, .right, .enter)
        return driver
    }

    @Test("panels switch with Tab; the period panel toggles to quarters")
    func panels() {
        var driver = Self.driver()
        #expect(driver.state.screen == .dashboard)
        #expect(driver.state.dashboardRows.map(\.label) == ["2025-06"])
        driver.press(.character("p"))
        #expect(driver.state.dashboardRows.map(\.label) == ["2025-K2"])
        driver.press(.tab)
        #expect(driver.state.dashboard.panel == .wetten)
        driver.press(.tab, .tab, .tab)
        #expect(driver.state.dashboard.panel == .verloop)
        driver.press(.character("g"))
        #expect(driver.state.dashboard.panel == .groepen)
        #expect(driver.state.dashboard.grouping == .team)
    }

    @Test("filters change the figures and stay described on screen; 0 clears them")
    func filters() {
        var driver = Self.driver()
        #expect(driver.state.dashboardSummary.countedIDs == ["C-0001", "C-0002"])
        driver.press(.character("1"))
        #expect(driver.state.dashboardSummary.countedIDs == ["C-0002"])
        #expect(driver.state.dashboard.filter.dutchDescription == "alleen goedgekeurde casussen")
        driver.press(.character("0"), .character("2"))
        #expect(driver.state.dashboard.filter.team == "Noord")
        #expect(driver.state.dashboardSummary.countedIDs == ["C-0001"])
        driver.press(.character("0"))
        #expect(driver.state.dashboardSummary.countedIDs == ["C-0001", "C-0002"])
    }

    @Test("Enter drills down to the cases behind a row, Esc comes back; u explains the figure")
    func drillDownAndTrace() {
        var driver = Self.driver()
        driver.press(.tab, .down)   // who pays, who saves: the health insurer
        let row = driver.state.dashboardRows[driver.state.dashboard.selectedIndex]
        driver.press(.character("u"))
        #expect(driver.state.screenKind == .trace)
        let trace = DashboardTrace.lines(row, records: driver.state.openedRecords, list: driver.state.priceList, options: driver.state.estimateOptions)
        #expect(trace.first == "\(row.label): \(row.caseIDs.count) casus\(row.caseIDs.count == 1 ? "" : "sen")")
        #expect(trace.contains { $0.contains("r1 ZVW-HA: 10 × € 30,00 (2022) × 50 % × 100 % = € 150,00") })
        driver.press(.escape)
        #expect(driver.state.screenKind == .dashboard)
        driver.press(.enter)
        #expect(driver.state.screen == .browser)
        #expect(driver.state.browserRows.map(\.figures.id) == row.caseIDs.sorted())
        #expect(driver.state.browser.filter.dutchDescription.hasPrefix("dashboard: "))
        driver.press(.enter)
        #expect(driver.state.screen == .caseView)
        driver.press(.escape, .escape)
        #expect(driver.state.screen == .dashboard)
    }

    @Test("a period row shows the running total; Enter lists that period's cases, and says so (helper-20)")
    func periodDrillDown() throws {
        var driver = Self.driver()
        let row = try #require(driver.state.dashboardRows.first)
        #expect(row.kind == .period)
        driver.press(.enter)
        #expect(driver.state.screen == .browser)
        #expect(driver.state.browserRows.map(\.figures.id) == row.caseIDs.sorted())
        #expect(driver.state.browser.filter.dutchDescription == "dashboard: einddatum in \(row.label) (niet cumulatief)")
    }

    @Test("u explains a figure with exactly its settings: with a report year, the explanation's net is the panel's")
    func traceUsesTheFigureSettings() throws {
        var driver = IntakeDriver()
        driver.state.estimateOptions = EstimateOptions(reportYear: 2025, index: PriceIndex(changes: [2023: 10, 2024: 10, 2025: 10]))
        driver.state.setRecords(ReviewFlowTests.records())
        driver.press(.right, .right, .enter, .tab, .tab)   // Per groep: one row per intervention
        let row = driver.state.dashboardRows[driver.state.dashboard.selectedIndex]
        driver.press(.character("u"))
        let trace = DashboardTrace.lines(row, records: driver.state.openedRecords, list: driver.state.priceList,
                                         options: driver.state.estimateOptions)
        #expect(trace[1].hasPrefix("Prijsjaar 2025 (geïndexeerd met CPI)"))
        let first = try #require(row.caseIDs.sorted().first)
        let record = try #require(driver.state.record(first))
        let indexed = try CaseValuation(record, options: driver.state.estimateOptions).total.net
        let plain = try CaseValuation(record, options: .plain).total.net
        #expect(indexed != plain, "the report year changes this case's figure")
        #expect(trace.contains { $0.hasPrefix("\(first) ·") && $0.hasSuffix("netto \(DutchNumber.euro(indexed))") })
        #expect(trace.contains { $0.contains("(2022) × index 1,331 × ") }, "the index factor 1,1³ is shown on the line")
    }
}
