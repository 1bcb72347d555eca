/// Something that happened: a key, or the terminal changing size.
public enum Msg: Hashable, Sendable {
    case key(Key)
    case resized(Size)
}

/// Work for the edge to do after an update.
public enum Effect: Hashable, Sendable {
    case quit
}

/// The price-list browser's fixed layout: rows above and below the list.
public enum PriceListLayout {
    public static let headerRows = 4
    public static let footerRows = 2

    public static func visibleRows(_ size: Size) -> Int { max(1, size.height - headerRows - footerRows) }
}

/// `update(state, msg)`: the only place the app state changes.
public enum Update {
    public static func apply(_ msg: Msg, to state: inout AppState) -> [Effect] {
        switch msg {
        case .resized(let size):
            state.size = size
            clampPriceList(&state)
            return []
        case .key(let key):
            state.notice = nil
            if state.isEditingQuery { editQuery(key, &state); return [] }
            guard let action = Keymap.action(for: key, on: state.screenKind) else {
                return []
            }
            return perform(action, &state)
        }
    }

    private static func perform(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .quit:
            return [.quit]
        case .help:
            state.screen = .help(returnTo: state.screenKind)
        case .back:
            switch state.screen {
            case .help(let returnTo): state.screen = returnTo == .priceList ? .priceList : .start
            case .priceList, .start: state.screen = .start
            }
        case .previous, .next, .pageUp, .pageDown:
            move(action, &state)
        case .open:
            let item = state.selectedMenuItem
            if let message = item.notYetAvailable {
                state.notice = message
            } else if item == .prijslijst {
                if state.priceList == nil {
                    state.notice = "Er is geen prijslijst geladen; controleer de map met 'rendementsmeter validate'."
                } else {
                    state.screen = .priceList
                }
            }
        case .search:
            state.isEditingQuery = true
        }
        return []
    }

    private static func move(_ action: Action, _ state: inout AppState) {
        switch state.screen {
        case .start:
            let count = MenuItem.allCases.count
            state.menuIndex = (state.menuIndex + (action == .previous ? count - 1 : 1)) % count
        case .priceList:
            let page = PriceListLayout.visibleRows(state.size)
            switch action {
            case .previous: state.priceListCursor -= 1
            case .next: state.priceListCursor += 1
            case .pageUp: state.priceListCursor -= page
            default: state.priceListCursor += page
            }
            clampPriceList(&state)
        case .help:
            break
        }
    }

    private static func editQuery(_ key: Key, _ state: inout AppState) {
        switch key {
        case .character(let character) where !character.isNewline:
            state.priceListQuery.append(character)
        case .backspace:
            if !state.priceListQuery.isEmpty { state.priceListQuery.removeLast() }
        case .enter:
            state.isEditingQuery = false
        case .escape:
            state.isEditingQuery = false
            state.priceListQuery = ""
        default:
            break
        }
        state.priceListCursor = 0
        clampPriceList(&state)
        if state.priceListRows.isEmpty {
            state.notice = "Niets gevonden voor '\(state.priceListQuery)'."
        }
    }

    /// Keeps the cursor on the list and inside the visible window.
    static func clampPriceList(_ state: inout AppState) {
        let count = state.priceListRows.count
        state.priceListCursor = min(max(0, state.priceListCursor), max(0, count - 1))
        let visible = PriceListLayout.visibleRows(state.size)
        if state.priceListCursor < state.priceListScroll { state.priceListScroll = state.priceListCursor }
        if state.priceListCursor >= state.priceListScroll + visible { state.priceListScroll = state.priceListCursor - visible + 1 }
        state.priceListScroll = min(state.priceListScroll, max(0, count - visible))
        state.priceListScroll = max(0, state.priceListScroll)
    }
}
