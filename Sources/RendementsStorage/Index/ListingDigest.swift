/// A 128-bit fingerprint of a set of case files and their identities, independent of
/// order: the index stores the one of the files its rows describe, so a read whose
/// listing gives the same fingerprint knows without reading a row that nothing was
/// added, changed or removed. Stable across processes (Swift's `Hasher` is not).
struct ListingDigest: Equatable, Sendable {
    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0
    private(set) var count: Int = 0

    init() {}

    init(_ entries: [CaseStore.Listing.Entry]) {
        for entry in entries { add(entry.name, entry.identity) }
    }

    mutating func add(_ name: String, _ identity: FileIdentity) {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        func mix(_ byte: UInt8) {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            second = (second ^ UInt64(byte)) &* 0x0000_0001_0000_01b3 &+ 0x9e37_79b9
        }
        for byte in name.utf8 { mix(byte) }
        for value in [identity.size, identity.modified, identity.changed, identity.inode] {
            for shift in stride(from: 0, to: 64, by: 8) { mix(UInt8(truncatingIfNeeded: value >> Int64(shift))) }
        }
        // XOR keeps the order out; the finaliser spreads each file's hash over all bits first.
        low ^= Self.finalised(first)
        high ^= Self.finalised(second &+ first)
        count += 1
    }

    private static func finalised(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// As stored in the index's `meta` table.
    var text: String { "\(count):\(String(low, radix: 16)):\(String(high, radix: 16))" }
}
