import RendementsCore
import RendementsDomain

/// The intake: a step bar, the form of the current step, running totals, the item picker.
enum IntakeScreen {
    /// Labels take the width of the longest on the step (at least 24, at most 44 columns).
    static func labelWidth(_ intake: IntakeState) -> Int {
        min(44, max(24, intake.fields.filter { $0.kind != .toggle }.map { TextWidth.of($0.label) }.max() ?? 0))
    }

    static func draw(_ app: AppState, into frame: inout Frame) {
        guard let intake = app.intake else { return }
        let title = intake.draft.editingCaseID.map { "Casus \($0) aanpassen" } ?? "Nieuwe casus"
        Chrome.titleBar(&frame, "\(title) — \(intake.draft.author)", right: "Stap \(intake.step.rawValue + 1)/\(IntakeStep.allCases.count)")
        stepBar(intake, &frame)
        if let saveError = intake.saveError {
            frame.put("Niet opgeslagen: " + saveError, x: 1, y: 2, style: .warning, maxWidth: frame.width - 2)
        }
        switch intake.step {
        case .context, .inzet, .toerekening: form(intake, &frame)
        case .verhaal: story(intake, &frame)
        case .ingezet: lines(.deployed, intake, app, &frame)
        case .voorkomen: lines(.avoided, intake, app, &frame)
        case .overzicht: overview(intake, app, &frame)
        }
        if intake.step != .overzicht { runningTotals(intake, app, &frame) }
        if let picker = intake.picker { PickerOverlay.draw(picker, app.priceList, into: &frame) }
        let fieldError = intake.focusedField.flatMap { intake.errors[$0.id] }
        Chrome.notice(&frame, app.notice ?? fieldError)
    }

    private static func stepBar(_ intake: IntakeState, _ frame: inout Frame) {
        var x = 1
        let short = ["Context", "Verhaal", "Inzet", "Ingezet", "Voorkomen", "Toerekening", "Overzicht"]
        for step in IntakeStep.allCases {
            let label = "\(step.rawValue + 1) \(short[step.rawValue])"
            x = frame.put(label, x: x, y: 1, style: step == intake.step ? .selected : .muted) + 1
        }
    }

    // MARK: - Plain forms (context, inzet, toerekening)

    private static func form(_ intake: IntakeState, _ frame: inout Frame) {
        var y = 3
        if intake.step == .inzet {
            frame.put("Uren per soort medewerker; tarieven en de betalende wet staan eronder.", x: 1, y: y, style: .muted, maxWidth: frame.width - 2)
            y += 2
        }
        for (index, field) in intake.fields.enumerated() {
            if case .domain(let domain) = field.id, domain == LifeDomain.allCases.first {
                frame.put("Leefgebieden (spatie zet aan/uit):", x: 1, y: y, style: .heading)
                y += 1
            }
            guard y < frame.height - 4 else { break }
            row(field, index: index, intake, y: y, &frame)
            y += 1
        }
        if intake.step == .toerekening {
            let lines = [
                "Welk deel van de voorkomen zorg komt door jullie inzet, en niet door",
                "anderen die ook hielpen (huisarts, familie, andere hulpverleners)?",
                "100 % = helemaal door ons; 50 % = de helft. Elke voorkomen regel wordt",
                "hiermee vermenigvuldigd.",
            ]
            for (offset, line) in lines.enumerated() { frame.put(line, x: 3, y: y + 1 + offset) }
        }
    }

    static func row(_ field: FieldSpec, index: Int, _ intake: IntakeState, y: Int, _ frame: inout Frame, x: Int = 1) {
        let labelWidth = labelWidth(intake)
        let focused = index == intake.focus && intake.picker == nil
        let marker = intake.errors[field.id] != nil ? "!" : " "
        frame.put(marker, x: x, y: y, style: .warning)
        let value = intake.value(field.id)
        switch field.kind {
        case .toggle:
            frame.put("[\(value.isEmpty ? " " : "x")] \(field.label)", x: x + 2, y: y, style: focused ? .selected : .normal)
        case .choice(let options):
            frame.put(TextWidth.padRight(field.label, to: labelWidth), x: x + 2, y: y)
            // A long option gives way inside its brackets rather than losing the closing one at the edge.
            let room = frame.width - 2 - (x + 4 + labelWidth) - 4
            let shown = "‹ \(TextWidth.clip(value.isEmpty ? (focused ? "typ of →" : "kies met → of spatie") : value, to: room)) ›"
            frame.put(shown, x: x + 4 + labelWidth, y: y, style: focused ? .selected : (value.isEmpty ? .muted : .normal))
            if focused {
                // The options beside the field: what typing can pick, in order.
                let rest = x + 5 + labelWidth + TextWidth.of(shown)
                let list = options.filter { $0 != value }.joined(separator: " · ")
                if rest < frame.width - 4 { frame.put(TextWidth.clip(list, to: frame.width - rest - 1), x: rest, y: y, style: .muted) }
            }
        default:
            frame.put(TextWidth.padRight(field.label, to: labelWidth), x: x + 2, y: y)
            let fieldX = x + 5 + labelWidth
            textField(value, cursor: focused ? intake.cursor : nil, x: fieldX, y: y, width: frame.width - fieldX - 2, &frame)
            if focused && intake.replacesOnType { frame.put(value, x: fieldX, y: y, style: .selected, maxWidth: frame.width - fieldX - 3) }
            if field.kind == .date && value.isEmpty && !focused { frame.put("dd-mm-jjjj", x: fieldX, y: y, style: .muted) }
        }
    }

    /// A one-line field: underlined area, the cursor as a reverse-video cell; scrolls to keep the cursor visible.
    /// It scrolls by columns, not characters: wide characters (emoji, CJK) take two.
    static func textField(_ text: String, cursor: Int?, x: Int, y: Int, width: Int, _ frame: inout Frame) {
        let characters = Array(text)
        let inside = width - 1
        let at = min(cursor ?? 0, characters.count)
        let cursorColumns = at < characters.count ? max(1, TextWidth.of(characters[at])) : 1
        var first = 0
        var before = characters[..<at].reduce(0) { $0 + TextWidth.of($1) }
        while first < at && before + cursorColumns > inside {
            before -= TextWidth.of(characters[first])
            first += 1
        }
        let visible = String(characters[first...])
        frame.put("[" + TextWidth.padRight(visible, to: inside) + "]", x: x - 1, y: y, style: cursor == nil ? .normal : Style(.normal, bold: true))
        if cursor != nil {
            let under = at < characters.count ? String(characters[at]) : " "
            frame.put(under, x: x + before, y: y, style: .selected)
        }
    }

    // MARK: - The story

    private static func story(_ intake: IntakeState, _ frame: inout Frame) {
        let size = Size(width: frame.width, height: frame.height)
        let width = IntakeLayout.areaWidth(size)
        let height = IntakeLayout.areaHeight(size)
        var y = 3
        for (index, field) in intake.fields.enumerated() {
            let focused = index == intake.focus
            frame.put(field.label, x: 1, y: y, style: focused ? Style(.heading, bold: true) : .heading)
            let text = intake.value(field.id)
            let wrapped = TextEditing.wrap(text, width: width)
            let characters = Array(text)
            let cursorLine = focused ? TextEditing.lineIndex(of: intake.cursor, in: wrapped) : 0
            let top = max(0, cursorLine - height + 1)
            if wrapped.count > height { frame.put("(\(top + 1)–\(min(wrapped.count, top + height)) van \(wrapped.count) regels)", x: 3 + TextWidth.of(field.label), y: y, style: .muted) }
            for row in 0..<height {
                let lineY = y + 1 + row
                frame.put("│", x: 2, y: lineY, style: focused ? .normal : .muted)
                let index = top + row
                guard wrapped.indices.contains(index) else { continue }
                let line = wrapped[index]
                frame.put(String(characters[line.start..<line.end]), x: 4, y: lineY)
                if focused && index == cursorLine {
                    let column = 4 + TextWidth.of(String(characters[line.start..<min(intake.cursor, line.end)]))
                    let under = intake.cursor < line.end ? String(characters[intake.cursor]) : " "
                    frame.put(under, x: column, y: lineY, style: .selected)
                }
            }
            y += height + 1
        }
    }

    // MARK: - Care lines

    private static func lines(_ kind: LineKind, _ intake: IntakeState, _ app: AppState, _ frame: inout Frame) {
        let list = app.priceList
        let conversion = DraftConversion(form: intake.form)
        let lines = intake.draft.lines(kind)
        let listFocused = intake.focus == 0 && intake.picker == nil
        frame.put(kind == .avoided ? "Zorg die zonder jullie inzet waarschijnlijk nodig was geweest:" : "Zorg die je hebt ingezet en die geld kostte:",
                  x: 1, y: 3, style: .heading)
        // Avoided lines have many fields: the list gets fewer rows and the details scroll.
        let detailRows = min(intake.fields.count - 1, kind == .avoided ? 7 : 5)
        let listRows = max(3, frame.height - 3 - 1 - detailRows - 2 - 3)
        if lines.isEmpty {
            frame.put("Nog geen regels. Druk op a om een regel uit de prijslijst te kiezen.", x: 3, y: 4, style: listFocused ? .selected : .muted)
        }
        let selected = intake.selected[kind] ?? 0
        let top = max(0, selected - listRows + 1)
        let shown = Array(top..<min(lines.count, top + listRows))
        // The value and likelihood columns are as wide as their widest figure (a cut number is a
        // wrong number: "€ 23.152.476…" and "12,5…" were found by a helper); the description gives way.
        let values = shown.map { conversion.lineValue(lines[$0], kind: kind, attribution: intake.draft.attribution, options: app.estimateOptions).map(DutchNumber.euro) ?? "—" }
        let valueWidth = max(13, values.map(TextWidth.of).max() ?? 0)
        let likelihoodWidth = kind == .avoided ? max(6, shown.map { TextWidth.of(likelihoodText(lines[$0])) + 1 }.max() ?? 0) : 0
        let quantityWidth = max(14, shown.map { TextWidth.of(quantityText(lines[$0])) }.max() ?? 0)
        let textWidth = frame.width - 4 - valueWidth
        let descriptionWidth = max(8, textWidth - 3 - 9 - 1 - quantityWidth - likelihoodWidth)
        for (offset, index) in shown.enumerated() {
            let line = lines[index]
            // A long law name is cut short of its column, so a space always parts it from the description (helper-31).
            var text = TextWidth.padLeft("\(index + 1)", to: 2) + " " + TextWidth.padRight(list?.lawName(line.item.law) ?? line.item.law, to: 8) + " "
            text += TextWidth.padRight(line.item.description, to: descriptionWidth) + " " + TextWidth.padRight(quantityText(line), to: quantityWidth)
            if kind == .avoided { text += TextWidth.padLeft(likelihoodText(line), to: likelihoodWidth) }
            let style: Style = index == selected ? (listFocused ? .selected : Style(.normal, bold: true)) : .normal
            let y = 4 + offset
            frame.put(TextWidth.padRight(text, to: textWidth), x: 1, y: y, style: style)
            frame.put(TextWidth.padLeft(values[offset], to: valueWidth), x: frame.width - 2 - valueWidth, y: y, style: style)
        }
        guard lines.indices.contains(selected), intake.fields.count > 1 else { return }
        var y = 4 + listRows
        frame.put(String(repeating: "─", count: frame.width - 2), x: 1, y: y, style: .muted)
        y += 1
        let item = lines[selected].item
        // The price, unit and year stay whole; a long description gives way.
        let lead = "Regel \(selected + 1): "
        let price = " · \(DutchNumber.euro(item.unitPrice)) per \(item.unit) (\(item.priceYear))"
        let description = TextWidth.clip(item.description, to: max(8, frame.width - 2 - TextWidth.of(lead) - TextWidth.of(price)))
        frame.put(lead + description + price, x: 1, y: y, style: .heading, maxWidth: frame.width - 2)
        y += 1
        let visible = max(1, frame.height - 3 - y)
        let fields = Array(intake.fields.enumerated().dropFirst())
        let first = max(0, min(max(0, intake.focus - 1) - visible + 1, fields.count - visible))
        for (index, field) in fields.dropFirst(first).prefix(visible) {
            row(field, index: index, intake, y: y, &frame)
            y += 1
        }
        if fields.count > visible {
            frame.put("(\(first + 1)–\(min(fields.count, first + visible)) van \(fields.count) velden; Tab voor meer)", x: frame.width - 40, y: 4 + listRows, style: .muted)
        }
    }

    /// As typed, with thousands grouped when it is a number (`1.500,5 bezoek`).
    static func quantityText(_ line: DraftLine) -> String {
        func readable(_ typed: String) -> String { typed.isEmpty ? "?" : DutchNumber.parse(typed).map(DutchNumber.readable) ?? typed }
        let amount = readable(line.quantity)
        return line.per == Choices.periods[0] ? "\(amount) \(line.item.unit)" : "\(amount)/\(line.per) × \(readable(line.periods))"
    }

    static func likelihoodText(_ line: DraftLine) -> String {
        if let percent = Choices.likelihoodPercent(line.likelihood) { return "\(percent) %" }
        return line.customLikelihood.isEmpty ? "? %" : "\(line.customLikelihood) %"
    }

    // MARK: - Totals and overview

    private static func runningTotals(_ intake: IntakeState, _ app: AppState, _ frame: inout Frame) {
        let list = app.priceList
        guard let valuation = intake.valuation(app.estimateOptions) else { return }
        let codes = LawOrder.codes(priceList: list, present: valuation.perLaw.keys)
        let parts = codes.compactMap { code -> String? in
            guard let totals = valuation.perLaw[code], totals != Totals() else { return nil }
            return "\(list?.lawName(code) ?? code) \(DutchNumber.euroWhole(totals.net))"
        }
        // Laws give way from the end (counted, never cut in half); the total always shows.
        let total = " │ totaal \(DutchNumber.euroWhole(valuation.total.net))"
        let texts = (0...parts.count).reversed().map { shown in
            "Netto per wet: " + (parts.isEmpty ? "nog niets" : parts.prefix(shown).joined(separator: " · "))
                + (shown < parts.count ? (shown > 0 ? " · " : "") + "+\(parts.count - shown) op het overzicht" : "") + total
        }
        let text = texts.first { TextWidth.of($0) <= frame.width - 2 } ?? texts[texts.count - 1]
        frame.put(text, x: 1, y: frame.height - 3, style: .muted, maxWidth: frame.width - 2)
    }

    private static func overview(_ intake: IntakeState, _ app: AppState, _ frame: inout Frame) {
        let list = app.priceList
        let conversion = DraftConversion(form: intake.form)
        let valuation = conversion.provisional(intake.draft, options: app.estimateOptions)
        var y = 3
        if let valuation {
            let laws = LawOrder.codes(priceList: list, present: valuation.perLaw.keys).compactMap { code in
                valuation.perLaw[code].map { figures(list?.lawName(code) ?? code, $0) }
            }
            let total = figures("Totaal", valuation.total)
            let table = LawTable(laws + [total], width: frame.width)
            frame.put(table.line(LawTable.headers), x: 1, y: y, style: .heading)
            y += 1
            for law in laws {
                frame.put(table.line(law), x: 1, y: y)
                y += 1
            }
            frame.put(table.line(total), x: 1, y: y, style: .heading)
            y += 1
            frame.put("Rendement: \(DutchNumber.ratio(valuation.total.returnRatio))   (voorkomen ÷ (eigen inzet + ingezet))", x: 1, y: y)
            y += 2
        }
        let warnings = IntakeWarnings.warnings(intake.draft, valuation: valuation, priceList: list)
        let problems = intake.submitProblems.map { "Stap \($0.step.rawValue + 1): \($0.message)" }
        for message in problems + warnings {
            let isProblem = problems.contains(message)
            let characters = Array(message)
            for (index, line) in TextEditing.wrap(message, width: frame.width - 5).enumerated() where y < frame.height - 4 {
                frame.put((index == 0 ? (isProblem ? "✗ " : "! ") : "  ") + String(characters[line.start..<line.end]), x: 1, y: y,
                          style: isProblem ? .warning : .normal)
                y += 1
            }
        }
        frame.put("Alleen deze casus. i = indienen bij een collega, c = bewaren als concept.", x: 1, y: frame.height - 3, style: .heading)
    }

    private static func figures(_ name: String, _ totals: Totals) -> [String] {
        [name, DutchNumber.euro(totals.effort), DutchNumber.euro(totals.deployed), DutchNumber.euro(totals.avoided), DutchNumber.euro(totals.net)]
    }
}
