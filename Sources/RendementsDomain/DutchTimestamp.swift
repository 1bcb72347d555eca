import Foundation

/// History times are stored as UTC (`2026-11-24T10:00:00Z`); a Dutch reader expects
/// `24-11-2026 11:00`, in Dutch time.
public enum DutchTimestamp {
    /// Dutch time when the time-zone data is there, else UTC said as such.
    public static func display(_ stored: String) -> String {
        guard let date = try? Date(stored, strategy: .iso8601) else { return String(stored.prefix(16)).replacingOccurrences(of: "T", with: " ") }
        let zone = TimeZone(identifier: "Europe/Amsterdam")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let text = String(format: "%02d-%02d-%04d %02d:%02d", parts.day ?? 0, parts.month ?? 0, parts.year ?? 0, parts.hour ?? 0, parts.minute ?? 0)
        return zone == nil ? text + " UTC" : text
    }
}
