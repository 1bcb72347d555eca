import RendementsDomain

/// Takes a BSN out of a text being typed. Refusing only the key that completed one left its
/// first eight digits in the field, and the eleven-test gives the ninth (helper-22); refusing a
/// paste kept nothing of it. Now the digit groups that make the number are taken out, and the
/// rest of what was typed or pasted stays.
enum BSNRemoval {
    static let notice = "Geweigerd: dit lijkt een BSN (elfproef klopt); het nummer is weggehaald. Een casus blijft pseudoniem."

    /// The text without the digit groups, among those in `reach` (character positions), that make
    /// the BSN found there, all of them, when that leaves no BSN near them; with the cursor moved
    /// along. Nil when no such groups are found (say, two numbers pasted at once): then nothing
    /// is taken over.
    static func removing(from text: String, reach: Range<Int>, cursor: Int) -> (text: String, cursor: Int)? {
        let characters = Array(text)
        let numbers = BSN.candidates(in: String(characters[min(reach.lowerBound, characters.count)..<min(reach.upperBound, characters.count)]))
        func digit(_ index: Int) -> UInt8? { characters[index].unicodeScalars.first.flatMap(BSN.asciiDigit) }
        func isDigit(_ index: Int) -> Bool { digit(index) != nil }
        // The groups' digits make the number, or (after a label) its first nine, or eight without the leading zero.
        func makesNumber(_ span: Range<Int>) -> Bool {
            let digits = String(decoding: span.compactMap(digit), as: UTF8.self)
            return numbers.contains { digits == $0 || "0" + digits == $0 || digits.count > 9 && digits.hasPrefix($0) }
        }
        var groups: [Range<Int>] = []
        var index = 0
        while index < characters.count {
            guard isDigit(index) else {
                index += 1
                continue
            }
            let start = index
            while index < characters.count, isDigit(index) { index += 1 }
            if start < reach.upperBound, index > reach.lowerBound { groups.append(start..<index) }
        }
        // Windows of one group up to nine (a BSN after its label may be nine single digits), nearest the cursor first.
        for size in 1...max(1, min(9, groups.count)) where size <= groups.count {
            let windows = (0...(groups.count - size)).sorted { abs(groups[$0].lowerBound - cursor) < abs(groups[$1].lowerBound - cursor) }
            for first in windows {
                let span = groups[first].lowerBound..<groups[first + size - 1].upperBound
                guard makesNumber(span) else { continue }
                var kept = characters
                kept.removeSubrange(span)
                let around = String(kept[max(0, span.lowerBound - 80)..<min(kept.count, span.lowerBound + 80)])
                guard PrivacyGuard.refusal(around) == nil else { continue }
                let moved = cursor >= span.upperBound ? cursor - span.count : min(cursor, span.lowerBound)
                return (String(kept), moved)
            }
        }
        return nil
    }
}
