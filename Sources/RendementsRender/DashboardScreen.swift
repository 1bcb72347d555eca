import Foundation
import RendementsCore
import RendementsDomain

/// The manager's dashboard: four panels of patterns, always with the active filter on screen.
enum DashboardScreen {
    static func draw(_ app: AppState, into frame: inout Frame) {
        let dashboard = app.dashboard
        let summary = app.dashboardSummary
        let year = app.estimateOptions.reportYear.map { "prijsjaar \($0)" } ?? "eigen prijsjaren"
        // The examples are named here too: the dashboard's figures count them (helper-32).
        Chrome.titleBar(&frame, "Dashboard — \(app.overview.businessCaseName)", right: (app.overview.examples.shortMarker.map { $0 + " · " } ?? "") + year)
        var x = 1
        for panel in DashboardPanel.allCases {
            x = frame.put(" \(panel.title) ", x: x, y: 1, style: panel == dashboard.panel ? .selected : .muted) + 1
        }
        guard app.casesLoaded else {
            // Opened while the figures are still being read: no "0 casussen" and no zero totals meanwhile.
            frame.put("Filter: \(dashboard.filter.dutchDescription)", x: 1, y: 2, style: .heading, maxWidth: frame.width - 2)
            frame.put(CaseBrowserScreen.reading, x: 3, y: 5, style: .muted)
            Chrome.notice(&frame, app.notice)
            return
        }
        // The active filter is always whole on screen: it wraps onto the free row below.
        // Cases that could not be valued are left out of every figure, and said so (helper-21: the dashboard was silent).
        let uncounted = summary.failures.isEmpty ? "" : " · \(DutchNumber.count(summary.failures.count)) niet meegeteld (niet te waarderen)"
        let filter = "Filter: \(dashboard.filter.dutchDescription) · \(DutchNumber.count(summary.countedCases)) \(summary.countedCases == 1 ? "casus" : "casussen")"
            + uncounted
        let characters = Array(filter)
        for (offset, part) in TextEditing.wrap(filter, width: frame.width - 2).prefix(2).enumerated() {
            frame.put(String(characters[part.start..<part.end]), x: 1, y: 2 + offset, style: .heading, maxWidth: frame.width - 2)
        }
        let rows = app.dashboardRows
        if dashboard.tracing, rows.indices.contains(dashboard.selectedIndex) {
            trace(DashboardTrace.lines(rows[dashboard.selectedIndex], records: app.openedRecords, list: app.priceList, options: app.estimateOptions), scroll: dashboard.traceScroll, &frame)
        } else {
            switch dashboard.panel {
            case .verloop: verloop(rows, dashboard, &frame)
            case .wetten: wetten(rows, dashboard, &frame)
            case .groepen: groepen(rows, dashboard, &frame)
            case .patronen: patronen(rows, dashboard, app.priceList, &frame)
            }
        }
        let total = summary.total
        frame.put(totalLine(total, width: frame.width - 2), x: 1, y: frame.height - 3, style: .heading, maxWidth: frame.width - 2)
        if rows.isEmpty && !dashboard.tracing { frame.put("Geen casussen binnen dit filter; 0 zet de filters uit.", x: 3, y: 5, style: .muted) }
        Chrome.notice(&frame, app.notice ?? rangeLine(total, width: frame.width - 2))
    }

    /// The dashboard's Totaal line in the longest wording that fits: with amounts of
    /// millions (or `EUR` for `€`) the words shorten, so no amount or the ratio is cut off.
    /// The net result's range on one line: a notice longer than the screen wrapped over the total
    /// line (helper-21, at € 1 billion and more).
    static func rangeLine(_ total: Totals, width: Int) -> String {
        let (low, high, conservative) = (DutchNumber.euroWhole(total.netLow), DutchNumber.euroWhole(total.netHigh),
                                         DutchNumber.euroWhole(total.netConservative))
        let lines = ["Netto laag \(low) · hoog \(high) · conservatief \(conservative)", "Netto laag \(low) · hoog \(high) · cons. \(conservative)",
                     "laag \(low) · hoog \(high) · cons. \(conservative)"]
        return lines.first { TextWidth.of($0) <= width } ?? lines[lines.count - 1]
    }

    static func totalLine(_ total: Totals, width: Int) -> String {
        let figures = [DutchNumber.euroWhole(total.avoided), DutchNumber.euroWhole(total.effort + total.deployed),
                       DutchNumber.euroWhole(total.net), DutchNumber.ratio(total.returnRatio)]
        let wordings = [
            ("Totaal: ", ["voorkomen", "kosten", "netto", "rendement"]),
            ("Totaal: ", ["voork.", "kosten", "netto", "rend."]),
            ("", ["voork.", "kost.", "netto", "rend."]),
        ]
        var lines = wordings.map { lead, words in lead + zip(words, figures).map { "\($0) \($1)" }.joined(separator: " · ") }
        // Last resort: netto left out (it is voorkomen minus kosten), never a figure cut in half.
        lines.append("voork. \(figures[0]) · kost. \(figures[1]) · rend. \(figures[3])")
        return lines.first { TextWidth.of($0) <= width } ?? lines[lines.count - 1]
    }

    static let top = 4

    private static func visibleRange(_ count: Int, selected: Int, height: Int) -> Range<Int> {
        let first = max(0, selected - height + 1)
        return first..<min(count, first + height)
    }

    private static func rowStyle(_ index: Int, _ dashboard: DashboardState) -> Style {
        index == dashboard.selectedIndex ? .selected : .normal
    }

    // MARK: - Panels

    private static func verloop(_ rows: [DashboardRow], _ dashboard: DashboardState, _ frame: inout Frame) {
        var cumulative: [Totals] = []
        var running = Totals()
        for row in rows {
            running += row.group.totals
            cumulative.append(running)
        }
        func cells(_ totals: Totals) -> [String] {
            [DutchNumber.euroWhole(totals.avoided), DutchNumber.euroWhole(totals.net), DutchNumber.ratio(totals.returnRatio)]
        }
        let columns = FittedColumns(headers: ["Voorkomen", "Netto", "Rend."], rows: cumulative.map(cells), fitting: frame.width - 11 - 4)
        // The bar gives way to the figures: a shorter bar is still a bar, a cut amount is a wrong amount.
        let barWidth = max(4, frame.width - 11 - columns.total)
        frame.put(TextWidth.padRight(dashboard.quarterly ? "Kwartaal" : "Maand", to: 9)
                  + TextWidth.padRight(TextWidth.clip("█ voorkomen  │ kosten (cumulatief)", to: barWidth), to: barWidth)
                  + columns.line(["Voorkomen", "Netto", "Rend."]), x: 1, y: top, style: .heading)
        let scale = max(1, cumulative.map { max($0.avoided.cents, ($0.effort + $0.deployed).cents) }.max() ?? 1)
        let height = frame.height - top - 5
        for (offset, index) in visibleRange(rows.count, selected: dashboard.selectedIndex, height: height).enumerated() {
            let totals = cumulative[index]
            let y = top + 1 + offset
            let style = rowStyle(index, dashboard)
            frame.put(TextWidth.padRight(rows[index].label, to: 9), x: 1, y: y, style: style)
            let filled = Int(totals.avoided.cents * Int64(barWidth) / scale)
            frame.put(String(repeating: "█", count: max(0, filled)), x: 10, y: y)
            let costAt = Int((totals.effort + totals.deployed).cents * Int64(barWidth) / scale)
            frame.put("│", x: 10 + min(barWidth - 1, costAt), y: y, style: Style(.warning, bold: true))
            frame.put(columns.line(cells(totals)), x: 10 + barWidth, y: y, style: style)
        }
    }

    private static func wetten(_ rows: [DashboardRow], _ dashboard: DashboardState, _ frame: inout Frame) {
        func cells(_ totals: Totals) -> [String] {
            [DutchNumber.euroWhole(totals.effort + totals.deployed), DutchNumber.euroWhole(totals.avoided),
             DutchNumber.euroWhole(totals.avoidedTransfers - totals.deployedTransfers), DutchNumber.euroWhole(totals.financierNet)]
        }
        let headers = ["Betaalt", "Bespaart", "Transfers", "Saldo"]
        let columns = FittedColumns(headers: headers, rows: rows.map { cells($0.group.totals) }, fitting: frame.width - 2 - 8)
        let label = max(8, frame.width - 2 - columns.total)
        frame.put(TextWidth.padRight("Financier", to: label) + columns.line(headers), x: 1, y: top, style: .heading)
        for (index, row) in rows.enumerated() where top + 1 + index < frame.height - 5 {
            frame.put(TextWidth.padRight(TextWidth.clip(row.label, to: label), to: label) + columns.line(cells(row.group.totals)),
                      x: 1, y: top + 1 + index, style: rowStyle(index, dashboard))
        }
        let y = top + 2 + rows.count
        frame.put("Betaalt = eigen inzet + ingezette zorg; bespaart = voorkomen zorg. Transfers", x: 1, y: y, style: .muted)
        frame.put("(uitkeringen) tellen voor de financier, niet in het maatschappelijk totaal.", x: 1, y: y + 1, style: .muted)
    }

    private static func groepen(_ rows: [DashboardRow], _ dashboard: DashboardState, _ frame: inout Frame) {
        let name = dashboard.grouping.dutchName.prefix(1).uppercased() + dashboard.grouping.dutchName.dropFirst() + " (g wisselt)"
        func cells(_ group: GroupTotals) -> [String] {
            [DutchNumber.count(group.caseCount), DutchNumber.euroWhole(group.totals.avoided), DutchNumber.euroWhole(group.totals.net),
             group.medianResult.map(DutchNumber.euroWhole) ?? "–", DutchNumber.ratio(group.totals.returnRatio)]
        }
        let headers = ["Casussen", "Voorkomen", "Netto", "Mediaan", "Rend."]
        let columns = FittedColumns(headers: headers, rows: rows.map { cells($0.group) }, fitting: frame.width - 2 - 8)
        let label = max(8, frame.width - 2 - columns.total)
        frame.put(TextWidth.padRight(TextWidth.clip(name, to: label), to: label) + columns.line(headers), x: 1, y: top, style: .heading)
        let height = frame.height - top - 5
        for (offset, index) in visibleRange(rows.count, selected: dashboard.selectedIndex, height: height).enumerated() {
            frame.put(TextWidth.padRight(TextWidth.clip(rows[index].label, to: label), to: label) + columns.line(cells(rows[index].group)),
                      x: 1, y: top + 1 + offset, style: rowStyle(index, dashboard))
        }
        if dashboard.grouping == .leefgebied {
            frame.put("Een casus telt mee bij elk leefgebied dat hij raakt.", x: 1, y: frame.height - 4, style: .muted)
        }
    }

    /// Headings between the kinds of rows; the list scrolls so the selected row is always shown.
    /// A transfer (bijstand) is marked: it saves its financier money but is not in the societal total.
    private static func patronen(_ rows: [DashboardRow], _ dashboard: DashboardState, _ list: PriceList?, _ frame: inout Frame) {
        let maxBand = max(1, rows.filter { $0.kind == .band }.map(\.group.caseCount).max() ?? 1)
        // Columns as wide as their widest figure: a cut-off number is a wrong number (helper finding: "€ 402.592.5…").
        func count(_ item: ItemTally) -> String { DutchNumber.count(item.lineCount) + "×" }
        let items = rows.compactMap(\.item)
        let countWidth = max(6, (items.map { TextWidth.of(count($0)) }.max() ?? 0) + 1)
        let valueWidth = max(12, (items.map { TextWidth.of(DutchNumber.euroWhole($0.value)) }.max() ?? 0) + 1)
        let labelWidth = max(8, min(50, frame.width - 4 - countWidth - valueWidth))
        let bandWidth = max(4, rows.filter { $0.kind == .band }.map { TextWidth.of(DutchNumber.count($0.group.caseCount)) }.max() ?? 0)
        var lines: [(text: String, style: Style, row: Int?)] = []
        var lastKind: DashboardRow.Kind?
        for (index, row) in rows.enumerated() {
            if row.kind != lastKind {
                let title = row.kind == .itemByValue ? "Meest voorkomen zorg naar waarde" : row.kind == .itemByCount ? "… naar aantal regels" : "Verdeling van de casusresultaten (netto)"
                lines.append((title, .heading, nil))
                lastKind = row.kind
            }
            let style = rowStyle(index, dashboard)
            if let item = row.item {
                let transfer = list?.item(item.code)?.kind == .transfer ? " (transfer)" : ""
                let label = TextWidth.clip("  " + row.label, to: labelWidth - TextWidth.of(transfer)) + transfer
                lines.append((TextWidth.padRight(label, to: labelWidth) + TextWidth.padLeft(count(item), to: countWidth)
                              + TextWidth.padLeft(DutchNumber.euroWhole(item.value), to: valueWidth), style, index))
            } else {
                let bar = String(repeating: "█", count: row.group.caseCount * 30 / maxBand)
                lines.append((TextWidth.padRight("  " + row.label, to: 26) + TextWidth.padLeft(DutchNumber.count(row.group.caseCount), to: bandWidth) + " " + bar,
                               style, index))
            }
        }
        let height = max(1, frame.height - 4 - top)
        let selectedLine = lines.firstIndex { $0.row == dashboard.selectedIndex } ?? 0
        let first = min(max(0, selectedLine - height + 1), max(0, lines.count - height))
        for (offset, line) in lines.dropFirst(first).prefix(height).enumerated() {
            frame.put(line.text, x: 1, y: top + offset, style: line.style)
        }
        // What does not fit is said, not silently left out.
        if first > 0 { frame.put("↑ meer", x: frame.width - 8, y: top, style: .muted) }
        if first + height < lines.count { frame.put("↓ meer", x: frame.width - 8, y: top + height - 1, style: .muted) }
    }

    private static func trace(_ text: [String], scroll: Int, _ frame: inout Frame) {
        frame.put("Zo is dit bedrag berekend (Esc sluit):", x: 1, y: top - 1, style: .heading)
        let lines = text.flatMap { line -> [String] in
            let characters = Array(line)
            let indent = line.prefix { $0 == " " }.count
            // Continuations are indented two more, so they wrap two narrower (an amount was cut: "= € 9.814,6", helper-32).
            return TextEditing.wrap(line, width: frame.width - 4 - indent).enumerated().map { index, part in
                (index == 0 ? "" : String(repeating: " ", count: indent + 2)) + String(characters[part.start..<part.end])
            }
        }
        let height = frame.height - top - 4
        let first = min(scroll, max(0, lines.count - height))
        for (offset, line) in lines.dropFirst(first).prefix(height).enumerated() {
            frame.put(line, x: 1, y: top + offset, maxWidth: frame.width - 2)
        }
    }
}
