import CNCursesW
import RendementsCore

/// Turns what `get_wch` returns into the core's keys.
enum KeyDecoder {
    /// Teaches ncurses the forms of Home, End, Insert, Delete, PgUp/PgDn, F1–F4 and modified
    /// arrows that xterm, rxvt, screen, tmux, PuTTY and the Linux console send but the current
    /// terminfo entry may not list; ncurses then decodes them as the keys they are.
    static func defineAlternateForms() {
        let escape = "\u{1B}"
        var forms: [(String, Int32)] = [
            ("[1~", KEY_HOME), ("[7~", KEY_HOME), ("[H", KEY_HOME), ("OH", KEY_HOME),
            ("[4~", KEY_END), ("[8~", KEY_END), ("[F", KEY_END), ("OF", KEY_END),
            ("[2~", KEY_IC), ("[3~", KEY_DC), ("[5~", KEY_PPAGE), ("[6~", KEY_NPAGE),
            ("[A", KEY_UP), ("[B", KEY_DOWN), ("[C", KEY_RIGHT), ("[D", KEY_LEFT),
            ("OA", KEY_UP), ("OB", KEY_DOWN), ("OC", KEY_RIGHT), ("OD", KEY_LEFT), ("[Z", KEY_BTAB),
            ("OP", rm_key_f(1)), ("OQ", rm_key_f(2)), ("OR", rm_key_f(3)), ("OS", rm_key_f(4)),
            ("[11~", rm_key_f(1)), ("[12~", rm_key_f(2)), ("[13~", rm_key_f(3)), ("[14~", rm_key_f(4)),
            ("[[A", rm_key_f(1)), ("[[B", rm_key_f(2)), ("[[C", rm_key_f(3)), ("[[D", rm_key_f(4)), ("[[E", rm_key_f(5)),
        ]
        // Arrows, Home and End with Shift, Alt or Ctrl (xterm `ESC [1;5A`, rxvt `ESC Oa` / `ESC [a`) act as the plain key.
        let finals: [(Character, Int32)] = [("A", KEY_UP), ("B", KEY_DOWN), ("C", KEY_RIGHT), ("D", KEY_LEFT), ("H", KEY_HOME), ("F", KEY_END)]
        for modifier in 2...8 {
            for (final, code) in finals { forms.append(("[1;\(modifier)\(final)", code)) }
        }
        for (final, code) in [("a", KEY_UP), ("b", KEY_DOWN), ("c", KEY_RIGHT), ("d", KEY_LEFT)] as [(String, Int32)] {
            forms.append(("O" + final, code))
            forms.append(("[" + final, code))
        }
        for (suffix, code) in forms { _ = define_key(escape + suffix, code) }
    }

    /// Where an escape sequence ncurses does not know ends: after `ESC [` the first byte in
    /// 0x40–0x7E, after `ESC O` the next byte. Such a sequence is read and dropped, never typed.
    static func endsSequence(_ code: UInt32, introducer: UInt32, length: Int) -> Bool {
        if introducer == UInt32(UInt8(ascii: "O")) { return length >= 1 }
        return length >= 1 && (0x40...0x7E).contains(code) && !(length == 1 && code == UInt32(UInt8(ascii: "[")))
    }

    static func functionKey(_ code: UInt32) -> Key? {
        switch Int32(code) {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_ENTER: return .enter
        default:
            for number in 1...12 where Int32(code) == rm_key_f(Int32(number)) { return .function(number) }
            return nil
        }
    }

    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 27: return .escape
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26:
            guard let scalar = Unicode.Scalar(code + 96) else { return nil }
            return .control(Character(scalar))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }
}
