import RendementsCore

/// Help for the screen the user came from (its text from `HelpText`), scrolled with the arrows.
enum HelpScreen {
    static func draw(_ state: AppState, returnTo: ScreenKind, into frame: inout Frame) {
        let lines = HelpText.lines(for: returnTo, method: state.helpShowsMethod, width: frame.width)
        let visible = HelpText.visibleRows(state.bodySize)
        let top = min(state.helpScroll, max(0, lines.count - visible))
        let more = top + visible < lines.count ? "↓ voor meer" : top > 0 ? "↑ voor het begin" : ""
        Chrome.titleBar(&frame, "Hulp — " + (state.helpShowsMethod ? "Hoe rekenen we" : HelpText.title(returnTo)), right: more)
        for (offset, line) in lines.dropFirst(top).prefix(visible).enumerated() {
            let y = 2 + offset
            if let key = line.key {
                frame.put(key, x: 4, y: y, style: Style(.normal, bold: true))
                frame.put(line.text, x: HelpText.descriptionColumn, y: y, maxWidth: frame.width - HelpText.descriptionColumn - 1)
            } else {
                frame.put(line.text, x: 2, y: y, style: line.isHeading ? .heading : .normal, maxWidth: frame.width - 3)
            }
        }
        Chrome.notice(&frame, state.notice ?? (state.helpShowsMethod ? "r = terug naar de toetsen" : nil))
    }
}
