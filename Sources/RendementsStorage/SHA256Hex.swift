import Crypto
import Foundation

/// The lower-case hex SHA-256 of some bytes: the form every hash in the files and the index takes.
func sha256Hex(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
}
