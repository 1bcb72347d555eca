import Foundation
import Testing
@testable import RendementsDomain
@testable import RendementsStorage

/// A catalogue of bad inputs, each with its exact Dutch message and the proof that
/// nothing else changed: the rest of the data still loads and no file is touched.
@Suite("Hostile input catalogue")
struct HostileInputTests {
    static let header = "code;wet;categorie;omschrijving;eenheid;prijs;prijsjaar;bron;betrouwbaarheid;soort;synoniemen;prijs_laag;prijs_hoog\n"
    static let good = "GOED;wlz;c;Verpleeghuis;dag;290,00;2022;KH24;groen;kosten;;;\n"
    static let base: [String: Data] = [
        "info.csv": Data("sleutel;waarde\nnaam;T\nversie;t1\n".utf8),
        "wetten.csv": Data("code;naam;financier\nwmo;Wmo 2015;gemeente\nzvw;Zvw;zv\nwlz;Wlz;zk\njeugdwet;Jeugdwet;gemeente\n".utf8),
        "uurtarieven.csv": Data("code;omschrijving;uurtarief;prijsjaar;bron\nsw;Sw;64,00;2022;KH24\n".utf8),
        "index.csv": Data("jaar;mutatie_procent;bron\n2023;3,8;CBS\n".utf8),
    ]

    static func read(prices: Data) -> PriceListReadResult {
        var files = base
        files["prijzen.csv"] = prices
        return PriceListReader.read(source: .memory(name: "lijst", files: files))
    }

    /// (name, prijzen.csv, expected problems, whether the good line still loads)
    static let priceLists: [(String, String, [String], Bool)] = [
        ("unterminated quote", header + good + "X;zvw;c;\"open;uur;1;2022;KH24;groen;kosten;;;\n",
         ["lijst/prijzen.csv, regel 3, kolom 4: fout: een aanhalingsteken (\") wordt niet gesloten; sluit het veld af met \" of verwijder het"], false),
        ("text after a closing quote", header + good + "X;zvw;c;\"a\"b;uur;1;2022;KH24;groen;kosten;;;\n",
         ["lijst/prijzen.csv, regel 3, kolom 4: fout: tekst na het sluitende aanhalingsteken; zet het hele veld tussen aanhalingstekens"], false),
        ("quote inside a field", header + good + "X;zvw;c;a\"b;uur;1;2022;KH24;groen;kosten;;;\n",
         ["lijst/prijzen.csv, regel 3, kolom 4: fout: aanhalingsteken midden in een veld; zet het veld tussen \"…\" en schrijf \"\" voor een aanhalingsteken"], false),
        ("tab-separated", header.replacingOccurrences(of: ";", with: "\t") + good.replacingOccurrences(of: ";", with: "\t"),
         ["lijst/prijzen.csv, regel 1: fout: kolom 'code', 'wet', 'categorie', 'omschrijving', 'eenheid', 'prijs', 'prijsjaar', 'bron', 'betrouwbaarheid', 'soort' ontbreekt in de kopregel; verwacht: code,wet,categorie,omschrijving,eenheid,prijs,prijsjaar,bron,betrouwbaarheid,soort"], false),
        ("byte-order mark", "\u{FEFF}" + header + good, [], true),
        ("empty file", "", ["lijst/prijzen.csv: fout: het bestand is leeg; verwacht een kopregel met kolomnamen"], false),
        ("huge number", header + good + "X;zvw;c;O;uur;99999999999999999999;2022;KH24;groen;kosten;;;\n",
         ["lijst/prijzen.csv, regel 3, kolom 6: fout: prijs '99999999999999999999' is geen bedrag; schrijf bijvoorbeeld 30,87 of 1.394,44"], true),
        ("NaN", header + good + "X;zvw;c;O;uur;NaN;2022;KH24;groen;kosten;;;\n",
         ["lijst/prijzen.csv, regel 3, kolom 6: fout: prijs 'NaN' is geen bedrag; schrijf bijvoorbeeld 30,87 of 1.394,44"], true),
        ("infinity", header + good + "X;zvw;c;O;uur;inf;2022;KH24;groen;kosten;;;\n",
         ["lijst/prijzen.csv, regel 3, kolom 6: fout: prijs 'inf' is geen bedrag; schrijf bijvoorbeeld 30,87 of 1.394,44"], true),
        ("negative price", header + good + "X;zvw;c;O;uur;-12,50;2022;KH24;groen;kosten;;;\n",
         ["lijst/prijzen.csv, regel 3, kolom 6: fout: prijs '-12,50' is negatief; een prijs is groter dan 0"], true),
        ("zero price", header + good + "X;zvw;c;O;uur;0;2022;KH24;groen;kosten;;;\n",
         ["lijst/prijzen.csv, regel 3, kolom 6: fout: prijs '0' is nul; een prijs is groter dan 0"], true),
        ("exponent", header + good + "X;zvw;c;O;uur;1e3;2022;KH24;groen;kosten;;;\n",
         ["lijst/prijzen.csv, regel 3, kolom 6: fout: prijs '1e3' is geen bedrag; schrijf bijvoorbeeld 30,87 of 1.394,44"], true),
        ("three decimals", header + good + "X;zvw;c;O;uur;1,005;2022;KH24;groen;kosten;;;\n",
         ["lijst/prijzen.csv, regel 3, kolom 6: fout: prijs '1,005' heeft meer dan twee decimalen of is te groot; rond af op hele centen"], true),
        ("missing price", header + good + "X;zvw;c;O;uur;;2022;KH24;groen;kosten;;;\n",
         ["lijst/prijzen.csv, regel 3, kolom 6: fout: prijs ontbreekt; vul een bedrag in, zoals 30,87"], true),
        ("missing source", header + good + "X;zvw;c;O;uur;1;2022;;groen;kosten;;;\n",
         ["lijst/prijzen.csv, regel 3, kolom 8: fout: bron ontbreekt; een prijs zonder bron hoort niet in de prijslijst"], true),
        ("unknown law", header + good + "X;wmo2015;c;O;uur;1;2022;KH24;groen;kosten;;;\n",
         ["lijst/prijzen.csv, regel 3, kolom 2: fout: wet 'wmo2015' is onbekend; gebruik een code uit wetten.csv (jeugdwet, wlz, wmo, zvw)"], true),
        ("duplicate code", header + good + "GOED;zvw;c;O;uur;1;2022;KH24;groen;kosten;;;\n",
         ["lijst/prijzen.csv, regel 3, kolom 1: fout: code 'GOED' komt al voor op regel 2; geef elk item een eigen code"], true),
        ("bad year", header + good + "X;zvw;c;O;uur;1;twintig;KH24;groen;kosten;;;\n",
         ["lijst/prijzen.csv, regel 3, kolom 7: fout: prijsjaar 'twintig' is geen jaartal tussen 1900 en 2100"], true),
        ("bad grade", header + good + "X;zvw;c;O;uur;1;2022;KH24;goud;kosten;;;\n",
         ["lijst/prijzen.csv, regel 3, kolom 9: fout: betrouwbaarheid 'goud' is onbekend; kies groen, oranje of rood"], true),
        ("bad kind", header + good + "X;zvw;c;O;uur;1;2022;KH24;groen;subsidie;;;\n",
         ["lijst/prijzen.csv, regel 3, kolom 10: fout: soort 'subsidie' is onbekend; kies kosten of transfer"], true),
        ("too few columns", header + good + "X;zvw;c\n",
         ["lijst/prijzen.csv, regel 3: fout: 3 kolommen, de kopregel heeft er 13; controleer het scheidingsteken ';' en de aanhalingstekens"], true),
        ("range around the price", header + good + "X;zvw;c;O;uur;10;2022;KH24;groen;kosten;;20;30\n",
         ["lijst/prijzen.csv, regel 3, kolom 6: fout: prijs ligt niet tussen prijs_laag en prijs_hoog; controleer de drie bedragen"], true),
        ("control characters in a description", header + good + "X;zvw;c;Pa\u{7}s\u{1B}[2J;uur;1;2022;KH24;groen;kosten;;;\n", [], true),
    ]

    @Test("price lists", arguments: 0..<priceLists.count)
    func priceList(index: Int) {
        let (name, text, expected, goodStillLoads) = Self.priceLists[index]
        let result = Self.read(prices: Data(text.utf8))
        #expect(result.problems.map(\.description) == expected, "\(name)")
        #expect((result.priceList?.item("GOED") != nil) == goodStillLoads, "\(name): the rest of the list keeps working")
    }

    @Test("price list: invalid UTF-8 and a 100 MB file are refused without parsing")
    func hugeAndInvalid() {
        let invalid = Self.read(prices: Data([0x63, 0x6F, 0x64, 0x65, 0xFF, 0xFE, 0x0A]))
        #expect(invalid.problems.map(\.description) == ["lijst/prijzen.csv: fout: het bestand is geen UTF-8; sla het op als 'CSV UTF-8' in je spreadsheet"])
        let huge = Self.read(prices: Data(repeating: 0x41, count: 100_000_000))
        #expect(huge.problems.map(\.description) == ["lijst/prijzen.csv: fout: het bestand is te groot (100 MB); een prijslijst is hooguit 10 MB"])
        #expect(huge.priceList == nil)
    }

    /// A case as the app writes it: submitted, its history sealed.
    static func sealedCase(_ id: String) -> String {
        var record = CaseStoreTests.submittedSample(id)
        HistoryChain.seal(&record, now: Date(timeIntervalSince1970: 1_764_000_000))
        return String(decoding: (try? CaseCodec.encode(record)) ?? Data(), as: UTF8.self)
    }

    static let validCase = sealedCase("C-0001")

    /// (name, file content, expected message; nil = accepted)
    static let caseFiles: [(String, String, String?)] = [
        ("truncated", String(validCase.prefix(200)), "geen geldige JSON (het bestand houdt halverwege op); het bestand is afgebroken of beschadigd en is niet aangepast: herstel het of zet een reservekopie terug"),
        ("empty", "", "geen geldige JSON (het bestand houdt halverwege op); het bestand is afgebroken of beschadigd en is niet aangepast: herstel het of zet een reservekopie terug"),
        ("an array", "[1, 2]", "geen geldige JSON (onverwachte opbouw); het bestand is afgebroken of beschadigd en is niet aangepast: herstel het of zet een reservekopie terug"),
        ("garbage in the middle", validCase.replacingOccurrences(of: "\"status\" :", with: "\"status\" :: "), "geen geldige JSON (fout rond regel 94, kolom 13); het bestand is afgebroken of beschadigd en is niet aangepast: herstel het of zet een reservekopie terug"),
        ("schema version 3", validCase.replacingOccurrences(of: "\"schemaVersion\" : 2", with: "\"schemaVersion\" : 3"), "schemaversie 3 wordt niet ondersteund (deze versie leest 1 tot en met 2); werk Rendementsmeter bij"),
        ("no schema version", validCase.replacingOccurrences(of: "\"schemaVersion\" : 2,", with: ""), "het veld 'schemaVersion' ontbreekt; dit lijkt geen casusbestand van Rendementsmeter"),
        ("unknown fields are ignored", validCase.replacingOccurrences(of: "\"schemaVersion\" : 2,", with: "\"schemaVersion\" : 2, \"extra\" : {\"x\": 1},"), nil),
        ("wrong type", validCase.replacingOccurrences(of: "\"status\" : \"ingediend\"", with: "\"status\" : 5"), "veld status heeft het verkeerde type; het bestand is niet aangepast"),
        ("unknown status", validCase.replacingOccurrences(of: "\"status\" : \"ingediend\"", with: "\"status\" : \"klaar\""), "veld status: Cannot initialize CaseStatus from invalid String value klaar; het bestand is niet aangepast"),
        ("impossible date", validCase.replacingOccurrences(of: "2025-03-31", with: "2025-02-30"), "veld context.periodEnd: geen geldige datum: '2025-02-30' (verwacht jjjj-mm-dd); het bestand is niet aangepast"),
        ("negative quantity", validCase.replacingOccurrences(of: "\"count\" : \"2\"", with: "\"count\" : \"-2\""), "veld deployed[1].quantity.count: geen geldige hoeveelheid: '-2' (verwacht een getal ≥ 0, zoals 2.5); het bestand is niet aangepast"),
        ("likelihood above 100", validCase.replacingOccurrences(of: "\"likelihood\" : \"62.5\"", with: "\"likelihood\" : \"150\""), "veld avoided[1].likelihood: geen geldig percentage tussen 0 en 100: '150'; het bestand is niet aangepast"),
        ("money with three decimals", validCase.replacingOccurrences(of: "\"unitPrice\" : \"38.89\"", with: "\"unitPrice\" : \"38.891\""), "veld deployed[1].item.unitPrice: geen geldig bedrag: '38.891' (verwacht bijvoorbeeld 1234.56); het bestand is niet aangepast"),
        ("missing field", validCase.replacingOccurrences(of: "\"author\" : \"tester\",", with: ""), "veld 'author' ontbreekt; het bestand is niet aangepast"),
    ]

    @Test("case files: the message, and the file left byte for byte", arguments: 0..<caseFiles.count)
    func caseFile(index: Int) throws {
        let (name, text, expected) = Self.caseFiles[index]
        let folder = try TemporaryFolder()
        try folder.write("C-0001.json", text)
        try folder.write("C-0002.json", Self.sealedCase("C-0002"))
        let result = try CaseStore(folder: folder.url).loadAll()
        #expect(result.problems.map(\.message) == (expected.map { [$0] } ?? []), "\(name)")
        #expect(result.records.contains { $0.id == "C-0002" }, "\(name): the other case still loads")
        #expect(try String(contentsOf: folder.url.appendingPathComponent("C-0001.json"), encoding: .utf8) == text, "\(name): untouched")
    }

    @Test("numbers as typed", arguments: [
        ("1,2,3", nil), ("1e999", nil), ("-0", "0"), ("abc", nil), ("", nil), ("12,", nil), ("1.2.3", nil), ("٣", nil), ("1 000", nil), ("0x1F", nil),
    ] as [(String, String?)])
    func numbers(input: String, expected: String?) {
        #expect(DutchNumber.parse(input).map(DecimalText.format) == expected)
    }

    @Test("an absurdly large count is an error, not a crash or a wrapped number")
    func absurdCount() {
        let item = PricedItem(code: "X", law: "wmo", description: "X", unit: "uur", unitPrice: Money(cents: 99_999_999_99), priceYear: 2022, kind: .kosten)
        let line = AvoidedCareLine(item: item, quantity: .count(Decimal(string: "999999999999999")!), likelihood: .full, reasoning: "")
        var record = CaseStoreTests.sample("C-0001")
        record.avoided = [line]
        #expect(throws: ValuationError.overflow(caseID: "C-0001", what: "X")) { try CaseValuation(record, options: .plain) }
        #expect(ValuationError.overflow(caseID: "C-0001", what: "X").dutchMessage == "Casus C-0001: het bedrag voor 'X' is groter dan € 100.000.000,00 per regel. Controleer de hoeveelheid.")
    }

    @Test("a horizon of a million years is named as out of bounds by validate's check, not a crash (helper-24)")
    func absurdHorizon() throws {
        var record = CaseStoreTests.sample("C-0001")
        record.avoided[0].horizonYears = 1_000_000
        record.avoided[0].dropOff = Percentage(50)
        let problems = CaseChecker.problems(StoredCase(record: record, fileName: "C-0001.json"), priceList: nil).map(\.message)
        #expect(problems.contains("voorkomen zorg regel 1: het aantal jaren 1000000 ligt buiten 1–30"), "\(problems)")
        #expect(LineEstimate.horizon(years: 1_000_000, dropOff: Percentage(50)!, discount: .zero) == LineEstimate.horizon(years: 30, dropOff: Percentage(50)!, discount: .zero))
        #expect(LineEstimate.horizon(years: 3, dropOff: Percentage(50)!, discount: .zero) == Decimal(string: "1.75"))
    }
}
