import Foundation
import RendementsDomain

/// CSV export with one row per case line (avoided, deployed, own effort).
public enum LineExport {
    public struct Options: Sendable {
        /// Dutch Excel: `;` separator, decimal commas, UTF-8 byte-order mark.
        public var excelDutch: Bool
        /// The settings every value is computed with: those of the figures the export stands beside.
        public var estimate: EstimateOptions
        public init(excelDutch: Bool, estimate: EstimateOptions) {
            self.excelDutch = excelDutch
            self.estimate = estimate
        }

        var separator: String { excelDutch ? ";" : "," }

        /// The byte-order mark (Dutch Excel) and the header row.
        func start(_ header: [String]) -> String {
            (excelDutch ? "\u{FEFF}" : "") + line(header)
        }

        func line(_ fields: [String]) -> String {
            fields.map { LineExport.quote($0, separator: separator) }.joined(separator: separator) + "\r\n"
        }
    }

    public static let header = ["casus_id", "status", "regelsoort", "wet", "item_code", "omschrijving", "hoeveelheid", "eenheid",
                                "waarschijnlijkheid_procent", "toerekening_procent", "eenheidsprijs", "prijsjaar", "waarde", "soort",
                                "indexfactor", "horizonfactor"]

    /// The whole export in memory (small business cases, tests); `start` and `rows` stream it.
    public static func csv(_ cases: [CaseRecord], options: Options) -> String {
        start(options) + cases.map { rows($0, options: options) }.joined()
    }

    public static func start(_ options: Options) -> String { options.start(header) }

    /// The rows of one case, each ending in CRLF.
    public static func rows(_ record: CaseRecord, options: Options) -> String {
        func number(_ value: Decimal) -> String {
            let text = DecimalText.format(value)
            return options.excelDutch ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        func money(_ value: Money) -> String {
            options.excelDutch ? value.plainText.replacingOccurrences(of: ".", with: ",") : value.plainText
        }

        var rows: [[String]] = []
        let base = [record.id, record.status.rawValue]
        // Valued once, with the export's settings: every value is the one the reports count.
        let valuation = try? CaseValuation(record, options: options.estimate)
        // The factors make a row's value checkable by hand: without them a line over several years
        // did not add up (helper-31). Ten decimals: with six a € 78.631 line came out a cent off (helper-32).
        func factor(_ value: Decimal) -> String { number(DecimalText.rounded(value, scale: 10, mode: .plain)) }
        for (index, line) in record.avoided.enumerated() {
            let valued = valuation?.avoidedLines[index]
            rows.append(base + ["voorkomen", line.item.law, line.item.code, line.item.description, number(line.quantity.units), line.item.unit,
                                number(line.likelihood.value), number(record.attribution.value), money(line.item.unitPrice),
                                String(line.item.priceYear), valued.map { money($0.value) } ?? "", line.item.kind.rawValue,
                                valued.map { factor($0.estimate.indexFactor) } ?? "", valued.map { factor($0.estimate.horizonFactor) } ?? ""])
        }
        for (index, line) in record.deployed.enumerated() {
            let value = valuation.map { money($0.deployedValues[index]) } ?? ""
            rows.append(base + ["ingezet", line.item.law, line.item.code, line.item.description, number(line.quantity.units), line.item.unit,
                                "", "", money(line.item.unitPrice), String(line.item.priceYear), value, line.item.kind.rawValue, "", ""])
        }
        for worker in record.effort.workers {
            let value = worker.hourlyRate.multiplied(by: [worker.hours]).map(money) ?? ""
            rows.append(base + ["eigen inzet", record.effort.law, worker.rateCode, worker.description, number(worker.hours), "uur",
                                "", "", money(worker.hourlyRate), "", value, "kosten", "", ""])
        }
        if record.effort.volunteerHours > 0 {
            let value = record.effort.volunteerRate.multiplied(by: [record.effort.volunteerHours]).map(money) ?? ""
            rows.append(base + ["eigen inzet", record.effort.law, "vrijwilliger", "Vrijwilligersuren", number(record.effort.volunteerHours), "uur",
                                "", "", money(record.effort.volunteerRate), "", value, "kosten", "", ""])
        }
        for cost in record.effort.otherCosts {
            rows.append(base + ["eigen inzet", record.effort.law, "overig", cost.description, "1", "post", "", "", money(cost.amount), "", money(cost.amount), "kosten", "", ""])
        }
        return rows.map(options.line).joined()
    }

    /// RFC 4180 quoting: only when the field holds the separator, a quote or a line break.
    /// Typed text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or a
    /// carriage return first) gets a leading apostrophe, as OWASP advises against CSV
    /// injection; a plain number such as `-633.49` stays a number.
    static func quote(_ field: String, separator: String) -> String {
        let safe = runsAsFormula(field) ? "'" + field : field
        // Looked for byte by byte: Foundation's `contains` for strings was a third of a CSV export,
        // and a `Set` of the bytes made for every field a sixth.
        let first = separator.utf8.first ?? UInt8(ascii: "\"")
        let special = { (byte: UInt8) in byte == first || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D }
        let needsQuotes = separator.utf8.count == 1 ? safe.utf8.contains(where: special) : safe.contains(separator) || safe.utf8.contains(where: special)
        guard needsQuotes else { return safe }
        // Doubled byte by byte, as it was found: a quote followed by a combining mark is one
        // Character, which a replacement by Character left single (helper-19: the field split
        // and its second half became a formula cell).
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        quoted.reserveCapacity(safe.utf8.count + 8)
        for byte in safe.utf8 {
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
            quoted.append(byte)
        }
        quoted.append(UInt8(ascii: "\""))
        return String(decoding: quoted, as: UTF8.self)
    }

    static func runsAsFormula(_ field: String) -> Bool {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
        return !isPlainNumber(field)
    }

    /// `^[+-]?[0-9]+([.,][0-9]+)*$`: a number a spreadsheet reads as a number, not a formula.
    static func isPlainNumber(_ field: String) -> Bool {
        var bytes = field.utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var digits = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
            case UInt8(ascii: "."), UInt8(ascii: ","):
                guard digits > 0 else { return false }
                digits = 0
            default:
                return false
            }
        }
        return digits > 0
    }
}
