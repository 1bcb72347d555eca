import Foundation
import Testing
@testable import RendementsDomain
@testable import RendementsReports
@testable import RendementsStorage

/// Issue 14: calibration in the real binary: the CSV export and the "Schattingen" screen in tmux.
@Suite("Calibration in the real app and export", .serialized)
struct CalibrationEndToEndTests {
    /// The shipped (fictional) cases and eight real approved Sociaal Recept cases: case i has
    /// Huisarts consult 2+i ×, 75 %; sw-anouk wrote the first three; sw-dana lowered the
    /// likelihood to 50 % in cases 0, 3 and 6, with a reason.
    static func business() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        try addRealApprovedCases(to: scratch.url.appendingPathComponent("cases"))
        return scratch
    }

    /// The eight real approved cases of `business()`, added to a copy of the shipped cases.
    static func addRealApprovedCases(to folder: URL, count: Int = 8) throws {
        let store = CaseStore(folder: folder)
        let template = try store.load(id: "C-0001").get()
        for number in 0..<count {
            try store.create { id in
                var record = template
                record.id = id
                record.fictional = false
                record.author = number < 3 ? "sw-anouk" : ["sw-bram", "sw-chris", "sw-emma"][number % 3]
                record.history = []
                record.original = nil
                record.status = .concept
                record.avoided[0].quantity = .count(Decimal(2 + number))
                try? record.move(to: .ingediend, by: record.author, at: "2026-01-05T09:00:00Z", reason: "")
                if number % 3 == 0 {
                    try? record.review(.likelihood(line: 1, Percentage(50)!), by: "sw-dana", at: "2026-01-06T09:00:00Z",
                                       reason: "Huisarts was al in beeld (\(number)).")
                }
                try? record.move(to: .goedgekeurd, by: "sw-dana", at: "2026-01-06T09:00:00Z", reason: "")
                return record
            }
        }
    }

    @Test("export --format kalibratie: one row per intervention and item, equal to the statistics from the files; filters are refused")
    func export() throws {
        let scratch = try Self.business()
        let outcome = try Binary.run(["export", "--format", "kalibratie"], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let folder = BusinessCaseFolder.open(cases: scratch.url.appendingPathComponent("cases"),
                                             priceList: scratch.url.appendingPathComponent("price-lists/standaard"))
        let lines = folder.caseResult.records.flatMap(ReviewedLine.lines(of:))
        #expect(lines.count == 24, "3 lines in each of the 8 real approved cases; the fictional examples never count")
        #expect(outcome.stdout == CalibrationExport.csv(Calibration.spreads(lines), priceList: folder.priceList, excelDutch: false))
        let rows = outcome.stdout.components(separatedBy: "\r\n")
        #expect(rows.count == 5, "header, three items, and the final line end")
        #expect(rows[1] == "Sociaal Recept,ZVW-HA-CONSULT,Huisarts consult gemiddeld,8,8,75,75,75,3.5,5.5,7.5,3,0,3,25,0,0,,0.73")
        let dutch = try Binary.run(["export", "--format", "kalibratie", "--excel-nl"], in: scratch.url)
        #expect(dutch.stdout.components(separatedBy: "\r\n")[1] == "Sociaal Recept;ZVW-HA-CONSULT;Huisarts consult gemiddeld;8;8;75;75;75;3,5;5,5;7,5;3;0;3;25;0;0;;0,73")
        let filtered = try Binary.run(["export", "--format", "kalibratie", "--team", "Noord", "--approved-only", "--per", "case"], in: scratch.url)
        #expect(filtered.status == 64)
        #expect(filtered.stderr.hasPrefix("fout: --format kalibratie telt alle goedgekeurde, echte casussen per interventie en item; "
            + "--approved-only, --team, --per geldt daar niet. Laat het weg.\n"))
    }

    @Test("Schattingen in tmux: the worker's own medians beside colleagues', the reviewer's reason, then the spread per item")
    func screens() throws {
        let scratch = try Self.business()
        let session = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": "sw-anouk"], in: scratch.url)
        let keys = KeyScript(session)
        try session.waitFor("Rendement (voorkomen")
        try keys.press("Left", "Left", "Enter")
        // Anouk: 2, 3, 4 × (median 3) at 75 %; colleagues' approved: 5 … 9 × (median 7), 50 50 75 75 75 % (median 75).
        try session.waitFor("Beoordelaars lieten je regels van dit item zoals ze waren.")  // GGZ, first by code
        try keys.press("Down")
        let own = try session.waitFor("Redenen van de beoordelaars:")
        #expect(own.contains(" Schattingen — sw-anouk "))
        #expect(own.contains("Huisarts consult gemiddeld"))
        #expect(own.contains("3 × · 75 %  7 × · 75 % (5)  1 van 3\n"))
        #expect(own.contains(" Beoordeling: 1 van je 3 regels gewijzigd; kans 1× lager (mediaan 25\n procentpunt).\n"))
        #expect(own.contains("   C-0008: “Huisarts was al in beeld (0).”\n"))
        for colleague in ["sw-bram", "sw-chris", "sw-dana", "sw-emma"] { #expect(!own.contains(colleague)) }
        // A colleague approves another of Anouk's cases meanwhile: the open screen follows (found by a helper: it stayed as it was).
        try Self.addRealApprovedCases(to: scratch.url.appendingPathComponent("cases"), count: 1)
        let refreshed = try session.waitFor("2 van 4\n")
        #expect(refreshed.contains("2,5 × · 75 %  7 × · 75 % (5)  2 van 4\n"), "Anouk's four cases: 2, 3, 4 and 2 ×, two lowered")
        try keys.press("Tab")
        let spread = try session.waitFor("Per interventie en item, nooit per persoon")
        // Units 2 2 3 … 9: P25 2,5, P75 7,5; four of nine lines lowered by review.
        #expect(spread.contains("     9  75–75 %  2,5–7,5  4 van 9\n"))
        #expect(spread.contains(" Kans 75–75 % (mediaan 75 %); beoordeling 4× lager (mediaan 25 procentpunt).\n"))
        try keys.press("Escape")
        try session.waitFor("Wat ons sociaal werk aan zorg voorkomt")
        // Opened again over the same index: the screen kept from before; after another approval, worked out again.
        try keys.press("Enter")
        #expect(try session.waitFor("Beoordelaars lieten je regels").contains("2,5 × · 75 %  7 × · 75 % (5)  2 van 4\n"))
        try keys.press("Escape")
        try session.waitFor("Wat ons sociaal werk aan zorg voorkomt")
        try Self.addRealApprovedCases(to: scratch.url.appendingPathComponent("cases"), count: 1)
        try keys.press("Enter")
        let again = try session.waitFor("3 van 5\n")
        #expect(again.contains("  3 van 5\n"), "the new approval counts: \(again)")
    }

    @Test("worked out ahead while the start screen shows, then a colleague approves before it opens: the screen counts that approval")
    func workedOutAhead() throws {
        let scratch = try Self.business()
        let session = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": "sw-anouk"], in: scratch.url)
        let keys = KeyScript(session)
        try session.waitFor("Rendement (voorkomen")
        Thread.sleep(forTimeInterval: 2)  // the figures and then this screen are worked out on another thread meanwhile
        try Self.addRealApprovedCases(to: scratch.url.appendingPathComponent("cases"), count: 1)
        try keys.press("Left", "Left", "Enter")
        try session.waitFor("Beoordelaars lieten je regels van dit item zoals ze waren.")
        try keys.press("Down")
        let own = try session.waitFor("Redenen van de beoordelaars:")
        #expect(own.contains("2,5 × · 75 %  7 × · 75 % (5)  2 van 4\n"), "Anouk's four cases, the one approved after the start among them: \(own)")
    }

    @Test("without a usable index (a read-only share, a damaged index) the screen reads the files and shows the same rows (found by a helper: it showed none)")
    func withoutIndex() throws {
        let scratch = try Self.business()
        let index = scratch.url.appendingPathComponent("cases/.index")
        try? FileManager.default.removeItem(at: index)
        try Data("geen map".utf8).write(to: index)
        let session = try TerminalAppTests.session(environment: ["RENDEMENTSMETER_USER": "sw-anouk"], in: scratch.url)
        let keys = KeyScript(session)
        try session.waitFor("Rendement (voorkomen")
        try keys.press("Left", "Left", "Enter")
        let own = try session.waitFor("Beoordelaars lieten je regels van dit item zoals ze waren.")
        #expect(own.contains("3 × · 75 %  7 × · 75 % (5)  1 van 3\n"))
        try keys.press("Tab")
        let spread = try session.waitFor("Per interventie en item, nooit per persoon")
        #expect(spread.contains("     8  75–75 %  3,5–7,5  3 van 8\n"))
    }
}
