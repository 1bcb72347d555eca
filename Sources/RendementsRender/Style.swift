/// The meaning of a piece of text; the terminal maps it to attributes and,
/// when colours are allowed, to a colour. Every role stays readable in monochrome.
public enum Role: Hashable, Sendable {
    case normal, title, heading, selected, hint, notice, muted, warning, positive, negative
}

/// How one cell is drawn.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var bold: Bool
    public var reverse: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
    }

    public static let normal = Style()
    public static let title = Style(.title, bold: true, reverse: true)
    public static let heading = Style(.heading, bold: true)
    /// Selection is reverse video, so it shows without colour too.
    public static let selected = Style(.selected, reverse: true)
    public static let hint = Style(.hint, reverse: true)
    public static let notice = Style(.notice, bold: true)
    public static let muted = Style(.muted)
    public static let warning = Style(.warning, bold: true)
}
