import Foundation

extension String {
    /// The text in Unicode's composed form (NFC), for comparing names as bytes: `ï` typed as one
    /// character or as `i` and a combining diaeresis is the same name to a reader and to Swift's
    /// `==`, but not to SQLite.
    var composed: String {
        utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCanonicalMapping
    }
}
