import Foundation
import Testing
@testable import RendementsCore
@testable import RendementsDomain
@testable import RendementsRender

/// Issue 13: the sector analyst's screen, at 80x24 (helper-33: the app stopped at the start for this role).
@Suite("The sector screen, at 80x24")
struct SectorScreenTests {
    static func group(_ intervention: String, _ law: String, _ year: Int, _ cases: Int, avoided: Int64, deployed: Int64, effort: Int64,
                      median: Double?) -> SectorGroup {
        SectorGroup(intervention: intervention, law: law, year: year, cases: cases, organisations: 3, avoided: Money(cents: avoided),
                    deployed: Money(cents: deployed), effort: Money(cents: effort), medianCaseRatio: median)
    }

    static func state(_ groups: [SectorGroup]?) -> AppState {
        var state = AppState(size: Size.minimum, overview: Example.state().overview, priceList: nil, user: "ana", cases: nil)
        state.screen = .sector
        state.sector = SectorState(groups: groups)
        return state
    }

    static let groups = [
        group("Mantelzorgondersteuning", "wmo", 2024, 12, avoided: 826_600, deployed: 0, effort: 3_199_600, median: 73.51),
        group("Schuldhulp vroegsignalering", "justitie", 2025, 1_204, avoided: 101_315_600, deployed: 0, effort: 0, median: nil),
        group("Sociaal Recept", "zvw", 2025, 30, avoided: 7_085_500, deployed: 1_000_000, effort: 111_221_100, median: 9.5),
    ]

    @Test("each group's figures in full, the intervention in what they leave, the selected group told in full below")
    func groups() {
        var state = Self.state(Self.groups)
        let frame = View.render(state)
        Snapshot.assert(frame, named: "sector-80x24")
        let text = frame.text
        // A column that does not fit is left out whole (here the median, beside amounts over a million), never cut.
        #expect(text.contains(" Interventie            Wet  Jaar   Cas.  Org.    Voorkomen       Kosten  Rend.\n"), "\(text)")
        #expect(text.contains(" Schuldhulp vroe…  justitie  2025  1.204     3  € 1.013.156          € 0      –\n"), "\(text)")
        #expect(text.contains(" 1 van 3 groepen · wmo, 2024: 12 casussen van 3 organisaties; voorkomen\n € 8.266, kosten € 31.996; rendement 0,26, mediaan per casus 73,51 ·\n Mantelzorgondersteuning\n"),
                "\(text)")
        let small = Self.state(Array(Self.groups.prefix(1)))
        #expect(View.render(small).text.contains(" Interventie         Wet  Jaar  Cas.  Org.  Voorkomen    Kosten  Rend.  Mediaan\n ──"),
                "the median's column where it fits")
        _ = Update.apply(.key(.end), to: &state)
        #expect(View.render(state).text.contains(" 3 van 3 groepen · zvw, 2025: 30 casussen van 3 organisaties; voorkomen\n"))
        _ = Update.apply(.key(.character("?")), to: &state)
        #expect(View.render(state).text.contains("Het sectorbeeld: goedgekeurde casussen van alle organisaties samen"))
        _ = Update.apply(.key(.escape), to: &state)
        #expect(state.screen == .sector, "help goes back to the sector screen, the only one this role has")
        #expect(Update.apply(.key(.character("q")), to: &state) == [.quit])
    }

    @Test("no group large enough, and the groups not read yet, are said")
    func empty() {
        #expect(View.render(Self.state([])).text.contains("   Geen groep is groot genoeg om te tonen.\n"))
        #expect(View.render(Self.state(nil)).text.contains("   Bezig met lezen…\n"))
    }
}
