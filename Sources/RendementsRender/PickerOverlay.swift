import RendementsCore
import RendementsDomain

/// The price-list picker drawn over the intake or a case: type to search, ↑↓ to choose, Enter to take.
enum PickerOverlay {
    static func draw(_ picker: ItemPicker, _ list: PriceList?, into frame: inout Frame) {
        let rows = picker.rows(list)
        let top = 3
        let height = IntakeLayout.pickerRows
        let width = frame.width - 4
        for y in top..<(top + height + 3) { frame.put(String(repeating: " ", count: frame.width), x: 0, y: y) }
        frame.put("┌" + String(repeating: "─", count: width - 2) + "┐", x: 2, y: top)
        frame.put(" Kies uit de prijslijst ", x: 4, y: top, style: .heading)
        for y in (top + 1)...(top + height + 1) {
            frame.put("│", x: 2, y: y)
            frame.put("│", x: 2 + width - 1, y: y)
        }
        frame.put("│ Zoeken: \(picker.query)▏", x: 2, y: top + 1, style: .selected, maxWidth: width - 1)
        let first = max(0, picker.cursor - height + 1)
        let shown = first..<min(rows.count, first + height)
        // The price column is as wide as the dearest item shown needs, so `EUR 23.451,00` is never cut.
        let priceWidth = max(11, shown.map { TextWidth.of(DutchNumber.euro(rows[$0].item.price)) }.max() ?? 0)
        // Suggestions' evidence is right-aligned in one column, so their names line up.
        let evidenceWidth = shown.compactMap { index -> Int? in
            if case .suggestion(let suggestion, _) = rows[index] { TextWidth.of(suggestion.compactEvidence) } else { nil }
        }.max() ?? 0
        for (offset, index) in shown.enumerated() {
            let text: String
            switch rows[index] {
            case .suggestion(let suggestion, let item):
                // What colleagues' approved cases did, never who: the evidence is whole, the name gives way.
                text = mark(suggestion.scope) + " " + TextWidth.padRight(TextWidth.clip(item.description, to: width - 9 - evidenceWidth),
                                                                        to: width - 8 - evidenceWidth)
                    + " " + TextWidth.padLeft(suggestion.compactEvidence, to: evidenceWidth)
            case .item(let item):
                text = TextWidth.padRight(list?.lawName(item.lawCode) ?? item.lawCode, to: 10)
                    + TextWidth.padRight(item.description, to: width - 25 - priceWidth)
                    + " " + TextWidth.padRight(item.unit, to: 9) + TextWidth.padLeft(DutchNumber.euro(item.price), to: priceWidth)
            }
            frame.put(text, x: 4, y: top + 2 + offset, style: index == picker.cursor ? .selected : .normal, maxWidth: width - 4)
        }
        if rows.isEmpty { frame.put("│ Niets gevonden; Backspace wist een letter.", x: 2, y: top + 2, style: .muted) }
        frame.put("└" + String(repeating: "─", count: width - 2) + "┘", x: 2, y: top + height + 2)
        var scopes: [SuggestionScope] = []
        for row in rows {
            if case .suggestion(let suggestion, _) = row, !scopes.contains(suggestion.scope) { scopes.append(suggestion.scope) }
        }
        let count = rows.count - rows.filter { if case .suggestion = $0 { true } else { false } }.count
        // With suggestions the legend takes the place of the count (the hint bar still names Enter and Esc).
        let legend = scopes.isEmpty ? "\(count) \(count == 1 ? "item" : "items") · Enter kiest · Esc sluit"
            : scopes.map { "\(mark($0)) \($0 == .similar ? "vergelijkbaar" : $0.dutchLead)" }.joined(separator: ", ") + " · goedgekeurd"
        frame.put(" \(legend) ", x: 4, y: top + height + 2, style: .muted, maxWidth: width - 4)
    }

    /// ★ for the same intervention, ☆ for comparable cases.
    private static func mark(_ scope: SuggestionScope) -> String {
        if case .intervention = scope { return "★" }
        return "☆"
    }
}
