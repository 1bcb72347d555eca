import RendementsCore

/// Help for the screen the user came from: what it is for, and its keys from the keymap.
enum HelpScreen {
    static func draw(_ state: AppState, returnTo: ScreenKind, into frame: inout Frame) {
        if state.helpShowsMethod {
            Chrome.titleBar(&frame, "Hulp — Hoe rekenen we")
            for (offset, line) in method.enumerated() where 2 + offset < frame.height - 2 {
                frame.put(line, x: 2, y: 2 + offset, style: line.hasSuffix(":") ? .heading : .normal, maxWidth: frame.width - 4)
            }
            Chrome.notice(&frame, "r = terug naar de toetsen")
            return
        }
        Chrome.titleBar(&frame, "Hulp — \(title(returnTo))")
        var y = 2
        for line in explanation(returnTo) {
            frame.put(line, x: 2, y: y, maxWidth: frame.width - 4)
            y += 1
        }
        y += 1
        frame.put("Toetsen", x: 2, y: y, style: .heading)
        y += 1
        for binding in Keymap.described(on: returnTo) where y < frame.height - 2 {
            frame.put(TextWidth.padRight(binding.label, to: 12), x: 4, y: y, style: Style(.normal, bold: true))
            frame.put(binding.description, x: 17, y: y, maxWidth: frame.width - 19)
            y += 1
        }
        Chrome.notice(&frame, state.notice)
    }

    /// The method in plain Dutch, as the help page "Hoe rekenen we".
    static let method = [
        "Per regel voorkomen zorg:",
        "  prijs × hoeveelheid × kans × toerekening, één keer afgerond op de cent.",
        "  Kans: hoe waarschijnlijk was deze zorg nodig geweest zonder jullie?",
        "  Toerekening: welk deel komt door jullie, niet door anderen?",
        "  Correcties worden vermenigvuldigd, nooit opgeteld: zo telt niets dubbel.",
        "Meer jaren:",
        "  jaar 1 telt volledig; elk later jaar neemt af met de afname en wordt",
        "  verdisconteerd met 2,25 % (de Nederlandse MKBA-norm).",
        "Prijsjaar:",
        "  elke prijs heeft een jaar; een rapport kan alles naar één jaar brengen",
        "  met de CPI-index van het CBS. Ontbreekt een indexjaar, dan zegt het dat.",
        "Betrouwbaarheid:",
        "  elke prijs is groen, oranje of rood; de conservatieve schatting haalt er",
        "  0, 20 of 40 % af en staat altijd naast de gewone, nooit in plaats van.",
        "Laag, centraal, hoog: met een lage en hoge hoeveelheid of kans per regel.",
        "Netto = voorkomen − ingezette zorg − eigen inzet. Rendement = voorkomen ÷",
        "(eigen inzet + ingezette zorg). Uitkeringen (transfers) tellen per",
        "financier, niet maatschappelijk. Het blijft een schatting: tel én vertel.",
    ]

    static func title(_ screen: ScreenKind) -> String {
        switch screen {
        case .start: "Startscherm"
        case .priceList: "Prijslijst"
        case .intake, .intakeLines, .intakeOverview, .picker: "Nieuwe casus"
        case .browser, .prompt: "Casussen beoordelen"
        case .caseView, .caseReview: "Casus bekijken en beoordelen"
        case .dashboard, .trace: "Dashboard"
        case .help: "Hulp"
        }
    }

    static func explanation(_ screen: ScreenKind) -> [String] {
        switch screen {
        case .start:
            [
                "Het startscherm toont de business case: alle afgeronde casussen samen,",
                "per wet: eigen inzet (uren × tarief), ingezette zorg en voorkomen zorg.",
                "Netto = voorkomen − ingezet − eigen inzet. Rendement = voorkomen gedeeld",
                "door (eigen inzet + ingezet). Het blijft een schatting: elke euro is",
                "terug te voeren op casus, regel, prijs en bron.",
            ]
        case .priceList:
            [
                "De maatschappelijke prijslijst: per wet de eenheidsprijzen, met prijsjaar",
                "en oordeel over de betrouwbaarheid (groen, oranje, rood). T = transfer:",
                "een uitkering telt wel voor de financier, niet maatschappelijk.",
                "Onderaan staan code en bron van het gekozen item.",
            ]
        case .intake, .intakeLines, .intakeOverview, .picker:
            [
                "Leg een afgeronde casus vast in zeven stappen. Alles wordt na elke",
                "toets bewaard; Esc gaat terug en gooit niets weg. In tekstvelden zijn",
                "letters gewoon tekst (gebruik Ctrl-Q om af te sluiten). Getallen mag je",
                "typen als 1.234,56 of 1234,56. Geen namen, adressen of BSN: een casus",
                "blijft pseudoniem. Bij zorgregels: a = toevoegen, / of typen = zoeken.",
            ]
        case .browser, .prompt:
            [
                "Alle casussen van de business case. Filter op status, auteur,",
                "interventie of team met 1 tot 4 (elke keer de volgende waarde, daarna",
                "weer alles), zoek met / in verhalen en onderbouwingen, sorteer met s.",
            ]
        case .caseView, .caseReview:
            [
                "Lees de casus: verhaal, elke regel met onderbouwing, de totalen per wet",
                "(oorspronkelijk → beoordeeld) en de geschiedenis. b = beoordelen: de",
                "casus wordt voor anderen vergrendeld; elke wijziging vraagt om een reden",
                "en komt in de geschiedenis. Je eigen casus beoordeel je niet.",
            ]
        case .dashboard, .trace:
            [
                "Patronen in de business case: het verloop (cumulatief, per maand of",
                "kwartaal), wie betaalt en wie bespaart, per interventie/team/leefgebied",
                "en de zorg die het vaakst wordt voorkomen. Enter toont de casussen achter",
                "een rij, u legt uit hoe een bedrag is berekend. Filters: 1 status, 2 team,",
                "3 interventie, 4 leefgebied, 5 jaar; 0 zet ze uit. Onderaan: netto laag,",
                "hoog en conservatief naast de centrale schatting.",
            ]
        case .help:
            []
        }
    }
}
