import Foundation
import Testing
@testable import RendementsDomain
@testable import RendementsReports
@testable import RendementsStorage

enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func exampleBusinessCase() -> BusinessCaseFolder {
        BusinessCaseFolder.open(cases: root.appendingPathComponent("cases"), priceList: root.appendingPathComponent("price-lists/standaard"))
    }
}

@Suite("The report of the shipped example business case, worked by hand")
struct ReportTests {
    /// Hand-worked from the example case files (C-0005 is sent back and C-0007 a concept, so both are left out):
    ///
    /// C-0001 (attribution 70 %): huisarts 30.87 × 6 × .75 × .7 = 97.24; POH-GGZ 20.85 × 5 × .5 × .7 = 36.49;
    ///        basis-GGZ 121 × 8 × .25 × .7 = 169.40; effort 14 × 64 + 20 × 18.80 + 25 = 1297.00
    /// C-0002 (80 %): uitzetting 7500 × .5 × .8 = 3000.00; opvang 10384 × .25 × .25 × .8 = 519.20;
    ///        huisarts 30.87 × 4 × .5 × .8 = 49.392 → 49.39; effort 22 × 64 = 1408.00
    /// C-0003 (60 %): verpleeghuis 290 × 90 × .5 × .6 = 7830.00; SEH 258 × .5 × .6 = 77.40;
    ///        visite 43.31 × 3 × .5 × .6 = 38.979 → 38.98; deployed respijt 204.21 × 6 = 1225.26,
    ///        groep 46.15 × 2 × 20 = 1846.00; effort 18 × 64 + 40 × 18.80 = 1904.00
    /// C-0004 (50 %): jeugd IB 45.77 × 52 × .75 × .5 = 892.515 → 892.52 (half-even); dagbesteding
    ///        50.94 × 20 × .25 × .5 = 127.35; vernieling 8809 × .25 × .5 = 1101.125 → 1101.12 (half-even); effort 30 × 64 = 1920.00
    /// C-0006 (75 %): bijstand 1283.83 × 6 × .5 × .75 = 2888.6175 → 2888.62 (transfer); productiviteit
    ///        39.88 × 120 × .5 × .75 = 1794.60; basis-GGZ 121 × 6 × .25 × .75 = 136.125 → 136.12 (half-even);
    ///        deployed POH-GGZ 20.85 × 4 = 83.40; effort 16 × 64 = 1024.00
    @Test("per-law figures, totals and the return ratio to the cent")
    func handWorked() throws {
        let folder = Repository.exampleBusinessCase()
        let summary = BusinessCaseSummary(cases: folder.caseResult.records)
        #expect(summary.countedCases == 5)
        #expect(summary.perLaw["wmo"] == Totals(avoided: Money(cents: 51920), deployed: Money(cents: 307126), effort: Money(cents: 755300)))
        #expect(summary.perLaw["zvw"] == Totals(avoided: Money(cents: 60502), deployed: Money(cents: 8340), effort: .zero))
        #expect(summary.perLaw["wlz"]?.avoided == Money(cents: 783000))
        #expect(summary.perLaw["jeugdwet"]?.avoided == Money(cents: 101987))
        #expect(summary.perLaw["justitie"]?.avoided == Money(cents: 110112))
        #expect(summary.perLaw["wonen"]?.avoided == Money(cents: 300000))
        #expect(summary.perLaw["participatiewet"] == Totals(avoided: Money(cents: 179460), deployed: .zero, effort: .zero,
                                                            avoidedTransfers: Money(cents: 288862)))
        #expect(summary.total.avoided == Money(cents: 1586981))
        #expect(summary.total.deployed == Money(cents: 315466))
        #expect(summary.total.effort == Money(cents: 755300))
        #expect(summary.total.net == Money(cents: 516215))
        #expect(summary.total.returnRatio == Decimal(string: "1.48"))

        let text = BusinessCaseReport.text(name: folder.settings.name, examples: folder.examples, summary: summary, priceList: folder.priceList)
        #expect(text.contains("Telt: ingediende en goedgekeurde casussen (5 van 7)"))
        #expect(text.contains("Wmo 2015                     € 7.553,00   € 3.071,26     € 519,20 -€ 10.105,06"))
        #expect(text.contains("Totaal                       € 7.553,00   € 3.154,66  € 15.869,81   € 5.162,15"))
        // The table fits 80 columns (it was 86 wide): figure columns start at their heading's width.
        let table = text.split(separator: "\n").drop { !$0.hasPrefix("Wet / domein") }.prefix { !$0.hasPrefix("Totaal") }
        #expect(table.first == "Wet / domein                Eigen inzet      Ingezet    Voorkomen        Netto")
        #expect(table.allSatisfy { $0.count <= 80 }, "\(table)")
        #expect(text.contains("Rendement (voorkomen ÷ (eigen inzet + ingezet)): 1,48"))
        #expect(text.contains("Participatiewet en inkomen: voorkomen € 2.888,62, ingezet € 0,00, netto voor de financier € 4.683,22"))
        #expect(text.contains("[VOORBEELD: fictieve casussen]"))
    }

    @Test("approved only counts C-0001, C-0002 and C-0004")
    func approvedOnly() {
        let folder = Repository.exampleBusinessCase()
        let summary = BusinessCaseSummary(cases: folder.caseResult.records, selection: .approvedOnly)
        #expect(summary.countedCases == 3)
        // 97.24 + 36.49 + 169.40 + 3000 + 519.20 + 49.39 + 892.52 + 127.35 + 1101.12
        #expect(summary.total.avoided == Money(cents: 599271))
        let text = BusinessCaseReport.text(name: "x", examples: .none, summary: summary, priceList: folder.priceList)
        #expect(text.contains("Telt: alleen goedgekeurde casussen (3 van 7)"))
        #expect(!text.contains("fictie"))
        // Examples among real cases are named: they count in every figure (helper-31: one real case ended the banner).
        let mixed = BusinessCaseReport.text(name: "x", examples: ExampleShare(fictional: 7, of: 8, emptyIsExample: true), summary: summary,
                                            priceList: folder.priceList)
        #expect(mixed.hasPrefix("Business case: x\nLET OP: 7 van de 8 casussen in deze business case zijn fictieve voorbeelden; waar ze meetellen, zitten ze in de cijfers. "
                                + "Haal ze uit de map om alleen echte casussen te tellen.\n"))
    }

    @Test("counts above a thousand are grouped in the report's lines (helper finding: 'goedgekeurd 1600')")
    func groupedCounts() {
        let folder = Repository.exampleBusinessCase()
        let approved = folder.caseResult.records.filter { $0.status == .goedgekeurd }
        let many = (0..<1_200).map { number -> CaseRecord in
            var copy = approved[number % approved.count]
            copy.id = String(format: "C-%05d", number + 1)
            return copy
        }
        let summary = BusinessCaseSummary(cases: many, selection: .approvedOnly)
        let text = BusinessCaseReport.text(name: "x", examples: .none, summary: summary, priceList: folder.priceList)
        #expect(text.contains("Telt: alleen goedgekeurde casussen (1.200 van 1.200)\n"))
        #expect(text.contains("Status: concept 0 · ingediend 0 · goedgekeurd 1.200 · teruggestuurd 0\n"))
    }
}

@Suite("CSV export, one row per case line")
struct ExportTests {
    @Test("plain CSV: header, every line of every case, exact values")
    func plain() throws {
        let records = Repository.exampleBusinessCase().caseResult.records
        let csv = LineExport.csv(records, options: .init(excelDutch: false, estimate: .plain))
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == LineExport.header.joined(separator: ","))
        let lineCount = records.reduce(0) { total, record in
            total + record.avoided.count + record.deployed.count + record.effort.workers.count
                + (record.effort.volunteerHours > 0 ? 1 : 0) + record.effort.otherCosts.count
        }
        #expect(rows.count == lineCount + 1)
        #expect(rows.contains("C-0004,goedgekeurd,voorkomen,jeugdwet,JW-IB-LICHT,Individuele begeleiding licht/midden,52,uur,75,50,45.77,2023,892.52,kosten,1,1"))
        #expect(rows.contains("C-0006,ingediend,voorkomen,participatiewet,PW-BIJSTAND-ALLEEN,Bijstand alleenstaande 21–AOW incl. vakantietoeslag,6,maand,50,75,1283.83,2024,2888.62,transfer,1,1"))
        #expect(rows.contains("C-0001,goedgekeurd,eigen inzet,wmo,overig,Materiaal wandelgroep en moestuin,1,post,,,25.00,,25.00,kosten,,"))
        // A line over two years carries its factor: 2 × € 1.283,83 would not give the value (helper-31).
        var longer = try #require(records.first { $0.id == "C-0006" })
        longer.avoided[0].horizonYears = 2
        longer.avoided[0].dropOff = Percentage(10)
        let row = LineExport.rows(longer, options: .init(excelDutch: false, estimate: .plain)).components(separatedBy: "\r\n")[0]
        #expect(row == "C-0006,ingediend,voorkomen,participatiewet,PW-BIJSTAND-ALLEEN,Bijstand alleenstaande 21–AOW incl. vakantietoeslag,6,maand,50,75,1283.83,2024,5431.17,transfer,1,1.880195599")
    }

    @Test("Dutch Excel: BOM, semicolons, decimal commas, quoting where needed")
    func excelDutch() throws {
        let records = Repository.exampleBusinessCase().caseResult.records
        let csv = LineExport.csv(records, options: .init(excelDutch: true, estimate: .plain))
        #expect(csv.hasPrefix("\u{FEFF}casus_id;status;"))
        #expect(csv.contains("C-0003;ingediend;voorkomen;zvw;ZVW-HA-VISITE;Huisarts visite;3;visite;50;60;43,31;2022;38,98;kosten;1;1"))
        #expect(LineExport.quote("a;b", separator: ";") == "\"a;b\"")
        #expect(LineExport.quote("zei \"ja\"", separator: ",") == "\"zei \"\"ja\"\"\"")
        // A quote with a combining mark after it is still doubled (helper-19: the field split, and `=1+1` became a cell).
        #expect(LineExport.quote("Team\"\u{301};=1+1,x", separator: ";") == "\"Team\"\"\u{301};=1+1,x\"")
        #expect(LineExport.quote("1,5", separator: ";") == "1,5")
    }

    @Test("typed text a spreadsheet would run as a formula gets an apostrophe; numbers stay numbers (found by a helper)")
    func formulaInjection() throws {
        #expect(LineExport.quote("=HYPERLINK(\"http://x\";\"klik\")", separator: ";") == "\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\"")
        #expect(LineExport.quote("+31 6 1234", separator: ",") == "'+31 6 1234")
        #expect(LineExport.quote("@SUM(A1)", separator: ",") == "'@SUM(A1)")
        #expect(LineExport.quote("-1+1", separator: ",") == "'-1+1")
        #expect(LineExport.quote("\tverborgen", separator: ",") == "'\tverborgen")
        for number in ["-633.49", "-633,49", "-1.234,56", "+5", "0", "42"] {
            #expect(LineExport.quote(number, separator: ";") == number, "\(number)")
        }
        // The number check without a regular expression (a third of a CSV export went to Foundation's string search):
        // the same answer as the pattern for every string made of these characters, up to four long.
        let alphabet = ["1", "-", "+", ".", ",", "a", "=", "\""]
        var strings = [""]
        for _ in 0..<4 { strings += strings.flatMap { prefix in alphabet.map { prefix + $0 } } }
        for text in Set(strings) {
            let pattern = text.range(of: "^[+-]?[0-9]+([.,][0-9]+)*$", options: .regularExpression) != nil
            #expect(LineExport.isPlainNumber(text) == pattern, "'\(text)'")
        }
        #expect(LineExport.quote("a;b", separator: ";") == "\"a;b\"" && LineExport.quote("a;b", separator: ",") == "a;b")
        #expect(Money(cents: -5).plainText == "-0.05" && Money(cents: 123_456).plainText == "1234.56" && Money(cents: 10).plainText == "0.10")
        // A team name typed in a case comes out neutralised in the case export; its negative net stays a number.
        var record = try #require(Repository.exampleBusinessCase().caseResult.records.first)
        record.context.team = "=1+1"
        let row = CaseExport.row(record, options: .init(excelDutch: false, estimate: .plain))
        #expect(row.hasPrefix("C-0001,goedgekeurd,sw-anouk,Sociaal Recept,'=1+1,Voorbeeldstad,"), "\(row)")
        #expect(row.hasSuffix(",-993.87,0.23\r\n"), "\(row)")
    }
}

@Suite("Figures that fit")
struct WideFigureTests {
    @Test("money columns grow with the business case; no figure is cut off")
    func wideColumns() throws {
        var totals = Totals(avoided: Money(cents: 14_149_563_612), deployed: Money(cents: 2_587_779_001), effort: Money(cents: 1_202_517_099))
        totals.avoidedConservative = totals.avoided
        let figures = CaseFigures(id: "C-0001", status: .ingediend, author: "a", team: "t", intervention: "i",
                                  periodEnd: try #require(CalendarDay(year: 2025, month: 1, day: 1)), lifeDomains: [], fictional: false,
                                  priceListVersion: "t", valued: .success(.init(perLaw: ["wlz": totals], total: totals, lines: [])))
        let summary = BusinessCaseSummary(figures: [figures], filter: CaseFilter(), options: .plain, detail: .patterns)
        let text = BusinessCaseReport.text(name: "Groot", examples: .none, summary: summary, priceList: nil)
        #expect(!text.contains("…"))
        #expect(text.contains("Totaal                     € 12.025.170,99 € 25.877.790,01 € 141.495.636,12 € 103.592.675,12"))
    }
}
