import Foundation

/// A calendar date without time or zone, stored as `yyyy-mm-dd`, entered as `dd-mm-jjjj`.
public struct CalendarDay: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard ValueBounds.years.contains(year), (1...12).contains(month),
              (1...CalendarDay.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads the file form `2025-06-30`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Reads the Dutch form `30-06-2025` (also `30-6-2025`).
    public init?(dutch text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    // Plain padding, not String(format:): dates are formatted for every case of every report.
    public var iso: String { "\(CalendarDay.padded(year, 4))-\(CalendarDay.padded(month, 2))-\(CalendarDay.padded(day, 2))" }
    public var dutch: String { "\(CalendarDay.padded(day, 2))-\(CalendarDay.padded(month, 2))-\(CalendarDay.padded(year, 4))" }
    /// `2025-06`, the key for monthly totals.
    public var monthKey: String { "\(CalendarDay.padded(year, 4))-\(CalendarDay.padded(month, 2))" }
    /// Months since year 0, ordered as `monthKey` is: a number to compare and group by without formatting text.
    public var monthNumber: Int { year * 12 + month - 1 }

    /// The `monthKey` of a `monthNumber`.
    public static func monthKey(number: Int) -> String { "\(padded(number / 12, 4))-\(padded(number % 12 + 1, 2))" }

    /// The `monthNumber` of a `yyyy-mm` key, when it is one.
    public static func monthNumber(key: String) -> Int? {
        let parts = key.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, parts.joined().allSatisfy({ ("0"..."9").contains($0) }),
              let year = Int(parts[0]), let month = Int(parts[1]), year >= 0, (1...12).contains(month) else { return nil }
        return year * 12 + month - 1
    }

    static func padded(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension CalendarDay: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = CalendarDay(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "geen geldige datum: '\(text)' (verwacht jjjj-mm-dd)")
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
