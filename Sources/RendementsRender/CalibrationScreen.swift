import Foundation
import RendementsCore
import RendementsDomain

/// "Schattingen": the worker's own estimates beside colleagues' approved lines, or the spread
/// per item and intervention; a list above, the selected row told in full below.
enum CalibrationScreen {
    static func draw(_ app: AppState, into frame: inout Frame) {
        let state = app.calibration ?? CalibrationState()
        Chrome.titleBar(&frame, "Schattingen — \(app.user)", right: "goedgekeurde, echte casussen")
        var x = 1
        for panel in CalibrationPanel.allCases {
            x = frame.put(" \(panel.title) ", x: x, y: 1, style: panel == state.panel ? .selected : .normal) + 1
        }
        let lead = state.panel == .own
            ? "Jouw mediaan naast die van collega's (aantal casussen); alleen jij ziet dit."
            : "Per interventie en item, nooit per persoon: P25–P75, meest uiteenlopend eerst."
        frame.put(lead, x: 1, y: 2, style: .muted, maxWidth: frame.width - 2)
        let table: (headers: [String], rows: [[String]], detail: [String])?
        switch state.panel {
        case .own: table = state.own.map { rows in (ownHeaders, rows.map { ownCells($0, app.priceList) }, rows.isEmpty ? [] : ownDetail(rows[state.selectedIndex], app.priceList)) }
        case .items: table = state.spreads.map { rows in (spreadHeaders, rows.map { spreadCells($0, app.priceList) }, rows.isEmpty ? [] : spreadDetail(rows[state.selectedIndex], app.priceList)) }
        }
        guard let table else {
            frame.put("Bezig met lezen…", x: 3, y: 4, style: .muted)
            return
        }
        guard !table.rows.isEmpty else {
            let examples = app.overview.examples.hasExamples ? " De voorbeeldcasussen (fictief) tellen hier niet mee." : ""
            let empty = state.panel == .own
                ? "Nog geen goedgekeurde casus van jou met voorkomen zorg; dan staan hier jouw schattingen naast die van collega's.\(examples)"
                : "Nog geen item in \(Suggestions.minimumCases) of meer goedgekeurde casussen van \(Calibration.minimumAuthors) of meer collega's; dan staat hier hoe ver schattingen uiteenlopen.\(examples)"
            for (offset, line) in wrapped(empty, width: frame.width - 4).enumerated() { frame.put(line, x: 3, y: 4 + offset, style: .muted) }
            Chrome.notice(&frame, app.notice)
            return
        }
        // The first two columns are text and share what the figures leave; the figures never shrink.
        let figures = FittedColumns(headers: Array(table.headers.dropFirst(2)), rows: table.rows.map { Array($0.dropFirst(2)) })
        let textRoom = max(10, frame.width - 2 - figures.total)
        let first = max(6, textRoom * 7 / 10), second = max(4, textRoom - first - 1)
        func line(_ cells: [String]) -> String {
            TextWidth.padRight(TextWidth.clip(cells[0], to: first), to: first) + " " + TextWidth.padRight(TextWidth.clip(cells[1], to: second), to: second)
                + figures.line(Array(cells.dropFirst(2)))
        }
        frame.put(line(table.headers), x: 1, y: 3, style: .heading)
        frame.put(String(repeating: "─", count: frame.width - 2), x: 1, y: 4, style: .muted)
        let visible = CalibrationLayout.listRows(height: frame.height, rowCount: table.rows.count)
        let selected = state.selectedIndex
        let top = max(0, selected - visible + 1)
        for (offset, index) in (top..<min(table.rows.count, top + visible)).enumerated() {
            let style: Style = index == selected ? .selected : .normal
            if index == selected { frame.fill(y: 5 + offset, from: 1, width: frame.width - 2, style: style) }
            frame.put(line(table.rows[index]), x: 1, y: 5 + offset, style: style)
        }
        let detailTop = 5 + visible
        frame.put(String(repeating: "─", count: frame.width - 2), x: 1, y: detailTop, style: .muted)
        let room = CalibrationLayout.detailRows(height: frame.height, rowCount: table.rows.count)
        // Sentences wrap; each reason takes one line, so more of them show.
        var detail = table.detail.flatMap { entry in
            entry.hasPrefix(reasonIndent) ? [TextWidth.clip(entry, to: frame.width - 2)] : wrapped(entry, width: frame.width - 2)
        }
        // What does not fit is counted and its cases named, never cut off without a word.
        if detail.count > room, room > 0 {
            let hidden = detail[(room - 1)...]
            let cases = hidden.compactMap { $0.hasPrefix(reasonIndent) ? $0.dropFirst(reasonIndent.count).split(separator: ":").first.map(String.init) : nil }
            let more = "… en nog \(hidden.count) regels" + (cases.isEmpty ? "" : ", redenen bij " + cases.joined(separator: ", "))
            detail = detail.prefix(room - 1) + [TextWidth.clip(more, to: frame.width - 2)]
        }
        for (offset, text) in detail.prefix(max(0, room)).enumerated() {
            frame.put(text, x: 1, y: detailTop + 1 + offset, style: offset == 0 ? .heading : .normal)
        }
        Chrome.notice(&frame, app.notice)
    }

    /// Reasons stand indented under their heading, one line each.
    static let reasonIndent = "  "

    static let ownHeaders = ["Item", "Interventie", "Jij", "Collega's", "Herzien"]
    static let spreadHeaders = ["Item", "Interventie", "Cas.", "Kans", "Aantal", "Herzien"]

    static func ownCells(_ row: OwnEstimate, _ priceList: PriceList?) -> [String] {
        let colleagues = row.colleagues.map { "\(values($0.medianUnits, $0.medianLikelihood)) (\($0.cases))" } ?? "te weinig"
        let own = row.medianUnits.map { values($0, row.medianLikelihood) } ?? "—"
        return [itemName(row.code, priceList), row.intervention, own, colleagues,
                row.lines > 0 ? "\(row.changed) van \(row.lines)" : "+\(row.added)"]
    }

    static func ownDetail(_ row: OwnEstimate, _ priceList: PriceList?) -> [String] {
        var lines = ["\(itemName(row.code, priceList)) (\(row.code)) · \(row.intervention)"]
        let colleagues = row.colleagues.map {
            "Collega's (\(DutchNumber.count($0.cases)) casussen): \(values($0.medianUnits, $0.medianLikelihood, joined: " en kans "))."
        } ?? "Collega's: te weinig (minder dan \(Suggestions.minimumCases) casussen of \(Calibration.minimumAuthors) collega's), geen vergelijking."
        let own = row.medianUnits.map { "Jij: \(lineCount(row.lines)), mediaan \(values($0, row.medianLikelihood, joined: " en kans "))." }
            ?? "Jij schatte dit item niet; een beoordelaar voegde het toe."
        lines.append("\(own) \(colleagues)")
        if row.changed == 0 && row.added == 0 {
            lines.append("Beoordelaars lieten je regels van dit item zoals ze waren.")
        } else {
            let counts = (row.lines > 0 ? ["\(row.changed) van je \(lineCount(row.lines)) gewijzigd"] : []) + (row.removed > 0 ? ["\(row.removed) verwijderd"] : [])
                + (row.added > 0 ? ["\(row.added) door een beoordelaar toegevoegd"] : [])
            let moves = [moveText("hoeveelheid", row.unitMoves, unit: ""), moveText("kans", row.likelihoodMoves, unit: " procentpunt")].compactMap { $0 }
            lines.append("Beoordeling: " + (counts + moves).joined(separator: "; ") + ".")
            lines += ["Redenen van de beoordelaars:"] + row.reasons.map { "\(reasonIndent)\($0.caseID): “\($0.text)”" }
        }
        return lines
    }

    static func lineCount(_ count: Int) -> String { count == 1 ? "1 regel" : "\(count) regels" }

    static func spreadCells(_ row: ItemSpread, _ priceList: PriceList?) -> [String] {
        [itemName(row.code, priceList), row.intervention, String(row.cases),
         row.likelihood.map { "\(number($0.lower))–\(number($0.upper)) %" } ?? "—",
         "\(number(row.units.lower))–\(number(row.units.upper))", "\(row.changed) van \(row.lines)"]
    }

    static func spreadDetail(_ row: ItemSpread, _ priceList: PriceList?) -> [String] {
        var lines = ["\(itemName(row.code, priceList)) (\(row.code)) · \(row.intervention)",
                     "\(lineCount(row.lines)) in \(row.cases) goedgekeurde casussen; \(row.changed) door beoordeling gewijzigd, toegevoegd of verwijderd."]
        if let likelihood = row.likelihood {
            lines.append("Kans \(number(likelihood.lower))–\(number(likelihood.upper)) % (mediaan \(number(likelihood.median)) %); "
                + (moveText("beoordeling", row.likelihoodMoves, unit: " procentpunt") ?? "beoordeling liet de kans staan") + ".")
        }
        lines.append("Hoeveelheid \(number(row.units.lower))–\(number(row.units.upper)) (mediaan \(number(row.units.median))); "
            + (moveText("beoordeling", row.unitMoves, unit: "") ?? "beoordeling liet de hoeveelheid staan") + ".")
        return lines
    }

    /// `kans 2× lager, 1× hoger (mediaan 25 procentpunt)`; nil when review moved nothing.
    static func moveText(_ what: String, _ moves: ReviewMoves, unit: String) -> String? {
        guard let size = moves.medianSize else { return nil }
        let parts = (moves.down > 0 ? ["\(moves.down)× lager"] : []) + (moves.up > 0 ? ["\(moves.up)× hoger"] : [])
        return "\(what) \(parts.joined(separator: ", ")) (mediaan \(number(size))\(unit))"
    }

    static func values(_ units: Double, _ likelihood: Double?, joined: String = " · ") -> String {
        "\(number(units)) ×" + (likelihood.map { "\(joined)\(number($0)) %" } ?? "")
    }

    static func itemName(_ code: String, _ priceList: PriceList?) -> String { priceList?.item(code)?.description ?? code }

    /// At most two decimals, Dutch: `62,5`, `4`, `1.234`.
    static func number(_ value: Double) -> String {
        DutchNumber.readable(Calibration.rounded(value))
    }

    static func wrapped(_ text: String, width: Int) -> [String] {
        let characters = Array(text)
        return TextEditing.wrap(text, width: width).map { String(characters[$0.start..<$0.end]) }
    }
}
