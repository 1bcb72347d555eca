import Foundation
import RendementsDomain

/// Reads one CSV file of a price list into rows addressed by column name,
/// collecting Dutch problems instead of stopping at the first one.
struct CSVFileReader {
    let fileName: String
    let table: CSVTable
    private let indexes: [String: Int]

    /// A price list of a few thousand items is well under a megabyte; anything this large is a mistake.
    static let maximumBytes = 10_000_000

    /// Loads one file of a price list; returns nil (with a problem) when missing or unreadable.
    static func open(_ source: PriceListSource, _ fileName: String, required: [String], problems: inout [Problem]) -> CSVFileReader? {
        let shown = source.name + "/" + fileName
        let data: Data
        switch source.content(fileName) {
        case .data(let bytes): data = bytes
        case .missing:
            problems.append(Problem(file: shown, message: "het bestand ontbreekt; elke prijslijst heeft \(fileName) nodig"))
            return nil
        case .unreadable:
            problems.append(Problem(file: shown, message: "het bestand kan niet gelezen worden; controleer de rechten"))
            return nil
        }
        guard data.count <= maximumBytes else {
            problems.append(Problem(file: shown, message: "het bestand is te groot (\(data.count / 1_000_000) MB); een prijslijst is hooguit \(maximumBytes / 1_000_000) MB"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            problems.append(Problem(file: shown, message: "het bestand is geen UTF-8; sla het op als 'CSV UTF-8' in je spreadsheet"))
            return nil
        }
        let table: CSVTable
        do {
            table = try CSVTable(text: text)
        } catch {
            problems.append(Problem(file: shown, line: error.line, column: error.column, message: error.dutchMessage))
            return nil
        }
        let missing = required.filter { table.columnIndex($0) == nil }
        guard missing.isEmpty else {
            problems.append(Problem(file: shown, line: 1, message:
                "kolom \(missing.map { "'\($0)'" }.joined(separator: ", ")) ontbreekt in de kopregel; verwacht: \(required.joined(separator: String(table.separator)))"))
            return nil
        }
        return CSVFileReader(fileName: shown, table: table)
    }

    private init(fileName: String, table: CSVTable) {
        self.fileName = fileName
        self.table = table
        indexes = Dictionary(table.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Rows with the expected number of fields; the others become problems.
    func rows(problems: inout [Problem]) -> [CSVRow] {
        table.rows.compactMap { row in
            guard row.fields.count == table.header.count else {
                problems.append(Problem(file: fileName, line: row.line, message:
                    "\(row.fields.count) kolommen, de kopregel heeft er \(table.header.count); controleer het scheidingsteken '\(table.separator)' en de aanhalingstekens"))
                return nil
            }
            return CSVRow(file: fileName, line: row.line, fields: row.fields, indexes: indexes)
        }
    }
}

/// One data row of a price-list CSV file, with typed accessors that report problems.
struct CSVRow {
    let file: String
    let line: Int
    let fields: [String]
    let indexes: [String: Int]

    func column(_ name: String) -> Int? { indexes[name].map { $0 + 1 } }

    /// The trimmed text of a column ("" when the column does not exist).
    func text(_ name: String) -> String {
        guard let index = indexes[name] else { return "" }
        return fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func problem(_ name: String, _ message: String) -> Problem {
        Problem(file: file, line: line, column: column(name), message: message)
    }

    func required(_ name: String, _ what: String, problems: inout [Problem]) -> String? {
        let value = text(name)
        if value.isEmpty { problems.append(problem(name, "\(what) ontbreekt; vul kolom '\(name)' in")); return nil }
        return value
    }

    /// A price in euros: Dutch or machine notation, at most two decimals, greater than zero.
    func money(_ name: String, _ what: String, optional: Bool = false, problems: inout [Problem]) -> Money? {
        let raw = text(name)
        if raw.isEmpty {
            if !optional { problems.append(problem(name, "\(what) ontbreekt; vul een bedrag in, zoals 30,87")) }
            return nil
        }
        guard let value = DutchNumber.parse(raw) else {
            problems.append(problem(name, "\(what) '\(raw)' is geen bedrag; schrijf bijvoorbeeld 30,87 of 1.394,44"))
            return nil
        }
        guard value > 0 else {
            problems.append(problem(name, "\(what) '\(raw)' is \(value < 0 ? "negatief" : "nul"); een prijs is groter dan 0"))
            return nil
        }
        guard let money = Money(exactEuros: value) else {
            problems.append(problem(name, "\(what) '\(raw)' heeft meer dan twee decimalen of is te groot; rond af op hele centen"))
            return nil
        }
        return money
    }

    func year(_ name: String, problems: inout [Problem]) -> Int? {
        let raw = text(name)
        guard let year = Int(raw), (1900...2100).contains(year) else {
            problems.append(problem(name, raw.isEmpty ? "prijsjaar ontbreekt; vul het jaar in waarin de prijs is uitgedrukt"
                                                     : "prijsjaar '\(raw)' is geen jaartal tussen 1900 en 2100"))
            return nil
        }
        return year
    }
}

/// Where the files of a price list come from: a folder, or memory (tests and fuzzing).
public struct PriceListSource: Sendable {
    public enum Content: Sendable {
        case data(Data)
        case missing
        case unreadable
    }

    /// Shown in messages: the folder's name.
    public let name: String
    private let read: @Sendable (String) -> Content

    public func content(_ fileName: String) -> Content { read(fileName) }

    public static func folder(_ url: URL) -> PriceListSource {
        PriceListSource(name: url.lastPathComponent) { fileName in
            let path = url.appendingPathComponent(fileName).path
            if let data = FileManager.default.contents(atPath: path) { return .data(data) }
            return FileManager.default.fileExists(atPath: path) ? .unreadable : .missing
        }
    }

    public static func memory(name: String, files: [String: Data]) -> PriceListSource {
        PriceListSource(name: name) { files[$0].map(Content.data) ?? .missing }
    }
}
