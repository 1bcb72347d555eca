import Foundation
import RendementsDomain

/// The spread per item and intervention as CSV, for a team conversation or a price-list note:
/// one row per item, never per person.
public enum CalibrationExport {
    public static let header = ["interventie", "item_code", "omschrijving", "casussen", "regels",
                                "kans_p25", "kans_mediaan", "kans_p75", "hoeveelheid_p25", "hoeveelheid_mediaan", "hoeveelheid_p75",
                                "regels_herzien", "kans_hoger", "kans_lager", "kans_mediaan_verschuiving_procentpunt",
                                "hoeveelheid_hoger", "hoeveelheid_lager", "hoeveelheid_mediaan_verschuiving", "spreiding"]

    /// Widest spread first, as the screen shows it; numbers with at most two decimals.
    public static func csv(_ spreads: [ItemSpread], priceList: PriceList?, excelDutch: Bool) -> String {
        let separator = excelDutch ? ";" : ","
        func line(_ fields: [String]) -> String {
            fields.map { LineExport.quote($0, separator: separator) }.joined(separator: separator) + "\r\n"
        }
        func number(_ value: Double?) -> String {
            guard let value else { return "" }
            let text = DecimalText.format(Calibration.rounded(value))
            return excelDutch ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        let rows = spreads.map { spread in
            line([spread.intervention, spread.code, priceList?.item(spread.code)?.description ?? "", String(spread.cases), String(spread.lines),
                  number(spread.likelihood?.lower), number(spread.likelihood?.median), number(spread.likelihood?.upper),
                  number(spread.units.lower), number(spread.units.median), number(spread.units.upper), String(spread.changed),
                  String(spread.likelihoodMoves.up), String(spread.likelihoodMoves.down), number(spread.likelihoodMoves.medianSize),
                  String(spread.unitMoves.up), String(spread.unitMoves.down), number(spread.unitMoves.medianSize), number(spread.spread)])
        }
        return (excelDutch ? "\u{FEFF}" : "") + line(header) + rows.joined()
    }
}
