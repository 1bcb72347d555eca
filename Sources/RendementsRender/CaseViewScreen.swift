import RendementsCore
import RendementsDomain

/// One case to read, or to review under a lock, with a prompt for values and reasons.
enum CaseViewScreen {
    static func draw(_ app: AppState, into frame: inout Frame) {
        guard let view = app.caseView, let record = app.caseAsShown(view) else { return }
        let mode = view.reviewing ? (app.locksCasesForReview ? "BEOORDELEN (vergrendeld)" : "BEOORDELEN") : "alleen lezen"
        Chrome.titleBar(&frame, "Casus \(record.id) — \(app.user)", right: mode)
        let document = CaseDocument(record, priceList: app.priceList, options: app.estimateOptions, width: frame.width - 2, comparisons: view.comparisons)
        let visible = frame.height - 4
        let lastTop = max(0, document.lines.count - visible)
        var top = view.scrollsFromEnd ? max(0, lastTop - view.scroll) : min(view.scroll, lastTop)
        if view.reviewing, view.followsSelection, let first = document.lines.firstIndex(where: { $0.avoidedLine == view.selectedLine }) {
            // Keep the selected line in sight.
            if first < top || first + 3 > top + visible { top = max(0, min(first - 2, document.lines.count - visible)) }
        }
        for (offset, index) in (top..<min(document.lines.count, top + visible)).enumerated() {
            let line = document.lines[index]
            let selected = view.reviewing && line.avoidedLine == view.selectedLine
            frame.put((selected ? "▶" : " ") + line.text, x: 0, y: 1 + offset, style: selected ? .selected : line.style, maxWidth: frame.width - 1)
        }
        if let picker = view.picker { PickerOverlay.draw(picker, app.priceList, into: &frame) }
        if let prompt = view.prompt {
            let y = frame.height - 3
            frame.fill(y: y, style: .selected)
            let start = frame.put(" \(prompt.label): ", x: 0, y: y, style: .selected)
            // A value to start from shows reversed: typing replaces it.
            frame.put(prompt.text + "▏", x: start, y: y, style: prompt.replacesOnType ? Style(.selected, reverse: true) : .selected)
        }
        Chrome.notice(&frame, app.notice ?? (view.pending.isEmpty ? nil
            : "\(view.pending.count == 1 ? "1 wijziging" : "\(view.pending.count) wijzigingen") nog niet opgeslagen; o probeert opnieuw."))
    }
}
