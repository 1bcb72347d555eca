/// Orders price-list versions as people number them: `2026.10` after `2026.9`, `2027.1` after
/// `2026.12`. The numbers in a version are compared as numbers, in order; where they are equal,
/// a version with more to it comes first, as a draft of the plain one (`2026.10 (concept)`
/// before `2026.10`: a concept list became the one everyone priced with, helper-23), and
/// otherwise the text decides.
public struct VersionOrder: Comparable, Sendable {
    public let version: String
    private let numbers: [Int]

    public init(_ version: String) {
        self.version = version
        numbers = version.split { !$0.isASCII || !$0.isNumber }.map { Int($0.prefix(18)) ?? 0 }
    }

    public static func < (lhs: VersionOrder, rhs: VersionOrder) -> Bool {
        guard lhs.numbers == rhs.numbers else { return lhs.numbers.lexicographicallyPrecedes(rhs.numbers) }
        if lhs.isPlain != rhs.isPlain { return rhs.isPlain }
        return lhs.version < rhs.version
    }

    /// Only numbers and dots.
    private var isPlain: Bool { version.allSatisfy { $0 == "." || $0.isASCII && $0.isNumber } }

    public static func == (lhs: VersionOrder, rhs: VersionOrder) -> Bool { lhs.version == rhs.version }
}
