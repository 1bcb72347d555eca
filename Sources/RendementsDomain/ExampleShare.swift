/// How many of a business case's cases are fictional examples. A report of which some are
/// examples says so: one real case among five examples ended the VOORBEELD banner, and the
/// five still counted in every figure (helper-31).
public struct ExampleShare: Hashable, Sendable {
    public let fictional: Int
    public let cases: Int
    /// What an empty business case is: its settings say whether it holds the examples.
    public let emptyIsExample: Bool

    public init(fictional: Int, of cases: Int, emptyIsExample: Bool) {
        self.fictional = fictional
        self.cases = cases
        self.emptyIsExample = emptyIsExample
    }

    /// Counts the fictional ones among `flags`.
    public init(_ flags: some Sequence<Bool>, emptyIsExample: Bool) {
        var (fictional, cases) = (0, 0)
        for flag in flags {
            cases += 1
            if flag { fictional += 1 }
        }
        self.init(fictional: fictional, of: cases, emptyIsExample: emptyIsExample)
    }

    /// A business case of real cases only.
    public static let none = ExampleShare(fictional: 0, of: 0, emptyIsExample: false)

    public var isAllExamples: Bool { cases == 0 ? emptyIsExample : fictional == cases }
    /// True when any figure comes from an example.
    public var hasExamples: Bool { isAllExamples || fictional > 0 }

    /// The title bar's word: `VOORBEELD (fictief)`, `5 van 6 fictief`, or nil.
    public var marker: String? {
        if isAllExamples { return "VOORBEELD (fictief)" }
        return fictional > 0 ? "\(DutchNumber.count(fictional)) van \(DutchNumber.count(cases)) fictief" : nil
    }

    /// The same, short, beside other words in a title bar: `VOORBEELD`, `5 van 6 fictief`, or nil.
    public var shortMarker: String? { isAllExamples ? "VOORBEELD" : marker }

    /// A report's line about the examples, or nil when there are none.
    public var reportNote: String? {
        if isAllExamples { return "VOORBEELD: deze business case bestaat uit fictieve casussen." }
        guard fictional > 0 else { return nil }
        // Of the whole business case: which of them a filter counts, "Telt" says (helper-32 read it as about the counted ones).
        return "LET OP: \(DutchNumber.count(fictional)) van de \(DutchNumber.count(cases)) casussen in deze business case "
            + "\(fictional == 1 ? "is een fictief voorbeeld" : "zijn fictieve voorbeelden"); waar ze meetellen, zitten ze in de cijfers. "
            + "Haal ze uit de map om alleen echte casussen te tellen."
    }
}
