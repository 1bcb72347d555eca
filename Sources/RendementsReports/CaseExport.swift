import Foundation
import RendementsDomain

/// CSV export with one row per case: context and totals.
public enum CaseExport {
    public static let header = ["casus_id", "status", "auteur", "interventie", "team", "gemeente", "begin", "einde", "leefgebieden",
                                "eigen_inzet", "ingezet", "voorkomen", "transfers", "netto", "rendement"]

    public static func csv(_ cases: [CaseRecord], options: LineExport.Options = .init()) -> String {
        let separator = options.excelDutch ? ";" : ","
        func money(_ value: Money) -> String { options.excelDutch ? value.plainText.replacingOccurrences(of: ".", with: ",") : value.plainText }
        var rows: [[String]] = [header]
        for record in cases {
            guard let valuation = try? CaseValuation(record) else { continue }
            let total = valuation.total
            // Two decimals always (1.60, not 1.6); empty when nothing was spent.
            let dutchRatio = total.returnRatio == nil ? "" : DutchNumber.ratio(total.returnRatio).replacingOccurrences(of: ".", with: "")
            let ratio = options.excelDutch ? dutchRatio : dutchRatio.replacingOccurrences(of: ",", with: ".")
            rows.append([record.id, record.status.rawValue, record.author, record.context.intervention, record.context.team,
                         record.context.municipality, record.context.periodStart.iso, record.context.periodEnd.iso,
                         record.context.lifeDomains.map(\.rawValue).joined(separator: "|"),
                         money(total.effort), money(total.deployed), money(total.avoided), money(total.avoidedTransfers - total.deployedTransfers),
                         money(total.net), ratio])
        }
        let body = rows.map { $0.map { LineExport.quote($0, separator: separator) }.joined(separator: separator) }.joined(separator: "\r\n") + "\r\n"
        return (options.excelDutch ? "\u{FEFF}" : "") + body
    }
}
