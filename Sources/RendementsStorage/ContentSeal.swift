import Foundation
import RendementsDomain

/// A SHA-256 of what a case claims (effort, deployed and avoided lines with their
/// prices, quantities and likelihoods, attribution): every event seals it, so an
/// approved case whose numbers changed without a new event is named by `validate`.
public enum ContentSeal {
    private struct Content: Encodable {
        let effort: OwnEffort
        let deployed: [DeployedCareLine]
        let avoided: [AvoidedCareLine]
        let attribution: Percentage
    }

    public static func hash(_ record: CaseRecord) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let content = Content(effort: record.effort, deployed: record.deployed, avoided: record.avoided, attribution: record.attribution)
        // Encoding these value types cannot fail (strings, arrays, dictionaries only); an empty seal never matches.
        guard let data = try? encoder.encode(content) else { return "" }
        return sha256Hex(data)
    }
}
