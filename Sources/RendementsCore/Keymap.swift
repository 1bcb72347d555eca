/// What a key does; the keymap maps keys to these per screen.
public enum Action: Hashable, Sendable {
    case previous, next, pageUp, pageDown, open, back, help, quit, search
}

/// The screens that have their own keys.
public enum ScreenKind: Hashable, Sendable, CaseIterable {
    case start, priceList, help
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
        KeyBinding([.pageUp], "PgUp/PgDn", "Een scherm terug of verder", .pageUp, on: [.priceList]),
        KeyBinding([.pageDown], "", "", .pageDown, on: [.priceList]),
        KeyBinding([.character("/")], "/", "Zoeken op code, omschrijving of synoniem; Enter klaar, Esc wist", hint: "zoeken", .search, on: [.priceList]),
        KeyBinding([.enter], "Enter", "Gekozen onderdeel openen", hint: "openen", .open, on: [.start]),
        KeyBinding([.escape], "Esc", "Terug naar het vorige scherm", hint: "terug", .back, on: [.priceList, .help]),
        KeyBinding([.function(1), .character("?")], "?/F1", "Hulp bij dit scherm", hint: "hulp", .help, on: [.start, .priceList]),
        KeyBinding([.character("q"), .control("c")], "q", "Afsluiten", hint: "afsluiten", .quit, on: [.start, .priceList, .help]),
    ]

    public static func action(for key: Key, on screen: ScreenKind) -> Action? {
        bindings.first { $0.screens.contains(screen) && $0.keys.contains(key) }?.action
    }

    /// The bindings a user sees described for one screen (help and hint bar).
    public static func described(on screen: ScreenKind) -> [KeyBinding] {
        bindings.filter { $0.screens.contains(screen) && !$0.label.isEmpty }
    }
}
