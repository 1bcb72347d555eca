import RendementsCore

/// `view(state)`: turns the app state into a frame of cells. Pure.
public enum View {
    public static func render(_ state: AppState) -> Frame {
        if state.size.isTooSmall {
            var frame = Frame(width: state.size.width, height: state.size.height)
            tooSmall(state.size, into: &frame)
            return frame
        }
        // The screen draws in the room above the hint bar; the bar then takes the rows below.
        var frame = Frame(width: state.bodySize.width, height: state.bodySize.height)
        switch state.screen {
        case .start: StartScreen.draw(state, into: &frame)
        case .priceList: PriceListScreen.draw(state, into: &frame)
        case .intake: IntakeScreen.draw(state, into: &frame)
        case .browser: CaseBrowserScreen.draw(state, into: &frame)
        case .caseView: CaseViewScreen.draw(state, into: &frame)
        case .dashboard: DashboardScreen.draw(state, into: &frame)
        case .calibration: CalibrationScreen.draw(state, into: &frame)
        case .sector: SectorScreen.draw(state, into: &frame)
        case .help(let returnTo): HelpScreen.draw(state, returnTo: returnTo, into: &frame)
        }
        frame.extend(toHeight: state.size.height)
        Chrome.hintBar(&frame, rows: state.hintRows)
        if let question = state.confirmation { ConfirmationDialog.draw(question, state, into: &frame) }
        return frame
    }

    /// Below 80x24 nothing is drawn but this; all state is kept.
    static func tooSmall(_ size: Size, into frame: inout Frame) {
        let lines = [
            "Terminal te klein",
            "\(size.width)x\(size.height), nodig: \(Size.minimum.width)x\(Size.minimum.height)",
            "Maak het venster groter;",
            "er gaat niets verloren.",
            "Toetsen werken weer zodra het past;",
            "Ctrl-Q stopt.",
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (size.width - TextWidth.of(line)) / 2)
            frame.put(line, x: x, y: top + offset, style: offset == 0 ? .warning : .normal)
        }
    }
}
