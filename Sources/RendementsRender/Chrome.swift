import RendementsCore

/// The parts every screen shares: title bar, notice line and key-hint bar.
enum Chrome {
    static func titleBar(_ frame: inout Frame, _ title: String, right: String = "") {
        frame.fill(y: 0, style: .title)
        frame.put(" " + title, x: 0, y: 0, style: .title, maxWidth: frame.width - TextWidth.of(right) - 2)
        if !right.isEmpty { frame.put(right + " ", x: frame.width - TextWidth.of(right) - 1, y: 0, style: .title) }
    }

    /// The hint bar reads the keymap, so it always matches what the keys do.
    /// While typing, bindings on printable keys are left out (they would type text)
    /// or shown by their non-printable key (`Ctrl-Q` for `q`).
    static func hintBar(_ frame: inout Frame, screen: ScreenKind, typing: Bool = false) {
        let y = frame.height - 1
        frame.fill(y: y, style: .hint)
        var x = 1
        for binding in Keymap.described(on: screen) {
            guard let hint = binding.hint, let label = typing ? binding.typingLabel : binding.label else { continue }
            guard x + TextWidth.of("\(label) \(hint)") < frame.width else { break }
            frame.put(label, x: x, y: y, style: Style(.hint, bold: true, reverse: true))
            x = frame.put(" " + hint, x: x + TextWidth.of(label), y: y, style: .hint) + 2
        }
    }

    static func notice(_ frame: inout Frame, _ text: String?) {
        guard let text else { return }
        frame.put(" " + TextWidth.clip(text, to: frame.width - 2), x: 0, y: frame.height - 2, style: .notice)
    }
}
