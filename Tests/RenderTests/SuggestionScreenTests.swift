import Foundation
import Testing
@testable import RendementsCore
@testable import RendementsDomain
@testable import RendementsRender

/// Issue 14: the picker offers what approved cases suggest, and one key starts a line from it.
@Suite("Suggestions in the item picker, at 80x24")
struct SuggestionScreenTests {
    static func suggestions(_ intervention: String) -> [Suggestion] {
        [Suggestion(scope: .intervention(intervention), code: "ZVW-HA-CONSULT", cases: 34, outOf: 80, medianUnits: 6, medianLikelihood: Percentage(75)),
         Suggestion(scope: .intervention(intervention), code: "ZVW-FYSIO", cases: 12, outOf: 80, medianUnits: 9,
                    medianLikelihood: Percentage(Decimal(string: "62.5")!)),
         Suggestion(scope: .similar, code: "WMO-HH-THUIS", cases: 7, outOf: 20, medianUnits: 26, medianLikelihood: Percentage(50))]
    }

    /// The intake on avoided care with the picker open, and the store's answer delivered.
    static func pickerWithSuggestions() throws -> AppState {
        var state = Example.after(IntakeScript.deployed + [.pageDown, .character("a")], Example.state())
        let draft = try #require(state.intake?.draft)
        let query = IntakeUpdate.suggestionQuery(draft, .avoided)
        #expect(query == SuggestionQuery(intervention: draft.intervention, lifeDomains: draft.lifeDomains, ageBand: draft.ageBand,
                                         household: draft.household, avoided: true))
        // An answer for another context (the intervention changed meanwhile) is not shown.
        let stale = SuggestionQuery(intervention: "Schuldhulp", lifeDomains: [], ageBand: "", household: "", avoided: true)
        _ = Update.apply(.suggestionsLoaded(stale, suggestions("Schuldhulp")), to: &state)
        #expect(state.intake?.picker?.suggestions == [])
        _ = Update.apply(.suggestionsLoaded(query, suggestions(draft.intervention)), to: &state)
        return state
    }

    @Test("the suggestions come first, with how many cases they rest on, the medians and no name; typing searches the list")
    func pickerShowsSuggestions() throws {
        let state = try Self.pickerWithSuggestions()
        let frame = View.render(state)
        Snapshot.assert(frame, named: "intake-5-voorstellen-80x24")
        #expect(frame.text.contains("│ ★ Huisarts consult gemiddeld           34 van 80 · 6 × · waarschijnlijk  │"))
        #expect(frame.text.contains("│ ★ Fysiotherapie                           12 van 80 · 9 × · kans 62,5 %  │"))
        #expect(frame.text.contains("│ ☆ Huishoudelijke hulp thuis       7 van 20 · 26 × · even waarschijnlijk  │"))
        #expect(frame.text.contains("└─ ★ eerder bij Sociaal Recept, ☆ vergelijkbaar · goedgekeurd ─────────────┘"))
        let typed = Example.after([.character("d")], state)
        #expect(!View.render(typed).text.contains("★"), "a search shows the price list only")
    }

    @Test("Enter on a suggestion adds the line with its medians as a starting point; the reasoning stays empty and required")
    func suggestionStartsALine() throws {
        var state = try Self.pickerWithSuggestions()
        _ = Update.apply(.key(.down), to: &state)
        _ = Update.apply(.key(.enter), to: &state)
        let line = try #require(state.intake?.draft.avoided.last)
        #expect(line.item.code == "ZVW-FYSIO")
        #expect(line.quantity == "9")
        #expect(line.likelihood == "eigen percentage" && line.customLikelihood == "62,5")
        #expect(line.text.isEmpty)
        #expect(state.notice == "Startwaarden uit 12 van 80 goedgekeurde casussen: pas ze aan deze casus aan en schrijf waarom.")
        #expect(state.intake?.picker == nil)
        #expect(state.intake?.focusedField?.id == .quantity(.avoided) && state.intake?.replacesOnType == true)
        _ = Update.apply(.key(.character("4")), to: &state)
        #expect(state.intake?.draft.avoided.last?.quantity == "4", "the first digit replaces the suggested quantity")
        // A usual likelihood becomes the matching choice.
        var second = try Self.pickerWithSuggestions()
        _ = Update.apply(.key(.enter), to: &second)
        #expect(second.intake?.draft.avoided.last?.likelihood == "waarschijnlijk (75 %)")
        #expect(second.intake?.draft.avoided.last?.quantity == "6")
    }
}
