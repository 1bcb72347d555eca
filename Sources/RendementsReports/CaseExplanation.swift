import Foundation
import RendementsDomain

/// `rendementsmeter explain`: the full arithmetic of one case, line by line, step by step.
public enum CaseExplanation {
    public static func text(_ record: CaseRecord, priceList: PriceList?, options: EstimateOptions) -> String {
        var out: [String] = []
        func row(_ label: String, _ value: String) { out.append("    " + label.padding(toLength: 22, withPad: " ", startingAt: 0) + value) }
        out.append("Casus \(record.id) · \(record.context.intervention) · \(record.status.dutchName.lowercased()) · auteur \(record.author)\(record.fictional ? " · VOORBEELD (fictief)" : "")")
        out.append("Berekend met prijslijst \(record.priceListVersion); \(options.priceYearText).")
        out.append("Discontovoet \(options.discountRate.dutchText) per later jaar (jaar 1 telt volledig); conservatieve correctie: "
                   + ConfidenceGrade.allCases.map { "\($0.rawValue) \((options.gradeCuts[$0] ?? .zero).dutchText)" }.joined(separator: ", ") + ".")
        out.append("Regel = eenheidsprijs × indexfactor × hoeveelheid × kans × toerekening × horizon; één keer afgerond op de cent, half-even.")
        let valuation: CaseValuation
        do {
            valuation = try CaseValuation(record, options: options)
        } catch {
            out.append("")
            out.append("Kan niet worden berekend: \(error.dutchMessage)")
            return out.joined(separator: "\n") + "\n"
        }
        out.append("")
        out.append("Voorkomen zorg (toerekening \(record.attribution.dutchText))")
        for (index, value) in valuation.avoidedLines.enumerated() {
            let line = value.line
            let item = line.item
            let estimate = value.estimate
            let listed = priceList?.item(item.code)
            out.append("  Regel \(index + 1): \(priceList?.lawName(item.law) ?? item.law) · \(item.code) \(item.description)\(item.kind == .transfer ? " (transfer)" : "")")
            out.append("    bron: \(listed?.source ?? "niet in de huidige prijslijst")")
            row("eenheidsprijs", "\(DutchNumber.euro(item.unitPrice)) per \(item.unit) (prijsjaar \(item.priceYear))")
            row("× indexfactor", options.reportYear.map { "\(DutchNumber.readable(DecimalText.rounded(estimate.indexFactor, scale: 6, mode: .plain))) (\(item.priceYear) → \($0))" } ?? "1 (geen rapportjaar)")
            row("× hoeveelheid", "\(line.quantity.readableText) = \(DutchNumber.readable(line.quantity.units)) \(item.unit)")
            row("× kans", line.likelihood.dutchText + (line.certainty.map { " (\($0.dutchName))" } ?? ""))
            row("× toerekening", record.attribution.dutchText)
            let horizon = line.years == 1 ? "1 jaar → factor 1"
                : "\(line.years) jaar, afname \((line.dropOff ?? .zero).dutchText) per jaar, discontering \(options.discountRate.dutchText) → factor \(DutchNumber.readable(DecimalText.rounded(estimate.horizonFactor, scale: 6, mode: .plain)))"
            row("× horizon", horizon)
            row("= centraal", DutchNumber.euro(estimate.central))
            if estimate.low != estimate.central || estimate.high != estimate.central {
                row("laag – hoog", "\(DutchNumber.euro(estimate.low)) – \(DutchNumber.euro(estimate.high))")
            }
            row("conservatief", "− \(estimate.gradeCut.dutchText) (\(estimate.grade?.rawValue ?? "geen oordeel")) → \(DutchNumber.euro(estimate.conservative))")
            if !line.reasoning.isEmpty { out.append("    onderbouwing: “\(line.reasoning)”") }
        }
        out.append("")
        out.append("Ingezette zorg")
        if record.deployed.isEmpty { out.append("  geen") }
        for (index, line) in record.deployed.enumerated() {
            out.append("  \(line.item.code) \(line.item.description): \(DutchNumber.euro(line.item.unitPrice)) (\(line.item.priceYear)) × \(line.quantity.readableText) = \(DutchNumber.euro(valuation.deployedValues[index]))")
        }
        out.append("")
        out.append("Eigen inzet")
        for worker in record.effort.workers {
            out.append("  \(worker.description): \(DutchNumber.readable(worker.hours)) uur × \(DutchNumber.euro(worker.hourlyRate))")
        }
        if record.effort.volunteerHours > 0 {
            out.append("  vrijwilligers: \(DutchNumber.readable(record.effort.volunteerHours)) uur × \(DutchNumber.euro(record.effort.volunteerRate))")
        }
        for cost in record.effort.otherCosts { out.append("  \(cost.description): \(DutchNumber.euro(cost.amount))") }
        out.append("  totaal \(DutchNumber.euro(valuation.effort)) (geboekt op \(priceList?.lawName(record.effort.law) ?? record.effort.law))")
        out.append("")
        out.append("Per wet: voorkomen − ingezet − eigen inzet = netto")
        for code in LawOrder.codes(priceList: priceList, present: valuation.perLaw.keys) {
            guard let totals = valuation.perLaw[code] else { continue }
            out.append("  \(priceList?.lawName(code) ?? code): \(DutchNumber.euro(totals.avoided)) − \(DutchNumber.euro(totals.deployed)) − \(DutchNumber.euro(totals.effort)) = \(DutchNumber.euro(totals.net))"
                       + (totals.avoidedTransfers == .zero ? "" : "; transfers \(DutchNumber.euro(totals.avoidedTransfers)) (niet maatschappelijk)"))
        }
        let total = valuation.total
        out.append("  Totaal netto: \(DutchNumber.euro(total.net)) (laag \(DutchNumber.euro(total.netLow)), hoog \(DutchNumber.euro(total.netHigh)), conservatief \(DutchNumber.euro(total.netConservative)))")
        out.append("  Rendement: \(DutchNumber.euro(total.avoided)) ÷ (\(DutchNumber.euro(total.effort)) + \(DutchNumber.euro(total.deployed))) = \(DutchNumber.ratio(total.returnRatio))")
        return out.joined(separator: "\n") + "\n"
    }
}
