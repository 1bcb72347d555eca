/// The seven life domains (leefgebieden) of Sociaal Werk Nederland's KPI model.
public enum LifeDomain: String, CaseIterable, Codable, Sendable, Comparable {
    case financien = "financien"
    case wonen = "wonen-en-leefbaarheid"
    case werk = "werk-opleiding-activiteiten"
    case socialeRelaties = "sociale-relaties"
    case lichamelijkeGezondheid = "lichamelijke-gezondheid"
    case psychischeGezondheid = "psychische-gezondheid"
    case zingeving = "zingeving"

    /// The place in `allCases`, for tallies kept in an array.
    var position: Int {
        switch self {
        case .financien: 0
        case .wonen: 1
        case .werk: 2
        case .socialeRelaties: 3
        case .lichamelijkeGezondheid: 4
        case .psychischeGezondheid: 5
        case .zingeving: 6
        }
    }

    public var dutchName: String {
        switch self {
        case .financien: "Financiën"
        case .wonen: "Wonen en leefbaarheid"
        case .werk: "Werk, opleiding en activiteiten"
        case .socialeRelaties: "Sociale relaties"
        case .lichamelijkeGezondheid: "Lichamelijke gezondheid"
        case .psychischeGezondheid: "Psychische gezondheid"
        case .zingeving: "Zingeving"
        }
    }

    public static func < (lhs: LifeDomain, rhs: LifeDomain) -> Bool {
        lhs.position < rhs.position
    }
}
