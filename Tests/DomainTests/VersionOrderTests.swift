import Testing
@testable import RendementsDomain

@Suite("Price-list versions in the order people number them")
struct VersionOrderTests {
    @Test("numbers compare as numbers, in order; with equal numbers a version with more to it is a draft of the plain one")
    func order() {
        let versions = ["2027.1", "2026.10", "2026.10 (concept)", "2026.9", "2026.1b", "2026.1", "2025", "concept"]
        #expect(versions.sorted { VersionOrder($0) < VersionOrder($1) }
                == ["concept", "2025", "2026.1b", "2026.1", "2026.9", "2026.10 (concept)", "2026.10", "2027.1"])
        #expect(VersionOrder("2026.2") < VersionOrder("2026.10") && !(VersionOrder("2026.10") < VersionOrder("2026.2")))
        #expect(VersionOrder("99999999999999999999999.1") < VersionOrder("99999999999999999999999.2"), "a number too long for Int still orders")
    }
}
