import Foundation
import Testing

/// Issue 12, finding 1: Home, End and other keys as each terminal sends them are the keys
/// they are; an unknown sequence is dropped, never typed and never taken as Esc.
@Suite("Keys as terminals send them, in tmux")
struct KeyEndToEndTests {
    /// The app on the shipped example, in a new intake with the cursor in the Team field.
    static func teamField(term: String = "screen") throws -> TmuxSession {
        let session = try TerminalAppTests.session(environment: ["TERM": term])
        try session.waitFor("Rendement (voorkomen")
        try session.send("Enter")
        try session.waitFor("Stap 1/7")
        try session.send("Tab")
        return session
    }

    /// xterm/PuTTY (`ESC [1~`, `ESC [4~`), rxvt (`ESC [7~`, `ESC [8~`), xterm's own (`ESC [H`, `ESC OF`),
    /// an unknown sequence, Ctrl-Right, Shift-Right and Insert (at the end of the text: no move), under two terminal types.
    @Test("Home and End in every form move the cursor; unknown sequences and Alt+letter change nothing", arguments: ["xterm", "screen"])
    func homeAndEnd(term: String) throws {
        let session = try Self.teamField(term: term)
        try session.type("Team")
        let sequences: [(String, String)] = [
            ("\u{1B}[1~", "A"), ("\u{1B}[4~", "Z"), ("\u{1B}[7~", "B"), ("\u{1B}[8~", "Y"),
            ("\u{1B}[H", "C"), ("\u{1B}OF", "X"), ("\u{1B}[99~", ""), ("\u{1B}[1;5C", ""), ("\u{1B}[1;2C", ""), ("\u{1B}[2~", "W"),
            // A terminal's answers (colour report, title): dropped whole, never a step back or typed text.
            ("\u{1B}]11;rgb:0000/0000/0000\u{1B}\\", ""), ("\u{1B}]0;x\u{07}", ""),
            // Alt+letter (Esc and the letter at once) was a step back, then a typed letter.
            ("\u{1B}a", ""), ("\u{1B}q", ""),
        ]
        for (sequence, typed) in sequences {
            try session.type(sequence)
            if !typed.isEmpty { try session.type(typed) }
            _ = try session.waitFor("Stap 1/7")
        }
        let screen = try session.waitFor("CBATeamZYXW")
        let team = try #require(screen.split(separator: "\n").first { $0.contains("Team  ") })
        #expect(team == "   Team                      [CBATeamZYXW                                    ]")
        #expect(screen.contains("Stap 1/7"), "no Esc was taken: the intake is still on step 1")
        #expect(screen.split(separator: "\n").first { $0.contains("Gemeente") } == "   Gemeente                  [                                               ]")
    }

    /// Issue 12, finding 10: accents typed as combining characters were dropped on screen ("éééé" showed as "eeee").
    @Test("a letter with a combining accent is drawn whole")
    func combiningAccents() throws {
        let session = try Self.teamField()
        for letter in ["C", "a", "f", "e\u{301}", " ", "e\u{301}", "e\u{301}", "n\u{303}"] { try session.type(letter) }
        let screen = try session.waitFor("Caf")
        let team = try #require(screen.split(separator: "\n").first { $0.contains("Team  ") })
        #expect(team.unicodeScalars.filter { $0.value == 0x301 }.count == 3, "every accent reached the screen: \(team)")
        #expect(team.contains("Cafe\u{301} e\u{301}e\u{301}n\u{303}"))
    }

    /// Issue 14, helper finding: emoji joined with ZWJ shifted the rest of the row, and wide
    /// emoji the app counted as one column (🚑) cut the field's closing bracket off.
    @Test("emoji, joined or with a skin tone, keep the field's closing bracket in its column")
    func emojiKeepTheRow() throws {
        let session = try Self.teamField()
        try session.type("a👍🏽b ❤️c ☕️d 👨\u{200D}👩\u{200D}👧e 🚑f")
        let screen = try session.waitFor("f ")
        let team = try #require(screen.split(separator: "\n").first { $0.contains("Team  ") })
        // The joiners are not sent to the terminal: each emoji takes its own two columns, as ncursesw counts them.
        #expect(team == "   Team                      [a👍🏽b ❤️c ☕️d 👨👩👧e 🚑f                      ]")
        #expect(screen.split(separator: "\n").first { $0.contains("Gemeente") } == "   Gemeente                  [                                               ]")
    }
}
