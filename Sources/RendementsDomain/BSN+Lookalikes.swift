extension BSN {
    /// Nine-digit numbers that pass the eleven-test when three or more neighbouring digit groups are
    /// read as one number, joined the same way throughout by up to three spaces, dots, dashes,
    /// slashes, underscores, tabs or line ends (`111/222/333`, `111 - 222 - 333`), dates left out,
    /// and that are not refused (`candidates(in:)`): worth a warning, since a BSN may hide in them,
    /// but amounts, times and periods are read this way too.
    public static func lookalikes(in text: String) -> [String] { readings(of: text).warned }

    /// What `candidates(in:)` refuses and `lookalikes(in:)` warns about, the text made plain once
    /// (`validate` reads every text of every case).
    public static func readings(of text: String) -> (refused: [String], warned: [String]) {
        guard var bytes = plainIfEight(text) else { return ([], []) }
        let refused = refused(in: bytes)
        maskDates(&bytes)
        return (refused, joinedNumbers(in: bytes).filter { !refused.contains($0) })
    }

    /// The nine-digit numbers in text made plain that three or more digit groups make, joined the
    /// same way throughout by one to three loose separators (`111/222/333`, `11 - 1222 - 333`).
    /// Joined in changing ways they were mostly dates with times, weekly dates and lists (helper-21).
    static func joinedNumbers(in bytes: [UInt8]) -> [String] {
        let groups = digitGroups(in: bytes)
        // Where the bytes that join each group to the one before are, or nil (positions, not slices: a slice
        // holds on to the text, and counting those holds was a tenth of `validate`'s BSN reading).
        let joins = groups.indices.map { index -> Range<Int>? in
            guard index > 0 else { return nil }
            let between = groups[index - 1].upperBound..<groups[index].lowerBound
            return between.count <= 3 && bytes[between].allSatisfy(looseSeparators.contains) ? between : nil
        }
        func same(_ one: Range<Int>?, _ other: Range<Int>) -> Bool { one.map { bytes[$0].elementsEqual(bytes[other]) } ?? false }
        var found: [String] = []
        for last in groups.indices {
            // Back from this group, while the groups are joined the same way, to nine digits.
            guard let join = joins[last] else { continue }
            var first = last, digits = groups[last].count
            while digits < 9, first > 0, same(joins[first], join) {
                first -= 1
                digits += groups[first].count
            }
            guard digits == 9, last - first >= 2, !isListOrFileNumber(groups[first...last], bytes) else { continue }
            let number = String(decoding: groups[first...last].flatMap { bytes[$0] }, as: UTF8.self)
            if passesElevenTest(number) { found.append(number) }
        }
        return found
    }

    /// Single digits only (ZRM scores, `4 1 2 5 4 5 4 1 5`: four lists in ten were warned about),
    /// or a year and a month first (a file number, `2024 03 117`): no warning (helper-22).
    private static func isListOrFileNumber(_ groups: ArraySlice<Range<Int>>, _ bytes: [UInt8]) -> Bool {
        if groups.allSatisfy({ $0.count == 1 }) { return true }
        func value(_ group: Range<Int>) -> Int { bytes[group].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } }
        let year = groups[groups.startIndex], month = groups[groups.startIndex + 1]
        return year.count == 4 && (1900...2099).contains(value(year)) && month.count == 2 && (1...12).contains(value(month))
    }

    /// Turns dates into `x`: a period written `1-1-2025 - 1-10-2025` joined into the nine digits
    /// 112025110, which pass the eleven-test, so one in eleven date ranges was read as a BSN
    /// (helper-20). A date is a day, month and year (`d-m-jjjj`) or a year, month and day
    /// (`jjjj-m-d`), with `-`, `/` or `.` twice, day 1–31, month 1–12, year 1900–2099 (or two
    /// digits after a day and month, `5-8-24`: helper-21), between non-digits. Only the loose
    /// reading needs this: no date is written as a BSN is.
    static func maskDates(_ bytes: inout [UInt8]) {
        var start = 0
        while start < bytes.count {
            guard isDigit(bytes[start]), start == 0 || !isDigit(bytes[start - 1]), let end = dateEnd(bytes, from: start) else {
                start += 1
                continue
            }
            for position in start..<end { bytes[position] = UInt8(ascii: "x") }
            start = end
        }
    }

    /// Where a date that begins at `start` ends, or nil.
    private static func dateEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        func group(at position: Int) -> (value: Int, end: Int) {
            var end = position
            var value = 0
            while end < bytes.count, isDigit(bytes[end]), end - position < 5 {
                value = value * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                end += 1
            }
            return (value, end)
        }
        let first = group(at: start)
        guard first.end < bytes.count, let separator = Array("-/.".utf8).first(where: { $0 == bytes[first.end] }) else { return nil }
        let second = group(at: first.end + 1)
        guard second.end > first.end + 1, second.end < bytes.count, bytes[second.end] == separator else { return nil }
        let third = group(at: second.end + 1)
        guard third.end > second.end + 1, third.end == bytes.count || !isDigit(bytes[third.end]) else { return nil }
        let lengths = (first.end - start, second.end - first.end - 1, third.end - second.end - 1)
        let (day, month, year): (Int, Int, Int)
        switch lengths {
        case (1...2, 1...2, 4): (day, month, year) = (first.value, second.value, third.value)
        case (1...2, 1...2, 2): (day, month, year) = (first.value, second.value, 2000 + third.value)
        case (4, 1...2, 1...2): (day, month, year) = (third.value, second.value, first.value)
        default: return nil
        }
        return (1...31).contains(day) && (1...12).contains(month) && (1900...2099).contains(year) ? third.end : nil
    }
}
