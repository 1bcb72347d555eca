import CNCursesW
import CTerminalRestore
import Foundation
import RendementsCore
import RendementsRender

/// The ncurses edge: reads keys as messages and copies frames to the screen.
/// It is the only code that talks to curses; the terminal is restored on every exit.
public final class CursesTerminal {
    public enum StartError: Error {
        case notATerminal
        case unknownTerminal(String)

        public var dutchMessage: String {
            switch self {
            case .notATerminal:
                "Rendementsmeter heeft een terminal nodig. Voor tekst zonder terminal: 'rendementsmeter report'."
            case .unknownTerminal(let name):
                "De terminal '\(name)' is onbekend. Zet TERM op bijvoorbeeld xterm-256color en probeer opnieuw."
            }
        }
    }

    private let useColor: Bool
    private var closed = false

    /// True when the terminal's locale is not UTF-8: then the screen is drawn in plain
    /// ASCII and ncurses line drawing (`AsciiGlyph`), since `€` or `─` sent as UTF-8 would
    /// show as garbage there.
    public let asciiOnly: Bool

    /// Whether the user's locale (LANG, LC_ALL, LC_CTYPE) is UTF-8; sets the process locale to it.
    public static func localeIsUTF8() -> Bool {
        setlocale(LC_ALL, "")
        return rm_codeset_is_utf8() != 0
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(StartError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        asciiOnly = !CursesTerminal.localeIsUTF8()
        // A parent may have blocked SIGWINCH; curses needs it to report resizes.
        var winch = sigset_t()
        sigemptyset(&winch)
        sigaddset(&winch, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &winch, nil)
        rm_save_termios()
        rm_install_crash_handlers()
        guard rm_newterm() != nil else { throw .unknownTerminal(environment["TERM"] ?? "") }
        raw()
        noecho()
        nonl()
        keypad(rm_stdscr(), true)
        KeyDecoder.defineAlternateForms()
        set_escdelay(25)
        curs_set(0)
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        useColor = has_colors() && !noColor
        if useColor { Palette.start() }
        Self.bracketedPaste(true)
    }

    /// Asks the terminal to mark a paste (ESC [200~ … ESC [201~): its line breaks are then text,
    /// not Enter. Without the marks a pasted "reason\nx" confirmed the prompt and ran `x` as a key
    /// (found by a helper). Terminals that do not know the mode ignore it.
    private static func bracketedPaste(_ on: Bool) { rm_bracketed_paste(on ? 1 : 0) }

    deinit { close() }

    /// Restores the terminal. Safe to call more than once.
    public func close() {
        guard !closed else { return }
        closed = true
        endwin()
        Self.bracketedPaste(false)
    }

    public var size: Size { Size(width: Int(rm_cols()), height: Int(rm_lines())) }

    /// Blocks for the next key or resize. Printable characters that are already
    /// waiting behind the first (a paste) come as one `.text`, so a text field
    /// takes them in one edit instead of one per character.
    /// With `idleAfter`, `.idle` comes when no key arrived for that many milliseconds.
    public func nextMessage(idleAfter milliseconds: Int32? = nil) -> Msg {
        while true {
            var code: UInt32 = 0
            if let milliseconds { wtimeout(rm_stdscr(), milliseconds) }
            let result = get_wch(&code)
            if milliseconds != nil { wtimeout(rm_stdscr(), -1) }
            if result == ERR, milliseconds != nil { return .idle }
            if result == KEY_CODE_YES {
                if Int32(code) == KEY_RESIZE { return .resized(size) }
                if let key = KeyDecoder.functionKey(code) { return .key(key) }
            } else if result == OK, let key = KeyDecoder.character(code) {
                if key == .escape {
                    switch readSequence() {
                    case .paste(let text): return .key(.paste(text))
                    case .skipped: continue
                    case .none: break
                    }
                }
                guard case .character(let first) = key else { return .key(key) }
                var run = String(first)
                while run.utf8.count < 1 << 16, let (pendingResult, pendingCode) = pendingKey() {
                    if pendingResult == OK, case .character(let next)? = KeyDecoder.character(pendingCode) {
                        run.append(next)
                    } else {
                        unget(pendingResult, pendingCode)
                        break
                    }
                }
                // One character may be several scalars (e + a combining accent): keep them all.
                return .key(run.count == 1 ? .character(Character(run)) : .text(run))
            }
        }
    }

    /// What followed an Esc.
    private enum Sequence {
        /// Nothing: the Esc key itself.
        case none
        /// A sequence that means nothing here, read and dropped.
        case skipped
        /// A paste the terminal marked, whole (line breaks as "\n").
        case paste(String)
    }

    /// After an Esc: a marked paste is read whole; when `[` or `O` is already waiting, the rest
    /// is a sequence ncurses does not know (a key of another terminal); it is read and dropped,
    /// so it is neither taken as Esc nor typed into a field.
    private func readSequence() -> Sequence {
        guard let (result, introducer) = pendingKey() else { return .none }
        if result == OK, introducer == UInt32(UInt8(ascii: "]")) || introducer == UInt32(UInt8(ascii: "P")) {
            // A terminal's report (OSC colour answer, DCS): up to BEL or ESC \, never typed.
            var length = 0
            while length < 512, let (_, code) = pendingKey() {
                length += 1
                if code == 7 || code == 0x9C { break }
                if code == 27 {
                    if let (nextResult, next) = pendingKey(), !(nextResult == OK && next == UInt32(UInt8(ascii: "\\"))) { unget(nextResult, next) }
                    break
                }
            }
            return .skipped
        }
        // Alt with a key arrives as Esc and that key at once; it means nothing here, so
        // neither a step back nor a typed letter. (A person's Esc then letter never arrives
        // in one read.)
        if result == OK, introducer >= 0x20, introducer != UInt32(UInt8(ascii: "[")), introducer != UInt32(UInt8(ascii: "O")) {
            return .skipped
        }
        guard result == OK, introducer == UInt32(UInt8(ascii: "[")) || introducer == UInt32(UInt8(ascii: "O")) else {
            unget(result, introducer)
            return .none
        }
        var codes: [UInt32] = []
        while codes.count < 16, let (_, code) = pendingKey() {
            codes.append(code)
            if KeyDecoder.endsSequence(code, introducer: introducer, length: codes.count) { break }
        }
        if introducer == UInt32(UInt8(ascii: "[")), codes == BracketedPaste.start { return .paste(readPaste()) }
        return .skipped
    }

    /// The text of a marked paste, up to its end mark (or 64 KiB: the rest is read and dropped).
    private func readPaste() -> String {
        var paste = BracketedPaste()
        let window = rm_stdscr()
        // A long paste arrives in parts, over ssh with pauses: the next part is waited for up to
        // 2 s (200 ms cut a paste in two, and its rest ran as keys), never for good (a terminal
        // that loses the end mark must not take every key after it as pasted).
        wtimeout(window, 2_000)
        defer { wtimeout(window, -1) }
        var code: UInt32 = 0
        while true {
            let result = get_wch(&code)
            if result == ERR { break }
            // A key curses recognised inside a paste (an arrow's or Delete's sequence) is no text.
            if result == KEY_CODE_YES { continue }
            if !paste.add(code) { break }
        }
        return paste.text
    }

    /// The key already waiting, if any, without blocking.
    private func pendingKey() -> (Int32, UInt32)? {
        let window = rm_stdscr()
        wtimeout(window, 0)
        defer { wtimeout(window, -1) }
        var code: UInt32 = 0
        let result = get_wch(&code)
        return result == ERR ? nil : (result, code)
    }

    private func unget(_ result: Int32, _ code: UInt32) {
        if result == KEY_CODE_YES { ungetch(Int32(code)) } else { unget_wch(wchar_t(code)) }
    }

    /// True when a key is already waiting (typed ahead or pasted): the caller then
    /// handles it before saving and drawing, so a paste costs one save, not one per character.
    public func hasPendingInput() -> Bool {
        guard let (result, code) = pendingKey() else { return false }
        unget(result, code)
        return true
    }

    public func draw(_ frame: Frame) {
        for y in 0..<frame.height {
            for x in 0..<frame.width {
                let cell = frame[x, y]
                let (attributes, pair) = Palette.attributes(for: cell.style, color: useColor)
                if asciiOnly {
                    // A wide character becomes one ASCII cell and a blank, so the row keeps its width.
                    switch cell.isContinuation ? .text(UInt8(ascii: " ")) : AsciiGlyph.of(cell.character) {
                    case .line(let letter): _ = rm_put_line(Int32(y), Int32(x), CChar(bitPattern: letter), attributes, pair)
                    case .text(let letter): _ = rm_put_ascii(Int32(y), Int32(x), CChar(bitPattern: letter), attributes, pair)
                    }
                    continue
                }
                if cell.isContinuation { continue }
                // The whole grapheme cluster: "é" typed as e + a combining accent stays é.
                // A scalar the terminal cannot draw would print as several "~" cells and shift the row.
                let scalars = cell.character.unicodeScalars
                // A joiner is left out: some terminals then draw one emoji where ncursesw counted
                // three, and the rest of the row shifts (seen in tmux).
                let drawable = scalars.first.map(TextWidth.isPrintable) ?? true ? scalars.filter { $0 != "\u{200D}" } : ["\u{FFFD}"]
                var text = drawable.prefix(Int(CCHARW_MAX)).map { wchar_t(Int32(bitPattern: $0.value)) }
                if text.isEmpty { text = [32] }
                text.append(0)
                _ = rm_put_cell(Int32(y), Int32(x), text, attributes, pair)
            }
        }
        refresh()
    }
}
