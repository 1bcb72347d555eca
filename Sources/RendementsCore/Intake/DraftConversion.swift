import Foundation
import RendementsDomain

/// A problem that stops a draft from becoming a case, with the step to fix it in.
public struct DraftProblem: Hashable, Sendable {
    public let step: IntakeStep
    public let field: FieldID?
    public let message: String
}

/// The problems that keep a draft from becoming a case.
public struct IncompleteDraft: Error, Hashable, Sendable {
    public let problems: [DraftProblem]
}

/// Turns what was typed into a case, field by field, with Dutch messages for what is not valid yet.
public struct DraftConversion: Sendable {
    public let form: IntakeForm

    public init(form: IntakeForm) { self.form = form }

    /// The message for one typed value, or nil when it is fine (or still empty where empty is allowed).
    public static func fieldError(_ kind: FieldKind, _ text: String, label: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        switch kind {
        case .number:
            guard let value = DutchNumber.parse(trimmed) else {
                if let tooLong = DutchNumber.lengthProblem(trimmed) {
                    return "\(label): '\(trimmed)' \(tooLong); het maximum is \(DutchNumber.readable(ValueBounds.maximumQuantity))"
                }
                return "\(label): '\(trimmed)' is geen getal; schrijf bijvoorbeeld 12 of 1.234,56"
            }
            if value < 0 { return "\(label): een negatief getal kan hier niet" }
            return value > ValueBounds.maximumQuantity
                ? "\(label): \(DutchNumber.readable(value)) is meer dan het maximum van \(DutchNumber.readable(ValueBounds.maximumQuantity))" : nil
        case .date:
            return CalendarDay(dutch: trimmed) == nil ? "\(label): '\(trimmed)' is geen datum; schrijf dd-mm-jjjj, bijvoorbeeld 30-06-2025" : nil
        default:
            return nil
        }
    }

    /// The case this draft describes, or every problem that stands in the way.
    public func record(_ draft: IntakeDraft, status: CaseStatus) -> Result<CaseRecord, IncompleteDraft> {
        var problems: [DraftProblem] = []
        func require(_ text: String, _ step: IntakeStep, _ field: FieldID, _ message: String) {
            if text.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(DraftProblem(step: step, field: field, message: message)) }
        }
        require(draft.intervention, .context, .intervention, "Kies een interventie.")
        require(draft.team, .context, .team, "Vul het team in.")
        require(draft.municipality, .context, .municipality, "Vul de gemeente in.")
        let start = CalendarDay(dutch: draft.periodStart)
        let end = CalendarDay(dutch: draft.periodEnd)
        if start == nil { problems.append(DraftProblem(step: .context, field: .periodStart, message: "Vul een geldige begindatum in (dd-mm-jjjj).")) }
        if end == nil { problems.append(DraftProblem(step: .context, field: .periodEnd, message: "Vul een geldige einddatum in (dd-mm-jjjj).")) }
        if let start, let end, end < start {
            problems.append(DraftProblem(step: .context, field: .periodEnd, message: "De einddatum ligt voor de begindatum."))
        }
        // Tel én vertel: a case without its story cannot be reviewed or explained.
        require(draft.situation, .verhaal, .situation, "Vertel de situatie: wat speelde er, zonder namen.")
        for (text, field) in [(draft.situation, FieldID.situation), (draft.approach, .approach), (draft.result, .result)] {
            if let refusal = PrivacyGuard.refusal(text) { problems.append(DraftProblem(step: .verhaal, field: field, message: refusal)) }
        }

        var workers: [WorkerHours] = []
        for rate in form.workerRates {
            guard let hours = number(draft.workerHours[rate.code] ?? "", .inzet, .hours(rate.code), rate.description, &problems), hours > 0 else { continue }
            var hourly = rate.rate
            if let typed = draft.workerRates?[rate.code] {
                if let euros = number(typed, .inzet, .rate(rate.code), "Tarief \(rate.description)", &problems) {
                    if let money = Money(exactEuros: euros), money.cents <= ValueBounds.maximumHourlyRateCents {
                        hourly = money
                    } else {
                        problems.append(DraftProblem(step: .inzet, field: .rate(rate.code),
                                                     message: "Tarief \(rate.description): een bedrag in hele centen, tot \(DutchNumber.euro(Money(cents: ValueBounds.maximumHourlyRateCents)))."))
                    }
                }
            }
            workers.append(WorkerHours(rateCode: rate.code, description: rate.description, hours: hours, hourlyRate: hourly))
        }
        let volunteerHours = number(draft.volunteerHours, .inzet, .volunteerHours, "Vrijwilligersuren", &problems) ?? 0
        let volunteerRate = form.hourlyRates.first { $0.code == IntakeForm.volunteerCode }?.rate ?? .zero
        var otherCosts: [OtherCost] = []
        if let amount = number(draft.otherCostAmount, .inzet, .otherCostAmount, "Overige kosten", &problems), amount > 0 {
            if let money = Money(exactEuros: amount) {
                otherCosts.append(OtherCost(description: draft.otherCostDescription.isEmpty ? "Overige kosten" : draft.otherCostDescription, amount: money))
            } else {
                problems.append(DraftProblem(step: .inzet, field: .otherCostAmount, message: "Overige kosten: rond af op hele centen."))
            }
        }

        let deployed = draft.deployed.enumerated().compactMap { index, line -> DeployedCareLine? in
            guard let quantity = quantity(line, .deployed, index, &problems) else { return nil }
            return DeployedCareLine(item: line.item, quantity: quantity, note: line.text)
        }
        let avoided = draft.avoided.enumerated().compactMap { index, line -> AvoidedCareLine? in
            guard let quantity = quantity(line, .avoided, index, &problems) else { return nil }
            guard let likelihood = likelihood(line) else {
                problems.append(DraftProblem(step: .voorkomen, field: .customLikelihood,
                                             message: "Regel \(index + 1): vul een eigen kans in tussen 0 en 100 %."))
                return nil
            }
            if let refusal = PrivacyGuard.refusal(line.text) {
                problems.append(DraftProblem(step: .voorkomen, field: .lineText(.avoided), message: "Regel \(index + 1): \(refusal)"))
            }
            return refined(AvoidedCareLine(item: line.item, quantity: quantity, likelihood: likelihood, reasoning: line.text), line, index, &problems)
        }
        problems += unlisted(draft)
        let attribution = DutchNumber.parse(draft.attribution).flatMap { Percentage($0) }
        if attribution == nil {
            problems.append(DraftProblem(step: .toerekening, field: .attribution, message: "Vul een toerekening in tussen 0 en 100 %."))
        }

        guard problems.isEmpty, let start, let end, let attribution else { return .failure(IncompleteDraft(problems: problems)) }
        let record = CaseRecord(
            id: "", status: status, author: draft.author,
            context: CaseContext(intervention: draft.intervention, team: draft.team.trimmingCharacters(in: .whitespaces),
                                 municipality: draft.municipality.trimmingCharacters(in: .whitespaces),
                                 periodStart: start, periodEnd: end, referrer: draft.referrer, ageBand: draft.ageBand,
                                 household: draft.household, lifeDomains: draft.lifeDomains),
            story: CaseStory(situation: draft.situation, approach: draft.approach, result: draft.result),
            effort: OwnEffort(law: form.effortLaw(draft), workers: workers, volunteerHours: volunteerHours, volunteerRate: volunteerRate, otherCosts: otherCosts),
            deployed: deployed, avoided: avoided, attribution: attribution, priceListVersion: draft.priceListVersion)
        // Numbers beyond the bounds never reach a case file, whatever the fields let through.
        let outOfBounds = DraftConversion.boundsProblems(record)
        guard outOfBounds.isEmpty else { return .failure(IncompleteDraft(problems: outOfBounds)) }
        return .success(record)
    }

    /// Lines whose item the intake's price list lacks (a draft priced with an older list): a
    /// case holds only prices of the list it names.
    private func unlisted(_ draft: IntakeDraft) -> [DraftProblem] {
        guard let list = form.priceList else { return [] }
        let hours = form.unlistedHourCodes(draft).compactMap { code -> DraftProblem? in
            guard let typed = DutchNumber.parse(draft.workerHours[code] ?? ""), typed > 0 else { return nil }
            return DraftProblem(step: .inzet, field: .hours(code),
                                message: "Uren \(code): dit uurtarief staat niet in prijslijst \(list.version); zet de uren bij een ander tarief en maak dit veld leeg.")
        }
        return hours + [(LineKind.deployed, IntakeStep.ingezet), (.avoided, .voorkomen)].flatMap { kind, step in
            draft.lines(kind).enumerated().compactMap { index, line in
                list.item(line.item.code) != nil ? nil : DraftProblem(
                    step: step, field: .lines(kind),
                    message: "Regel \(index + 1): \(line.item.code) staat niet in prijslijst \(list.version); verwijder de regel en kies een ander product.")
            }
        }
    }

    /// Values beyond `ValueBounds`, each at the step where it can be mended.
    private static func boundsProblems(_ record: CaseRecord) -> [DraftProblem] {
        var found = ValueBounds.problems(record).map { DraftProblem(step: .overzicht, field: nil, message: $0) }
        do throws(ValuationError) {
            _ = try CaseValuation(record, options: .plain)
        } catch .overflow(_, let what) {
            let step: IntakeStep = record.deployed.contains { $0.item.code == what } ? .ingezet
                : (record.avoided.contains { $0.item.code == what } ? .voorkomen : .inzet)
            found.append(DraftProblem(step: step, field: nil, message: "De regel '\(what)' is meer waard dan \(ValueBounds.maximumLineText); controleer de hoeveelheid."))
        } catch {
            found.append(DraftProblem(step: .overzicht, field: nil, message: error.dutchMessage))
        }
        return found
    }

    /// A best-effort case for running totals: lines and hours that do not parse yet count as zero.
    public func provisional(_ draft: IntakeDraft, options: EstimateOptions) -> CaseValuation? {
        var lenient = draft
        if CalendarDay(dutch: lenient.periodStart) == nil { lenient.periodStart = "01-01-2000" }
        // The figures do not depend on the dates' order; an end before the start is the field's to say.
        if let end = CalendarDay(dutch: lenient.periodEnd), let start = CalendarDay(dutch: lenient.periodStart), end >= start {} else {
            lenient.periodEnd = lenient.periodStart
        }
        lenient.intervention = lenient.intervention.isEmpty ? "-" : lenient.intervention
        lenient.team = lenient.team.isEmpty ? "-" : lenient.team
        lenient.municipality = lenient.municipality.isEmpty ? "-" : lenient.municipality
        lenient.situation = "-"
        lenient.approach = ""
        lenient.result = ""
        for (code, text) in lenient.workerHours where DutchNumber.parse(text) == nil { lenient.workerHours[code] = "" }
        for code in form.unlistedHourCodes(lenient) { lenient.workerHours[code] = "" }
        if DutchNumber.parse(lenient.volunteerHours) == nil { lenient.volunteerHours = "" }
        if DutchNumber.parse(lenient.otherCostAmount) == nil { lenient.otherCostAmount = "" }
        let listed = { (line: DraftLine) in form.priceList.map { $0.item(line.item.code) != nil } ?? true }
        lenient.deployed = lenient.deployed.filter { isPriceable($0) && listed($0) }
        lenient.avoided = lenient.avoided.filter { isPriceable($0) && listed($0) && likelihood($0) != nil }.map(Self.counted)
        if DutchNumber.parse(lenient.attribution).flatMap({ Percentage($0) }) == nil { lenient.attribution = "100" }
        // A line that cannot be valued (beyond the bounds) is left out of the running totals, not all of them.
        lenient.deployed = lenient.deployed.filter { lineValue($0, kind: .deployed, attribution: lenient.attribution, options: options) != nil }
        lenient.avoided = lenient.avoided.filter { lineValue($0, kind: .avoided, attribution: lenient.attribution, options: options) != nil }
        guard case .success(let record) = record(lenient, status: .concept) else { return nil }
        return try? CaseValuation(record, options: options)
    }

    /// An avoided line as the running totals count it: the horizon when it is valid, the range left for the overview.
    private static func counted(_ line: DraftLine) -> DraftLine {
        var copy = line
        copy.text = ""
        if !(Int(copy.years).map { ValueBounds.horizonYears.contains($0) } ?? false) { copy.years = "" }
        if DutchNumber.parse(copy.dropOff).flatMap({ Percentage($0) }) == nil { copy.dropOff = "" }
        (copy.lowQuantity, copy.highQuantity, copy.lowLikelihood, copy.highLikelihood) = ("", "", "", "")
        return copy
    }

    /// The value of one typed line as the running totals count it, or nil while its numbers are not valid yet.
    public func lineValue(_ line: DraftLine, kind: LineKind, attribution: String, options: EstimateOptions) -> Money? {
        var ignored: [DraftProblem] = []
        guard isPriceable(line), let quantity = quantity(line, kind, 0, &ignored) else { return nil }
        if kind == .deployed { return line.item.unitPrice.multiplied(by: [quantity.units]).flatMap { $0.isWithinLineBound ? $0 : nil } }
        guard let likelihood = likelihood(line) else { return nil }
        let share = DutchNumber.parse(attribution).flatMap { Percentage($0) } ?? .full
        let avoided = refined(AvoidedCareLine(item: line.item, quantity: quantity, likelihood: likelihood, reasoning: ""), Self.counted(line), 0, &ignored)
        return try? CaseValuation.avoidedValue(avoided, attribution: share, options: options)
    }

    /// Adds the optional horizon, range and certainty of a typed line.
    private func refined(_ base: AvoidedCareLine, _ line: DraftLine, _ index: Int, _ problems: inout [DraftProblem]) -> AvoidedCareLine {
        var result = base
        let name = "Regel \(index + 1)"
        func percent(_ text: String, _ field: FieldID, _ label: String) -> Percentage? {
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            guard let value = DutchNumber.parse(text).flatMap({ Percentage($0) }) else {
                problems.append(DraftProblem(step: .voorkomen, field: field, message: "\(name): \(label) moet tussen 0 en 100 % liggen."))
                return nil
            }
            return value
        }
        func count(_ text: String, _ field: FieldID, _ label: String) -> Quantity? {
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            guard let value = DutchNumber.parse(text), value >= 0 else {
                problems.append(DraftProblem(step: .voorkomen, field: field, message: "\(name): \(label) is geen geldig getal."))
                return nil
            }
            return .count(value)
        }
        if !line.years.trimmingCharacters(in: .whitespaces).isEmpty {
            if let years = Int(line.years.trimmingCharacters(in: .whitespaces)), ValueBounds.horizonYears.contains(years) {
                result.horizonYears = years
            } else {
                problems.append(DraftProblem(step: .voorkomen, field: .years, message: "\(name): het aantal jaren is een heel getal van 1 tot 30."))
            }
        }
        result.dropOff = percent(line.dropOff, .dropOff, "de afname per jaar")
        result.lowQuantity = count(line.lowQuantity, .lowQuantity, "de lage hoeveelheid")
        result.highQuantity = count(line.highQuantity, .highQuantity, "de hoge hoeveelheid")
        result.lowLikelihood = percent(line.lowLikelihood, .lowLikelihood, "de lage kans")
        result.highLikelihood = percent(line.highLikelihood, .highLikelihood, "de hoge kans")
        result.certainty = Certainty(dutchName: line.certainty)
        if let low = result.lowQuantity, low.units > base.quantity.units {
            problems.append(DraftProblem(step: .voorkomen, field: .lowQuantity, message: "\(name): de lage hoeveelheid is groter dan de gewone."))
        }
        if let high = result.highQuantity, high.units < base.quantity.units {
            problems.append(DraftProblem(step: .voorkomen, field: .highQuantity, message: "\(name): de hoge hoeveelheid is kleiner dan de gewone."))
        }
        if let low = result.lowLikelihood, low > base.likelihood {
            problems.append(DraftProblem(step: .voorkomen, field: .lowLikelihood, message: "\(name): de lage kans is groter dan de gewone."))
        }
        if let high = result.highLikelihood, high < base.likelihood {
            problems.append(DraftProblem(step: .voorkomen, field: .highLikelihood, message: "\(name): de hoge kans is kleiner dan de gewone."))
        }
        return result
    }

    /// True when a line's numbers are valid and within bounds, so running totals can count it.
    private func isPriceable(_ line: DraftLine) -> Bool {
        guard let quantity = DutchNumber.parse(line.quantity), quantity >= 0 else { return false }
        if line.per == Choices.periods[0] { return quantity <= ValueBounds.maximumQuantity }
        guard let periods = DutchNumber.parse(line.periods), periods >= 0 else { return false }
        return quantity * periods <= ValueBounds.maximumQuantity
    }

    private func number(_ text: String, _ step: IntakeStep, _ field: FieldID, _ label: String, _ problems: inout [DraftProblem]) -> Decimal? {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let value = DutchNumber.parse(text), value >= 0 else {
            let why = DutchNumber.lengthProblem(text).map { "\($0)." } ?? "is geen geldig getal."
            problems.append(DraftProblem(step: step, field: field, message: "\(label): '\(text)' \(why)"))
            return nil
        }
        return value
    }

    private func quantity(_ line: DraftLine, _ kind: LineKind, _ index: Int, _ problems: inout [DraftProblem]) -> Quantity? {
        let step: IntakeStep = kind == .deployed ? .ingezet : .voorkomen
        let name = "Regel \(index + 1) (\(line.item.description))"
        guard let amount = DutchNumber.parse(line.quantity), amount >= 0 else {
            let message = DutchNumber.lengthProblem(line.quantity).map {
                "\(name): hoeveelheid '\(line.quantity.trimmingCharacters(in: .whitespaces))' \($0); het maximum is \(DutchNumber.readable(ValueBounds.maximumQuantity)) per regel."
            } ?? "\(name): vul een hoeveelheid in."
            problems.append(DraftProblem(step: step, field: .quantity(kind), message: message))
            return nil
        }
        let quantity: Quantity
        if line.per == Choices.periods[0] {
            quantity = .count(amount)
        } else {
            guard let periods = DutchNumber.parse(line.periods), periods >= 0 else {
                problems.append(DraftProblem(step: step, field: .periods(kind), message: "\(name): vul het aantal \(Choices.plural(line.per)) in."))
                return nil
            }
            quantity = .rate(amount: amount, per: line.per, periods: periods)
        }
        guard quantity.units <= ValueBounds.maximumQuantity else {
            problems.append(DraftProblem(step: step, field: .quantity(kind), message:
                "\(name): \(DutchNumber.readable(quantity.units)) is meer dan het maximum van \(DutchNumber.readable(ValueBounds.maximumQuantity)) per regel."))
            return nil
        }
        return quantity
    }

    private func likelihood(_ line: DraftLine) -> Percentage? {
        if let percent = Choices.likelihoodPercent(line.likelihood) { return Percentage(Decimal(percent)) }
        return DutchNumber.parse(line.customLikelihood).flatMap { Percentage($0) }
    }
}
