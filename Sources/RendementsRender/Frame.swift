import RendementsCore

/// One character cell of the screen.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style
    /// True for the right half of a double-width character (drawn by its left half).
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: Style = .normal, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }
}

/// A grid of cells that screens draw into; the terminal copies it to the screen,
/// and tests read it back as text.
public struct Frame: Sendable, Equatable {
    public let width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes text from (x, y), clipped at `maxWidth` columns and at the frame edge.
    /// Returns the column after the last character written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return x }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for character in text {
            let parts = TextWidth.cells(of: character)
            let columns = parts.reduce(0) { $0 + $1.columns }
            if columns == 0 { continue }
            // A character is written whole or not at all: half an emoji family is a different text.
            if column + columns > limit { break }
            for part in parts {
                if column >= 0 {
                    cells[y * width + column] = Cell(part.glyph, style: style)
                    if part.columns == 2 { cells[y * width + column + 1] = Cell(" ", style: style, isContinuation: true) }
                }
                column += part.columns
            }
        }
        return column
    }

    /// Adds blank rows at the bottom.
    public mutating func extend(toHeight newHeight: Int) {
        guard newHeight > height else { return }
        cells += Array(repeating: Cell(), count: width * (newHeight - height))
        height = newHeight
    }

    /// Paints a row (or part of it) with a style, keeping the characters.
    public mutating func fill(y: Int, from x: Int = 0, width span: Int? = nil, style: Style) {
        guard y >= 0, y < height else { return }
        let end = min(width, x + (span ?? width))
        for column in max(0, x)..<max(max(0, x), end) { cells[y * width + column].style = style }
    }

    /// The frame as plain text, one line per row, trailing spaces trimmed.
    public var text: String {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line.append(self[x, y].character) }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
