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

    /// As many columns, from the first, as fit in `width`: a column that does not fit is left out
    /// whole, never cut at the screen's edge (helper-21: a ratio of 14.969,36 showed as "1").
    init(headers: [String], rows: [[String]], fitting width: Int) {
        let all = FittedColumns(headers: headers, rows: rows).widths
        var kept = all.count
        while kept > 1, all.prefix(kept).reduce(0, +) > width { kept -= 1 }
        widths = Array(all.prefix(kept))
    }

    var total: Int { widths.reduce(0, +) }

    /// The cells right-aligned in their columns.
    func line(_ cells: [String]) -> String {
        zip(cells, widths).map { TextWidth.padLeft($0, to: $1) }.joined()
    }
}
