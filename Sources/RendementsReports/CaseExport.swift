import Foundation
import RendementsDomain

/// CSV export with one row per case: context and totals.
public enum CaseExport {
    public static let header = ["casus_id", "status", "auteur", "interventie", "team", "gemeente", "begin", "einde", "leefgebieden",
                                "eigen_inzet", "ingezet", "voorkomen", "transfers", "netto", "rendement"]

    /// The whole export in memory (small business cases, tests); `start` and `row` stream it.
    public static func csv(_ cases: [CaseRecord], options: LineExport.Options) -> String {
        start(options) + cases.map { row($0, options: options) }.joined()
    }

    public static func start(_ options: LineExport.Options) -> String { options.start(header) }

    /// The row of one case (empty when it cannot be valued), ending in CRLF.
    public static func row(_ record: CaseRecord, options: LineExport.Options) -> String {
        func money(_ value: Money) -> String { options.excelDutch ? value.plainText.replacingOccurrences(of: ".", with: ",") : value.plainText }
        guard let valuation = try? CaseValuation(record, options: options.estimate) else { return "" }
        let total = valuation.total
        // Two decimals always (1.60, not 1.6); empty when nothing was spent.
        let dutchRatio = total.returnRatio == nil ? "" : DutchNumber.ratio(total.returnRatio).replacingOccurrences(of: ".", with: "")
        let ratio = options.excelDutch ? dutchRatio : dutchRatio.replacingOccurrences(of: ",", with: ".")
        return options.line([record.id, record.status.rawValue, record.author, record.context.intervention, record.context.team,
                     record.context.municipality, record.context.periodStart.iso, record.context.periodEnd.iso,
                     record.context.lifeDomains.map(\.rawValue).joined(separator: "|"),
                     money(total.effort), money(total.deployed), money(total.avoided), money(total.avoidedTransfers - total.deployedTransfers),
                     money(total.net), ratio])
    }
}
