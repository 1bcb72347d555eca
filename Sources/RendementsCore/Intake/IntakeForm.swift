import RendementsDomain

/// Which fields a step shows, and reading and writing them in the draft.
public struct IntakeForm: Sendable {
    /// The story's three parts, labelled the same in the intake and the case view.
    public static let storyFields = [
        FieldSpec(id: .situation, label: CaseStory.labels.situation, kind: .area),
        FieldSpec(id: .approach, label: CaseStory.labels.approach, kind: .area),
        FieldSpec(id: .result, label: CaseStory.labels.result, kind: .area),
    ]

    /// The volunteers' rate comes from the price list and is not set per case; the label shows it.
    var volunteerLabel: String {
        guard let rate = hourlyRates.first(where: { $0.code == Self.volunteerCode })?.rate else { return "Vrijwilligersuren" }
        return "Vrijwilligersuren (\(DutchNumber.euro(rate))/uur)"
    }

    public let hourlyRates: [HourlyRate]
    public let interventions: [String]
    /// The list this intake prices with: its items, and the laws own effort can be booked on.
    public let priceList: PriceList?

    public init(hourlyRates: [HourlyRate], interventions: [String], priceList: PriceList?) {
        self.hourlyRates = hourlyRates
        self.interventions = interventions
        self.priceList = priceList
    }

    /// The laws own effort can be booked on (code, name), in price-list order.
    public var laws: [Law] { priceList?.laws ?? [] }

    /// The law the own effort is booked on: the one chosen, else the intervention's default.
    public func effortLaw(_ draft: IntakeDraft) -> String { draft.effortLaw ?? Choices.effortLaw(for: draft.intervention) }

    /// The hourly rate as shown and typed: the draft's own, else the default (`64,00`).
    public func rateText(_ rate: HourlyRate, _ draft: IntakeDraft) -> String {
        draft.workerRates?[rate.code] ?? rate.rate.plainText.replacingOccurrences(of: ".", with: ",")
    }

    /// The rates for paid workers; the volunteer rate has its own field.
    public var workerRates: [HourlyRate] { hourlyRates.filter { $0.code != Self.volunteerCode } }

    /// Rate codes with hours in the draft that this form does not offer (a draft or rework from
    /// an older list): shown, so the hours can be moved, and never dropped without a word.
    public func unlistedHourCodes(_ draft: IntakeDraft) -> [String] {
        let offered = Set(workerRates.map(\.code))
        return draft.workerHours.filter { !offered.contains($0.key) && !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }.keys.sorted()
    }
    public static let volunteerCode = "vrijwilliger"

    public func fields(_ step: IntakeStep, draft: IntakeDraft, selected: [LineKind: Int]) -> [FieldSpec] {
        switch step {
        case .context:
            return [
                FieldSpec(id: .intervention, label: "Interventie", kind: .choice(interventions)),
                FieldSpec(id: .team, label: "Team", kind: .text),
                FieldSpec(id: .municipality, label: "Gemeente", kind: .text),
                FieldSpec(id: .periodStart, label: "Begindatum", kind: .date),
                FieldSpec(id: .periodEnd, label: "Einddatum", kind: .date),
                FieldSpec(id: .referrer, label: "Verwijzer", kind: .choice(Choices.referrers)),
                FieldSpec(id: .ageBand, label: "Leeftijd", kind: .choice(Choices.ageBands)),
                FieldSpec(id: .household, label: "Huishouden", kind: .choice(Choices.households)),
            ] + LifeDomain.allCases.map { FieldSpec(id: .domain($0), label: $0.dutchName, kind: .toggle) }
        case .verhaal:
            return Self.storyFields
        case .inzet:
            // Hours first (what every case needs), then what is usually right already: rates and the paying law.
            return workerRates.map { FieldSpec(id: .hours($0.code), label: $0.description, kind: .number) }
                + unlistedHourCodes(draft).map { FieldSpec(id: .hours($0), label: "\($0) (niet in prijslijst)", kind: .number) } + [
                FieldSpec(id: .volunteerHours, label: volunteerLabel, kind: .number),
                FieldSpec(id: .otherCostDescription, label: "Overige kosten: wat", kind: .text),
                FieldSpec(id: .otherCostAmount, label: "Overige kosten: bedrag", kind: .number),
            ] + workerRates.map { FieldSpec(id: .rate($0.code), label: "\(DutchNumber.euroSign)/uur \($0.description)", kind: .number) } + [
                FieldSpec(id: .effortLaw, label: "Eigen inzet betaald uit", kind: .choice(laws.map(\.name))),
            ]
        case .ingezet, .voorkomen:
            let kind: LineKind = step == .ingezet ? .deployed : .avoided
            var fields = [FieldSpec(id: .lines(kind), label: "Regels", kind: .lineList)]
            guard let index = selected[kind], draft.lines(kind).indices.contains(index) else { return fields }
            let line = draft.lines(kind)[index]
            fields.append(FieldSpec(id: .quantity(kind), label: "Hoeveelheid", kind: .number))
            fields.append(FieldSpec(id: .per(kind), label: "Per", kind: .choice(Choices.periods)))
            if line.per != Choices.periods[0] {
                fields.append(FieldSpec(id: .periods(kind), label: "Aantal \(Choices.plural(line.per))", kind: .number))
            }
            if kind == .avoided {
                fields.append(FieldSpec(id: .likelihood, label: "Kans zonder ons", kind: .choice(Choices.likelihoods)))
                if Choices.likelihoodPercent(line.likelihood) == nil {
                    fields.append(FieldSpec(id: .customLikelihood, label: "Eigen kans (%)", kind: .number))
                }
                fields.append(FieldSpec(id: .lineText(kind), label: "Waarom denk je dat", kind: .text))
                fields.append(FieldSpec(id: .certainty, label: "Hoe weet je dat", kind: .choice(Choices.certainties)))
                fields.append(FieldSpec(id: .years, label: "Aantal jaren (leeg = 1)", kind: .number))
                if (Int(line.years) ?? 1) > 1 {
                    fields.append(FieldSpec(id: .dropOff, label: "Afname per later jaar (%)", kind: .number))
                }
                fields.append(FieldSpec(id: .lowQuantity, label: "Hoeveelheid laag (totaal)", kind: .number))
                fields.append(FieldSpec(id: .highQuantity, label: "Hoeveelheid hoog (totaal)", kind: .number))
                fields.append(FieldSpec(id: .lowLikelihood, label: "Kans laag (%)", kind: .number))
                fields.append(FieldSpec(id: .highLikelihood, label: "Kans hoog (%)", kind: .number))
            } else {
                fields.append(FieldSpec(id: .lineText(kind), label: "Toelichting", kind: .text))
            }
            return fields
        case .toerekening:
            return [FieldSpec(id: .attribution, label: "Toerekening (%)", kind: .number)]
        case .overzicht:
            return []
        }
    }

    /// The text of a field (for choices: the chosen option; toggles: "ja"/"").
    public func value(_ id: FieldID, in draft: IntakeDraft, selected: [LineKind: Int]) -> String {
        switch id {
        case .intervention: return draft.intervention
        case .team: return draft.team
        case .municipality: return draft.municipality
        case .periodStart: return draft.periodStart
        case .periodEnd: return draft.periodEnd
        case .referrer: return draft.referrer
        case .ageBand: return draft.ageBand
        case .household: return draft.household
        case .domain(let domain): return draft.lifeDomains.contains(domain) ? "ja" : ""
        case .situation: return draft.situation
        case .approach: return draft.approach
        case .result: return draft.result
        case .hours(let code): return draft.workerHours[code] ?? ""
        case .rate(let code): return hourlyRates.first { $0.code == code }.map { rateText($0, draft) } ?? ""
        case .effortLaw:
            let code = effortLaw(draft)
            return laws.first { $0.code == code }?.name ?? code
        case .volunteerHours: return draft.volunteerHours
        case .otherCostDescription: return draft.otherCostDescription
        case .otherCostAmount: return draft.otherCostAmount
        case .attribution: return draft.attribution
        case .lines: return ""
        case .quantity(let kind): return line(kind, draft, selected)?.quantity ?? ""
        case .per(let kind): return line(kind, draft, selected)?.per ?? ""
        case .periods(let kind): return line(kind, draft, selected)?.periods ?? ""
        case .likelihood: return line(.avoided, draft, selected)?.likelihood ?? ""
        case .customLikelihood: return line(.avoided, draft, selected)?.customLikelihood ?? ""
        case .lineText(let kind): return line(kind, draft, selected)?.text ?? ""
        case .certainty: return line(.avoided, draft, selected)?.certainty ?? ""
        case .years: return line(.avoided, draft, selected)?.years ?? ""
        case .dropOff: return line(.avoided, draft, selected)?.dropOff ?? ""
        case .lowQuantity: return line(.avoided, draft, selected)?.lowQuantity ?? ""
        case .highQuantity: return line(.avoided, draft, selected)?.highQuantity ?? ""
        case .lowLikelihood: return line(.avoided, draft, selected)?.lowLikelihood ?? ""
        case .highLikelihood: return line(.avoided, draft, selected)?.highLikelihood ?? ""
        }
    }

    public func set(_ id: FieldID, _ text: String, in draft: inout IntakeDraft, selected: [LineKind: Int]) {
        switch id {
        case .intervention: draft.intervention = text
        case .team: draft.team = text
        case .municipality: draft.municipality = text
        case .periodStart: draft.periodStart = text
        case .periodEnd: draft.periodEnd = text
        case .referrer: draft.referrer = text
        case .ageBand: draft.ageBand = text
        case .household: draft.household = text
        case .domain(let domain):
            draft.lifeDomains.removeAll { $0 == domain }
            if !text.isEmpty { draft.lifeDomains = (draft.lifeDomains + [domain]).sorted() }
        case .situation: draft.situation = text
        case .approach: draft.approach = text
        case .result: draft.result = text
        case .hours(let code): draft.workerHours[code] = text
        case .rate(let code): draft.workerRates = (draft.workerRates ?? [:]).merging([code: text]) { $1 }
        case .effortLaw: draft.effortLaw = laws.first { $0.name == text }?.code ?? draft.effortLaw
        case .volunteerHours: draft.volunteerHours = text
        case .otherCostDescription: draft.otherCostDescription = text
        case .otherCostAmount: draft.otherCostAmount = text
        case .attribution: draft.attribution = text
        case .lines: break
        case .quantity(let kind): updateLine(kind, &draft, selected) { $0.quantity = text }
        case .per(let kind): updateLine(kind, &draft, selected) { $0.per = text }
        case .periods(let kind): updateLine(kind, &draft, selected) { $0.periods = text }
        case .likelihood: updateLine(.avoided, &draft, selected) { $0.likelihood = text }
        case .customLikelihood: updateLine(.avoided, &draft, selected) { $0.customLikelihood = text }
        case .lineText(let kind): updateLine(kind, &draft, selected) { $0.text = text }
        case .certainty: updateLine(.avoided, &draft, selected) { $0.certainty = text }
        case .years: updateLine(.avoided, &draft, selected) { $0.years = text }
        case .dropOff: updateLine(.avoided, &draft, selected) { $0.dropOff = text }
        case .lowQuantity: updateLine(.avoided, &draft, selected) { $0.lowQuantity = text }
        case .highQuantity: updateLine(.avoided, &draft, selected) { $0.highQuantity = text }
        case .lowLikelihood: updateLine(.avoided, &draft, selected) { $0.lowLikelihood = text }
        case .highLikelihood: updateLine(.avoided, &draft, selected) { $0.highLikelihood = text }
        }
    }

    private func line(_ kind: LineKind, _ draft: IntakeDraft, _ selected: [LineKind: Int]) -> DraftLine? {
        guard let index = selected[kind], draft.lines(kind).indices.contains(index) else { return nil }
        return draft.lines(kind)[index]
    }

    private func updateLine(_ kind: LineKind, _ draft: inout IntakeDraft, _ selected: [LineKind: Int], _ change: (inout DraftLine) -> Void) {
        guard let index = selected[kind] else { return }
        var lines = draft.lines(kind)
        guard lines.indices.contains(index) else { return }
        change(&lines[index])
        draft.setLines(kind, lines)
    }
}
