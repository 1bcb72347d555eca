import CLinuxFiles
import Foundation
import GRDB
import GRDBSQLite

/// `rm_contains(text, needle)`: true when the UTF-8 bytes of `needle` occur in those of `text`.
///
/// The `/` search's scan of every text. Byte for byte is character for character here: UTF-8
/// never lets a character's bytes start inside another's, and the texts and the needle are
/// folded the same way before they meet. SQLite's GLOB and instr walk the text a character at a
/// time (0.09 s for 107 MB of texts at 100,000 cases); glibc's `memmem` skips ahead, and the
/// function reads SQLite's own copy of the text instead of making a Swift string of it.
enum ContainsFunction {
    static let name = "rm_contains"

    /// Makes the function known to one connection (called for each one the index opens).
    static func register(_ db: Database) throws {
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS
        let code = sqlite3_create_function_v2(db.sqliteConnection, name, 2, flags, nil, contains, nil, nil, nil)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "rm_contains could not be registered")
        }
    }

    private static let contains: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = { context, count, arguments in
        guard count == 2, let arguments, let text = arguments[0], let needle = arguments[1],
              let textBytes = sqlite3_value_text(text), let needleBytes = sqlite3_value_text(needle) else {
            sqlite3_result_int(context, 0)
            return
        }
        // Lengths after the pointers: asking for the text may convert the value, and the length is the converted one's.
        let textLength = Int(sqlite3_value_bytes(text)), needleLength = Int(sqlite3_value_bytes(needle))
        sqlite3_result_int(context, rm_contains_bytes(textBytes, textLength, needleBytes, needleLength))
    }
}
