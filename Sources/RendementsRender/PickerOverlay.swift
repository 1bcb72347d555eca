import RendementsCore
import RendementsDomain

/// The price-list picker drawn over the intake or a case: type to search, ↑↓ to choose, Enter to take.
enum PickerOverlay {
    static func draw(_ picker: ItemPicker, _ list: PriceList?, into frame: inout Frame) {
        let items = picker.items(list)
        let top = 3
        let rows = IntakeLayout.pickerRows
        let width = frame.width - 4
        for y in top..<(top + rows + 3) { frame.put(String(repeating: " ", count: frame.width), x: 0, y: y) }
        frame.put("┌" + String(repeating: "─", count: width - 2) + "┐", x: 2, y: top)
        frame.put(" Kies uit de prijslijst ", x: 4, y: top, style: .heading)
        for y in (top + 1)...(top + rows + 1) {
            frame.put("│", x: 2, y: y)
            frame.put("│", x: 2 + width - 1, y: y)
        }
        frame.put("│ Zoeken: \(picker.query)▏", x: 2, y: top + 1, style: .selected, maxWidth: width - 1)
        let first = max(0, picker.cursor - rows + 1)
        let shown = first..<min(items.count, first + rows)
        // The price column is as wide as the dearest item shown needs, so `EUR 23.451,00` is never cut.
        let priceWidth = max(11, shown.map { TextWidth.of(DutchNumber.euro(items[$0].price)) }.max() ?? 0)
        for (offset, index) in shown.enumerated() {
            let item = items[index]
            let text = TextWidth.padRight(list?.lawName(item.lawCode) ?? item.lawCode, to: 10)
                + TextWidth.padRight(item.description, to: width - 25 - priceWidth)
                + " " + TextWidth.padRight(item.unit, to: 9) + TextWidth.padLeft(DutchNumber.euro(item.price), to: priceWidth)
            frame.put(text, x: 4, y: top + 2 + offset, style: index == picker.cursor ? .selected : .normal, maxWidth: width - 4)
        }
        if items.isEmpty { frame.put("│ Niets gevonden; Backspace wist een letter.", x: 2, y: top + 2, style: .muted) }
        frame.put("└" + String(repeating: "─", count: width - 2) + "┘", x: 2, y: top + rows + 2)
        frame.put(" \(items.count) \(items.count == 1 ? "item" : "items") · Enter kiest · Esc sluit ", x: 4, y: top + rows + 2, style: .muted)
    }
}
