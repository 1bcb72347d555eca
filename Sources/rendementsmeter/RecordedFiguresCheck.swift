import RendementsDomain
import RendementsPostgres
import RendementsStorage

/// Holds the figures the server keeps per approved case (what the sector view and its
/// benchmarks add up) to what the case itself gives. The app writes them when it approves,
/// re-prices or pushes a case; a login that may write them could also write others in `psql`,
/// and the server cannot value a case itself. `validate --database` finds any difference.
enum RecordedFiguresCheck {
    typealias Figure = ServerBusinessCase.RecordedFigure

    static func problems(_ records: [CaseRecord], recorded: [String: [String: Figure]], options: EstimateOptions) -> [Problem] {
        records.filter { $0.status == .goedgekeurd }.compactMap { record -> Problem? in
            // A case that cannot be valued is named by the case check already.
            guard let perLaw = try? CaseValuation(record, options: options).perLaw else { return nil }
            let expected = perLaw.mapValues {
                Figure(intervention: record.context.intervention, year: record.context.periodEnd.year, avoidedCents: $0.avoided.cents,
                       deployedCents: $0.deployed.cents, effortCents: $0.effort.cents)
            }
            let held = recorded[record.id] ?? [:]
            guard held != expected else { return nil }
            let differences = Set(held.keys).union(expected.keys).sorted().filter { held[$0] != expected[$0] }.map { law in
                "\(law): op de server \(describe(held[law])), volgens de casus \(describe(expected[law]))"
            }
            return Problem(file: record.id + ".json", message: "casus \(record.id): de bedragen per wet op de server (voor het sectorbeeld) wijken af van "
                + "de casus zelf: " + differences.joined(separator: "; ") + "; een herprijzing door een beheerder schrijft ze opnieuw")
        }
    }

    private static func describe(_ figure: Figure?) -> String {
        guard let figure else { return "geen" }
        return "voorkomen \(DutchNumber.euro(Money(cents: figure.avoidedCents))), ingezet \(DutchNumber.euro(Money(cents: figure.deployedCents))), "
            + "eigen inzet \(DutchNumber.euro(Money(cents: figure.effortCents))) (\(figure.intervention), \(figure.year))"
    }
}
