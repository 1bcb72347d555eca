import Foundation

/// How estimates are computed beyond the plain line: the report year, the discount
/// rate for later years, and the conservative cut per confidence grade.
public struct EstimateOptions: Hashable, Sendable {
    /// Prices are indexed to this year; nil keeps each price in its own price year.
    public var reportYear: Int?
    public var index: PriceIndex
    /// The Dutch MKBA standard rate since 2021: 2,25 % real. Year 1 is not discounted.
    public var discountRate: Percentage
    /// Greater Manchester model: a cut on savings by the price's confidence grade.
    public var gradeCuts: [ConfidenceGrade: Percentage]
    /// Grades of price-list items, for lines saved before grades were recorded in cases.
    public var gradesByCode: [String: ConfidenceGrade]

    public static let defaultDiscountRate = Percentage(Decimal(string: "2.25") ?? 0) ?? .zero
    public static let defaultGradeCuts: [ConfidenceGrade: Percentage] = [
        .groen: .zero, .oranje: Percentage(20) ?? .zero, .rood: Percentage(40) ?? .zero,
    ]

    public init(reportYear: Int? = nil, index: PriceIndex = PriceIndex(changes: [:]),
                discountRate: Percentage = EstimateOptions.defaultDiscountRate,
                gradeCuts: [ConfidenceGrade: Percentage] = EstimateOptions.defaultGradeCuts,
                gradesByCode: [String: ConfidenceGrade] = [:]) {
        self.reportYear = reportYear
        self.index = index
        self.discountRate = discountRate
        self.gradeCuts = gradeCuts
        self.gradesByCode = gradesByCode
    }

    public static let plain = EstimateOptions()

    /// Every setting that changes a figure, as text: the index keeps figures only for the settings they were made with.
    public var fingerprint: String {
        let cuts = gradeCuts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value.value)" }
        let grades = gradesByCode.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }
        let years = index.changes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return ["jaar=\(reportYear.map(String.init) ?? "-")", "disconto=\(discountRate.value)", cuts.joined(separator: ","),
                grades.joined(separator: ","), years.joined(separator: ",")].joined(separator: ";")
    }

    /// The options for a price list: its index table and its items' grades.
    public static func from(_ list: PriceList?, reportYear: Int? = nil) -> EstimateOptions {
        EstimateOptions(reportYear: reportYear, index: PriceIndex(list?.index ?? []),
                        gradesByCode: Dictionary((list?.items ?? []).map { ($0.code, $0.grade) }, uniquingKeysWith: { first, _ in first }))
    }

    /// For narrow screens: `prijsjaar 2024` or `eigen prijsjaren`.
    public var shortPriceYearText: String { reportYear.map { "prijsjaar \($0)" } ?? "eigen prijsjaren" }

    /// `prijsjaar 2024` or `prijzen in het prijsjaar van hun bron`.
    public var priceYearText: String {
        reportYear.map { "prijsjaar \($0) (geïndexeerd met CPI)" } ?? "prijzen in het prijsjaar van hun bron (niet geïndexeerd)"
    }
}
