import Foundation
import RendementsDomain
import RendementsPostgres

/// `report --sector`: the branch's view across organisations. No case is shown, and a group
/// of fewer than 10 cases or 3 organisations is left out by the server itself.
enum SectorReport {
    static func print(_ address: ServerAddress) throws {
        let rows = try onServer(address) { server in
            try await RoleCheck.readsSector(server)
            return try await server.sector()
        }
        Swift.print("Sectorbeeld: goedgekeurde casussen van alle organisaties, per interventie, wet en jaar.")
        Swift.print("Groepen met minder dan \(Schema.sectorMinimumCases) casussen of \(Schema.sectorMinimumOrganisations) organisaties zijn weggelaten.")
        Swift.print("")
        guard !rows.isEmpty else {
            Swift.print("Geen groep is groot genoeg om te tonen.")
            return
        }
        Swift.print(["Interventie", "Wet", "Jaar", "Cas.", "Org.", "Voorkomen", "Kosten", "Rend.", "Mediaan"].joined(separator: "\t"))
        for row in rows {
            Swift.print([row.intervention, row.law, "\(row.year)", "\(row.cases)", "\(row.organisations)",
                         DutchNumber.euroWhole(row.avoided), DutchNumber.euroWhole(row.cost), DutchNumber.ratio(row.ratio), row.shownMedian].joined(separator: "\t"))
        }
    }
}
