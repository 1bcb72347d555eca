import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import RendementsDomain
@testable import RendementsReports
@testable import RendementsStorage

@Suite("The HTML report and the per-case CSV")
struct HTMLReportTests {
    static func report(filter: CaseFilter = CaseFilter(), withStories: Bool = true) -> String {
        let folder = Repository.exampleBusinessCase()
        let records = folder.caseResult.records
        return HTMLReport.render(.init(name: folder.settings.name, examples: folder.examples,
                                       summary: BusinessCaseSummary(cases: records, filter: filter),
                                       original: BusinessCaseSummary(cases: records.map(\.asOriginallyEstimated), filter: filter),
                                       records: records, priceList: folder.priceList, generatedOn: "24-11-2026", withStories: withStories))
    }

    @Test("well-formed, self-contained, and its figures are the report's")
    func wellFormed() throws {
        let html = Self.report()
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "XML error: \(String(describing: parser.parserError))")
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http"), "no external files")
        #expect(!html.contains("href=\"http"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(html.contains("<td class=\"n\" id=\"totaal-netto\">€ 5.162,15</td>"))
        #expect(html.contains("<td class=\"n\" id=\"totaal-voorkomen\">€ 15.869,81</td>"))
        #expect(html.contains("<strong id=\"rendement\">1,48</strong>"))
        #expect(html.contains("VOORBEELD: deze business case bestaat uit fictieve casussen."))
        #expect(html.contains("Hoe is dit berekend?"))
        for code in ["WLZ-VPH", "ZVW-POH-GGZ", "PW-BIJSTAND-ALLEEN", "WMO-RESPIJT"] {
            #expect(html.contains("<td>\(code)</td>"), "source row for \(code)")
        }
        #expect(html.contains("Zorginstituut Nederland, Kostenhandleiding 2024 (prijspeil 2022)"))
        // Stories: the three largest and a sample of the rest — all five counted cases here.
        #expect(html.components(separatedBy: "<div class=\"story\">").count - 1 == 5)
        #expect(!html.contains("C-0007:"), "a concept is not counted, so its story is not shown")
    }

    @Test("stories and reasoning are left out unless asked for")
    func withoutStories() {
        let html = Self.report(withStories: false)
        #expect(!html.contains("<div class=\"story\">"))
        #expect(!html.contains("Casemanager dementie"))
        #expect(html.contains("--with-stories"))
    }

    @Test("the same filters as the dashboard")
    func filtered() {
        let html = Self.report(filter: CaseFilter(team: "Team Noord"))
        #expect(html.contains("Telt: ingediende en goedgekeurde casussen · team Team Noord (2 van 3)"))
        #expect(html.contains("C-0003:"))
        #expect(!html.contains("C-0002:"))
    }

    @Test("one row per case with totals, plain and Dutch Excel")
    func perCase() {
        let records = Repository.exampleBusinessCase().caseResult.records
        let rows = CaseExport.csv(records, options: .init(excelDutch: false, estimate: .plain)).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == records.count + 1)
        #expect(rows.contains("C-0003,ingediend,sw-anouk,Mantelzorgondersteuning,Team Noord,Voorbeeldstad,2025-03-10,2025-09-26,lichamelijke-gezondheid|sociale-relaties,1904.00,3071.26,7946.38,0.00,2971.12,1.60"))
        let excel = CaseExport.csv(records, options: .init(excelDutch: true, estimate: .plain))
        #expect(excel.hasPrefix("\u{FEFF}casus_id;status;"))
        #expect(excel.contains(";1904,00;3071,26;7946,38;0,00;2971,12;1,60\r\n"))
    }
}
