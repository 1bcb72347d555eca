import Foundation
import RendementsDomain

/// The `report` command's text: the business case per law, with totals and the return ratio.
public enum BusinessCaseReport {
    /// - Parameter original: the same cases as the author estimated them, when reviewers changed any.
    public static func text(name: String, examples: ExampleShare, summary: BusinessCaseSummary, priceList: PriceList?,
                            original: BusinessCaseSummary? = nil) -> String {
        var out: [String] = []
        out.append("Business case: \(name)\(examples.isAllExamples ? "  [VOORBEELD: fictieve casussen]" : "")")
        if !examples.isAllExamples, let note = examples.reportNote { out.append(note) }
        if let priceList { out.append("Prijslijst: \(priceList.name), versie \(priceList.version); \(summary.options.priceYearText)") }
        out.append("Telt: \(summary.selection.dutchDescription) (\(DutchNumber.count(summary.countedCases)) van \(DutchNumber.count(summary.caseCount)))")
        out.append("Status: " + CaseStatus.allCases.map { "\($0.dutchName.lowercased()) \(DutchNumber.count(summary.statusCounts[$0] ?? 0))" }.joined(separator: " · "))
        out.append("")

        var table = TextTable([
            .init(title: "Wet / domein", width: 26, rightAligned: false),
            .init(title: "Eigen inzet", width: 12, rightAligned: true),
            .init(title: "Ingezet", width: 12, rightAligned: true),
            .init(title: "Voorkomen", width: 12, rightAligned: true),
            .init(title: "Netto", width: 12, rightAligned: true),
        ])
        let laws = LawOrder.codes(priceList: priceList, present: summary.perLaw.keys)
        for code in laws {
            let totals = summary.perLaw[code] ?? Totals()
            table.add([priceList?.lawName(code) ?? code, euro(totals.effort), euro(totals.deployed), euro(totals.avoided), euro(totals.net)])
        }
        table.addRule()
        let total = summary.total
        table.add(["Totaal", euro(total.effort), euro(total.deployed), euro(total.avoided), euro(total.net)])
        out.append(contentsOf: table.lines)
        out.append("")
        out.append("Rendement (voorkomen ÷ (eigen inzet + ingezet)): \(DutchNumber.ratio(total.returnRatio))")
        out.append("")
        out.append("Bandbreedte voorkomen: laag \(euro(total.avoidedLow)) · centraal \(euro(total.avoided)) · hoog \(euro(total.avoidedHigh)); netto \(euro(total.netLow)) – \(euro(total.netHigh)).")
        let cuts = ConfidenceGrade.allCases.map { "\($0.rawValue) \((summary.options.gradeCuts[$0] ?? .zero).dutchText)" }.joined(separator: ", ")
        out.append("Conservatief (correctie naar betrouwbaarheid van de prijs: \(cuts)): voorkomen \(euro(total.avoidedConservative)), netto \(euro(total.netConservative)).")
        out.append("Dit staat naast de centrale schatting, niet in plaats daarvan.")

        let transferLaws = laws.filter { code in
            let totals = summary.perLaw[code] ?? Totals()
            return totals.avoidedTransfers != .zero || totals.deployedTransfers != .zero
        }
        if !transferLaws.isEmpty {
            out.append("")
            out.append("Transfers (uitkeringen zoals bijstand) zijn herverdeling, geen besparing voor de samenleving:")
            out.append("ze tellen niet mee in het maatschappelijk totaal hierboven. De financier bespaart ze wel:")
            for code in transferLaws {
                let totals = summary.perLaw[code] ?? Totals()
                out.append("  \(priceList?.lawName(code) ?? code): voorkomen \(euro(totals.avoidedTransfers)), ingezet \(euro(totals.deployedTransfers)), netto voor de financier \(euro(totals.financierNet))")
            }
        }
        if let original, original.total != summary.total {
            out.append("")
            out.append("Oorspronkelijke schatting van de auteurs → na beoordeling (netto):")
            for code in LawOrder.codes(priceList: priceList, present: Set(summary.perLaw.keys).union(original.perLaw.keys)) {
                let before = (original.perLaw[code] ?? Totals()).net
                let after = (summary.perLaw[code] ?? Totals()).net
                guard before != after else { continue }
                out.append("  \(priceList?.lawName(code) ?? code): \(euro(before)) → \(euro(after))")
            }
            out.append("  Totaal: \(euro(original.total.net)) → \(euro(summary.total.net)); rendement \(DutchNumber.ratio(original.total.returnRatio)) → \(DutchNumber.ratio(summary.total.returnRatio))")
        }
        if !summary.failures.isEmpty {
            out.append("")
            out.append("Niet meegeteld (kon niet worden berekend):")
            out.append(contentsOf: summary.failures.map { "  " + $0.dutchMessage })
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func euro(_ money: Money) -> String { DutchNumber.euro(money) }
}
