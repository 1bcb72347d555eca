import Foundation
import Testing
@testable import RendementsDomain
@testable import RendementsReports
@testable import RendementsStorage

@Suite("explain and reprice")
struct ExplainTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    @Test("explain prints every step of every line; its text is a snapshot")
    func explainSnapshot() throws {
        let folder = Repository.exampleBusinessCase()
        let record = try #require(folder.caseResult.records.first { $0.id == "C-0004" })
        let text = CaseExplanation.text(record, priceList: folder.priceList, options: folder.estimateOptions(reportYear: 2023))
        let url = Self.snapshots.appendingPathComponent("explain-C-0004-2023.txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" || !FileManager.default.fileExists(atPath: url.path) {
            try text.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded explain snapshot; check it and run again")
            return
        }
        #expect(text == (try String(contentsOf: url, encoding: .utf8)))
        // 45,77 (2023) stays 45,77 in 2023; 8809 (2022) × 1,038 × 1 × 25 % × 50 % = 1142,9677… → 1142,97
        #expect(text.contains("× indexfactor         1,038 (2022 → 2023)"))
        #expect(text.contains("= centraal            € 1.142,97"))
    }

    @Test("re-pricing changes only moved prices and writes one event per change; a case with an item the new list lacks stays on its list")
    func reprice() throws {
        let folder = Repository.exampleBusinessCase()
        let list = try #require(folder.priceList)
        let record = try #require(folder.caseResult.records.first { $0.id == "C-0001" })
        var items = list.items
        let index = try #require(items.firstIndex { $0.code == "ZVW-HA-CONSULT" })
        let old = items[index]
        items[index] = PriceItem(code: old.code, lawCode: old.lawCode, category: old.category, description: old.description, unit: old.unit,
                                 price: Money(cents: 3204), priceYear: 2023, source: "KH24 geïndexeerd", grade: old.grade, kind: old.kind)
        // Helper finding: stamped with the new version while ZVW-POH-GGZ kept its old price, the case failed validate.
        let lacking = PriceList(name: "Nieuw", version: "2027.1", laws: list.laws, items: items.filter { $0.code != "ZVW-POH-GGZ" },
                                hourlyRates: list.hourlyRates, index: list.index)
        let (kept, noChanges, missing) = Repricing.reprice(record, to: lacking, by: "beheer", at: "2026-11-24T12:00:00Z")
        #expect(missing == ["ZVW-POH-GGZ"] && noChanges.isEmpty && kept == record, "the case stays on 2026.1, unchanged")
        let newer = PriceList(name: "Nieuw", version: "2027.1", laws: list.laws, items: items, hourlyRates: list.hourlyRates, index: list.index)
        let (updated, changes, nothingMissing) = Repricing.reprice(record, to: newer, by: "beheer", at: "2026-11-24T12:00:00Z")
        #expect(changes.map(\.code) == ["ZVW-HA-CONSULT"] && nothingMissing.isEmpty)
        #expect(updated.priceListVersion == "2027.1")
        #expect(updated.avoided[0].item.unitPrice == Money(cents: 3204))
        #expect(updated.avoided[1].item.unitPrice == Money(cents: 2085), "a price that did not move stays")
        #expect(updated.history.dropFirst(record.history.count).map { [$0.action.rawValue, $0.field, $0.old, $0.new] } == [
            ["herprijzing", "voorkomen[1].prijs", "ZVW-HA-CONSULT € 30,87 (2022)", "ZVW-HA-CONSULT € 32,04 (2023)"],
        ])
        #expect(updated.history.last?.reason == "Herprijsd naar prijslijst Nieuw, versie 2027.1 (was 2026.1)")
        // 32,04 × 6 × ,75 × ,7 = 100,926 → 100,93 (was 97,24)
        #expect(try CaseValuation(updated, options: .plain).avoidedLines[0].value == Money(cents: 10093))
        let (same, none, _) = Repricing.reprice(record, to: list, by: "beheer", at: "t")
        #expect(none.isEmpty && same == record, "re-pricing against the same list changes nothing")
    }

    @Test("the report states its price year, range, conservative view and transfers in words")
    func reportWords() {
        let folder = Repository.exampleBusinessCase()
        let summary = BusinessCaseSummary(cases: folder.caseResult.records, filter: CaseFilter(), options: folder.estimateOptions())
        let text = BusinessCaseReport.text(name: "x", examples: .none, summary: summary, priceList: folder.priceList)
        #expect(text.contains("versie 2026.1; prijzen in het prijsjaar van hun bron (niet geïndexeerd)"))
        #expect(text.contains("Bandbreedte voorkomen: laag € 15.869,81 · centraal € 15.869,81 · hoog € 15.869,81"))
        #expect(text.contains("Conservatief (correctie naar betrouwbaarheid van de prijs: groen 0 %, oranje 20 %, rood 40 %)"))
        #expect(text.contains("Transfers (uitkeringen zoals bijstand) zijn herverdeling, geen besparing voor de samenleving:"))
    }
}
