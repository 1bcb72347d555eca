import Foundation

/// Reads numbers the way Dutch users type them and Dutch Excel saves them.
///
/// Accepted: `1234`, `1234,56`, `1234.56`, `1.234,56`, `1.234.567`, `-3,5`.
/// A single `.` followed by exactly three digits (`1.234`) is read as a
/// thousands separator, as a Dutch reader would; use `1234.5` or `1234,5`
/// for decimals. Anything ambiguous or non-numeric is refused, never guessed.
public enum DutchNumber {
    public static func parse(_ raw: String) -> Decimal? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        text = text.replacingOccurrences(of: "€", with: "").replacingOccurrences(of: "EUR", with: "").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        var sign = ""
        if text.hasPrefix("-") {
            sign = "-"
            text.removeFirst()
            // "-€ 1,00" (how negative amounts are shown) reads back: found by fuzzing.
            text = text.trimmingCharacters(in: .whitespaces)
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }

        let commas = text.filter { $0 == "," }.count
        let dots = text.filter { $0 == "." }.count
        var integerPart = text
        var fraction = ""
        if commas == 1 {
            // Dutch: comma is the decimal mark; dots may group thousands.
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            integerPart = String(parts[0])
            fraction = String(parts[1])
            guard isGrouped(integerPart, by: ".") else { return nil }
            integerPart = integerPart.replacingOccurrences(of: ".", with: "")
        } else if commas > 1 {
            return nil
        } else if dots == 1 {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            if parts[1].count == 3 && !parts[0].isEmpty && parts[0] != "0" {
                integerPart = String(parts[0]) + String(parts[1])  // 1.234 = twelve hundred and thirty-four
            } else {
                integerPart = String(parts[0])
                fraction = String(parts[1])
            }
        } else if dots > 1 {
            guard isGrouped(text, by: ".") else { return nil }
            integerPart = text.replacingOccurrences(of: ".", with: "")
        }
        if integerPart.isEmpty { integerPart = "0" }
        let danglingSeparator = text.hasSuffix(",") || text.hasSuffix(".")
        guard integerPart.allSatisfy(\.isNumber), fraction.allSatisfy(\.isNumber), !danglingSeparator else { return nil }
        guard integerPart.count <= 15, fraction.count <= 10 else { return nil }
        let machine = sign + integerPart + (fraction.isEmpty ? "" : "." + fraction)
        return DecimalText.parse(machine)
    }

    /// Why a number of digits and separators that `parse` refused is too long to read, in Dutch;
    /// nil when its length is not why. `parse` reads at most 15 digits before the decimal mark
    /// and 10 after it; a longer one was called "geen getal" (helper finding).
    public static func lengthProblem(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard text.contains(where: \.isNumber), text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        if parts[0].filter(\.isNumber).count > 15 { return "heeft te veel cijfers (hoogstens 15 voor de komma)" }
        if parts.count == 2, parts[1].count > 10 { return "heeft te veel cijfers achter de komma (hoogstens 10)" }
        return nil
    }

    /// True when `text` is digits grouped in threes by `separator` (or has none).
    private static func isGrouped(_ text: String, by separator: Character) -> Bool {
        let groups = text.split(separator: separator, omittingEmptySubsequences: false)
        guard groups.count > 1 else { return true }
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// The currency sign amounts are written with: `€`, or `EUR` for a terminal that
    /// cannot show it (a non-UTF-8 locale). Set for a whole run with `withValue`, so
    /// every amount, and every column sized to one, agrees.
    @TaskLocal public static var euroSign = "€"

    /// `€ 1.234,56`, with a minus sign before the euro sign for negatives.
    public static func euro(_ money: Money) -> String {
        let sign = money.cents < 0 ? "-" : ""
        let magnitude = money.cents.magnitude
        return "\(sign)\(euroSign) \(grouped(magnitude / 100)),\(String(format: "%02d", Int(magnitude % 100)))"
    }

    /// Whole euros, `€ 12.345`, rounded half-even; for compact tables.
    public static func euroWhole(_ money: Money) -> String {
        let rounded = DecimalText.rounded(money.euros, scale: 0, mode: .bankers)
        let value = DecimalText.int64(rounded) ?? 0
        let sign = value < 0 ? "-" : ""
        return "\(sign)\(euroSign) \(grouped(value.magnitude))"
    }

    /// A decimal with a comma: `2,5`, `26`, `0,75`, `1500`; for text that is edited or
    /// stored (prompts, drafts, history), which reads back without grouping.
    public static func decimal(_ value: Decimal) -> String {
        DecimalText.format(value).replacingOccurrences(of: ".", with: ",")
    }

    /// A count to read: `100.000`, `49.714`, `7`.
    public static func count(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouped(UInt64(value.magnitude))
    }

    /// A decimal to read, thousands grouped as amounts are: `1.500`, `12.345,75`, `2,5`.
    public static func readable(_ value: Decimal) -> String {
        let text = DecimalText.format(value)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first.flatMap({ UInt64($0) }) else { return decimal(value) }
        let fraction = parts.count == 2 ? "," + parts[1] : ""
        return (negative ? "-" : "") + grouped(whole) + fraction
    }

    /// A return ratio with two decimals, `2,35`, or `–` when there is none.
    public static func ratio(_ value: Decimal?) -> String {
        guard let value else { return "–" }
        let hundredths = DecimalText.int64(DecimalText.rounded(value * 100, scale: 0, mode: .bankers)) ?? 0
        let sign = hundredths < 0 ? "-" : ""
        return "\(sign)\(grouped(hundredths.magnitude / 100)),\(String(format: "%02d", Int(hundredths.magnitude % 100)))"
    }

    static func grouped(_ value: UInt64) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(".") }
            result.append(character)
        }
        return result
    }
}
