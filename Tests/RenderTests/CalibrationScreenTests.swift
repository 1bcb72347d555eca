import Foundation
import Testing
@testable import RendementsCore
@testable import RendementsDomain
@testable import RendementsRender

/// Issue 14: the "Schattingen" screen, the worker's mirror and the spread per item, at 80x24.
@Suite("Calibration screens, at 80x24")
struct CalibrationScreenTests {
    static func line(_ id: Int, _ author: String, _ code: String, _ estimated: (Double, Double)?, _ approved: (Double, Double)?,
                     intervention: String = "Sociaal Recept", reason: String = "") -> ReviewedLine {
        ReviewedLine(caseID: CaseID.make(id) ?? "", author: author, intervention: intervention, code: code,
                     estimated: estimated.map { LineValues(units: $0.0, likelihood: $0.1) }, approved: approved.map { LineValues(units: $0.0, likelihood: $0.1) },
                     reasons: reason.isEmpty ? [] : [reason])
    }

    /// sw-anouk's lines in cases 1–4, colleagues' in cases 11–18 and 21–25.
    static let lines: [ReviewedLine] = {
        var lines: [ReviewedLine] = []
        // Anouk: Huisarts consult 4 times (8 ×, 75 %), review lowered two; fysio twice, one removed.
        for id in 1...4 {
            let lowered = id >= 3
            lines.append(line(id, "sw-anouk", "ZVW-HA-CONSULT", (8, 75), lowered ? (4, 50) : (8, 75),
                              reason: lowered ? "Huisarts zag haar al elke maand; \(id == 3 ? "helft" : "minder") aannemelijk." : ""))
        }
        lines.append(line(1, "sw-anouk", "ZVW-FYSIO", (9, 50), (9, 50)))
        lines.append(line(2, "sw-anouk", "ZVW-FYSIO", (12, 50), nil, reason: "Geen verwijzing in het dossier."))
        lines.append(line(2, "sw-anouk", "WMO-HH-THUIS", nil, (26, 50), reason: "Huishoudelijke hulp stond al op de wachtlijst."))
        // Colleagues: Huisarts consult in 8 cases (4–6 ×, 50–75 %), fysio in 3 cases (too few), household help in 5 cases far apart.
        for id in 11...18 { lines.append(line(id, "sw-\(id % 3)", "ZVW-HA-CONSULT", (Double(id % 3 + 4), id % 2 == 0 ? 50 : 75), (Double(id % 3 + 4), 50))) }
        for id in 11...13 { lines.append(line(id, "sw-1", "ZVW-FYSIO", (6, 50), (6, 50))) }
        for (offset, id) in (21...25).enumerated() {
            lines.append(line(id, "sw-\(id % 3)", "WMO-HH-THUIS", (Double([10, 26, 52, 78, 104][offset]), [25, 50, 75, 90, 25][offset]),
                              (Double([10, 26, 52, 52, 104][offset]), [25, 50, 75, 75, 25][offset]), intervention: "Schuldhulp",
                              reason: offset == 3 ? "Anderhalf jaar is lang voor deze situatie." : ""))
        }
        return lines
    }()

    static func opened() -> AppState {
        var state = Example.after([.left, .left], Example.state())
        #expect(state.selectedMenuItem == .schattingen)
        let effects = Update.apply(.key(.enter), to: &state)
        #expect(effects == [.loadCalibration(author: "sw-anouk")])
        #expect(View.render(state).text.contains("Bezig met lezen…"))
        var empty = state
        _ = Update.apply(.calibrationLoaded(own: [], spreads: []), to: &empty)
        #expect(View.render(empty).text.contains("\n   schattingen naast die van collega's. De voorbeeldcasussen (fictief) tellen\n   hier niet mee.\n"),
                "the shipped examples are fictional: said, so an author of one is not puzzled")
        _ = Update.apply(.calibrationLoaded(own: Calibration.own(lines, author: "sw-anouk"), spreads: Calibration.spreads(lines)), to: &state)
        return state
    }

    @Test("Mijn schattingen: own medians beside colleagues', review's changes with reasons, no colleague named")
    func own() {
        let state = Self.opened()
        let frame = View.render(state)
        Snapshot.assert(frame, named: "schattingen-mijn-80x24")
        let text = frame.text
        #expect(text.contains("Huisarts consult gemiddeld"))
        #expect(text.contains(" Huisarts consult gemiddeld Sociaal Re…     8 × · 75 %  5 × · 50 % (8)  2 van 4\n"),
                "Anouk's median of 4 lines beside colleagues' of 8 approved cases")
        #expect(text.contains("2 van 4"))
        #expect(text.contains("te weinig"), "fysio in 3 colleagues' cases is not compared")
        #expect(text.contains(" Jij: 4 regels, mediaan 8 × en kans 75 %. Collega's (8 casussen): 5 × en kans\n 50 %.\n"))
        #expect(text.contains(" Beoordeling: 2 van je 4 regels gewijzigd; hoeveelheid 2× lager (mediaan 4);\n kans 2× lager (mediaan 25 procentpunt).\n"))
        #expect(text.contains(" Redenen van de beoordelaars:\n   C-0004: “Huisarts zag haar al elke maand; minder aannemelijk.”\n   C-0003: “Huisarts zag haar al elke maand; helft aannemelijk.”"))
        for colleague in ["sw-0", "sw-1", "sw-2"] { #expect(!text.contains(colleague)) }
        let fysio = View.render(Example.after([.down], state)).text
        #expect(fysio.replacingOccurrences(of: "\n ", with: " ").contains(
            " Jij: 2 regels, mediaan 10,5 × en kans 50 %. Collega's: te weinig (minder dan 5 casussen of 3 collega's), geen vergelijking."))
        #expect(fysio.contains(" Beoordeling: 1 van je 2 regels gewijzigd; 1 verwijderd.\n Redenen van de beoordelaars:\n   C-0002: “Geen verwijzing in het dossier.”\n"))
    }

    @Test("Spreiding per item: per intervention and item, widest first, P25–P75 and review's moves; Esc goes back")
    func items() {
        var state = Self.opened()
        _ = Update.apply(.key(.tab), to: &state)
        let frame = View.render(state)
        Snapshot.assert(frame, named: "schattingen-spreiding-80x24")
        let text = frame.text
        // Household help in Schuldhulp: likelihood 25–82,5 %, units 18–91: the widest, first.
        #expect(text.contains("Huishoudelijke hulp thuis"))
        #expect(text.contains("25–82,5 %"))
        #expect(text.contains("18–91"))
        #expect(text.contains("1 van 5"))
        #expect(text.contains("Kans 25–82,5 % (mediaan 50 %); beoordeling 1× lager (mediaan 15 procentpunt)."))
        for colleague in ["sw-0", "sw-1", "sw-2"] { #expect(!text.contains(colleague), "nobody is named") }
        #expect(text.components(separatedBy: "\n").filter { $0.contains(" van ") } == [
            " Huishoudelijke hulp thuis      Schuldhulp       5  25–82,5 %   18–91   1 van 5",
            " Huisarts consult gemiddeld     Sociaal Rec…    12    50–75 %   4,5–8  6 van 12",
        ], "widest spread first; fysio in 5 cases of only 2 authors (Anouk and one colleague) is left out")
        _ = Update.apply(.key(.escape), to: &state)
        #expect(state.screen == .start)
    }

    @Test("reasons take a line each; those that do not fit are counted and their cases named, never cut off silently")
    func manyReasons() {
        let lines = (1...12).map { id in
            Self.line(id, "sw-anouk", "ZVW-HA-CONSULT", (8, 75), (8, 50), reason: "Reden \(id): " + String(repeating: "lang verhaal ", count: 10))
        }
        var state = Self.opened()
        _ = Update.apply(.calibrationLoaded(own: Calibration.own(lines, author: "sw-anouk"), spreads: []), to: &state)
        let text = View.render(state).text
        #expect(text.contains("\n Redenen van de beoordelaars:\n   C-0012: “Reden 12: lang verhaal lang verhaal lang verhaal lang verhaal lang…\n"))
        #expect(text.contains("\n … en nog 7 regels, redenen bij C-0007, C-0006, C-0005, C-0004, C-0003, C-0002…\n"))
    }
}
