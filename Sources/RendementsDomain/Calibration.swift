import Foundation

/// The lower quartile, the median and the upper quartile of some values.
public struct Quartiles: Hashable, Sendable {
    public let lower: Double
    public let median: Double
    public let upper: Double

    /// Nil for no values. Quartiles are medians of the lower and upper halves (the middle value
    /// left out of both when the count is odd), so five values give a spread a reader can check.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let half = sorted.count / 2
        median = Self.middle(sorted[...])
        lower = Self.middle(sorted.prefix(max(1, half)))
        upper = Self.middle(sorted.suffix(max(1, half)))
    }

    init(lower: Double, median: Double, upper: Double) {
        self.lower = lower
        self.median = median
        self.upper = upper
    }

    static func middle(_ sorted: ArraySlice<Double>) -> Double {
        let start = sorted.startIndex, count = sorted.count
        return count % 2 == 1 ? sorted[start + count / 2] : (sorted[start + count / 2 - 1] + sorted[start + count / 2]) / 2
    }
}

/// How review moved one quantity or likelihood over a set of lines: how often up, how often
/// down, and the median size of a move.
public struct ReviewMoves: Hashable, Sendable {
    public let up: Int
    public let down: Int
    /// Median of the moves' absolute sizes (percentage points for a likelihood); nil without moves.
    public let medianSize: Double?

    init(up: Int, down: Int, medianSize: Double?) {
        self.up = up
        self.down = down
        self.medianSize = medianSize
    }

    init(_ pairs: [(before: Double, after: Double)]) {
        let moves = pairs.map { $0.after - $0.before }.filter { $0 != 0 }
        up = moves.filter { $0 > 0 }.count
        down = moves.filter { $0 < 0 }.count
        medianSize = Quartiles(moves.map(abs))?.median
    }
}

/// One item in one intervention, over every approved line of it, never per person: the spread
/// of the estimates and how review moved them. What a team conversation starts from.
public struct ItemSpread: Hashable, Sendable {
    public let intervention: String
    public let code: String
    public let cases: Int
    public let lines: Int
    /// As the authors estimated them (lines a reviewer added are left out).
    public let units: Quartiles
    public let likelihood: Quartiles?
    /// Lines review changed, added or removed.
    public let changed: Int
    public let unitMoves: ReviewMoves
    public let likelihoodMoves: ReviewMoves
    /// The quartile gaps relative to the scale: likelihood in points of 100, units relative to their
    /// median. Larger means colleagues estimate this item further apart.
    public var spread: Double {
        let likelihoodGap = likelihood.map { ($0.upper - $0.lower) / 100 } ?? 0
        let unitGap = units.median > 0 ? (units.upper - units.lower) / units.median : 0
        return likelihoodGap + unitGap
    }
}

/// A reviewer's reason for changing one of the worker's lines, with the case it was in.
public struct ReviewReason: Hashable, Sendable {
    public let caseID: String
    public let text: String
}

/// One item of the worker's own estimates beside colleagues' approved lines, and how reviewers
/// changed the worker's lines, with their reasons: the worker's mirror.
public struct OwnEstimate: Hashable, Sendable {
    public let intervention: String
    public let code: String
    /// The worker's lines of this item (reviewer-added ones left out) and their middle values;
    /// no medians when reviewers added the item and the worker never estimated it.
    public let lines: Int
    public let medianUnits: Double?
    public let medianLikelihood: Double?
    /// Colleagues' approved lines: nil when they come from fewer than `Suggestions.minimumCases`
    /// cases or `Calibration.minimumAuthors` colleagues (then a median would point at one colleague).
    public let colleagues: Colleagues?
    /// The worker's lines review changed or removed, those it removed, and lines a reviewer added.
    public let changed: Int
    public let removed: Int
    public let added: Int
    public let unitMoves: ReviewMoves
    public let likelihoodMoves: ReviewMoves
    /// The reviewers' reasons, newest case first.
    public let reasons: [ReviewReason]

    public struct Colleagues: Hashable, Sendable {
        public let cases: Int
        public let medianUnits: Double
        public let medianLikelihood: Double?
    }

}

/// What the business case's approved lines say about estimating: per item for reviewers and
/// managers, and per worker for the worker alone.
public enum Calibration {
    /// Nothing is shown from fewer authors than this, however many cases: five cases of one
    /// colleague would show that colleague's estimates (found by a helper).
    public static let minimumAuthors = 3

    /// At most two decimals, a half rounded away from zero as a reader rounds the number as
    /// written: 0,145 is 0,15 (the double just below 0.145 made it 0,14; found by a helper).
    public static func rounded(_ value: Double) -> Decimal {
        var exact = Decimal(string: "\(value)") ?? Decimal(value)
        var result = Decimal()
        NSDecimalRound(&result, &exact, 2, .plain)
        return result
    }

    /// Enough cases and enough different authors to show figures that point at nobody.
    static func enough(_ lines: [ReviewedLine]) -> Bool {
        enough(cases: Set(lines.map(\.caseID)).count, authors: Set(lines.map(\.author)).count)
    }

    static func enough(cases: Int, authors: Int) -> Bool {
        cases >= Suggestions.minimumCases && authors >= minimumAuthors
    }

    /// Per intervention and item, the spread of estimates and review's moves, items estimated
    /// furthest apart first; items from fewer than `Suggestions.minimumCases` cases or
    /// `minimumAuthors` authors are left out.
    public static func spreads(_ lines: [ReviewedLine]) -> [ItemSpread] {
        // One pass over the lines into per-group tallies, reading fields in place: at 452,313
        // lines, copying lines into groups took a third of the time.
        struct Tally {
            var cases = Set<Int>()
            var authors = Set<Int>()
            var lines = 0
            var units: [Double] = []
            var likelihoods: [Double] = []
            var changed = 0
            var unitPairs: [(Double, Double)] = []
            var likelihoodPairs: [(Double, Double)] = []

            mutating func add(_ line: ReviewedLine, caseNumber: Int, authorNumber: Int) {
                cases.insert(caseNumber)
                if authors.count < Calibration.minimumAuthors { authors.insert(authorNumber) }
                lines += 1
                if line.reviewChanged { changed += 1 }
                guard let estimated = line.estimated else { return }
                units.append(estimated.units)
                if let likelihood = estimated.likelihood { likelihoods.append(likelihood) }
                guard let approved = line.approved else { return }
                unitPairs.append((estimated.units, approved.units))
                if let before = estimated.likelihood, let after = approved.likelihood { likelihoodPairs.append((before, after)) }
            }
        }
        // Case ids and authors become numbers once per case (a case's lines come together), so the
        // per-group sets hash integers: hashing the texts per line was half the time.
        var caseNumbers = Numbering()
        var authorNumbers = Numbering()
        var groupOf: [GroupKey: Int] = [:]
        var keys: [GroupKey] = []
        var tallies: [Tally] = []
        var lastKey: GroupKey?
        var lastGroup = 0
        for line in lines {
            let key = GroupKey(intervention: line.intervention, code: line.code)
            if key != lastKey {
                if let known = groupOf[key] {
                    lastGroup = known
                } else {
                    lastGroup = tallies.count
                    groupOf[key] = lastGroup
                    keys.append(key)
                    tallies.append(Tally())
                }
                lastKey = key
            }
            tallies[lastGroup].add(line, caseNumber: caseNumbers.number(line.caseID), authorNumber: authorNumbers.number(line.author))
        }
        let spreads = zip(keys, tallies).compactMap { key, tally -> ItemSpread? in
            guard enough(cases: tally.cases.count, authors: tally.authors.count), let units = Quartiles(tally.units) else { return nil }
            return ItemSpread(intervention: key.intervention, code: key.code, cases: tally.cases.count, lines: tally.lines, units: units,
                              likelihood: Quartiles(tally.likelihoods), changed: tally.changed,
                              unitMoves: ReviewMoves(tally.unitPairs), likelihoodMoves: ReviewMoves(tally.likelihoodPairs))
        }
        return spreads.sorted { ($1.spread, $0.intervention, $0.code) < ($0.spread, $1.intervention, $1.code) }
    }

    /// The worker's own lines per intervention and item beside colleagues' approved lines of the
    /// same item in the same intervention, most used first. Nobody else's name is in it.
    public static func own(_ lines: [ReviewedLine], author: String) -> [OwnEstimate] {
        let mine = Dictionary(grouping: lines.filter { $0.author == author }) { GroupKey(intervention: $0.intervention, code: $0.code) }
        let wanted = Set(mine.keys)
        // Only lines of the worker's own items are grouped, not every line of the business case.
        let others = Dictionary(grouping: lines.filter {
            $0.author != author && $0.approved != nil && wanted.contains(GroupKey(intervention: $0.intervention, code: $0.code))
        }) { GroupKey(intervention: $0.intervention, code: $0.code) }
        let estimates = mine.map { key, lines -> OwnEstimate in
            let estimated = lines.compactMap(\.estimated)
            let colleagues = others[key].flatMap { lines -> OwnEstimate.Colleagues? in
                let approved = lines.compactMap(\.approved)
                let cases = Set(lines.map(\.caseID)).count
                guard enough(lines), let units = Quartiles(approved.map(\.units)) else { return nil }
                return OwnEstimate.Colleagues(cases: cases, medianUnits: units.median, medianLikelihood: Quartiles(approved.compactMap(\.likelihood))?.median)
            }
            let moves = Self.moves(lines)
            let reasons = lines.filter(\.reviewChanged).sorted { $0.caseID > $1.caseID }.flatMap { line in
                line.reasons.map { ReviewReason(caseID: line.caseID, text: $0) }
            }
            return OwnEstimate(intervention: key.intervention, code: key.code, lines: estimated.count, medianUnits: Quartiles(estimated.map(\.units))?.median,
                               medianLikelihood: Quartiles(estimated.compactMap(\.likelihood))?.median, colleagues: colleagues,
                               changed: lines.filter { $0.estimated != nil && $0.reviewChanged }.count,
                               removed: lines.filter { $0.estimated != nil && $0.approved == nil }.count, added: lines.filter { $0.estimated == nil }.count,
                               unitMoves: moves.units, likelihoodMoves: moves.likelihood, reasons: reasons)
        }
        return estimates.sorted { ($1.lines, $0.intervention, $0.code) < ($0.lines, $1.intervention, $1.code) }
    }

    /// Review's moves over the lines that were both estimated and approved.
    private static func moves(_ lines: [ReviewedLine]) -> (units: ReviewMoves, likelihood: ReviewMoves) {
        let kept = lines.compactMap { line in line.estimated.flatMap { before in line.approved.map { (before: before, after: $0) } } }
        return (ReviewMoves(kept.map { ($0.before.units, $0.after.units) }),
                ReviewMoves(kept.compactMap { pair in pair.before.likelihood.flatMap { before in pair.after.likelihood.map { (before, $0) } } }))
    }

    /// Numbers for texts in order of appearance; a text equal to the previous one is not looked up again.
    private struct Numbering {
        private var numbers: [String: Int] = [:]
        private var last: (text: String, number: Int)?

        mutating func number(_ text: String) -> Int {
            if let last, last.text == text { return last.number }
            let number = numbers[text] ?? numbers.count
            numbers[text] = number
            last = (text, number)
            return number
        }
    }

    private struct GroupKey: Hashable {
        let intervention: String
        let code: String
    }
}
