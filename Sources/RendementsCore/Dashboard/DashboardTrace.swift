import RendementsDomain

/// "How was this figure computed": the cases, lines, prices and price years behind a dashboard row.
public enum DashboardTrace {
    public static func lines(_ row: DashboardRow, records: [CaseRecord], list: PriceList?) -> [String] {
        let ids = Set(row.caseIDs)
        let cases = records.filter { ids.contains($0.id) }.sorted { $0.id < $1.id }
        var out = ["\(row.label): \(cases.count) casus\(cases.count == 1 ? "" : "sen")"]
        out.append("Prijzen in het prijsjaar van hun bron; prijslijst \(list.map { "\($0.name) \($0.version)" } ?? "onbekend").")
        out.append("Regel = eenheidsprijs × hoeveelheid × kans × toerekening, per regel half-even op de cent.")
        for record in cases {
            guard let valuation = try? CaseValuation(record) else {
                out.append("\(record.id): kan niet worden berekend")
                continue
            }
            out.append("")
            out.append("\(record.id) · \(record.context.intervention) · \(record.context.team) · einde \(record.context.periodEnd.dutch) · netto \(DutchNumber.euro(valuation.total.net))")
            for (index, line) in valuation.avoidedLines.enumerated() where include(line.line.item, row, list) {
                let item = line.line.item
                out.append("  r\(index + 1) \(item.code): \(line.line.quantity.dutchText) × \(DutchNumber.euro(item.unitPrice)) (\(item.priceYear)) × \(line.line.likelihood.dutchText) × \(record.attribution.dutchText) = \(DutchNumber.euro(line.value))\(item.kind == .transfer ? " (transfer)" : "")")
            }
            for (index, line) in record.deployed.enumerated() where include(line.item, row, list) && row.item == nil {
                out.append("  ingezet \(line.item.code): \(line.quantity.dutchText) × \(DutchNumber.euro(line.item.unitPrice)) (\(line.item.priceYear)) = \(DutchNumber.euro(valuation.deployedValues[index]))")
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
