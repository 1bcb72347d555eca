import RendementsDomain

/// One line of the price-list browser: a law heading or an item.
public enum PriceListRow: Hashable, Sendable {
    case heading(String)
    case item(PriceItem)

    /// Rows grouped by law in the price list's order; `query` filters on code, description and synonyms.
    public static func rows(_ list: PriceList, query: String = "") -> [PriceListRow] {
        let needle = query.lowercased()
        var rows: [PriceListRow] = []
        for law in list.laws {
            let items = list.items.filter { item in
                item.lawCode == law.code && (needle.isEmpty || item.code.lowercased().contains(needle)
                    || item.description.lowercased().contains(needle) || item.synonyms.contains { $0.contains(needle) })
            }
            guard !items.isEmpty else { continue }
            rows.append(.heading("\(law.name) — \(law.financier)"))
            rows.append(contentsOf: items.map(PriceListRow.item))
        }
        return rows
    }
}
