import ArgumentParser
import Foundation
import RendementsCore
import RendementsDomain
import RendementsPostgres

/// The terminal app for a sector analyst: the sector view across organisations and nothing
/// else (this role sees no case; the app's other screens read the organisation's cases).
/// Before, the app stopped at the start with "geen recht op tabel rm_organisation" (helper-33).
enum SectorApp {
    static func run(_ address: ServerAddress) throws {
        let read = waitFor { try await ServerSession.with(address) { try await ServerBusinessCase($0).sector() } }
        let groups: [SectorGroup]
        switch read {
        case .success(let rows): groups = rows
        case .failure(let failure):
            printError("fout: " + failure.text)
            throw ExitCode(1)
        }
        let overview = Overview(businessCaseName: "Sectorbeeld", examples: .none, priceListLabel: "", selection: .approvedOnly, countedCases: 0, caseCount: 0,
                                statusCounts: [:], lawRows: [], total: Totals(), dataProblems: [])
        var state = AppState(size: Size.minimum, overview: overview, priceList: nil, user: address.user, cases: nil)
        state.screen = Screen.sector
        state.sector = SectorState(groups: groups)
        state.identityNote = "Ingelogd als \(address.user) op \(address.host):\(address.port) (sector-analist)"
        state.permissions = Permissions(.sectorAnalist)
        try AppLoop.run(state, effects: SectorEffects(), afterFirstPaint: nil)
    }
}

/// The sector screen asks nothing of the server after the start; quitting is the loop's.
final class SectorEffects: AppEffects {
    func perform(_ effect: Effect) -> [Msg] { [] }
}
