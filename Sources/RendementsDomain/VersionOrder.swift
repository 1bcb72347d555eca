/// Orders price-list versions as people number them: `2026.10` after `2026.9`, `2027.1` after
/// `2026.12`. The numbers in a version are compared as numbers, in order; where they are equal,
/// the text decides (`2026.1` before `2026.1b`).
public struct VersionOrder: Comparable, Sendable {
    public let version: String
    private let numbers: [Int]

    public init(_ version: String) {
        self.version = version
        numbers = version.split { !$0.isASCII || !$0.isNumber }.map { Int($0.prefix(18)) ?? 0 }
    }

    public static func < (lhs: VersionOrder, rhs: VersionOrder) -> Bool {
        lhs.numbers == rhs.numbers ? lhs.version < rhs.version : lhs.numbers.lexicographicallyPrecedes(rhs.numbers)
    }

    public static func == (lhs: VersionOrder, rhs: VersionOrder) -> Bool { lhs.version == rhs.version }
}
