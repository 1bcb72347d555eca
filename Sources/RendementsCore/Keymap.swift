/// What a key does; the keymap maps keys to these per screen.
public enum Action: Hashable, Sendable {
    case previous, next, pageUp, pageDown, open, back, help, quit, search
    case nextStep, previousStep, save, addLine, removeLine, submit, saveConcept
    case sort, reverseSort, filterStatus, filterAuthor, filterIntervention, filterTeam, clearFilters
    case review, reopen, changeLikelihood, changeQuantity, changeAttribution, changeItem, approve, sendBack, reapply
    case nextPanel, previousPanel, togglePeriod, cycleGrouping, filterSelection, filterYear, filterDomain, trace
    case howWeCalculate
    /// Home and End: the first or the last row of a list.
    case first, last
    /// The answers to a yes/no question.
    case yes, no
}

extension Action {
    /// Where a key stands in the hint bar and help: moving, then the screen's own actions, then leaving.
    var hintRank: Int {
        switch self {
        case .previous, .next: 0
        case .pageUp, .pageDown: 1
        case .first, .last: 2
        case .back: 7
        case .help: 8
        case .quit: 9
        default: 5
        }
    }
}

/// The screens that have their own keys.
public enum ScreenKind: Hashable, Sendable, CaseIterable {
    case start, priceList, help
    /// The intake's form steps, its care-line steps and its overview have different actions.
    case intake, intakeLines, intakeOverview
    /// The price-list picker over the intake: typing searches.
    case picker
    /// The case browser, one case read-only, one case under review, and a one-line prompt.
    case browser, caseView, caseReview, prompt
    /// The manager's dashboard, and the explanation of one of its figures.
    case dashboard, trace
    /// The worker's own estimates and the spread per item.
    case calibration
    /// The sector analyst's view across organisations.
    case sector
    /// A yes/no question over any screen: only its answers act.
    case confirm

    static let intakeScreens: Set<ScreenKind> = [.intake, .intakeLines, .intakeOverview]
}

/// One row of the keymap: keys, the label shown in the hint bar and help, and the action.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    /// Short key name shown to the user: `↑↓`, `Enter`, `q`.
    public let label: String
    public let description: String
    /// One or two words for the hint bar; nil keeps the binding out of the bar (it stays in help).
    public let hint: String?
    public let action: Action
    public let screens: Set<ScreenKind>

    /// The label while a text field has focus: printable keys are text then, so
    /// the binding is shown by its first non-printable key, or not at all.
    public var typingLabel: String? {
        guard keys.contains(where: { if case .character = $0 { true } else { false } }) else { return label }
        for key in keys {
            switch key {
            case .control(let letter): return "Ctrl-\(letter.uppercased())"
            case .function(let number): return "F\(number)"
            default: continue
            }
        }
        return nil
    }

    init(_ keys: [Key], _ label: String, _ description: String, hint: String? = nil, _ action: Action, on screens: Set<ScreenKind>) {
        self.keys = keys
        self.label = label
        self.description = description
        self.hint = hint
        self.action = action
        self.screens = screens
    }
}

/// The single keymap table: dispatch, the hint bar and the help screen all read it,
/// so they cannot disagree.
public enum Keymap {
    public static let bindings: [KeyBinding] = [
        KeyBinding([.left, .up, .backTab], "←→", "Vorig of volgend onderdeel kiezen", hint: "kiezen", .previous, on: [.start]),
        KeyBinding([.right, .down, .tab], "", "", .next, on: [.start]),
        KeyBinding([.up, .character("k")], "↑↓", "Vorige of volgende regel", hint: "regel", .previous, on: [.priceList]),
        KeyBinding([.down, .character("j")], "", "", .next, on: [.priceList]),
        KeyBinding([.pageUp], "PgUp/PgDn", "Een scherm terug of verder", hint: "blad", .pageUp, on: [.priceList]),
        KeyBinding([.pageDown], "", "", .pageDown, on: [.priceList]),
        KeyBinding([.character("/")], "/", "Zoeken op code, omschrijving of synoniem; Enter klaar, Esc wist", hint: "zoeken", .search, on: [.priceList]),
        KeyBinding([.enter], "Enter", "Gekozen onderdeel openen", hint: "openen", .open, on: [.start]),
        KeyBinding([.escape], "Esc", "Terug naar het vorige scherm", hint: "terug", .back, on: [.priceList, .help]),
        KeyBinding([.tab, .down], "Tab/↓", "Volgend veld (in een tekstvak: ↓ regel omlaag)", hint: "veld", .next, on: ScreenKind.intakeScreens),
        KeyBinding([.backTab, .up], "Shift-Tab/↑", "Vorig veld", hint: "vorig", .previous, on: ScreenKind.intakeScreens),
        KeyBinding([.pageDown, .control("n")], "PgDn", "Volgende stap", hint: "stap verder", .nextStep, on: [.intake, .intakeLines]),
        KeyBinding([.pageUp, .control("p")], "PgUp", "Vorige stap", hint: "stap terug", .previousStep, on: ScreenKind.intakeScreens),
        KeyBinding([.escape], "Esc", "Terug: vorige stap of startscherm; er gaat niets verloren", hint: "terug", .back, on: ScreenKind.intakeScreens),
        KeyBinding([.character("a"), .character("/"), .control("a")], "a of /", "Regel toevoegen: zoek in de prijslijst op code, omschrijving of synoniem (in een veld: Ctrl-A)",
                   hint: "toevoegen", .addLine, on: [.intakeLines]),
        KeyBinding([.character("x"), .delete], "x/Del", "Gekozen regel verwijderen (vraagt eerst)", hint: "weg", .removeLine, on: [.intakeLines]),
        KeyBinding([.character("i")], "i", "Indienen bij een collega", hint: "indienen", .submit, on: [.intakeOverview]),
        KeyBinding([.character("c")], "c", "Bewaren als concept", hint: "concept", .saveConcept, on: [.intakeOverview]),
        KeyBinding([.control("s")], "Ctrl-S", "Opslaan (gebeurt ook na elke wijziging)", hint: "bewaar", .save, on: ScreenKind.intakeScreens),
        KeyBinding([.up], "↑↓", "Item kiezen", hint: "kiezen", .previous, on: [.picker]),
        KeyBinding([.down], "", "", .next, on: [.picker]),
        KeyBinding([.pageUp], "PgUp/PgDn", "Een scherm terug of verder", hint: "blad", .pageUp, on: [.picker]),
        KeyBinding([.pageDown], "", "", .pageDown, on: [.picker]),
        KeyBinding([.enter], "Enter", "Gekozen item als regel toevoegen", hint: "toevoegen", .open, on: [.picker]),
        KeyBinding([.escape], "Esc", "Sluiten zonder toe te voegen", hint: "sluiten", .back, on: [.picker]),
        KeyBinding([.up, .character("k")], "↑↓", "Casus kiezen", hint: "kiezen", .previous, on: [.browser]),
        KeyBinding([.up, .character("k")], "↑↓", "Groep kiezen", hint: "groep", .previous, on: [.sector]),
        KeyBinding([.down, .character("j")], "", "", .next, on: [.sector]),
        KeyBinding([.down, .character("j")], "", "", .next, on: [.browser]),
        KeyBinding([.pageUp], "PgUp/PgDn", "Een scherm terug of verder", hint: "blad", .pageUp, on: [.browser, .caseView, .caseReview, .help, .sector]),
        KeyBinding([.pageDown], "", "", .pageDown, on: [.browser, .caseView, .caseReview, .help, .sector]),
        KeyBinding([.home], "Home/End", "Naar de eerste of de laatste regel", hint: "begin/eind", .first, on: [.priceList, .picker, .browser, .dashboard, .calibration, .help, .sector]),
        KeyBinding([.end], "", "", .last, on: [.priceList, .picker, .browser, .dashboard, .calibration, .help, .sector]),
        // The history below the lines while reviewing, too (helper-31: the view stuck on the selected line).
        KeyBinding([.home], "Home/End", "Naar het begin of het eind van de casus (de geschiedenis)", hint: "begin/eind", .first, on: [.caseView, .caseReview]),
        KeyBinding([.end], "", "", .last, on: [.caseView, .caseReview]),
        KeyBinding([.enter], "Enter", "Casus openen", hint: "openen", .open, on: [.browser]),
        KeyBinding([.character("s")], "s", "Sorteren: id, status, auteur, interventie, einddatum, voorkomen, netto (S: omgekeerd)",
                   hint: "sorteer", .sort, on: [.browser]),
        KeyBinding([.character("S")], "S", "Sorteervolgorde omdraaien", hint: "omdraaien", .reverseSort, on: [.browser]),
        KeyBinding([.character("1")], "1", "Filter op status (volgende waarde)", hint: "status", .filterStatus, on: [.browser]),
        KeyBinding([.character("2")], "2", "Filter op auteur", hint: "auteur", .filterAuthor, on: [.browser]),
        KeyBinding([.character("3")], "3", "Filter op interventie", hint: "interventie", .filterIntervention, on: [.browser]),
        KeyBinding([.character("4")], "4", "Filter op team", hint: "team", .filterTeam, on: [.browser]),
        KeyBinding([.character("0")], "0", "Alle filters uit", hint: "filters uit", .clearFilters, on: [.browser]),
        KeyBinding([.character("/")], "/", "Zoeken in verhalen en onderbouwingen", hint: "zoek", .search, on: [.browser]),
        KeyBinding([.up], "↑↓", "Verder lezen (bij beoordelen: regel kiezen)", hint: "regel", .previous, on: [.caseReview]),
        KeyBinding([.up], "↑↓", "Verder lezen", hint: "lezen", .previous, on: [.caseView, .help]),
        KeyBinding([.down], "", "", .next, on: [.caseView, .caseReview, .help]),
        KeyBinding([.character("b")], "b", "Beoordelen: schattingen aanpassen, goedkeuren of terugsturen", hint: "beoordelen", .review, on: [.caseView]),
        KeyBinding([.character("a")], "a", "Teruggestuurde eigen casus aanpassen en opnieuw indienen", hint: "aanpassen", .reopen, on: [.caseView]),
        KeyBinding([.character("k")], "k", "Kans van de gekozen regel aanpassen", hint: "kans", .changeLikelihood, on: [.caseReview]),
        KeyBinding([.character("h")], "h", "Hoeveelheid van de gekozen regel aanpassen", hint: "hoeveel", .changeQuantity, on: [.caseReview]),
        KeyBinding([.character("t")], "t", "Toerekening aanpassen", hint: "toerekening", .changeAttribution, on: [.caseReview]),
        KeyBinding([.character("w")], "w", "Item van de gekozen regel wisselen (prijslijst)", hint: "ander item", .changeItem, on: [.caseReview]),
        KeyBinding([.character("n")], "n", "Nieuwe regel toevoegen (prijslijst, hoeveelheid, kans, onderbouwing)", hint: "nieuwe regel", .addLine, on: [.caseReview]),
        KeyBinding([.character("x")], "x", "Gekozen regel verwijderen (met reden)", hint: "regel weg", .removeLine, on: [.caseReview]),
        KeyBinding([.character("g")], "g", "Goedkeuren", hint: "goedkeuren", .approve, on: [.caseReview]),
        KeyBinding([.character("r")], "r", "Terugsturen met opmerkingen", hint: "terugsturen", .sendBack, on: [.caseReview]),
        KeyBinding([.character("o")], "o", "Wijziging die niet opgeslagen kon worden opnieuw toepassen op de huidige versie", hint: "opnieuw", .reapply, on: [.caseReview]),
        KeyBinding([.up], "↑↓", "Rij kiezen", hint: "rij", .previous, on: [.dashboard]),
        KeyBinding([.down], "", "", .next, on: [.dashboard]),
        KeyBinding([.tab], "Tab", "Volgend paneel (verloop, wie betaalt, per groep, patronen)", hint: "paneel", .nextPanel, on: [.dashboard]),
        KeyBinding([.backTab], "Shift-Tab", "Vorig paneel", hint: "vorig", .previousPanel, on: [.dashboard]),
        KeyBinding([.enter], "Enter", "De casussen achter deze rij", hint: "casussen", .open, on: [.dashboard]),
        KeyBinding([.character("u")], "u", "Uitleg: hoe dit bedrag is berekend (casussen, regels, prijzen, prijsjaar)", hint: "uitleg", .trace, on: [.dashboard]),
        KeyBinding([.character("p")], "p", "Per maand of per kwartaal", hint: "periode", .togglePeriod, on: [.dashboard]),
        KeyBinding([.character("g")], "g", "Groeperen op interventie, team of leefgebied", hint: "groeperen", .cycleGrouping, on: [.dashboard]),
        KeyBinding([.character("1")], "1", "Filter: ingediend en goedgekeurd, of alleen goedgekeurd", hint: "selectie", .filterSelection, on: [.dashboard]),
        KeyBinding([.character("2")], "2", "Filter op team", hint: "team", .filterTeam, on: [.dashboard]),
        KeyBinding([.character("3")], "3", "Filter op interventie", hint: "interventie", .filterIntervention, on: [.dashboard]),
        KeyBinding([.character("4")], "4", "Filter op leefgebied", hint: "leefgebied", .filterDomain, on: [.dashboard]),
        KeyBinding([.character("5")], "5", "Filter op jaar (einddatum)", hint: "jaar", .filterYear, on: [.dashboard]),
        KeyBinding([.character("0")], "0", "Alle filters uit", hint: "filters uit", .clearFilters, on: [.dashboard]),
        KeyBinding([.up, .character("k")], "↑↓", "Item kiezen", hint: "item", .previous, on: [.calibration]),
        KeyBinding([.down, .character("j")], "", "", .next, on: [.calibration]),
        KeyBinding([.pageUp], "PgUp/PgDn", "Een scherm terug of verder", hint: "blad", .pageUp, on: [.calibration]),
        KeyBinding([.pageDown], "", "", .pageDown, on: [.calibration]),
        KeyBinding([.tab, .backTab], "Tab", "Wisselen tussen mijn schattingen en de spreiding per item", hint: "wissel", .nextPanel, on: [.calibration]),
        KeyBinding([.up], "↑↓", "Verder lezen", hint: "lezen", .previous, on: [.trace]),
        KeyBinding([.down], "", "", .next, on: [.trace]),
        KeyBinding([.escape], "Esc", "Uitleg sluiten", hint: "sluiten", .back, on: [.trace]),
        KeyBinding([.character("j"), .character("J"), .character("y"), .character("Y")], "j/y", "Ja", hint: "ja", .yes, on: [.confirm]),
        KeyBinding([.character("n"), .character("N"), .escape], "n/Esc", "Nee", hint: "nee", .no, on: [.confirm]),
        KeyBinding([.character("r")], "r", "Wisselen tussen de toetsen en 'Hoe rekenen we': de methode in gewone taal", hint: "methode/toetsen", .howWeCalculate, on: [.help]),
        KeyBinding([.enter], "Enter", "Bevestigen", hint: "ok", .open, on: [.prompt]),
        KeyBinding([.escape], "Esc", "Annuleren", hint: "annuleren", .back, on: [.prompt]),
        KeyBinding([.escape], "Esc", "Terug naar het vorige scherm", hint: "terug", .back, on: [.browser, .caseView, .dashboard, .calibration]),
        KeyBinding([.escape], "Esc", "Terug (stopt met beoordelen en geeft de casus vrij)", hint: "terug", .back, on: [.caseReview]),
        KeyBinding([.function(1), .character("?")], "?/F1", "Hulp bij dit scherm (? buiten tekstvelden)", hint: "hulp", .help,
                   on: ScreenKind.intakeScreens.union([.start, .priceList, .browser, .caseView, .caseReview, .dashboard, .calibration, .sector])),
        KeyBinding([.character("q"), .control("q"), .control("c")], "q", "Afsluiten (q buiten tekstvelden, Ctrl-Q overal)", hint: "afsluiten", .quit,
                   on: ScreenKind.intakeScreens.union([.start, .priceList, .help, .browser, .caseView, .caseReview, .dashboard, .trace, .calibration, .sector])),
    ]

    /// The action of a key on a screen. While the user types in a text field,
    /// printable characters are text and never trigger an action.
    public static func action(for key: Key, on screen: ScreenKind, typing: Bool = false) -> Action? {
        if typing, case .character = key { return nil }
        return bindings.first { $0.screens.contains(screen) && $0.keys.contains(key) }?.action
    }

    /// One key in the hint bar: its name and one or two words.
    public struct Hint: Equatable, Sendable {
        public let label: String
        public let text: String
    }

    /// The hint bar's rows: every key of the screen, wrapped at the width rather than
    /// cut, so the bar never hides a key. While typing, printable keys are left out or
    /// named by their non-printable form (see `typingLabel`).
    public static func hintRows(on screen: ScreenKind, typing: Bool, width: Int, without refused: Set<Action> = []) -> [[Hint]] {
        var rows: [[Hint]] = [[]]
        var x = 1
        for binding in described(on: screen) where !refused.contains(binding.action) {
            guard let text = binding.hint, let label = typing ? binding.typingLabel : binding.label else { continue }
            let columns = TextWidth.of(label) + 1 + TextWidth.of(text)
            if x + columns >= width, rows[rows.count - 1].isEmpty == false {
                rows.append([])
                x = 1
            }
            rows[rows.count - 1].append(Hint(label: label, text: text))
            x += columns + 2
        }
        return rows
    }

    /// The bindings a user sees described for one screen (help and hint bar).
    /// Moving comes first and leaving last, as in htop and midnight commander.
    public static func described(on screen: ScreenKind) -> [KeyBinding] {
        let shown = bindings.filter { $0.screens.contains(screen) && !$0.label.isEmpty }
        return shown.enumerated().sorted { ($0.element.action.hintRank, $0.offset) < ($1.element.action.hintRank, $1.offset) }.map(\.element)
    }
}
