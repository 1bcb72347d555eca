import Foundation
import Testing
@testable import RendementsDomain
@testable import RendementsStorage

@Suite("Reading a price list folder")
struct PriceListReaderTests {
    static let laws = "code;naam;financier\nwmo;Wmo 2015;gemeente\nzvw;Zvw;zorgverzekeraar\nwlz;Wlz;zorgkantoor\njeugdwet;Jeugdwet;gemeente\n"
    static let header = "code;wet;categorie;omschrijving;eenheid;prijs;prijsjaar;bron;betrouwbaarheid;soort;synoniemen\n"

    func folder(items: String, laws: String = PriceListReaderTests.laws, separator: String = ";") throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("info.csv", "sleutel;waarde\nnaam;Test\nversie;t1\n")
        try folder.write("wetten.csv", laws)
        try folder.write("prijzen.csv", items)
        try folder.write("uurtarieven.csv", "code;omschrijving;uurtarief;prijsjaar;bron\nsw;Sociaal werker;64,00;2022;KH24\n")
        try folder.write("index.csv", "jaar;mutatie_procent;bron\n2022;10,0;CBS\n2023;3,8;CBS\n")
        return folder
    }

    @Test("decimal comma with ';' and decimal point with ',' both read exactly")
    func bothSeparators() throws {
        let dutch = try folder(items: Self.header + "ZVW-FYSIO;zvw;Paramedisch;Fysiotherapie;zitting;38,89;2022;KH24;groen;kosten;fysio|fysiotherapeut\n"
                               + "WMO-VR;wmo;Toegang;Vraagverheldering;eenmalig;1.394,44;2023;Westerveld;oranje;kosten;\n")
        let result = PriceListReader.read(folder: dutch.url)
        #expect(result.problems.isEmpty)
        #expect(result.priceList?.item("ZVW-FYSIO")?.price == Money(cents: 3889))
        #expect(result.priceList?.item("ZVW-FYSIO")?.synonyms == ["fysio", "fysiotherapeut"])
        #expect(result.priceList?.item("WMO-VR")?.price == Money(cents: 139444))
        #expect(result.priceList?.hourlyRate("sw")?.rate == Money(cents: 6400))
        #expect(result.priceList?.index.map(\.year) == [2022, 2023])

        let english = try folder(items: Self.header.replacingOccurrences(of: ";", with: ",")
                                 + "ZVW-FYSIO,zvw,Paramedisch,Fysiotherapie,zitting,38.89,2022,\"KH24, tabel 3\",groen,kosten,\n")
        let englishResult = PriceListReader.read(folder: english.url)
        #expect(englishResult.problems.isEmpty)
        #expect(englishResult.priceList?.item("ZVW-FYSIO")?.price == Money(cents: 3889))
        #expect(englishResult.priceList?.item("ZVW-FYSIO")?.source == "KH24, tabel 3")
    }

    @Test("every bad line gets its own Dutch message with file, line and column; good lines still load", arguments: [
        ("A;zvw;c;Omschr;uur;38,89;2022;KH24;groen\n", "prijzen.csv, regel 2: fout: 9 kolommen, de kopregel heeft er 11; controleer het scheidingsteken ';' en de aanhalingstekens"),
        ("OK;zvw;c;Omschr;uur;-3;2022;KH24;groen;kosten;\n", "prijzen.csv, regel 2, kolom 6: fout: prijs '-3' is negatief; een prijs is groter dan 0"),
        ("OK;zvw;c;Omschr;uur;;2022;KH24;groen;kosten;\n", "prijzen.csv, regel 2, kolom 6: fout: prijs ontbreekt; vul een bedrag in, zoals 30,87"),
        ("OK;zvw;c;Omschr;uur;3x;2022;KH24;groen;kosten;\n", "prijzen.csv, regel 2, kolom 6: fout: prijs '3x' is geen bedrag; schrijf bijvoorbeeld 30,87 of 1.394,44"),
        ("OK;zvw;c;Omschr;uur;3,001;2022;KH24;groen;kosten;\n", "prijzen.csv, regel 2, kolom 6: fout: prijs '3,001' heeft meer dan twee decimalen of is te groot; rond af op hele centen"),
        ("OK;zvw;c;Omschr;uur;3;2022;;groen;kosten;\n", "prijzen.csv, regel 2, kolom 8: fout: bron ontbreekt; een prijs zonder bron hoort niet in de prijslijst"),
        ("OK;wmo2015;c;Omschr;uur;3;2022;KH24;groen;kosten;\n", "prijzen.csv, regel 2, kolom 2: fout: wet 'wmo2015' is onbekend; gebruik een code uit wetten.csv (jeugdwet, wlz, wmo, zvw)"),
        ("OK;zvw;c;Omschr;uur;3;22;KH24;groen;kosten;\n", "prijzen.csv, regel 2, kolom 7: fout: prijsjaar '22' is geen jaartal tussen 1900 en 2100"),
        ("OK;zvw;c;Omschr;uur;3;2022;KH24;paars;kosten;\n", "prijzen.csv, regel 2, kolom 9: fout: betrouwbaarheid 'paars' is onbekend; kies groen, oranje of rood"),
        ("OK;zvw;c;Omschr;uur;3;2022;KH24;groen;gift;\n", "prijzen.csv, regel 2, kolom 10: fout: soort 'gift' is onbekend; kies kosten of transfer"),
        ("GOED;zvw;c;Omschr;uur;3;2022;KH24;groen;kosten;\nGOED;zvw;c;Ander;uur;4;2022;KH24;groen;kosten;\n", "prijzen.csv, regel 3, kolom 1: fout: code 'GOED' komt al voor op regel 2; geef elk item een eigen code"),
        ("OK;zvw;c;\"Omschr;uur;3;2022;KH24;groen;kosten;\n", "prijzen.csv, regel 2, kolom 4: fout: een aanhalingsteken (\") wordt niet gesloten; sluit het veld af met \" of verwijder het"),
    ])
    func badLine(line: String, message: String) throws {
        let folder = try folder(items: Self.header + line + "LAATSTE;wlz;c;Verpleeghuis;dag;290,00;2022;KH24;groen;kosten;\n")
        let result = PriceListReader.read(folder: folder.url)
        #expect(result.problems.map { $0.description.replacingOccurrences(of: folder.url.lastPathComponent + "/", with: "") } == [message])
        if !message.contains("aanhalingsteken") {
            #expect(result.priceList?.item("LAATSTE") != nil, "the rest of the list keeps working")
        }
    }

    @Test("a missing required law, a missing column, a missing file and a missing folder")
    func structuralProblems() throws {
        let noWlz = try folder(items: Self.header, laws: "code;naam;financier\nwmo;Wmo;gemeente\nzvw;Zvw;zv\njeugdwet;Jeugdwet;gemeente\n")
        #expect(PriceListReader.read(folder: noWlz.url).problems.map(\.message) == ["de wet 'wlz' ontbreekt; Wmo, Zvw, Wlz en Jeugdwet zijn altijd nodig"])

        let noPrice = try folder(items: "code;wet;categorie;omschrijving;eenheid;prijsjaar;bron;betrouwbaarheid;soort\n")
        let columnProblem = try #require(PriceListReader.read(folder: noPrice.url).problems.first)
        #expect(columnProblem.message.hasPrefix("kolom 'prijs' ontbreekt in de kopregel"))
        #expect(columnProblem.line == 1)

        let noIndex = try folder(items: Self.header)
        try FileManager.default.removeItem(at: noIndex.url.appendingPathComponent("index.csv"))
        #expect(PriceListReader.read(folder: noIndex.url).problems.map(\.message) == ["het bestand ontbreekt; elke prijslijst heeft index.csv nodig"])

        let missing = PriceListReader.read(folder: URL(fileURLWithPath: "/nonexistent/prijslijst"))
        #expect(missing.priceList == nil)
        #expect(missing.problems.first?.message.contains("de prijslijstmap bestaat niet") == true)
    }

    @Test("reading never changes the files")
    func readOnly() throws {
        let folder = try folder(items: Self.header + "X;zvw;c;O;uur;-1;2022;KH24;groen;kosten;\n")
        let before = try Data(contentsOf: folder.url.appendingPathComponent("prijzen.csv"))
        _ = PriceListReader.read(folder: folder.url)
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("prijzen.csv")) == before)
        #expect(try folder.names() == ["index.csv", "info.csv", "prijzen.csv", "uurtarieven.csv", "wetten.csv"])
    }

    @Test("the default price list: at least 80 sourced items, the four laws well covered, hourly rates and CPI index")
    func defaultList() throws {
        let result = PriceListReader.read(folder: Repository.defaultPriceList)
        #expect(result.problems.isEmpty)
        let list = try #require(result.priceList)
        #expect(list.items.count >= 80)
        for law in Law.requiredCodes {
            #expect(list.items.filter { $0.lawCode == law }.count >= 8, "law \(law)")
        }
        for domain in ["participatiewet", "justitie", "wonen", "schulden", "onderwijs", "overig"] {
            #expect(list.items.contains { $0.lawCode == domain }, "domain \(domain)")
        }
        #expect(list.items.allSatisfy { !$0.source.isEmpty && (1990...2026).contains($0.priceYear) })
        #expect(list.items.filter { $0.kind == .transfer }.map(\.code).sorted() == ["PW-BIJSTAND-ALLEEN", "PW-BIJSTAND-GEZIN"])
        #expect(list.item("ZVW-FYSIO")?.price == Money(cents: 3889))
        #expect(list.item("WLZ-VPH")?.price == Money(cents: 29000))
        #expect(list.hourlyRate("sociaal-werker") != nil)
        #expect(list.index.first { $0.year == 2022 }?.changePercent == 10)
        #expect(list.doubleCounting(["WLZ-VPH", "ZVW-FYSIO", "WLZ-DB-OUDEREN"])
                == ["Verpleeghuis: verpleging en verzorging incl. dagbesteding en Ouderenzorg dagbesteding tellen dezelfde zorg dubbel: het verpleeghuistarief is inclusief dagbesteding (KH24)"])
        #expect(list.doubleCounting(["WLZ-VPH", "ZVW-FYSIO"]).isEmpty)
    }

    @Test("an exclusion naming an unknown item is reported where it stands")
    func badExclusion() throws {
        let folder = try folder(items: Self.header + "A;zvw;c;Een;uur;1;2022;KH24;groen;kosten;\n")
        try folder.write("uitsluitingen.csv", "code;sluit_uit;reden\nA;B;omdat\n")
        let problems = PriceListReader.read(folder: folder.url).problems.map(\.message)
        #expect(problems == ["item 'B' staat niet in prijzen.csv"])
    }
}
