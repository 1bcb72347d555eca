/// A key press as the core understands it, independent of curses.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
    /// Ctrl plus a letter, lower-case: `.control("s")`.
    case control(Character)
    /// Printable characters that arrived together (a paste): a text field takes them in
    /// one edit; everywhere else they act as the single characters they are.
    case text(String)
    /// Text the terminal marked as pasted (bracketed paste): it goes into a field or prompt,
    /// and is never taken as keys (a pasted "graag jouw…" on a review approved the case).
    case paste(String)
}

/// A terminal size in cells.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The smallest terminal the screens are designed for.
    public static let minimum = Size(width: 80, height: 24)

    public var isTooSmall: Bool { width < Size.minimum.width || height < Size.minimum.height }
}
