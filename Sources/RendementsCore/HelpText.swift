import Foundation

/// The help pages' content: what a screen is for, its keys from the one keymap, and the
/// method in plain Dutch. Laid out here, not in the view, so paging knows where the page ends.
public enum HelpText {
    /// One row of a help page: plain text, a heading, or a key with (part of) its description.
    public struct Line: Equatable, Sendable {
        public let key: String?
        public let text: String
        public let isHeading: Bool
    }

    /// Where a key's description starts, and the rows above and below a page.
    public static let descriptionColumn = 17
    static let chromeRows = 4

    /// Rows of help that fit between the title and the notice and hint bar.
    public static func visibleRows(_ body: Size) -> Int { max(1, body.height - chromeRows) }

    /// The page for a screen (or the method), wrapped at the width: nothing is cut off.
    public static func lines(for screen: ScreenKind, method showsMethod: Bool, width: Int) -> [Line] {
        if showsMethod {
            return method.flatMap { line in wrap(line, width: width - 4).map { Line(key: nil, text: $0, isHeading: line.hasSuffix(":")) } }
        }
        var lines = explanation(screen).flatMap { wrap($0, width: width - 4).map { Line(key: nil, text: $0, isHeading: false) } }
        lines += [Line(key: nil, text: "", isHeading: false), Line(key: nil, text: "Toetsen", isHeading: true)]
        for binding in Keymap.described(on: screen) {
            for (index, part) in wrap(binding.description, width: width - descriptionColumn - 2).enumerated() {
                lines.append(Line(key: index == 0 ? binding.label : "", text: part, isHeading: false))
            }
        }
        return lines
    }

    private static func wrap(_ text: String, width: Int) -> [String] {
        let characters = Array(text)
        let parts = TextEditing.wrap(text, width: width).map { String(characters[$0.start..<$0.end]).trimmingCharacters(in: .whitespaces) }
        return parts.isEmpty ? [""] : parts
    }

    /// The method in plain Dutch, as the help page "Hoe rekenen we".
    public static let method = [
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

    public static func title(_ screen: ScreenKind) -> String {
        switch screen {
        case .start: "Startscherm"
        case .priceList: "Prijslijst"
        case .intake, .intakeLines, .intakeOverview, .picker: "Nieuwe casus"
        case .browser, .prompt: "Casussen beoordelen"
        case .caseView, .caseReview: "Casus bekijken en beoordelen"
        case .dashboard, .trace: "Dashboard"
        case .calibration: "Schattingen"
        case .sector: "Sectorbeeld"
        case .help, .confirm: "Hulp"
        }
    }

    public static func explanation(_ screen: ScreenKind) -> [String] {
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
                "Enter gaat naar het volgende veld; op het laatste veld van een stap naar",
                "de volgende stap, op het laatste veld van een zorgregel terug naar de",
                "lijst. In een keuzelijst bladeren ← → en spatie, en letters kiezen.",
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
                "(oorspronkelijk → beoordeeld) en de geschiedenis. b = beoordelen: in een",
                "map wordt de casus voor anderen vergrendeld; op de server niet, daar ziet",
                "wie later opslaat de nieuwere versie. Elke wijziging vraagt om een reden",
                "en komt in de geschiedenis. Je eigen casus beoordeel je niet.",
            ]
        case .dashboard, .trace:
            [
                "Patronen in de business case: het verloop (cumulatief, per maand of",
                "kwartaal), wie betaalt en wie bespaart, per interventie/team/leefgebied",
                "en de zorg die het vaakst wordt voorkomen. Enter toont de casussen achter",
                "een rij, u legt uit hoe een bedrag is berekend. Filters: 1 selectie, 2 team,",
                "3 interventie, 4 leefgebied, 5 jaar; 0 zet ze uit. Onderaan: netto laag,",
                "hoog en conservatief naast de centrale schatting.",
            ]
        case .sector:
            [
                "Het sectorbeeld: goedgekeurde casussen van alle organisaties samen, per",
                "interventie, wet en jaar: hoeveel casussen en organisaties, voorkomen zorg,",
                "kosten (ingezette zorg en eigen inzet), het rendement van de sommen en de",
                "mediaan van de rendementen per casus (over alle wetten van die casus, dus",
                "niet per wet). Een groep van minder dan 10 casussen of",
                "3 organisaties laat de server weg; een casus zie je nooit. Let op: wie twee",
                "sectorbeelden van verschillende dagen naast elkaar legt, ziet wat er tussen",
                "die dagen bij een groep kwam, ook als dat één casus is.",
            ]
        case .calibration:
            [
                "Mijn schattingen: per item jouw mediaan (hoeveelheid en kans zoals jij ze",
                "schatte) naast die van goedgekeurde regels van collega's bij dezelfde",
                "interventie, en wat beoordelaars aan jouw regels veranderden, met hun",
                "redenen. Alleen jij ziet jouw rijen. Collega's tellen pas vanaf 5 casussen",
                "van 3 of meer collega's; de spreiding ook.",
                "Spreiding per item: per interventie en item, nooit per persoon, hoe ver",
                "schattingen uiteenlopen (P25–P75) en hoe vaak en hoever beoordeling ze",
                "verschoof; bovenaan wat het meest uiteenloopt: stof voor teamoverleg.",
                "Alleen goedgekeurde, echte casussen tellen. Exporteren als CSV:",
                "rendementsmeter export --format kalibratie --out kalibratie.csv",
            ]
        case .help, .confirm:
            []
        }
    }
}
