/// One thing wrong (or doubtful) in a data file, in Dutch, with where it is.
public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error = "fout", warning = "waarschuwing" }

    public let file: String
    public let line: Int?
    public let column: Int?
    public let message: String
    public let severity: Severity

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, severity: Severity = .error) {
        // A file name is whatever someone typed: control characters (a newline in a name) would break the output.
        self.file = String(file.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
    }

    /// `prijzen.csv, regel 12, kolom 7: fout: …`
    public var description: String {
        var place = file
        if let line { place += ", regel \(line)" }
        if let column { place += ", kolom \(column)" }
        return "\(place): \(severity.rawValue): \(message)"
    }
}
