import Foundation
import RendementsStorage
import RendementsStore

/// What a store's cases are valued with: its settings and its price list, read together.
struct ValuationBasis: Sendable {
    let settings: BusinessCaseSettings
    let priceList: PriceListReadResult

    /// A store without a price list of its own (a server where none was imported yet)
    /// falls back to the folder's, and says so on standard error unless `quiet` (the terminal
    /// app while it runs: its start said so already, and a line there would scribble on the screen).
    static func load(from store: any BusinessCaseStore, fallback: URL, quiet: Bool = false) async throws -> ValuationBasis {
        let settings: BusinessCaseSettings
        if let decoded = try await store.settingsText().flatMap(BusinessCaseSettings.decode) {
            settings = decoded
        } else {
            settings = BusinessCaseSettings(name: try await store.fallbackName)
        }
        if let list = try await store.priceList() { return ValuationBasis(settings: settings, priceList: list) }
        if !quiet { printError("let op: er staat nog geen prijslijst op de server ('rendementsmeter database import-price-list'); gelezen uit \(fallback.path)") }
        return ValuationBasis(settings: settings, priceList: PriceListReader.read(folder: fallback))
    }
}
