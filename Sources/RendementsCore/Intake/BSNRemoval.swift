import RendementsDomain

/// Takes a BSN out of a text being typed. Refusing only the key that completed one left its
/// first eight digits in the field, and the eleven-test gives the ninth (helper-22); refusing a
/// paste kept nothing of it. Now the digit groups that make each new number are taken out, and
/// the rest of what was typed or pasted stays.
enum BSNRemoval {
    static let notice = "Geweigerd: dit lijkt een BSN (elfproef klopt); het nummer is weggehaald. Een casus blijft pseudoniem."

    /// The numbers in `new` that `old` did not hold (as often): a number already there before
    /// this rule, elsewhere in the text, does not block typing.
    static func fresh(_ new: [String], than old: [String]) -> [String] {
        var left = old
        return new.filter { number in
            guard let index = left.firstIndex(of: number) else { return true }
            left.remove(at: index)
            return false
        }
    }

    /// The text without the digit groups that make each new number (`fresh`), nearest the cursor
    /// first, with the cursor moved along; nil when a new number is not found in whole groups.
    /// The whole text is read, not a window around the cursor: a window's edge cut a longer
    /// number into a BSN, which made a number taken out that was none, or one typed kept
    /// (helper-23).
    static func removing(from text: String, old: [String], cursor: Int) -> (text: String, cursor: Int)? {
        var characters = Array(text)
        var cursor = cursor
        var left = fresh(BSN.candidates(in: text), than: old)
        while !left.isEmpty {
            guard let span = span(making: left, in: characters, cursor: cursor, old: old) else { return nil }
            characters.removeSubrange(span)
            cursor = cursor >= span.upperBound ? cursor - span.count : min(cursor, span.lowerBound)
            left = fresh(BSN.candidates(in: String(characters)), than: old)
        }
        return (String(characters), cursor)
    }

    /// The neighbouring digit groups nearest the cursor whose digits make one of `numbers` and
    /// whose removal leaves fewer new numbers.
    private static func span(making numbers: [String], in characters: [Character], cursor: Int, old: [String]) -> Range<Int>? {
        // A character is a digit when one of its scalars is (a prepended mark joins the digit after it).
        func digit(_ index: Int) -> UInt8? { characters[index].unicodeScalars.lazy.compactMap(BSN.asciiDigit).first }
        var groups: [Range<Int>] = []
        var index = 0
        while index < characters.count {
            guard digit(index) != nil else {
                index += 1
                continue
            }
            let start = index
            while index < characters.count, digit(index) != nil { index += 1 }
            groups.append(start..<index)
        }
        let before = fresh(BSN.candidates(in: String(characters)), than: old).count
        // Windows of one group up to nine (a BSN after its label may be nine single digits), nearest the cursor first.
        var windows: [Range<Int>] = []
        for size in 1...9 where size <= groups.count {
            for first in 0...(groups.count - size) { windows.append(first..<first + size) }
        }
        windows.sort { ($0.count, distance($0, groups, cursor)) < ($1.count, distance($1, groups, cursor)) }
        for window in windows {
            let digits = String(decoding: window.flatMap { groups[$0].compactMap(digit) }, as: UTF8.self)
            // The number itself; eight digits after a label; the first nine of one longer group after a label.
            guard numbers.contains(where: { digits == $0 || "0" + digits == $0 || window.count == 1 && digits.count > 9 && digits.hasPrefix($0) })
            else { continue }
            let span = groups[window.lowerBound].lowerBound..<groups[window.upperBound - 1].upperBound
            var kept = characters
            kept.removeSubrange(span)
            if fresh(BSN.candidates(in: String(kept)), than: old).count < before { return span }
        }
        return nil
    }

    private static func distance(_ window: Range<Int>, _ groups: [Range<Int>], _ cursor: Int) -> Int {
        min(abs(groups[window.lowerBound].lowerBound - cursor), abs(groups[window.upperBound - 1].upperBound - cursor))
    }
}
