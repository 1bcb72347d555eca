import Foundation
import RendementsCore
import RendementsDomain

/// A case laid out as lines of text for reading: context, story, every line with
/// its reasoning, original and reviewed totals per law, and the history.
struct CaseDocument {
    struct Line {
        let text: String
        let style: Style
        /// The avoided line (1-based) this text belongs to, for highlighting while reviewing.
        let avoidedLine: Int?
    }

    private(set) var lines: [Line] = []
    let width: Int

    /// `comparisons`: per item, other approved lines to place each avoided line among (issue 14).
    /// `options`: the business case's, so the case shows the figures the browser and reports count.
    init(_ record: CaseRecord, priceList: PriceList?, options: EstimateOptions, width: Int, comparisons: [String: ComparableLines] = [:]) {
        self.width = width
        let context = record.context
        add("\(record.id) · \(record.status.dutchName) · auteur \(record.author)\(record.fictional ? " · VOORBEELD (fictief)" : "")", .heading)
        add("\(context.intervention) · \(context.team) · \(context.municipality) · \(context.periodStart.dutch) – \(context.periodEnd.dutch)")
        add(["verwijzer \(context.referrer)", context.ageBand, context.household].filter { !$0.isEmpty && $0 != "verwijzer " }.joined(separator: " · "))
        add("Leefgebieden: " + (context.lifeDomains.isEmpty ? "geen" : context.lifeDomains.map(\.dutchName).joined(separator: ", ")))
        if let remarks = record.currentRemarks { add("Opmerkingen van de beoordelaar: \(remarks)", .warning) }
        add("")
        add("Het verhaal", .heading)
        for (label, text) in record.story.labelled {
            wrapped("\(label): \(text.isEmpty ? "—" : text)", indent: 2)
        }
        add("")
        let valuation = try? CaseValuation(record, options: options)
        add("Eigen inzet: \(valuation.map { DutchNumber.euro($0.effort) } ?? "—")", .heading)
        for worker in record.effort.workers {
            add("  \(worker.description): \(DutchNumber.readable(worker.hours)) uur × \(DutchNumber.euro(worker.hourlyRate))")
        }
        if record.effort.volunteerHours > 0 {
            add("  Vrijwilligers: \(DutchNumber.readable(record.effort.volunteerHours)) uur × \(DutchNumber.euro(record.effort.volunteerRate))")
        }
        for cost in record.effort.otherCosts { add("  \(cost.description): \(DutchNumber.euro(cost.amount))") }
        add("")
        add("Ingezette zorg", .heading)
        if record.deployed.isEmpty { add("  geen") }
        for (index, line) in record.deployed.enumerated() {
            let value = valuation.map { DutchNumber.euro($0.deployedValues[index]) } ?? "—"
            add("  \(lawName(line.item.law, priceList)) · \(line.item.description): \(line.quantity.dutchText(unit: line.item.unit)) × \(DutchNumber.euro(line.item.unitPrice)) = \(value)")
            if !line.note.isEmpty { wrapped("“\(line.note)”", indent: 6, style: .muted) }
        }
        add("")
        add("Voorkomen zorg (toerekening \(record.attribution.dutchText))", .heading)
        if record.avoided.isEmpty { add("  geen") }
        for (index, line) in record.avoided.enumerated() {
            let value = valuation.map { DutchNumber.euro($0.avoidedLines[index].value) } ?? "—"
            let factors = valuation.map { $0.avoidedLines[index].dutchFactors } ?? ""
            let transfer = line.item.kind == .transfer ? " (transfer)" : ""
            add("\(TextWidth.padLeft("\(index + 1)", to: 3)) \(lawName(line.item.law, priceList)) · \(line.item.description)\(transfer)", .normal, avoided: index + 1)
            add("      \(line.quantity.dutchText(unit: line.item.unit)) × \(DutchNumber.euro(line.item.unitPrice)) (\(line.item.priceYear))\(factors) × kans \(line.likelihood.dutchText) × \(record.attribution.dutchText) = \(value)",
                .normal, avoided: index + 1)
            wrapped(line.reasoning.isEmpty ? "(geen onderbouwing)" : "“\(line.reasoning)”", indent: 6, style: .muted, avoided: index + 1)
            if let position = comparisons[line.item.code]?.dutchPosition(units: line.quantity.units, likelihood: line.likelihood,
                                                                          intervention: context.intervention) {
                wrapped(position, indent: 6, style: .muted, avoided: index + 1)
            }
        }
        add("")
        totals(record, priceList, options)
        add("")
        add("Geschiedenis", .heading)
        if record.history.isEmpty { add("  nog geen wijzigingen") }
        for event in record.history {
            wrapped("\(DutchTimestamp.display(event.at)) \(event.by): \(event.dutchChange) — \(event.reason)", indent: 2)
        }
    }

    private mutating func totals(_ record: CaseRecord, _ priceList: PriceList?, _ options: EstimateOptions) {
        guard let reviewed = try? CaseValuation(record, options: options) else { add("Deze casus kan niet worden berekend.", .warning); return }
        let original = record.original == nil ? nil : try? CaseValuation(record.asOriginallyEstimated, options: options)
        add(original == nil ? "Per wet (netto)" : "Per wet (netto): oorspronkelijk → beoordeeld", .heading)
        let codes = LawOrder.codes(priceList: priceList, present: reviewed.perLaw.keys).filter { reviewed.perLaw[$0] != nil || original?.perLaw[$0] != nil }
        // Amounts stand right-aligned in their columns, as in every other table (helper-31).
        let rows = codes.map { code in (lawName(code, priceList), original.map { DutchNumber.euro(($0.perLaw[code] ?? Totals()).net) },
                                        DutchNumber.euro((reviewed.perLaw[code] ?? Totals()).net)) }
            + [("Totaal", original.map { DutchNumber.euro($0.total.net) }, DutchNumber.euro(reviewed.total.net))]
        let beforeWidth = rows.compactMap { $0.1 }.map(TextWidth.of).max() ?? 0
        let afterWidth = rows.map { TextWidth.of($0.2) }.max() ?? 0
        for (index, row) in rows.enumerated() {
            let before = row.1.map { TextWidth.padLeft($0, to: beforeWidth) + " → " } ?? ""
            add("  \(TextWidth.padRight(row.0, to: 26)) \(before)\(TextWidth.padLeft(row.2, to: afterWidth))", index == rows.count - 1 ? .heading : .normal)
        }
        let ratioBefore = original.map { DutchNumber.ratio($0.total.returnRatio) + " → " } ?? ""
        add("  Rendement: \(ratioBefore)\(DutchNumber.ratio(reviewed.total.returnRatio))")
    }

    private func lawName(_ code: String, _ list: PriceList?) -> String { list?.lawName(code) ?? code }

    /// One line, wrapped when wider than the screen (continuations indented two more):
    /// a line cut at the edge showed "= € 56" for € 560,02.
    private mutating func add(_ text: String, _ style: Style = .normal, avoided: Int? = nil) {
        guard TextWidth.of(text) > width else {
            lines.append(Line(text: text, style: style, avoidedLine: avoided))
            return
        }
        let indent = text.prefix { $0 == " " }.count
        let body = Array(text.dropFirst(indent))
        for (number, piece) in TextEditing.wrap(String(body), width: max(10, width - indent - 2)).enumerated() {
            let margin = String(repeating: " ", count: number == 0 ? indent : indent + 2)
            lines.append(Line(text: margin + String(body[piece.start..<piece.end]), style: style, avoidedLine: avoided))
        }
    }

    private mutating func wrapped(_ text: String, indent: Int, style: Style = .normal, avoided: Int? = nil) {
        let characters = Array(text)
        for line in TextEditing.wrap(text, width: max(10, width - indent)) {
            add(String(repeating: " ", count: indent) + String(characters[line.start..<line.end]), style, avoided: avoided)
        }
    }
}
