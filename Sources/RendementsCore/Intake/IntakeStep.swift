import RendementsDomain

/// The seven steps of entering a case.
public enum IntakeStep: Int, CaseIterable, Hashable, Sendable {
    case context, verhaal, inzet, ingezet, voorkomen, toerekening, overzicht

    public var title: String {
        switch self {
        case .context: "Context"
        case .verhaal: "Het verhaal"
        case .inzet: "Inzet"
        case .ingezet: "Ingezette zorg"
        case .voorkomen: "Voorkomen zorg"
        case .toerekening: "Toerekening"
        case .overzicht: "Overzicht"
        }
    }
}

/// Every input of the intake form.
public enum FieldID: Hashable, Sendable {
    case intervention, team, municipality, periodStart, periodEnd, referrer, ageBand, household
    case domain(LifeDomain)
    case situation, approach, result
    case hours(String), rate(String), effortLaw, volunteerHours, otherCostDescription, otherCostAmount
    case lines(LineKind), quantity(LineKind), per(LineKind), periods(LineKind), likelihood, customLikelihood, lineText(LineKind)
    case certainty, years, dropOff, lowQuantity, highQuantity, lowLikelihood, highLikelihood
    case attribution

    /// A share in percent: 0 to 100, checked as the field is left.
    public var isPercentage: Bool {
        switch self {
        case .customLikelihood, .dropOff, .lowLikelihood, .highLikelihood, .attribution: true
        default: false
        }
    }
}

/// How a field is edited.
public enum FieldKind: Hashable, Sendable {
    case text, number, date
    case choice([String])
    case toggle
    /// Multi-line text with word wrap.
    case area
    /// The list of care lines of a step.
    case lineList

    /// Fields that take typed characters (so `q`, `?` and `a` are letters there).
    public var takesText: Bool {
        switch self {
        case .text, .number, .date, .area: true
        case .choice, .toggle, .lineList: false
        }
    }
}

/// A field on screen: what it is, its label and how it is edited.
public struct FieldSpec: Hashable, Sendable {
    public let id: FieldID
    public let label: String
    public let kind: FieldKind
}
