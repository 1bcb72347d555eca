import Foundation
import RendementsDomain

/// CSV export with one row per case line (avoided, deployed, own effort).
public enum LineExport {
    public struct Options: Sendable {
        /// Dutch Excel: `;` separator, decimal commas, UTF-8 byte-order mark.
        public var excelDutch: Bool
        public init(excelDutch: Bool = false) { self.excelDutch = excelDutch }
    }

    public static let header = ["casus_id", "status", "regelsoort", "wet", "item_code", "omschrijving", "hoeveelheid", "eenheid",
                                "waarschijnlijkheid_procent", "toerekening_procent", "eenheidsprijs", "prijsjaar", "waarde", "soort"]

    public static func csv(_ cases: [CaseRecord], options: Options = Options()) -> String {
        let separator = options.excelDutch ? ";" : ","
        func number(_ value: Decimal) -> String {
            let text = DecimalText.format(value)
            return options.excelDutch ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        func money(_ value: Money) -> String {
            options.excelDutch ? value.plainText.replacingOccurrences(of: ".", with: ",") : value.plainText
        }

        var rows: [[String]] = [header]
        for record in cases {
            let base = [record.id, record.status.rawValue]
            for line in record.avoided {
                let value = (try? CaseValuation.avoidedValue(line, attribution: record.attribution, caseID: record.id)).map(money) ?? ""
                rows.append(base + ["voorkomen", line.item.law, line.item.code, line.item.description, number(line.quantity.units), line.item.unit,
                                    number(line.likelihood.value), number(record.attribution.value), money(line.item.unitPrice),
                                    String(line.item.priceYear), value, line.item.kind.rawValue])
            }
            for line in record.deployed {
                let value = line.item.unitPrice.multiplied(by: [line.quantity.units]).map(money) ?? ""
                rows.append(base + ["ingezet", line.item.law, line.item.code, line.item.description, number(line.quantity.units), line.item.unit,
                                    "", "", money(line.item.unitPrice), String(line.item.priceYear), value, line.item.kind.rawValue])
            }
            for worker in record.effort.workers {
                let value = worker.hourlyRate.multiplied(by: [worker.hours]).map(money) ?? ""
                rows.append(base + ["eigen inzet", record.effort.law, worker.rateCode, worker.description, number(worker.hours), "uur",
                                    "", "", money(worker.hourlyRate), "", value, "kosten"])
            }
            if record.effort.volunteerHours > 0 {
                let value = record.effort.volunteerRate.multiplied(by: [record.effort.volunteerHours]).map(money) ?? ""
                rows.append(base + ["eigen inzet", record.effort.law, "vrijwilliger", "Vrijwilligersuren", number(record.effort.volunteerHours), "uur",
                                    "", "", money(record.effort.volunteerRate), "", value, "kosten"])
            }
            for cost in record.effort.otherCosts {
                rows.append(base + ["eigen inzet", record.effort.law, "overig", cost.description, "1", "post", "", "", money(cost.amount), "", money(cost.amount), "kosten"])
            }
        }
        let body = rows.map { $0.map { quote($0, separator: separator) }.joined(separator: separator) }.joined(separator: "\r\n") + "\r\n"
        return (options.excelDutch ? "\u{FEFF}" : "") + body
    }

    /// RFC 4180 quoting: only when the field holds the separator, a quote or a line break.
    static func quote(_ field: String, separator: String) -> String {
        guard field.contains(separator) || field.contains("\"") || field.contains("\n") || field.contains("\r") else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
