/// Whether a price is a real use of resources or money moving between pockets.
public enum PriceKind: String, CaseIterable, Codable, Sendable {
    /// Care or another real resource: counts in the societal total.
    case kosten
    /// A transfer such as bijstand: a saving for its financier, not for society.
    case transfer
}
