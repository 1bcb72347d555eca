import Foundation
import Testing

@Suite("The command line, run as the built binary")
struct CommandLineTests {
    @Test("--version and --help")
    func versionAndHelp() throws {
        let version = try Binary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")
        let help = try Binary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Rendementsmeter: maak zichtbaar welke zorg sociaal werk voorkomt"))
        for command in ["validate", "report", "export"] { #expect(help.stdout.contains(command)) }
        let exportHelp = try Binary.run(["export", "--help"])
        #expect(exportHelp.stdout.contains("--excel-nl"))
    }

    @Test("an option given twice is refused, never silently narrowed to the last value (found by a helper trying to break the report)")
    func repeatedOption() throws {
        let domain = try Binary.run(["report", "--domain", "financien", "--domain", "zingeving"])
        #expect(domain.status == 64)
        #expect(domain.stdout.isEmpty)
        #expect(domain.stderr.hasPrefix("fout: '--domain' staat er meer dan één keer; geef elke optie één keer (anders telt alleen de laatste, zonder waarschuwing)\n"))
        let team = try Binary.run(["export", "--team=Noord", "--team", "Zuid"])
        #expect(team.status == 64)
        #expect(team.stderr.hasPrefix("fout: '--team' staat er meer dan één keer"))
    }

    @Test("an export to a full standard output says so in Dutch and exits 1 (it crashed on FileHandle's trap; found by a helper)")
    func exportToFullOutput() throws {
        for format in ["csv", "kalibratie"] {
            let outcome = try Binary.execute("/bin/sh", ["-c", "'\(Binary.url.path)' export --format \(format) > /dev/full"], in: Binary.root)
            #expect(outcome.status == 1, "\(format): \(outcome.stderr)")
            #expect(outcome.stderr == "fout: schrijven naar de standaarduitvoer lukt niet (schijf vol of uitvoer gesloten); de export is niet compleet\n")
        }
    }

    @Test("--out through a link writes the link's file; a folder or a pipe is refused, never replaced by a file (found by a helper)")
    func exportTargets() throws {
        let scratch = try Scratch()
        let real = scratch.url.appendingPathComponent("echt.csv")
        let link = scratch.url.appendingPathComponent("link.csv")
        try Data("oud".utf8).write(to: real)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let through = try Binary.run(["export", "--format", "kalibratie", "--out", link.path])
        #expect(through.status == 0, "\(through.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path, "the link stays a link")
        #expect(try String(contentsOf: real, encoding: .utf8).hasPrefix("interventie,item_code,"))
        let pipe = scratch.url.appendingPathComponent("pijp")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        for target in [pipe.path, scratch.url.path] {
            let refused = try Binary.run(["export", "--format", "csv", "--out", target])
            #expect(refused.status == 2)
            #expect(refused.stderr == "fout: \(target) is geen gewoon bestand (een map, apparaat of pijp); kies een bestandsnaam, of laat --out weg voor de standaarduitvoer\n")
        }
        var info = stat()
        #expect(lstat(pipe.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the pipe is still a pipe")
        // A folder that is not there: said in Dutch, as a command's message (it said "No such file or directory").
        let missing = try Binary.run(["export", "--format", "csv", "--out", "/bestaat-niet/x.csv"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "fout: schrijven in /bestaat-niet lukt niet (die map bestaat niet)\n")
    }

    @Test("a mistyped command line and --help are in Dutch too (issue 12, finding 10)")
    func dutchArgumentMessages() throws {
        let unknown = try Binary.run(["report", "--foo"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("fout: onbekende optie '--foo'. Bedoel je '--from'?\nGebruik: rendementsmeter report"))
        let format = try Binary.run(["export", "--format", "pdf"])
        #expect(format.stderr.hasPrefix("fout: 'pdf' kan niet bij '--format <format>'. Kies uit 'csv', 'html', 'kalibratie' of 'map'.\n"))
        let missing = try Binary.run(["report", "--price-year"])
        #expect(missing.stderr.hasPrefix("fout: '--price-year <JAAR>' mist een waarde\n"))
        let help = try Binary.run(["report", "--help"])
        #expect(help.status == 0)
        for heading in ["OVERZICHT:", "GEBRUIK:", "OPTIES:", "Toon deze uitleg."] { #expect(help.stdout.contains(heading), "\(heading)") }
        for english in ["USAGE", "OPTIONS", "Show help", "Error"] { #expect(!(help.stdout + unknown.stderr).contains(english), "\(english)") }
    }

    @Test("validate passes on the shipped data")
    func validateShipped() throws {
        let outcome = try Binary.run(["validate"])
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.contains("gecontroleerd: prijslijst standaard: 97 items, versie 2026.1"))
        #expect(outcome.stdout.contains("casussen: 7 gelezen"))
        #expect(outcome.stdout.hasSuffix("Alles in orde.\n"))
    }

    @Test("validate names file, line and column of a bad price and of a broken case, exits 1, changes nothing")
    func validateBroken() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let prices = scratch.url.appendingPathComponent("price-lists/standaard/prijzen.csv")
        let original = try String(contentsOf: prices, encoding: .utf8)
        let broken = original.replacingOccurrences(of: "ZVW-FYSIO;zvw;Paramedisch;Fysiotherapie;zitting;38,89", with: "ZVW-FYSIO;zvw;Paramedisch;Fysiotherapie;zitting;-5")
        try broken.write(to: prices, atomically: true, encoding: .utf8)
        let caseFile = scratch.url.appendingPathComponent("cases/C-0002.json")
        try "{\"schemaVersion\": 1, \"id\": ".write(to: caseFile, atomically: true, encoding: .utf8)

        let outcome = try Binary.run(["validate"], in: scratch.url)
        #expect(outcome.status == 1)
        let line = broken.components(separatedBy: "\r\n").firstIndex { $0.hasPrefix("ZVW-FYSIO;") }.map { $0 + 1 } ?? 0
        #expect(outcome.stdout.contains("standaard/prijzen.csv, regel \(line), kolom 6: fout: prijs '-5' is negatief; een prijs is groter dan 0"))
        #expect(outcome.stdout.contains("C-0002.json: fout: geen geldige JSON (het bestand houdt halverwege op)"))
        #expect(outcome.stdout.contains("C-0001.json: fout: voorkomen zorg regel 1") == false, "other cases are still fine")
        #expect(outcome.stdout.hasSuffix("gevonden.\n"))
        #expect(try String(contentsOf: caseFile, encoding: .utf8) == "{\"schemaVersion\": 1, \"id\": ")
    }

    @Test("report: the per-law table with totals and the return ratio; --approved-only says so")
    func report() throws {
        let outcome = try Binary.run(["report"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Totaal                       € 7.553,00   € 3.154,66  € 15.869,81   € 5.162,15"))
        #expect(outcome.stdout.contains("Rendement (voorkomen ÷ (eigen inzet + ingezet)): 1,48"))
        let approved = try Binary.run(["report", "--approved-only"])
        #expect(approved.stdout.contains("Telt: alleen goedgekeurde casussen (3 van 7)"))
    }

    @Test("report keeps working beside a broken case and names it on standard error")
    func reportWithBrokenCase() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        try "kapot".write(to: scratch.url.appendingPathComponent("cases/C-0099.json"), atomically: true, encoding: .utf8)
        let outcome = try Binary.run(["report"], in: scratch.url)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("C-0099.json: fout: geen geldige JSON"))
        #expect(outcome.stdout.contains("€ 15.869,81"))
    }

    @Test("an export that leaves a broken case out writes the others, names it, and exits 1 (found by a helper: it exited 0)")
    func exportWithBrokenCase() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let whole = try Binary.run(["export", "--format", "csv", "--per", "case"], in: scratch.url)
        #expect(whole.status == 0 && whole.stderr.isEmpty)
        try "kapot".write(to: scratch.url.appendingPathComponent("cases/C-0099.json"), atomically: true, encoding: .utf8)
        for format in ["csv", "html", "kalibratie"] {
            let outcome = try Binary.run(["export", "--format", format, "--per", "case"].filter { format == "csv" || ($0 != "--per" && $0 != "case") },
                                         in: scratch.url)
            #expect(outcome.status == 1, "\(format): \(outcome.stderr)")
            #expect(outcome.stderr.contains("C-0099.json: fout: geen geldige JSON"), "\(format)")
            #expect(outcome.stderr.hasSuffix("fout: 1 bestand niet geëxporteerd (zie hierboven); de export bevat de andere casussen. "
                                             + "Herstel ze en exporteer opnieuw; 'rendementsmeter validate' zegt wat er mis is.\n"), "\(format): \(outcome.stderr)")
            if format == "csv" { #expect(outcome.stdout == whole.stdout, "the other cases, all of them") }
        }
    }

    @Test("--cases and RENDEMENTSMETER_CASES point elsewhere; a missing folder is a clear error")
    func otherFolders() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let viaOption = try Binary.run(["report", "--cases", scratch.url.appendingPathComponent("cases").path])
        #expect(viaOption.stdout.contains("(5 van 7)"))
        let missing = try Binary.run(["report"], environment: ["RENDEMENTSMETER_CASES": "/nonexistent/cases"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "fout: De map met casussen /nonexistent/cases bestaat niet. Geef een map op met --cases MAP of zet RENDEMENTSMETER_CASES.\n")
        let noList = try Binary.run(["validate", "--price-list", "/nonexistent/lijst"])
        #expect(noList.status == 1)
        #expect(noList.stdout.contains("/nonexistent/lijst: fout: de prijslijstmap bestaat niet"))
    }

    @Test("export: CSV to standard output, and Dutch Excel to a private file")
    func export() throws {
        let plain = try Binary.run(["export", "--format", "csv"])
        #expect(plain.status == 0)
        #expect(plain.stdout.hasPrefix("casus_id,status,regelsoort,wet,item_code,"))
        #expect(plain.stdout.contains("C-0003,ingediend,voorkomen,wlz,WLZ-VPH,"))

        let scratch = try Scratch()
        let file = scratch.url.appendingPathComponent("export.csv")
        let excel = try Binary.run(["export", "--format", "csv", "--excel-nl", "--out", file.path])
        #expect(excel.status == 0)
        let data = try Data(contentsOf: file)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: data, as: UTF8.self).contains(";43,31;2022;38,98;kosten"))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let badFormat = try Binary.run(["export", "--format", "pdf"])
        #expect(badFormat.status != 0)
    }

    @Test("the app without a terminal explains itself instead of garbling output")
    func noTerminal() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let outcome = try Binary.run([], in: scratch.url)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "fout: Rendementsmeter heeft een terminal nodig. Voor tekst zonder terminal: 'rendementsmeter report'.\n")
    }
}

@Suite("Honest estimates on the command line")
struct HonestEstimateCommandLineTests {
    @Test("report --price-year names the missing CPI years instead of guessing; explain and an unknown case")
    func priceYear() throws {
        let outcome = try Binary.run(["report", "--price-year", "2023"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("fout: Casus C-0002, WMO-MO-RESIDENTIEEL: van prijsjaar 2011 naar 2023 ontbreekt het indexcijfer voor 2012"))
        #expect(!outcome.stderr.contains("C-0006"), "2024 is in the CPI table now")
        // CBS CPI 2024 and 2025 (+3,3 % each): 290 × 90 × ,5 × ,6 × 1,038 × 1,033 × 1,033 = 8.672,81 (was 7.830,00 in 2022 prices)
        let in2025 = try Binary.run(["report", "--price-year", "2025", "--team", "Team Noord"])
        #expect(in2025.status == 0, "\(in2025.stderr)")
        #expect(in2025.stdout.contains("Wlz                              € 0,00       € 0,00   € 8.672,81   € 8.672,81"))
        let filtered = try Binary.run(["report", "--price-year", "2023", "--team", "Team Noord"])
        #expect(filtered.status == 0, "the cases of Team Noord can all be indexed")
        #expect(filtered.stdout.contains("versie 2026.1; prijsjaar 2023 (geïndexeerd met CPI)"))
        let explain = try Binary.run(["explain", "C-0003"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("= centraal            € 7.830,00"))
        let unknown = try Binary.run(["explain", "C-9999"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("fout: casus 'C-9999' bestaat niet"))
    }

    @Test("reprice --to a folder that is not there, or a file, names --to and changes nothing (found by a helper: it named --price-list)")
    func repriceMissingList() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let before = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("cases").path).sorted()
        for target in ["/bestaat-niet", "price-lists/standaard/prijzen.csv"] {
            let run = try Binary.run(["reprice", "--to", target, "--dry-run"], in: scratch.url)
            #expect(run.status == 2)
            #expect(run.stderr == "fout: '\(target)' is geen map met een prijslijst; geef met --to de map van de nieuwe lijst (met prijzen.csv). Er is niets herprijsd.\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("cases").path).sorted() == before)
    }

    @Test("reprice --to a list that lacks an item a case uses: that case stays on its list, and validate still passes (helper finding)")
    func repriceLackingItem() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let newList = try SafeStoreEndToEndTests.newerList(scratch)
        let prices = newList.appendingPathComponent("prijzen.csv")
        // Split on the byte: the list's lines end in "\r\n", which is one Character to Swift.
        let lines = try Data(contentsOf: prices).split(separator: 0x0A, omittingEmptySubsequences: false)
        try Data(lines.filter { !$0.starts(with: Data("ZVW-POH-GGZ;".utf8)) }.joined(separator: [0x0A])).write(to: prices)
        let run = try Binary.run(["reprice", "--to", newList.path], in: scratch.url, environment: ["RENDEMENTSMETER_USER": "beheer"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("C-0001: ZVW-POH-GGZ staat niet in de nieuwe lijst; de casus blijft op prijslijst 2026.1 en wordt niet herprijsd\n"),
                "\(run.stdout)")
        let file = try String(contentsOf: scratch.url.appendingPathComponent("cases/C-0001.json"), encoding: .utf8)
        #expect(file.contains("\"priceListVersion\" : \"2026.1\"") && !file.contains("herprijzing"))
        let validated = try Binary.run(["validate", "--price-list", newList.path], in: scratch.url)
        #expect(validated.status == 0, "\(validated.stdout)")
    }

    @Test("reprice --to writes an event into every case it changes and validate still passes")
    func reprice() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let newList = try SafeStoreEndToEndTests.newerList(scratch)

        let dry = try Binary.run(["reprice", "--to", newList.path, "--dry-run"], in: scratch.url)
        #expect(dry.stdout.hasSuffix("C-0007: geen prijs veranderd; prijslijst 2027.1 vastgelegd\nProefrun: 7 casus(sen) zouden veranderen; niets geschreven.\n"),
                "two prices moved; the other five cases only record the new list")
        let before = try String(contentsOf: scratch.url.appendingPathComponent("cases/C-0001.json"), encoding: .utf8)
        #expect(!before.contains("herprijzing"))

        let run = try Binary.run(["reprice", "--to", newList.path], in: scratch.url, environment: ["RENDEMENTSMETER_USER": "beheer"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("7 casus(sen) herprijsd naar Maatschappelijke prijslijst (standaard), versie 2027.1; de reden staat in hun geschiedenis.\n"))
        #expect(run.stdout.contains("C-0001: netto -€ 993,87 → -€ 990,18"), "32,04 × 6 × ,75 × ,7 = 100,93 instead of 97,24")
        #expect(run.stdout.contains("  voorkomen regel 1, ZVW-HA-CONSULT: € 30,87 (2022) → € 32,04 (2023)"))
        let after = try String(contentsOf: scratch.url.appendingPathComponent("cases/C-0001.json"), encoding: .utf8)
        #expect(after.contains("\"action\" : \"herprijzing\""))
        #expect(after.contains("\"by\" : \"beheer\""))
        #expect(after.contains("\"priceListVersion\" : \"2027.1\""))
        #expect(try Binary.run(["validate", "--price-list", newList.path], in: scratch.url).status == 0)
    }
}
