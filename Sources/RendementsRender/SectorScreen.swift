import RendementsCore
import RendementsDomain

/// The sector analyst's screen: the sector view across organisations, one row per intervention,
/// law and year, as `report --sector` prints it. The intervention takes what the figures leave;
/// the figures are never cut.
enum SectorScreen {
    static let headers = ["Interventie", "Wet", "Jaar", "Cas.", "Org.", "Voorkomen", "Kosten", "Rend.", "Mediaan"]

    static func draw(_ app: AppState, into frame: inout Frame) {
        let state = app.sector ?? SectorState(groups: nil)
        Chrome.titleBar(&frame, "Sectorbeeld — \(app.user)", right: "goedgekeurde casussen, alle organisaties")
        let lead = "Groepen van minder dan \(SectorRules.minimumCases) casussen of \(SectorRules.minimumOrganisations) organisaties zijn weggelaten."
        frame.put(lead, x: 1, y: 1, style: .muted, maxWidth: frame.width - 2)
        defer { Chrome.notice(&frame, app.notice) }
        guard let groups = state.groups else {
            frame.put("Bezig met lezen…", x: 3, y: 3, style: .muted)
            return
        }
        guard !groups.isEmpty else {
            frame.put("Geen groep is groot genoeg om te tonen.", x: 3, y: 3, style: .muted)
            return
        }
        let rows = groups.map { group in
            [group.intervention, group.law, "\(group.year)", DutchNumber.count(group.cases), DutchNumber.count(group.organisations),
             DutchNumber.euroWhole(group.avoided), DutchNumber.euroWhole(group.cost), DutchNumber.ratio(group.ratio), group.shownMedian]
        }
        // The figures come first; the intervention takes what they leave (at least 8), and the
        // selected group is told in full below the list.
        let figures = FittedColumns(headers: Array(headers.dropFirst()), rows: rows.map { Array($0.dropFirst()) }, fitting: frame.width - 2 - 8)
        let textRoom = max(8, frame.width - 2 - figures.total)
        func line(_ cells: [String]) -> String {
            TextWidth.padRight(TextWidth.clip(cells[0], to: textRoom), to: textRoom) + figures.line(Array(cells.dropFirst().prefix(figures.widths.count)))
        }
        frame.put(line(headers), x: 1, y: 2, style: .heading)
        frame.put(String(repeating: "─", count: frame.width - 2), x: 1, y: 3, style: .muted)
        let visible = max(1, frame.height - SectorLayout.frameRows)
        let selected = min(state.cursor, groups.count - 1)
        let top = max(0, selected - visible + 1)
        for (offset, index) in (top..<min(groups.count, top + visible)).enumerated() {
            let style: Style = index == selected ? .selected : .normal
            if index == selected { frame.fill(y: 4 + offset, from: 1, width: frame.width - 2, style: style) }
            frame.put(line(rows[index]), x: 1, y: 4 + offset, style: style)
        }
        frame.put(String(repeating: "─", count: frame.width - 2), x: 1, y: 4 + visible, style: .muted)
        let group = groups[selected]
        // The figures first: a long intervention name at the end may run past the three rows (helper-34: it hid them).
        let detail = "\(selected + 1) van \(groups.count) groepen · \(group.law), \(group.year): \(DutchNumber.count(group.cases)) casussen "
            + "van \(DutchNumber.count(group.organisations)) organisaties; voorkomen \(DutchNumber.euroWhole(group.avoided)), kosten "
            + "\(DutchNumber.euroWhole(group.cost)); rendement \(DutchNumber.ratio(group.ratio)), mediaan per casus \(group.shownMedian) · \(group.intervention)"
        let characters = Array(detail)
        for (offset, range) in TextEditing.wrap(detail, width: frame.width - 2).prefix(3).enumerated() {
            frame.put(String(characters[range.start..<range.end]), x: 1, y: 5 + visible + offset)
        }
    }
}
