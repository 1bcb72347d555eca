import Foundation
import RendementsDomain

/// A SHA-256 of what a case claims (effort, deployed and avoided lines with their
/// prices, quantities and likelihoods, attribution): every event seals it, so an
/// approved case whose numbers changed without a new event is named by `validate`.
public enum ContentSeal {
    struct Content: Encodable {
        let effort: OwnEffort
        let deployed: [DeployedCareLine]
        let avoided: [AvoidedCareLine]
        let attribution: Percentage

        init(_ record: CaseRecord) {
            effort = record.effort
            deployed = record.deployed
            avoided = record.avoided
            attribution = record.attribution
        }
    }

    public static func hash(_ record: CaseRecord) -> String {
        let content = canonicalContent(record)
        return content.isEmpty ? "" : sha256Hex(Data(content))
    }

    /// The sealed bytes: the content as `JSONEncoder` with sorted keys writes it, made by
    /// `CanonicalJSON` when it can and by `JSONEncoder` otherwise (the same bytes either way).
    static func canonicalContent(_ record: CaseRecord) -> [UInt8] {
        let content = Content(record)
        return CanonicalJSON.encode(content) ?? referenceContent(content)
    }

    /// What `JSONEncoder` writes: the definition the seal has had since schema 2.
    static func referenceContent(_ record: CaseRecord) -> [UInt8] {
        referenceContent(Content(record))
    }

    private static func referenceContent(_ content: Content) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding these value types cannot fail (strings, arrays, dictionaries only); an empty seal never matches.
        return (try? encoder.encode(content)).map { [UInt8]($0) } ?? []
    }
}
