import RendementsCore
import RendementsDomain

/// Read-only browser of the price list, grouped by law, with search.
enum PriceListScreen {
    static func draw(_ state: AppState, into frame: inout Frame) {
        guard let list = state.priceList else { return }
        Chrome.titleBar(&frame, "Prijslijst — \(list.name)", right: "versie \(list.version)")
        let search = state.isEditingQuery ? "Zoeken: \(state.priceListQuery)▏" :
            state.priceListQuery.isEmpty ? "\(list.items.count) items · / om te zoeken" : "Zoeken: \(state.priceListQuery) (Esc in zoekveld wist)"
        frame.put(search, x: 1, y: 1, style: state.isEditingQuery ? .selected : .muted, maxWidth: frame.width - 2)

        // As wide as the dearest item needs (`EUR 78.631,00` under a locale without UTF-8).
        let priceWidth = max(12, list.items.map { TextWidth.of(DutchNumber.euro($0.price)) }.max() ?? 0)
        let descriptionWidth = frame.width - 2 - priceWidth - 1 - 10 - 1 - 5 - 1 - 7
        var header = TextWidth.padRight("Omschrijving", to: descriptionWidth) + " " + TextWidth.padRight("Eenheid", to: 10) + " "
        header += TextWidth.padLeft("Prijs", to: priceWidth) + " " + "Jaar " + " " + "Oordeel"
        frame.put(header, x: 1, y: 2, style: .heading)
        frame.put(String(repeating: "─", count: frame.width - 2), x: 1, y: 3, style: .muted)

        let rows = state.priceListRows
        let visible = PriceListLayout.visibleRows(state.bodySize)
        for (offset, index) in (state.priceListScroll..<min(rows.count, state.priceListScroll + visible)).enumerated() {
            let y = PriceListLayout.headerRows + offset
            let isCursor = index == state.priceListCursor
            switch rows[index] {
            case .heading(let title):
                frame.put(title, x: 1, y: y, style: isCursor ? Style(.heading, bold: true, reverse: true) : .heading)
            case .item(let item):
                var line = TextWidth.padRight("  " + item.description, to: descriptionWidth) + " " + TextWidth.padRight(item.unit, to: 10) + " "
                line += TextWidth.padLeft(DutchNumber.euro(item.price), to: priceWidth) + " " + "\(item.priceYear) " + " " + item.grade.rawValue
                if item.kind == .transfer { line += " T" }
                let style: Style = isCursor ? .selected : .normal
                if isCursor { frame.fill(y: y, from: 1, width: frame.width - 2, style: style) }
                frame.put(line, x: 1, y: y, style: style, maxWidth: frame.width - 2)
            }
        }
        if case .item(let item) = rows.indices.contains(state.priceListCursor) ? rows[state.priceListCursor] : nil {
            Chrome.notice(&frame, state.notice ?? "\(item.code) · \(item.description) · bron: \(item.source)")
        } else {
            Chrome.notice(&frame, state.notice)
        }
    }
}
