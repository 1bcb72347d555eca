import RendementsCore

/// The parts every screen shares: title bar, notice line and key-hint bar.
enum Chrome {
    static func titleBar(_ frame: inout Frame, _ title: String, right: String = "") {
        frame.fill(y: 0, style: .title)
        frame.put(" " + title, x: 0, y: 0, style: .title, maxWidth: frame.width - TextWidth.of(right) - 2)
        if !right.isEmpty { frame.put(right + " ", x: frame.width - TextWidth.of(right) - 1, y: 0, style: .title) }
    }

    /// The hint bar reads the keymap (through `AppState.hintRows`), so it always
    /// matches what the keys do; it takes as many bottom rows as its keys need.
    static func hintBar(_ frame: inout Frame, rows: [[Keymap.Hint]]) {
        for (index, hints) in rows.enumerated() {
            let y = frame.height - rows.count + index
            frame.fill(y: y, style: .hint)
            var x = 1
            for hint in hints {
                frame.put(hint.label, x: x, y: y, style: Style(.hint, bold: true, reverse: true))
                x = frame.put(" " + hint.text, x: x + TextWidth.of(hint.label), y: y, style: .hint) + 2
            }
        }
    }

    /// The notice sits just above the hint bar; a long one wraps upwards (at most three
    /// lines) rather than being cut, because a cut message is a wrong message.
    static func notice(_ frame: inout Frame, _ text: String?) {
        guard let text else { return }
        let characters = Array(text)
        let lines = TextEditing.wrap(text, width: frame.width - 2).prefix(3).map { String(characters[$0.start..<$0.end]) }
        for (offset, line) in lines.enumerated() {
            let y = frame.height - 1 - lines.count + offset
            // A wrapped notice covers whole rows, so nothing of the screen beneath shows through.
            let text = " " + TextWidth.clip(line, to: frame.width - 2)
            frame.put(lines.count > 1 ? TextWidth.padRight(text, to: frame.width) : text, x: 0, y: y, style: .notice)
        }
    }
}
