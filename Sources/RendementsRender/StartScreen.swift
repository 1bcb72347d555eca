import RendementsCore
import RendementsDomain

/// The start screen: the business case at a glance per law, and the menu.
enum StartScreen {
    static func draw(_ state: AppState, into frame: inout Frame) {
        let overview = state.overview
        Chrome.titleBar(&frame, "Rendementsmeter — \(overview.businessCaseName)", right: overview.examples.marker ?? "")

        var x = 1
        for (index, item) in MenuItem.allCases.enumerated() {
            let selected = index == state.menuIndex
            let label = " \(item.title) "
            x = frame.put(label, x: x, y: 1, style: selected ? .selected : .normal) + 1
        }

        frame.put("Prijslijst: \(overview.priceListLabel)", x: 1, y: 3, maxWidth: frame.width - 2)
        frame.put("Telt: \(overview.selection.dutchDescription) (\(DutchNumber.count(overview.countedCases)) van \(DutchNumber.count(overview.caseCount))) · \(overview.priceYearLabel)",
                  x: 1, y: 4, maxWidth: frame.width - 2)
        let statuses = CaseStatus.allCases.map { "\($0.dutchName.lowercased()) \(DutchNumber.count(overview.statusCounts[$0] ?? 0))" }
        frame.put(Self.statusLine(statuses, width: frame.width - 2), x: 1, y: 5, maxWidth: frame.width - 2)
        if let note = state.identityNote { frame.put(note, x: 1, y: 6, style: .notice, maxWidth: frame.width - 2) }

        frame.put("Wat ons sociaal werk aan zorg voorkomt, per wet, tegenover wat het kost.", x: 1, y: 2, style: .muted, maxWidth: frame.width - 2)
        var y = 7
        // Rows for the table body: leave room for rule, total, ratio, transfers, notice and hint bar,
        // and for the warning line when there is one (a full table hid "server away" before).
        let available = max(1, frame.height - y - 9 - (overview.warnings.isEmpty ? 0 : 1))
        let rows = overview.lawRows
        let shown = rows.count > available ? Array(rows.prefix(available - 1)) : rows
        let total = overview.total
        let cells = shown.map { [$0.name] + figures($0.totals) }
        let totalCells = ["Totaal"] + figures(total)
        let layout = LawTable(cells + [totalCells], width: frame.width)
        row(&frame, y: y, LawTable.headers, layout, style: .heading)
        y += 1
        rule(&frame, y: y, layout)
        y += 1
        for law in cells {
            row(&frame, y: y, law, layout)
            y += 1
        }
        if shown.count < rows.count {
            frame.put("… en \(rows.count - shown.count) andere (zie rendementsmeter report)", x: 1, y: y, style: .muted)
            y += 1
        }
        rule(&frame, y: y, layout)
        y += 1
        row(&frame, y: y, totalCells, layout, style: .heading)
        y += 2
        frame.put("Rendement (voorkomen ÷ (eigen inzet + ingezet)): \(DutchNumber.ratio(total.returnRatio))", x: 1, y: y)
        y += 1
        let transfers = total.avoidedTransfers - total.deployedTransfers
        if transfers != .zero {
            frame.put("Transfers (uitkeringen), niet in het totaal: \(DutchNumber.euroWhole(transfers))", x: 1, y: y, style: .muted)
            y += 1
        }
        let warnings = overview.warnings
        if let problem = warnings.first, y < frame.height - 2 {
            let more = warnings.count > 1 ? " (+\(warnings.count - 1) meer)" : ""
            // Cut visibly: the whole text is in 'rendementsmeter validate' or the server's message.
            frame.put(TextWidth.clip("Let op: \(problem)\(more)", to: frame.width - 2), x: 1, y: y, style: .warning)
        }
        Chrome.notice(&frame, state.notice)
    }

    private static func figures(_ totals: Totals) -> [String] {
        [money(totals.effort), money(totals.deployed), money(totals.avoided), money(totals.net)]
    }

    private static func row(_ frame: inout Frame, y: Int, _ cells: [String], _ layout: LawTable, style: Style = .normal) {
        frame.put(layout.line(cells), x: 1, y: y, style: style)
    }

    private static func rule(_ frame: inout Frame, y: Int, _ layout: LawTable) {
        frame.put(layout.rule, x: 1, y: y, style: .muted)
    }

    static func money(_ value: Money) -> String { DutchNumber.euroWhole(value) }

    /// The status counts on one line, never cutting a number: without the label when it does
    /// not fit, and else the counts that fit whole, then "…".
    static func statusLine(_ statuses: [String], width: Int) -> String {
        let joined = statuses.joined(separator: " · ")
        if TextWidth.of("Status: " + joined) <= width { return "Status: " + joined }
        if TextWidth.of(joined) <= width { return joined }
        var line = ""
        for status in statuses {
            let next = line.isEmpty ? status : line + " · " + status
            if TextWidth.of(next + " …") > width { break }
            line = next
        }
        return line + " …"
    }
}
