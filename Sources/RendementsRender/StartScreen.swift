import RendementsCore
import RendementsDomain

/// The start screen: the business case at a glance per law, and the menu.
enum StartScreen {
    static let figureWidth = 13

    /// The law column grows with the terminal (22 at 80 columns, at most 30).
    static func nameWidth(_ frame: Frame) -> Int { min(30, frame.width - 2 - 4 * (figureWidth + 1)) }

    static func draw(_ state: AppState, into frame: inout Frame) {
        let overview = state.overview
        Chrome.titleBar(&frame, "Rendementsmeter — \(overview.businessCaseName)", right: overview.fictional ? "VOORBEELD (fictief)" : "")

        var x = 1
        for (index, item) in MenuItem.allCases.enumerated() {
            let selected = index == state.menuIndex
            let label = " \(item.title) "
            x = frame.put(label, x: x, y: 1, style: selected ? .selected : .normal) + 1
        }

        frame.put("Prijslijst: \(overview.priceListLabel)", x: 1, y: 3, maxWidth: frame.width - 2)
        frame.put("Telt: \(overview.selection.dutchDescription) (\(overview.countedCases) van \(overview.caseCount)) · \(overview.priceYearLabel)",
                  x: 1, y: 4, maxWidth: frame.width - 2)
        let statuses = CaseStatus.allCases.map { "\($0.dutchName.lowercased()) \(overview.statusCounts[$0] ?? 0)" }
        frame.put("Status: " + statuses.joined(separator: " · "), x: 1, y: 5, maxWidth: frame.width - 2)
        if let note = state.identityNote { frame.put(note, x: 1, y: 6, style: .notice, maxWidth: frame.width - 2) }

        var y = 7
        row(&frame, y: y, ["Wet / domein", "Eigen inzet", "Ingezet", "Voorkomen", "Netto"], style: .heading)
        y += 1
        rule(&frame, y: y)
        y += 1
        // Rows for the table body: leave room for rule, total, ratio, transfers, notice and hint bar.
        let available = max(1, frame.height - y - 7)
        let rows = overview.lawRows
        let shown = rows.count > available ? Array(rows.prefix(available - 1)) : rows
        for law in shown {
            row(&frame, y: y, [law.name, money(law.totals.effort), money(law.totals.deployed), money(law.totals.avoided), money(law.totals.net)])
            y += 1
        }
        if shown.count < rows.count {
            frame.put("… en \(rows.count - shown.count) andere (zie rendementsmeter report)", x: 1, y: y, style: .muted)
            y += 1
        }
        rule(&frame, y: y)
        y += 1
        let total = overview.total
        row(&frame, y: y, ["Totaal", money(total.effort), money(total.deployed), money(total.avoided), money(total.net)], style: .heading)
        y += 2
        frame.put("Rendement (voorkomen ÷ (eigen inzet + ingezet)): \(DutchNumber.ratio(total.returnRatio))", x: 1, y: y)
        y += 1
        let transfers = total.avoidedTransfers - total.deployedTransfers
        if transfers != .zero {
            frame.put("Transfers (uitkeringen), niet in het totaal: \(DutchNumber.euroWhole(transfers))", x: 1, y: y, style: .muted)
            y += 1
        }
        if let problem = overview.dataProblems.first, y < frame.height - 2 {
            let more = overview.dataProblems.count > 1 ? " (+\(overview.dataProblems.count - 1) meer)" : ""
            frame.put("Let op: \(problem)\(more)", x: 1, y: y, style: .warning, maxWidth: frame.width - 2)
        }
        Chrome.notice(&frame, state.notice)
    }

    private static func row(_ frame: inout Frame, y: Int, _ cells: [String], style: Style = .normal) {
        var x = frame.put(TextWidth.padRight(cells[0], to: nameWidth(frame)), x: 1, y: y, style: style)
        for cell in cells.dropFirst() {
            x = frame.put(TextWidth.padLeft(cell, to: figureWidth), x: x + 1, y: y, style: style)
        }
    }

    private static func rule(_ frame: inout Frame, y: Int) {
        frame.put(String(repeating: "─", count: nameWidth(frame) + 4 * (figureWidth + 1)), x: 1, y: y, style: .muted)
    }

    static func money(_ value: Money) -> String { DutchNumber.euroWhole(value) }
}
