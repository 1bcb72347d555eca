import RendementsCore
import RendementsDomain

/// All cases in a table: sort, filter, search; Enter opens one.
enum CaseBrowserScreen {
    /// The columns; the id and the amounts grow with the longest shown (C-0001 … C-999999999,
    /// € 70.355.000), taking their room from the intervention, so neither is ever cut off.
    static func columns(idWidth: Int, moneyWidth: Int) -> [(String, Int, Bool)] {
        let id = min(11, max(6, idWidth))
        let money = min(16, max(10, moneyWidth))
        return [("Id", id, false), ("Status", 13, false), ("Auteur", 9, false), ("Interventie", max(3, 15 - (id - 6) - 2 * (money - 10)), false),
                ("Einde", 10, false), ("Voorkomen", money, true), ("Netto", money, true)]
    }

    static func draw(_ app: AppState, into frame: inout Frame) {
        let rows = app.browserRows
        // While a search runs the rows answer the query before; said where a long query cannot push it off.
        let searching = app.browser.isAwaitingMatches ? "zoekt… " : ""
        // Opened while the figures are still being read (the first seconds at 100,000 cases): no count yet, not "0".
        let count = app.casesLoaded ? "\(DutchNumber.count(rows.count)) van \(DutchNumber.count(app.cases.count))" : "leest…"
        Chrome.titleBar(&frame, "Casussen beoordelen — \(app.user)", right: "\(searching)\(count)")
        var status = "Filter: \(app.browser.filter.dutchDescription) · sortering: \(app.browser.sort.dutchName)\(app.browser.descending ? " ↓" : " ↑")"
        if app.browser.isSearching || !app.browser.query.isEmpty { status += " · zoek: \(app.browser.query)\(app.browser.isSearching ? "▏" : "")" }
        frame.put(status, x: 1, y: 1, style: app.browser.isSearching ? .selected : .muted, maxWidth: frame.width - 2)
        let visible = max(1, frame.height - 6)
        let top = max(0, app.browser.cursor - visible + 1)
        let shown = top..<min(rows.count, top + visible)
        let money = rows[shown].flatMap { [DutchNumber.euroWhole($0.totals.avoided), DutchNumber.euroWhole($0.totals.net)] }
        let columns = columns(idWidth: rows[shown].map { $0.figures.id.count }.max() ?? 6,
                              moneyWidth: money.map(TextWidth.of).max() ?? 10)
        frame.put(line(columns.map(\.0), columns), x: 1, y: 2, style: .heading)
        frame.put(String(repeating: "─", count: frame.width - 2), x: 1, y: 3, style: .muted)
        for (offset, index) in shown.enumerated() {
            let row = rows[index]
            let record = row.figures
            let cells = [record.id, record.status.dutchName, record.author, record.intervention, record.periodEnd.dutch,
                         DutchNumber.euroWhole(row.totals.avoided), DutchNumber.euroWhole(row.totals.net)]
            let style: Style = index == app.browser.cursor ? .selected : .normal
            if index == app.browser.cursor { frame.fill(y: 4 + offset, from: 1, width: frame.width - 2, style: style) }
            frame.put(line(cells, columns), x: 1, y: 4 + offset, style: style)
        }
        if !app.casesLoaded {
            frame.put(Self.reading, x: 3, y: 4, style: .muted)
        } else if rows.isEmpty {
            frame.put(app.cases.isEmpty ? "Nog geen casussen in deze business case." : "Geen casus past bij dit filter; 0 zet de filters uit.",
                      x: 3, y: 4, style: .muted)
        }
        Chrome.notice(&frame, app.notice)
    }

    /// Shown by the browser and the dashboard until every case's figures are in.
    static let reading = "De casussen worden gelezen…"

    static func line(_ cells: [String], _ columns: [(String, Int, Bool)]) -> String {
        zip(columns, cells).map { column, cell in
            column.2 ? TextWidth.padLeft(cell, to: column.1) : TextWidth.padRight(cell, to: column.1)
        }.joined(separator: " ")
    }
}
