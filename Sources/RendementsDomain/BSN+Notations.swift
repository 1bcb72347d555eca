extension BSN {
    /// How a BSN is written: the lengths of its digit groups. The 4-2-3 form is the one on Dutch
    /// documents (`1234.56.782`). Not nine single digits (`4 1 2 5 4 5 4 1 5`: a list of ZRM
    /// scores, refused four times in ten), 2-2-2-3 (the old bank account number) or 3-2-4: those
    /// are only a warning (helper-22).
    public static let notationGroups: [[Int]] = [[9], [3, 3, 3], [4, 2, 3]]

    /// What joins the groups of a written BSN: one of these, the same one throughout (Excel
    /// writes `123,456,782`).
    public static let joiningSeparators: [UInt8] = Array(" .-,".utf8)

    /// The nine-digit numbers written as a BSN in text made plain, in the order they end; not a
    /// mobile number after +31 or 0031 (`+31 612345678`), nor a file number that starts with a
    /// year and a month (`2024-03-117`), each refused one time in eleven (helper-22).
    static func notations(in bytes: [UInt8]) -> [String] {
        let groups = digitGroups(in: bytes)
        // The one joining byte before each group, or 0.
        let joins = groups.indices.map { index -> UInt8 in
            guard index > 0, groups[index].lowerBound - groups[index - 1].upperBound == 1 else { return 0 }
            let between = bytes[groups[index].lowerBound - 1]
            return joiningSeparators.contains(between) ? between : 0
        }
        func value(_ group: Range<Int>) -> Int { bytes[group].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } }
        func isPhone(_ index: Int) -> Bool {
            guard index > 0, joins[index] == UInt8(ascii: " ") || joins[index] == UInt8(ascii: "-") else { return false }
            let before = groups[index - 1]
            let country = Array(bytes[before])
            return country == Array("0031".utf8) || country == Array("31".utf8) && before.lowerBound > 0 && bytes[before.lowerBound - 1] == UInt8(ascii: "+")
        }
        var found: [String] = []
        for last in groups.indices {
            for lengths in notationGroups where lengths.count <= last + 1 && lengths.last == groups[last].count {
                let first = last + 1 - lengths.count
                guard zip(groups[first...last], lengths).allSatisfy({ $0.count == $1 }),
                      lengths.count == 1 || joins[(first + 1)...last].allSatisfy({ $0 != 0 && $0 == joins[last] }) else { continue }
                if lengths == [9], isPhone(last) { continue }
                if lengths == [4, 2, 3], (1900...2099).contains(value(groups[first])), (1...12).contains(value(groups[first + 1])) { continue }
                let number = String(decoding: groups[first...last].flatMap { bytes[$0] }, as: UTF8.self)
                if passesElevenTest(number) { found.append(number) }
            }
        }
        return found
    }
}
