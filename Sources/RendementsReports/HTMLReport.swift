import Foundation
import RendementsDomain

/// A self-contained, printable report of the business case for a municipality:
/// summary, charts as inline SVG, tables, case stories, the method and every source.
/// Written as well-formed XHTML-compatible HTML, with no scripts or external files.
public enum HTMLReport {
    public struct Input: Sendable {
        public let name: String
        public let examples: ExampleShare
        public let summary: BusinessCaseSummary
        /// The same cases as the authors estimated them, when reviewers changed any.
        public let original: BusinessCaseSummary?
        /// Every price the counted cases used, by code (the last case in file order wins).
        public let usedItems: [String: PricedItem]
        /// The cases whose stories are told, in the order they are told.
        public let stories: [CaseRecord]
        public let priceList: PriceList?
        public let generatedOn: String
        /// Stories and reasoning are left out unless asked for.
        public let withStories: Bool

        /// From a digest of the counted cases, made a case at a time, and the cases it chose for stories.
        public init(name: String, examples: ExampleShare, summary: BusinessCaseSummary, original: BusinessCaseSummary?,
                    digest: CaseDigest, stories: [CaseRecord], priceList: PriceList?, generatedOn: String, withStories: Bool) {
            self.withStories = withStories
            self.name = name
            self.examples = examples
            self.summary = summary
            self.original = original
            usedItems = digest.usedItems
            self.stories = stories
            self.priceList = priceList
            self.generatedOn = generatedOn
        }

        /// From the cases themselves (the ones the summary counts are used).
        public init(name: String, examples: ExampleShare, summary: BusinessCaseSummary, original: BusinessCaseSummary?,
                    records: [CaseRecord], priceList: PriceList?, generatedOn: String, withStories: Bool = false) {
            let counted = Set(summary.countedIDs)
            var digest = CaseDigest()
            for record in records where counted.contains(record.id) { digest.add(CaseDigest.part(record, options: summary.options)) }
            let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            self.init(name: name, examples: examples, summary: summary, original: original, digest: digest,
                      stories: digest.storyIDs.compactMap { byID[$0] }, priceList: priceList, generatedOn: generatedOn,
                      withStories: withStories)
        }
    }

    /// What the report takes from the counted cases' files: the prices they used and which
    /// stories to tell. Gathered one case at a time, so an export of 100,000 cases never
    /// holds them all.
    public struct CaseDigest: Sendable {
        public private(set) var usedItems: [String: PricedItem] = [:]
        private var nets: [(id: String, net: Money)] = []

        public init() {}

        /// One case's part of the digest; made on any core, added in file order.
        public struct Part: Sendable {
            let id: String
            let net: Money?
            let items: [PricedItem]
        }

        /// `options`: the summary's, so the stories chosen as the largest are those the report counts largest.
        public static func part(_ record: CaseRecord, options: EstimateOptions) -> Part {
            Part(id: record.id, net: (try? CaseValuation(record, options: options))?.total.net,
                 items: record.avoided.map(\.item) + record.deployed.map(\.item))
        }

        public mutating func add(_ part: Part) {
            for item in part.items { usedItems[item.code] = item }
            if let net = part.net { nets.append((part.id, net)) }
        }

        /// The three largest cases by net result and three more picked by a stable shuffle of the ids.
        public var storyIDs: [String] {
            let largest = nets.sorted { ($0.net, $1.id) > ($1.net, $0.id) }.prefix(3)
            let chosen = Set(largest.map(\.id))
            let sample = nets.filter { !chosen.contains($0.id) }.sorted { HTMLReport.stableHash($0.id) < HTMLReport.stableHash($1.id) }.prefix(3)
            return largest.map(\.id) + sample.map(\.id)
        }
    }

    public static func render(_ input: Input) -> String {
        let summary = input.summary
        var body = ""
        body += "<h1>Rendementsmeter: \(e(input.name))</h1>"
        if let note = input.examples.reportNote { body += "<p class=\"banner\">\(e(note))</p>" }
        body += "<p class=\"meta\">Telt: \(e(summary.filter.dutchDescription)) (\(DutchNumber.count(summary.countedCases)) van \(DutchNumber.count(summary.caseCount))). "
        body += "Prijslijst: \(e(input.priceList.map { "\($0.name), versie \($0.version)" } ?? "onbekend")). Gemaakt op \(e(input.generatedOn)). "
        body += "\(e(summary.options.priceYearText.prefix(1).uppercased() + summary.options.priceYearText.dropFirst())).</p>"
        body += summaryTable(summary, input.priceList)
        body += originalSection(summary, input.original, input.priceList)
        body += timeSection(summary)
        body += lawSection(summary, input.priceList)
        body += itemSection(summary)
        body += groupSection("Per interventie", summary.perIntervention)
        body += groupSection("Per team", summary.perTeam)
        body += groupSection("Per leefgebied (een casus telt bij elk leefgebied dat hij raakt)",
                             Dictionary(uniqueKeysWithValues: summary.perLifeDomain.map { ($0.key.dutchName, $0.value) }))
        body += input.withStories ? storySection(input.stories, input.priceList, input.summary.options)
            : "<h2>Verhalen achter de cijfers</h2><p class=\"note\">Niet opgenomen; maak het rapport met --with-stories om de (pseudonieme) verhalen van de grootste en enkele andere casussen te tonen.</p>"
        body += methodSection()
        body += sourceSection(input.usedItems, input.priceList)
        return """
        <!DOCTYPE html>
        <html lang="nl" xmlns="http://www.w3.org/1999/xhtml">
        <head>
        <meta charset="utf-8"/>
        <title>Rendementsmeter: \(e(input.name))</title>
        <style>
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #111; max-width: 60em; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.25em; border-bottom: 1px solid #999; margin-top: 1.6em; }
        table { border-collapse: collapse; margin: 0.5em 0; } th, td { padding: 0.2em 0.6em; border-bottom: 1px solid #ddd; text-align: left; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        tr.total td { font-weight: bold; border-top: 2px solid #333; }
        .banner { background: #fff3cd; border: 1px solid #c9a227; padding: 0.5em; font-weight: bold; }
        .meta, .note { color: #444; } .story { border-left: 3px solid #1f4e79; padding-left: 1em; margin: 1em 0; }
        @media print { body { margin: 1cm; } h2 { page-break-after: avoid; } .story, table, svg { page-break-inside: avoid; } }
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    static func e(_ text: String) -> String { HTML.escape(text) }
    static func euro(_ money: Money) -> String { e(DutchNumber.euro(money)) }

    private static func summaryTable(_ summary: BusinessCaseSummary, _ list: PriceList?) -> String {
        var html = "<h2>Samenvatting per wet</h2><table><tr><th>Wet / domein</th><th>Financier</th><th class=\"n\">Eigen inzet</th><th class=\"n\">Ingezet</th><th class=\"n\">Voorkomen</th><th class=\"n\">Netto</th></tr>"
        for code in LawOrder.codes(priceList: list, present: summary.perLaw.keys) {
            let totals = summary.perLaw[code] ?? Totals()
            html += "<tr><td>\(e(list?.lawName(code) ?? code))</td><td>\(e(list?.law(code)?.financier ?? ""))</td><td class=\"n\">\(euro(totals.effort))</td><td class=\"n\">\(euro(totals.deployed))</td><td class=\"n\">\(euro(totals.avoided))</td><td class=\"n\">\(euro(totals.net))</td></tr>"
        }
        let total = summary.total
        html += "<tr class=\"total\"><td>Totaal</td><td></td><td class=\"n\" id=\"totaal-inzet\">\(euro(total.effort))</td><td class=\"n\" id=\"totaal-ingezet\">\(euro(total.deployed))</td><td class=\"n\" id=\"totaal-voorkomen\">\(euro(total.avoided))</td><td class=\"n\" id=\"totaal-netto\">\(euro(total.net))</td></tr></table>"
        html += "<p>Rendement (voorkomen ÷ (eigen inzet + ingezet)): <strong id=\"rendement\">\(e(DutchNumber.ratio(total.returnRatio)))</strong></p>"
        html += "<p>Bandbreedte netto: laag \(euro(total.netLow)), centraal \(euro(total.net)), hoog \(euro(total.netHigh)). Conservatief (correctie naar betrouwbaarheid van de prijzen): \(euro(total.netConservative)), naast, niet in plaats van, de centrale schatting.</p>"
        if total.avoidedTransfers != .zero || total.deployedTransfers != .zero {
            html += "<p class=\"note\">Transfers (uitkeringen zoals bijstand) zijn herverdeling, geen maatschappelijke besparing: ze staan niet in het totaal hierboven. De financier bespaart ze wel: voorkomen \(euro(total.avoidedTransfers)), ingezet \(euro(total.deployedTransfers)).</p>"
        }
        return html
    }

    private static func originalSection(_ summary: BusinessCaseSummary, _ original: BusinessCaseSummary?, _ list: PriceList?) -> String {
        guard let original, original.total != summary.total else { return "" }
        var html = "<h2>Oorspronkelijke schatting en beoordeling</h2><p>Collega's hebben schattingen aangepast, elk met een reden in de geschiedenis van de casus.</p><table><tr><th>Wet / domein</th><th class=\"n\">Netto oorspronkelijk</th><th class=\"n\">Netto na beoordeling</th></tr>"
        for code in LawOrder.codes(priceList: list, present: Set(summary.perLaw.keys).union(original.perLaw.keys)) {
            html += "<tr><td>\(e(list?.lawName(code) ?? code))</td><td class=\"n\">\(euro((original.perLaw[code] ?? Totals()).net))</td><td class=\"n\">\(euro((summary.perLaw[code] ?? Totals()).net))</td></tr>"
        }
        return html + "<tr class=\"total\"><td>Totaal</td><td class=\"n\">\(euro(original.total.net))</td><td class=\"n\">\(euro(summary.total.net))</td></tr></table>"
    }

    private static func timeSection(_ summary: BusinessCaseSummary) -> String {
        var running = Totals()
        var bars: [SVGChart.Bar] = []
        for month in summary.perMonth.keys.sorted() {
            running += summary.perMonth[month]?.totals ?? Totals()
            bars.append(SVGChart.Bar(label: month, value: running.avoided, secondary: running.effort + running.deployed))
        }
        return "<h2>Verloop (cumulatief, per maand van afronding)</h2>"
            + SVGChart.horizontal(bars, title: "Cumulatief voorkomen en kosten per maand", primaryLegend: "voorkomen zorg (cumulatief)",
                                  secondaryLegend: "eigen inzet + ingezette zorg (cumulatief)")
    }

    private static func lawSection(_ summary: BusinessCaseSummary, _ list: PriceList?) -> String {
        let financiers = summary.perFinancier(list)
        var html = "<h2>Wie betaalt, wie bespaart</h2>"
        html += SVGChart.horizontal(financiers.map { SVGChart.Bar(label: $0.financier, value: $0.group.totals.avoided, secondary: $0.group.totals.effort + $0.group.totals.deployed) },
                                    title: "Per financier: bespaart en betaalt", primaryLegend: "bespaart (voorkomen zorg)", secondaryLegend: "betaalt (eigen inzet + ingezette zorg)")
        html += "<table><tr><th>Financier</th><th class=\"n\">Betaalt</th><th class=\"n\">Bespaart</th><th class=\"n\">Transfers</th><th class=\"n\">Saldo voor de financier</th></tr>"
        for (financier, group) in financiers {
            let totals = group.totals
            html += "<tr><td>\(e(financier))</td><td class=\"n\">\(euro(totals.effort + totals.deployed))</td><td class=\"n\">\(euro(totals.avoided))</td><td class=\"n\">\(euro(totals.avoidedTransfers - totals.deployedTransfers))</td><td class=\"n\">\(euro(totals.financierNet))</td></tr>"
        }
        return html + "</table>"
    }

    private static func itemSection(_ summary: BusinessCaseSummary) -> String {
        let top = summary.topItemsByValue(10)
        var html = "<h2>Meest voorkomen zorg</h2>"
        html += SVGChart.horizontal(top.map { SVGChart.Bar(label: $0.description, value: $0.value, secondary: nil) },
                                    title: "Voorkomen zorg naar waarde", primaryLegend: "voorkomen zorg (na kans en toerekening)")
        html += "<table><tr><th>Item</th><th class=\"n\">Regels</th><th class=\"n\">Casussen</th><th class=\"n\">Waarde</th></tr>"
        for item in summary.topItemsByCount(10) {
            html += "<tr><td>\(e(item.description)) (\(e(item.code)))</td><td class=\"n\">\(DutchNumber.count(item.lineCount))</td><td class=\"n\">\(DutchNumber.count(item.caseIDs.count))</td><td class=\"n\">\(euro(item.value))</td></tr>"
        }
        html += "</table><h3>Verdeling van de casusresultaten (netto)</h3><table><tr><th>Resultaat</th><th class=\"n\">Casussen</th></tr>"
        for band in summary.resultBands { html += "<tr><td>\(e(band.dutchLabel))</td><td class=\"n\">\(DutchNumber.count(band.caseIDs.count))</td></tr>" }
        return html + "</table>"
    }

    private static func groupSection(_ title: String, _ groups: [String: GroupTotals]) -> String {
        var html = "<h2>\(e(title))</h2><table><tr><th>Groep</th><th class=\"n\">Casussen</th><th class=\"n\">Voorkomen</th><th class=\"n\">Netto</th><th class=\"n\">Mediaan casus</th><th class=\"n\">Rendement</th></tr>"
        for (name, group) in groups.sorted(by: { ($0.value.totals.net, $1.key) > ($1.value.totals.net, $0.key) }) {
            html += "<tr><td>\(e(name))</td><td class=\"n\">\(DutchNumber.count(group.caseCount))</td><td class=\"n\">\(euro(group.totals.avoided))</td><td class=\"n\">\(euro(group.totals.net))</td><td class=\"n\">\(group.medianResult.map(euro) ?? "–")</td><td class=\"n\">\(e(DutchNumber.ratio(group.totals.returnRatio)))</td></tr>"
        }
        return html + "</table>"
    }

    /// The chosen cases' stories: the three largest by net result, then three more (see `CaseDigest.storyIDs`).
    private static func storySection(_ stories: [CaseRecord], _ list: PriceList?, _ options: EstimateOptions) -> String {
        let valued = stories.compactMap { record in (try? CaseValuation(record, options: options)).map { (record, $0) } }
        guard !valued.isEmpty else { return "" }
        var html = "<h2>Verhalen achter de cijfers</h2><p class=\"note\">De drie casussen met het grootste resultaat en drie andere, vast gekozen uit de rest. Pseudoniem: geen namen of adressen.</p>"
        for (record, valuation) in valued {
            html += "<div class=\"story\"><h3>\(e(record.id)): \(e(record.context.intervention)), \(e(record.context.team)), netto \(euro(valuation.total.net))</h3>"
            html += record.story.labelled.map { "<p><strong>\(e($0.label)).</strong> \(e($0.text))</p>" }.joined() + "<ul>"
            for line in valuation.avoidedLines {
                html += "<li>\(e(list?.lawName(line.line.item.law) ?? line.line.item.law)): \(e(line.line.item.description)), \(e(line.line.quantity.readableText)) \(e(line.line.item.unit)), kans \(e(line.line.likelihood.dutchText)): \(euro(line.value)). <em>\(e(line.line.reasoning))</em></li>"
            }
            html += "</ul></div>"
        }
        return html
    }

    /// FNV-1a: the same sample on every run and machine, unlike `hashValue`.
    static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(14_695_981_039_346_656_037) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }

    private static func methodSection() -> String {
        """
        <h2>Hoe is dit berekend?</h2>
        <p>Sociaal werkers leggen afgeronde casussen vast: wat zij deden (uren maal uurtarief: de kosten) en welke zorg daardoor waarschijnlijk niet nodig was. Elke regel voorkomen zorg is een item uit een maatschappelijke prijslijst met bron en prijsjaar.</p>
        <ul>
        <li>Waarde van een regel = eenheidsprijs × hoeveelheid × kans dat de zorg zonder de interventie nodig was geweest × toerekening (het deel dat aan deze interventie te danken is). De correcties worden vermenigvuldigd, nooit opgeteld, en elke regel wordt één keer afgerond op de cent (half-even).</li>
        <li>Netto = voorkomen zorg − ingezette zorg − eigen inzet. Rendement = voorkomen zorg ÷ (eigen inzet + ingezette zorg).</li>
        <li>Per wet staat wie betaalt en wie bespaart. Een verschuiving van de ene wet naar de andere is geen besparing voor de samenleving.</li>
        <li>Uitkeringen (transfers) tellen voor de financier, niet in het maatschappelijk totaal.</li>
        <li>Collega's beoordelen de schattingen; elke wijziging heeft een reden en blijft in de geschiedenis. Het blijft een schatting: tel en vertel.</li>
        <li>Prijzen hebben een prijsjaar en kunnen met de CPI van het CBS naar één rapportjaar worden gebracht. Effecten over meer jaren nemen per jaar af en worden verdisconteerd met 2,25 % (jaar 1 volledig).</li>
        <li>Elke prijs heeft een betrouwbaarheid (groen, oranje, rood); de conservatieve schatting haalt er 0, 20 of 40 % af. Laag en hoog volgen uit lagere en hogere hoeveelheden of kansen per regel.</li>
        </ul>
        """
    }

    private static func sourceSection(_ used: [String: PricedItem], _ list: PriceList?) -> String {
        var html = "<h2>Gebruikte prijzen en bronnen</h2><table><tr><th>Code</th><th>Omschrijving</th><th class=\"n\">Prijs</th><th>Eenheid</th><th class=\"n\">Prijsjaar</th><th>Bron</th><th>Betrouwbaarheid</th></tr>"
        for code in used.keys.sorted() {
            guard let item = used[code] else { continue }
            let source = list?.item(code)
            html += "<tr><td>\(e(code))</td><td>\(e(item.description))</td><td class=\"n\">\(euro(item.unitPrice))</td><td>\(e(item.unit))</td><td class=\"n\">\(item.priceYear)</td><td>\(e(source?.source ?? "niet meer in de huidige prijslijst"))</td><td>\(e(source?.grade.rawValue ?? "–"))</td></tr>"
        }
        return html + "</table>"
    }
}
