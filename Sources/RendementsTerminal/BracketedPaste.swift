/// A paste as the terminal marks it (bracketed paste mode): the characters between ESC [200~
/// and ESC [201~, taken as text. Carriage returns become line breaks (a CR LF pair one).
struct BracketedPaste {
    /// What follows ESC [ at the start of a paste.
    static let start: [UInt32] = "200~".unicodeScalars.map(\.value)
    private static let end: [UInt32] = [27] + "[201~".unicodeScalars.map(\.value)
    /// Characters kept, more than the longest field takes (200,000); a longer paste is read to
    /// its end mark, the rest dropped (the field says what it kept).
    static let limit = 1 << 18

    private var scalars: [UInt32] = []
    /// The last characters read, to see the end mark also past the limit.
    private var tail: [UInt32] = []

    /// Adds a character read; false once the end mark is read.
    mutating func add(_ code: UInt32) -> Bool {
        tail.append(code)
        if tail.count > Self.end.count { tail.removeFirst() }
        if tail == Self.end {
            // The mark's first characters went into the text: taken out again.
            scalars.removeLast(min(scalars.count, Self.end.count - 1))
            return false
        }
        if scalars.count < Self.limit + Self.end.count { scalars.append(code) }
        return true
    }

    var text: String {
        var result = String.UnicodeScalarView()
        var previous: UInt32 = 0
        for code in scalars.prefix(Self.limit) {
            defer { previous = code }
            if code == 10, previous == 13 { continue }
            guard let scalar = Unicode.Scalar(code == 13 ? 10 : code) else { continue }
            result.append(scalar)
        }
        return String(result)
    }
}
