import Crypto
import Foundation

/// The lower-case hex SHA-256 of some bytes: the form every hash in the files and the index takes.
public func sha256Hex(_ data: Data) -> String {
    // Built by table rather than String(format:): formatting was an eighth of a cold report.
    let digits = Array("0123456789abcdef".utf8)
    var hex = [UInt8]()
    hex.reserveCapacity(64)
    for byte in SHA256.hash(data: data) {
        hex.append(digits[Int(byte >> 4)])
        hex.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: hex, as: UTF8.self)
}
