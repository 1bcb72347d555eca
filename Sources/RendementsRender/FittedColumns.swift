import RendementsCore

/// Right-aligned number columns as wide as their widest value, so an amount is never cut
/// off or run into its neighbour ("€ 2.587.779€ 1.202.517"); the text column takes what is left.
struct FittedColumns {
    /// Each column's width: two spaces, then its header or widest value, whichever is wider.
    let widths: [Int]

    init(headers: [String], rows: [[String]]) {
        widths = headers.indices.map { column in
            2 + max(TextWidth.of(headers[column]), rows.map { TextWidth.of($0[column]) }.max() ?? 0)
        }
    }

    var total: Int { widths.reduce(0, +) }

    /// The cells right-aligned in their columns.
    func line(_ cells: [String]) -> String {
        zip(cells, widths).map { TextWidth.padLeft($0, to: $1) }.joined()
    }
}
