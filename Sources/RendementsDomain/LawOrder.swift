
/// The order in which laws appear in every table: the price list's order,
/// then any other law codes found in the data, alphabetically.
public enum LawOrder {
    public static func codes(priceList: PriceList?, present: some Collection<String>) -> [String] {
        let listed = priceList?.laws.map(\.code) ?? Law.requiredCodes
        let extra = Set(present).subtracting(listed).sorted()
        return listed.filter { present.contains($0) || Law.requiredCodes.contains($0) } + extra
    }
}
