import Foundation

/// A parsed CSV file: a header and rows, each field remembering its line.
///
/// Reads what spreadsheets write: `,` or `;` as separator (taken from the
/// header line), fields in double quotes with `""` for a quote and line
/// breaks inside, an optional UTF-8 byte-order mark, CRLF or LF.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// Physical line (1-based) where the record starts.
        public let line: Int
        public let fields: [String]
    }

    public let separator: Character
    public let header: [String]
    public let rows: [Row]

    public enum ParseError: Error, Equatable {
        case empty
        case unterminatedQuote(line: Int, column: Int)
        case textAfterQuote(line: Int, column: Int)
        case quoteInsideField(line: Int, column: Int)

        public var dutchMessage: String {
            switch self {
            case .empty: "het bestand is leeg; verwacht een kopregel met kolomnamen"
            case .unterminatedQuote: "een aanhalingsteken (\") wordt niet gesloten; sluit het veld af met \" of verwijder het"
            case .textAfterQuote: "tekst na het sluitende aanhalingsteken; zet het hele veld tussen aanhalingstekens"
            case .quoteInsideField: "aanhalingsteken midden in een veld; zet het veld tussen \"…\" en schrijf \"\" voor een aanhalingsteken"
            }
        }

        public var line: Int? {
            switch self {
            case .empty: nil
            case .unterminatedQuote(let line, _), .textAfterQuote(let line, _), .quoteInsideField(let line, _): line
            }
        }

        public var column: Int? {
            switch self {
            case .empty: nil
            case .unterminatedQuote(_, let column), .textAfterQuote(_, let column), .quoteInsideField(_, let column): column
            }
        }
    }

    public init(text raw: String) throws(ParseError) {
        var text = Substring(raw)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        let separator = CSVTable.detectSeparator(text)
        var records = try CSVTable.records(text, separator: separator)
        // Blank lines (a spreadsheet's trailing rows) carry no data.
        records.removeAll { $0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let headerRecord = records.first else { throw .empty }
        self.separator = separator
        header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        rows = Array(records.dropFirst())
    }

    /// The separator is whichever of `;` and `,` occurs more often in the header line outside quotes.
    static func detectSeparator(_ text: Substring) -> Character {
        var semicolons = 0
        var commas = 0
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if quoted { continue }
            if character == "\n" || character == "\r\n" { break }
            if character == ";" { semicolons += 1 } else if character == "," { commas += 1 }
        }
        return semicolons >= commas && semicolons > 0 ? ";" : ","
    }

    private static func records(_ text: Substring, separator: Character) throws(ParseError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var column = 1
        var quoted = false
        var afterClosingQuote = false
        var quoteLine = 1
        var quoteColumn = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil

        func next() -> Character? {
            if let character = pending { pending = nil; return character }
            return iterator.next()
        }

        while let character = next() {
            if quoted {
                if character == "\"" {
                    let following = next()
                    if following == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        afterClosingQuote = true
                        pending = following
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character == "\r\n" ? "\n" : character)
                }
                continue
            }
            switch character {
            case separator:
                fields.append(field)
                field = ""
                column += 1
                afterClosingQuote = false
            case "\n", "\r\n", "\r":
                fields.append(field)
                rows.append(Row(line: recordLine, fields: fields))
                fields = []
                field = ""
                line += 1
                recordLine = line
                column = 1
                afterClosingQuote = false
            case "\"":
                if afterClosingQuote { throw .textAfterQuote(line: line, column: column) }
                guard field.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw .quoteInsideField(line: line, column: column)
                }
                field = ""
                quoted = true
                quoteLine = line
                quoteColumn = column
            default:
                if afterClosingQuote {
                    if character == " " || character == "\t" { continue }
                    throw .textAfterQuote(line: line, column: column)
                }
                field.append(character)
            }
        }
        if quoted { throw .unterminatedQuote(line: quoteLine, column: quoteColumn) }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Row(line: recordLine, fields: fields))
        }
        return rows
    }

    /// The 0-based index of a column by its (lower-case) name.
    public func columnIndex(_ name: String) -> Int? { header.firstIndex(of: name) }
}
