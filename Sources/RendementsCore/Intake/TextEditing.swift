/// Editing text at a cursor (a character offset), for one-line fields and text areas.
public enum TextEditing {
    /// In place, without copying the text into an array: a paste of 100 KB inserts
    /// one character at a time, so each insert must cost a walk, not an allocation.
    public static func insert(_ character: Character, into text: String, at cursor: Int) -> (String, Int) {
        var result = text
        let index = result.index(result.startIndex, offsetBy: max(0, cursor), limitedBy: result.endIndex) ?? result.endIndex
        let position = result.distance(from: result.startIndex, to: index)
        result.insert(character, at: index)
        return (result, position + 1)
    }

    /// A pasted run in one edit (one walk to the cursor, not one per character).
    public static func insert(contentsOf inserted: String, into text: String, at cursor: Int) -> (String, Int) {
        var result = text
        let index = result.index(result.startIndex, offsetBy: max(0, cursor), limitedBy: result.endIndex) ?? result.endIndex
        let position = result.distance(from: result.startIndex, to: index)
        result.insert(contentsOf: inserted, at: index)
        return (result, position + inserted.count)
    }

    /// Characters `from..<to` of the text, clamped to it, without copying the whole text.
    public static func slice(_ text: String, from: Int, to: Int) -> String {
        let start = text.index(text.startIndex, offsetBy: max(0, from), limitedBy: text.endIndex) ?? text.endIndex
        let end = text.index(start, offsetBy: max(0, to - max(0, from)), limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end])
    }

    public static func deleteBackward(_ text: String, at cursor: Int) -> (String, Int) {
        var characters = Array(text)
        guard cursor > 0, cursor <= characters.count else { return (text, cursor) }
        characters.remove(at: cursor - 1)
        return (String(characters), cursor - 1)
    }

    public static func deleteForward(_ text: String, at cursor: Int) -> (String, Int) {
        var characters = Array(text)
        guard cursor >= 0, cursor < characters.count else { return (text, cursor) }
        characters.remove(at: cursor)
        return (String(characters), cursor)
    }

    /// A wrapped display line: characters `start..<end` of the text.
    public struct Line: Hashable, Sendable {
        public let start: Int
        public let end: Int
    }

    /// Word-wraps text at `width` columns; explicit line breaks start a new line.
    /// Both the editor (cursor up and down) and the screen use this, so they agree.
    public static func wrap(_ text: String, width: Int) -> [Line] {
        let characters = Array(text)
        let width = max(1, width)
        var lines: [Line] = []
        var lineStart = 0
        var index = 0
        var column = 0
        var lastSpace: Int? = nil
        while index < characters.count {
            let character = characters[index]
            if character == "\n" {
                lines.append(Line(start: lineStart, end: index))
                index += 1
                lineStart = index
                column = 0
                lastSpace = nil
                continue
            }
            let next = column + TextWidth.of(character)
            if next > width {
                if let space = lastSpace, space > lineStart {
                    lines.append(Line(start: lineStart, end: space))
                    lineStart = space + 1
                } else {
                    lines.append(Line(start: lineStart, end: index))
                    lineStart = index
                }
                column = TextWidth.of(String(characters[lineStart..<index]))
                lastSpace = nil
                continue
            }
            // An amount stays whole: never a break between the euro sign (or EUR) and its figure.
            if character == " ", !(index > 0 && characters[index - 1] == "€"),
               !(index > 2 && characters[index - 3] == "E" && characters[index - 2] == "U" && characters[index - 1] == "R") {
                lastSpace = index
            }
            column = next
            index += 1
        }
        lines.append(Line(start: lineStart, end: characters.count))
        return lines
    }

    /// The wrapped line holding the cursor (the later one at a boundary).
    public static func lineIndex(of cursor: Int, in lines: [Line]) -> Int {
        lines.lastIndex { $0.start <= cursor } ?? 0
    }

    /// The cursor one wrapped line up (-1) or down (+1), keeping the column where it can.
    public static func moveVertically(_ text: String, cursor: Int, width: Int, by delta: Int) -> Int {
        let lines = wrap(text, width: width)
        let current = lineIndex(of: cursor, in: lines)
        let target = current + delta
        guard lines.indices.contains(target) else { return delta < 0 ? 0 : text.count }
        let column = cursor - lines[current].start
        return min(lines[target].start + column, lines[target].end)
    }
}
