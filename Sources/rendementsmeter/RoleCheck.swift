import RendementsPostgres

/// What a login's role cannot do, said before the server refuses it in its own words
/// ("geen recht op tabel rm_organisation", helper-33).
enum RoleCheck {
    /// The cases of the organisation: every role but the sector analyst, who sees only the sector view.
    /// A server that cannot say the role (no schema yet) is left to say so at the work itself.
    static func readsCases(_ server: ServerBusinessCase) async throws {
        let role: Schema.Role?
        do {
            role = try await server.role()
        } catch {
            return
        }
        guard let role else { throw ServerError.refused(noRole) }
        if role == .sectorAnalist {
            throw ServerError.refused("als sector-analist zie je geen casussen, alleen cijfers over organisaties heen: rendementsmeter report --sector")
        }
    }

    static let noRole = "deze login heeft geen rol in de app (sociaal-werker, beoordelaar, manager, beheerder of sector-analist); "
        + "wie gebruikers mag toevoegen (de eigenaar van de database) geeft hem er een met 'rendementsmeter database add-user'"

    /// The sector view: only the sector analyst's.
    static func readsSector(_ server: ServerBusinessCase) async throws {
        let role = try? await server.role()
        guard let role else { throw ServerError.refused(noRole) }
        guard role == .sectorAnalist else {
            throw ServerError.refused("het sectorbeeld (report --sector) is voor een sector-analist; als \(role.rawValue.replacingOccurrences(of: "-", with: " ")) "
                                      + "lees je de cijfers van je eigen organisatie met 'rendementsmeter report'")
        }
    }
}
