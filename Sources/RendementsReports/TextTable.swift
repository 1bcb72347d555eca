/// A plain-text table with left-aligned first columns and right-aligned figures.
struct TextTable {
    struct Column {
        let title: String
        let width: Int
        let rightAligned: Bool
    }

    let columns: [Column]
    private(set) var lines: [String] = []

    init(_ columns: [Column]) {
        self.columns = columns
        lines.append(format(columns.map(\.title)))
        lines.append(String(repeating: "─", count: columns.reduce(0) { $0 + $1.width } + columns.count - 1))
    }

    mutating func add(_ cells: [String]) { lines.append(format(cells)) }
    mutating func addRule() { lines.append(lines[1]) }

    private func format(_ cells: [String]) -> String {
        zip(columns, cells).map { column, cell in
            let clipped = cell.count > column.width ? String(cell.prefix(column.width - 1)) + "…" : cell
            let padding = String(repeating: " ", count: max(0, column.width - clipped.count))
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
