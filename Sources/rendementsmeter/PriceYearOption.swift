import ArgumentParser
import RendementsDomain

/// The bounds of `--price-year`, checked before anything is read.
enum PriceYearOption {
    static func check(_ year: Int?) throws {
        guard let year, !ValueBounds.years.contains(year) else { return }
        throw ValidationError("prijsjaar \(year) ligt buiten \(ValueBounds.years.lowerBound)–\(ValueBounds.years.upperBound); kies bijvoorbeeld 2025")
    }
}
