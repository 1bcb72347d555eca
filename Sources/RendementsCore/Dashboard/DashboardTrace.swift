import Foundation
import RendementsDomain

/// "How was this figure computed": the cases, lines, prices and price years behind a dashboard row.
public enum DashboardTrace {
    /// At most this many cases are explained line by line; the rest are counted.
    public static let shownLimit = 200

    /// The ids of the cases the explanation of `row` shows, in id order.
    public static func shownCases(_ row: DashboardRow) -> [String] {
        Array(row.caseIDs.sorted().prefix(shownLimit))
    }

    /// The explanation, valued with exactly the settings of the figure it explains.
    /// `records` are the whole cases read for it (see `shownCases`).
    public static func lines(_ row: DashboardRow, records: [String: CaseRecord], list: PriceList?, options: EstimateOptions) -> [String] {
        let cases = shownCases(row).compactMap { records[$0] }
        let count = row.caseIDs.count
        var out = ["\(row.label): \(DutchNumber.count(count)) casus\(count == 1 ? "" : "sen")"]
        out.append("\(options.priceYearText.prefix(1).uppercased() + options.priceYearText.dropFirst()); prijslijst \(list.map { "\($0.name) \($0.version)" } ?? "onbekend").")
        out.append("Regel = eenheidsprijs × hoeveelheid (× index × horizon) × kans × toerekening, per regel half-even op de cent.")
        if count > cases.count {
            out.append("De eerste \(cases.count) casussen staan hieronder; Enter toont ze allemaal in de lijst.")
        }
        for record in cases {
            guard let valuation = try? CaseValuation(record, options: options) else {
                out.append("\(record.id): kan niet worden berekend")
                continue
            }
            out.append("")
            out.append("\(record.id) · \(record.context.intervention) · \(record.context.team) · einde \(record.context.periodEnd.dutch) · netto \(DutchNumber.euro(valuation.total.net))")
            for (index, line) in valuation.avoidedLines.enumerated() where include(line.line.item, row, list) {
                let item = line.line.item
                out.append("  r\(index + 1) \(item.description): \(line.line.quantity.readableText) × \(DutchNumber.euro(item.unitPrice)) (\(item.priceYear))\(line.dutchFactors) × \(line.line.likelihood.dutchText) × \(record.attribution.dutchText) = \(DutchNumber.euro(line.value))\(item.kind == .transfer ? " (transfer)" : "")")
            }
            for (index, line) in record.deployed.enumerated() where include(line.item, row, list) && row.item == nil {
                out.append("  ingezet \(line.item.description): \(line.quantity.readableText) × \(DutchNumber.euro(line.item.unitPrice)) (\(line.item.priceYear)) = \(DutchNumber.euro(valuation.deployedValues[index]))")
            }
            if row.item == nil && (row.kind != .financier || list?.law(record.effort.law)?.financier == row.label) {
                out.append("  eigen inzet: \(DutchNumber.euro(valuation.effort))")
            }
        }
        return out
    }

    private static func include(_ item: PricedItem, _ row: DashboardRow, _ list: PriceList?) -> Bool {
        if let tally = row.item { return tally.code == item.code }
        if row.kind == .financier { return (list?.law(item.law)?.financier ?? item.law) == row.label }
        return true
    }
}
