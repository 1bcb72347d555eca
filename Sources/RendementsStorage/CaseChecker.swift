import RendementsDomain

/// Checks the contents of cases against the method and the price list.
public enum CaseChecker {
    public static func problems(_ stored: StoredCase, priceList: PriceList?) -> [Problem] {
        let record = stored.record
        var problems: [Problem] = []
        func error(_ message: String) { problems.append(Problem(file: stored.fileName, message: message)) }
        func warning(_ message: String) { problems.append(Problem(file: stored.fileName, message: message, severity: .warning)) }

        if record.context.periodEnd < record.context.periodStart {
            error("de einddatum \(record.context.periodEnd.dutch) ligt voor de begindatum \(record.context.periodStart.dutch)")
        }
        for (field, text) in freeTexts(record) where !BSN.candidates(in: text).isEmpty {
            error("\(field) bevat een getal dat een BSN kan zijn; een casus blijft pseudoniem, haal het nummer weg")
        }
        let sameVersion = priceList.map { $0.version == record.priceListVersion } ?? false
        let lines = record.avoided.enumerated().map { ("voorkomen zorg regel \($0.offset + 1)", $0.element.item) }
            + record.deployed.enumerated().map { ("ingezette zorg regel \($0.offset + 1)", $0.element.item) }
        for (place, item) in lines {
            guard let priceList else { continue }
            if priceList.law(item.law) == nil {
                error("\(place): wet '\(item.law)' is onbekend in de prijslijst")
            }
            guard let current = priceList.item(item.code) else {
                let message = "\(place): item '\(item.code)' staat niet in prijslijst \(priceList.version)"
                if sameVersion { error(message + "; kies een bestaand item") } else { warning(message + " (casus berekend met \(record.priceListVersion))") }
                continue
            }
            if sameVersion && (current.price != item.unitPrice || current.priceYear != item.priceYear) {
                error("\(place): prijs van '\(item.code)' wijkt af van prijslijst \(priceList.version) (\(DutchNumber.euro(item.unitPrice)) in de casus, \(DutchNumber.euro(current.price)) in de lijst)")
            }
        }
        do {
            _ = try CaseValuation(record)
        } catch {
            problems.append(Problem(file: stored.fileName, message: error.dutchMessage))
        }
        return problems
    }

    /// Every free-text field of a case, named in Dutch, for the privacy guards.
    public static func freeTexts(_ record: CaseRecord) -> [(String, String)] {
        var texts: [(String, String)] = [
            ("het verhaal (situatie)", record.story.situation),
            ("het verhaal (aanpak)", record.story.approach),
            ("het verhaal (resultaat)", record.story.result),
            ("interventie", record.context.intervention), ("team", record.context.team),
            ("gemeente", record.context.municipality), ("verwijzer", record.context.referrer),
        ]
        for (index, line) in record.avoided.enumerated() { texts.append(("onderbouwing regel \(index + 1)", line.reasoning)) }
        for (index, line) in record.deployed.enumerated() { texts.append(("toelichting ingezette zorg \(index + 1)", line.note)) }
        return texts
    }
}
