import RendementsCore

/// The per-law table of the start screen and the intake overview. The amounts are as wide
/// as their widest value, so none is cut off; the law's name takes what they leave, up to
/// the longest name.
struct LawTable {
    static let headers = ["Wet / domein", "Eigen inzet", "Ingezet", "Voorkomen", "Netto"]

    let figures: FittedColumns
    let nameWidth: Int

    /// `rows` are every row the table will show (name and four amounts), the total included.
    init(_ rows: [[String]], width: Int) {
        figures = FittedColumns(headers: Array(Self.headers.dropFirst()), rows: rows.map { Array($0.dropFirst()) })
        let longest = rows.map { TextWidth.of($0[0]) }.max() ?? 0
        nameWidth = max(6, min(max(longest, TextWidth.of(Self.headers[0])), width - 2 - figures.total))
    }

    func line(_ cells: [String]) -> String {
        TextWidth.padRight(TextWidth.clip(cells[0], to: nameWidth), to: nameWidth) + figures.line(Array(cells.dropFirst()))
    }

    var rule: String { String(repeating: "─", count: nameWidth + figures.total) }
}
