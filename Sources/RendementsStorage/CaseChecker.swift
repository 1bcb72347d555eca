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
        for (field, text) in freeTexts(record) {
            let readings = BSN.readings(of: text)
            if !readings.refused.isEmpty {
                error("\(field) bevat een getal dat een BSN kan zijn; een casus blijft pseudoniem, haal het nummer weg")
            } else if !readings.warned.isEmpty {
                warning("\(field) bevat cijfers die samen gelezen de elfproef van een BSN halen; controleer dat het geen BSN is")
            }
        }
        let sameVersion = priceList.map { $0.version == record.priceListVersion } ?? false
        if let priceList, !sameVersion {
            warning("geprijsd met prijslijstversie \(record.priceListVersion), de gekozen lijst is \(priceList.version): de prijzen zijn niet tegen de lijst te controleren; 'rendementsmeter reprice --to MAP' herprijst expliciet")
        }
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
                // The price year too: when only the year differs, two equal amounts alone would not say what is wrong.
                error("\(place): prijs van '\(item.code)' wijkt af van prijslijst \(priceList.version) "
                      + "(\(DutchNumber.euro(item.unitPrice)) (\(item.priceYear)) in de casus, \(DutchNumber.euro(current.price)) (\(current.priceYear)) in de lijst)")
            }
        }
        for message in priceList?.doubleCounting(record.avoided.map(\.item.code)) ?? [] { warning("dubbeltelling: " + message) }
        for message in ValueBounds.problems(record) { error(message) }
        for message in HistoryChain.problems(record, writtenSeal: stored.writtenSeal) { error("casus \(record.id): " + message) }
        problems += historyConsistency(stored)
        // Whether the case's own numbers can be valued at all; what a business case's settings add
        // (an index year the table lacks) the reports name, for every case alike.
        do {
            _ = try CaseValuation(record, options: .plain)
        } catch {
            problems.append(Problem(file: stored.fileName, message: error.dutchMessage))
        }
        return problems
    }

    /// What makes a case untrustworthy as a whole: a broken, cut or foreign history, numbers
    /// changed after the last event, a status its history does not support, values beyond
    /// the bounds. Such a case is named, left out of every figure and never written over.
    /// `writtenSeal`: the seal read off the file's bytes, if any (`WrittenSeal`), which spares
    /// computing it from the record when it matches.
    public static func integrityProblems(_ record: CaseRecord, writtenSeal: String?) -> [String] {
        let period = record.context.periodEnd < record.context.periodStart
            ? ["de einddatum \(record.context.periodEnd.dutch) ligt voor de begindatum \(record.context.periodStart.dutch)"] : []
        return period + HistoryChain.problems(record, writtenSeal: writtenSeal)
            + historyConsistency(StoredCase(record: record, fileName: "")).filter { $0.severity == .error }.map(\.message)
            + ValueBounds.problems(record)
    }

    /// Status changes must follow the flow and end in the current status; an approval must be
    /// in the history, by someone other than the author; line events must name existing lines.
    static func historyConsistency(_ stored: StoredCase) -> [Problem] {
        let record = stored.record
        var messages: [String] = []
        var warnings: [String] = []
        var lines = record.original?.avoided.count ?? record.avoided.count
        var status: CaseStatus? = nil
        var lastStatusEvent: CaseEvent? = nil
        for (index, event) in record.history.enumerated() {
            let number = index + 1
            switch event.action {
            case .status:
                guard let from = CaseStatus(rawValue: event.old), let to = CaseStatus(rawValue: event.new) else {
                    messages.append("gebeurtenis \(number): onbekende status '\(event.old)' → '\(event.new)'")
                    continue
                }
                if let status, status != from {
                    messages.append("gebeurtenis \(number): de status was \(status.rawValue), niet \(from.rawValue)")
                }
                if !from.canMove(to: to) {
                    messages.append("gebeurtenis \(number): de stap \(from.rawValue) → \(to.rawValue) is niet toegestaan")
                }
                if to == .goedgekeurd && event.by == record.author {
                    messages.append("gebeurtenis \(number): goedgekeurd door de auteur zelf (\(event.by))")
                }
                // Only the author submits; otherwise the author was changed afterwards (found by a helper:
                // an approved case's author could be rewritten, and its lines counted as someone else's).
                if to == .ingediend && event.by != record.author {
                    messages.append("gebeurtenis \(number): ingediend door \(event.by), maar de auteur is \(record.author)")
                }
                status = to
                lastStatusEvent = event
            case .import:
                // An import starts the status afresh; the flow before it belongs to the other business case.
                guard let to = CaseStatus(rawValue: event.new) else {
                    messages.append("gebeurtenis \(number): onbekende status '\(event.new)' bij import")
                    continue
                }
                status = to
                lastStatusEvent = event
            case .schema:
                continue
            case .wijziging, .regelVerwijderd, .regelToegevoegd, .herprijzing, .aanpassing:
                // After approval only an explicit re-pricing may touch the figures.
                if status == .goedgekeurd && event.action != .herprijzing {
                    messages.append("gebeurtenis \(number): de casus was al goedgekeurd; \(event.by) wijzigde daarna nog \(event.field)")
                }
                guard event.field.hasPrefix("voorkomen[") else { continue }
                let digits = event.field.dropFirst("voorkomen[".count).prefix { $0.isNumber }
                guard let line = Int(digits) else { continue }
                if event.action == .regelToegevoegd { lines += 1 }
                if line < 1 || line > lines {
                    messages.append("gebeurtenis \(number) gaat over voorkomen regel \(line), maar de casus had toen \(lines) regels")
                }
                if event.action == .regelVerwijderd { lines -= 1 }
            }
        }
        if let status, status != record.status {
            messages.append("de status is \(record.status.rawValue), maar volgens de geschiedenis \(status.rawValue)")
        } else if status == nil && record.status != .concept && (record.status != .ingediend || record.schemaVersion >= 2) {
            // Schema 1 intakes wrote submitted cases without an event; everything else needs one.
            messages.append("de status is \(record.status.rawValue), maar de geschiedenis heeft geen gebeurtenis die dat zo maakte")
        }
        // An approval by the author is named at its event above; one carried in by an import is only a warning.
        if record.status == .goedgekeurd, status == .goedgekeurd, let approval = lastStatusEvent, approval.action == .import {
            warnings.append("goedgekeurd bij import overgenomen (door \(approval.by)); de goedkeuring is niet in deze business case gegeven")
        }
        return messages.map { Problem(file: stored.fileName, message: "casus \(record.id): " + $0) }
            + warnings.map { Problem(file: stored.fileName, message: "casus \(record.id): " + $0, severity: .warning) }
    }

    /// Every free-text field of a case, named in Dutch, for the privacy guards.
    public static func freeTexts(_ record: CaseRecord) -> [(String, String)] {
        var texts: [(String, String)] = [
            ("het verhaal (situatie)", record.story.situation),
            ("het verhaal (aanpak)", record.story.approach),
            ("het verhaal (resultaat)", record.story.result),
            ("interventie", record.context.intervention), ("team", record.context.team),
            ("gemeente", record.context.municipality), ("verwijzer", record.context.referrer),
            ("huishouden", record.context.household), ("leeftijdsgroep", record.context.ageBand),
        ]
        for worker in record.effort.workers { texts.append(("omschrijving eigen inzet", worker.description)) }
        for cost in record.effort.otherCosts { texts.append(("omschrijving overige kosten", cost.description)) }
        for (index, event) in record.history.enumerated() { texts.append(("reden bij gebeurtenis \(index + 1)", event.reason)) }
        for (index, line) in record.avoided.enumerated() { texts.append(("onderbouwing regel \(index + 1)", line.reasoning)) }
        for (index, line) in record.deployed.enumerated() { texts.append(("toelichting ingezette zorg \(index + 1)", line.note)) }
        // A file from elsewhere can carry text anywhere (found by a helper: an item's description, the author).
        for (index, line) in record.avoided.enumerated() { texts.append(("omschrijving voorkomen zorg regel \(index + 1)", line.item.description)) }
        for (index, line) in record.deployed.enumerated() { texts.append(("omschrijving ingezette zorg regel \(index + 1)", line.item.description)) }
        texts.append(("auteur", record.author))
        // Texts that are not free to type in the app, but a file from elsewhere can carry anything there (helper-20: an
        // original estimate, a step's field and values, a rate code); the server refuses a BSN anywhere in a case too.
        texts.append(("prijslijstversie", record.priceListVersion))
        for (index, worker) in record.effort.workers.enumerated() { texts.append(("tariefcode eigen inzet \(index + 1)", worker.rateCode)) }
        for (index, event) in record.history.enumerated() {
            texts += [("wie bij gebeurtenis \(index + 1)", event.by), ("veld bij gebeurtenis \(index + 1)", event.field),
                      ("oude waarde bij gebeurtenis \(index + 1)", event.old), ("nieuwe waarde bij gebeurtenis \(index + 1)", event.new)]
        }
        for (index, line) in record.avoided.enumerated() { texts += [("code voorkomen zorg regel \(index + 1)", line.item.code), ("eenheid voorkomen zorg regel \(index + 1)", line.item.unit)] }
        for (index, line) in record.deployed.enumerated() { texts += [("code ingezette zorg regel \(index + 1)", line.item.code), ("eenheid ingezette zorg regel \(index + 1)", line.item.unit)] }
        if let original = record.original {
            for (index, line) in original.avoided.enumerated() {
                texts += [("oorspronkelijke onderbouwing regel \(index + 1)", line.reasoning), ("oorspronkelijke omschrijving regel \(index + 1)", line.item.description)]
            }
            for (index, line) in original.deployed.enumerated() {
                texts += [("oorspronkelijke toelichting ingezette zorg \(index + 1)", line.note),
                          ("oorspronkelijke omschrijving ingezette zorg \(index + 1)", line.item.description)]
            }
        }
        if let provenance = record.provenance {
            texts += [("herkomst (casus)", provenance.sourceID), ("herkomst (bestand)", provenance.sourceFile)]
            for (index, event) in provenance.history.enumerated() {
                texts += [("reden bij eerdere gebeurtenis \(index + 1)", event.reason), ("nieuwe waarde bij eerdere gebeurtenis \(index + 1)", event.new)]
            }
        }
        return texts
    }
}
