/// A plain-text table with left-aligned first columns and right-aligned figures.
/// Figure columns grow to their widest cell: a cut-off number is a wrong number.
/// Text columns keep their width and end in `…` when a name is longer.
struct TextTable {
    struct Column {
        let title: String
        let width: Int
        let rightAligned: Bool
    }

    let columns: [Column]
    /// nil marks a rule.
    private var rows: [[String]?] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ cells: [String]) { rows.append(cells) }
    mutating func addRule() { rows.append(nil) }

    var lines: [String] {
        let widths = columns.enumerated().map { index, column in
            guard column.rightAligned else { return column.width }
            return rows.reduce(max(column.width, column.title.count)) { widest, row in max(widest, row.map { $0[index].count } ?? 0) }
        }
        let rule = String(repeating: "─", count: widths.reduce(0, +) + columns.count - 1)
        return [format(columns.map(\.title), widths), rule] + rows.map { $0.map { format($0, widths) } ?? rule }
    }

    private func format(_ cells: [String], _ widths: [Int]) -> String {
        zip(zip(columns, widths), cells).map { pair, cell in
            let (column, width) = pair
            let clipped = cell.count > width ? String(cell.prefix(width - 1)) + "…" : cell
            let padding = String(repeating: " ", count: max(0, width - clipped.count))
            return column.rightAligned ? padding + clipped : clipped + padding
        }.joined(separator: " ").trimmingTrailingSpaces()
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
