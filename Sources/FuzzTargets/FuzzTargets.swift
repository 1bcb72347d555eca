import Foundation
import RendementsDomain
import RendementsStorage

/// What the fuzzers feed with arbitrary bytes. Each must return without crashing,
/// and the checks below turn a wrong answer into a crash the fuzzer reports.
public enum FuzzTargets {
    static let laws = "code;naam;financier\nwmo;Wmo 2015;gemeente\nzvw;Zvw;zv\nwlz;Wlz;zk\njeugdwet;Jeugdwet;gemeente\n"
    static let fixed: [String: Data] = [
        "info.csv": Data("sleutel;waarde\nnaam;Fuzz\nversie;f1\n".utf8),
        "wetten.csv": Data(laws.utf8),
        "uurtarieven.csv": Data("code;omschrijving;uurtarief;prijsjaar;bron\nsw;Sw;64,00;2022;KH24\n".utf8),
        "index.csv": Data("jaar;mutatie_procent;bron\n2023;3,8;CBS\n".utf8),
    ]

    /// The price-list reader on an arbitrary `prijzen.csv`.
    public static func priceList(_ data: Data) {
        var files = fixed
        files["prijzen.csv"] = data
        let result = PriceListReader.read(source: .memory(name: "fuzz", files: files))
        for item in result.priceList?.items ?? [] {
            precondition(item.price.cents > 0, "a price list item with a price ≤ 0 was accepted")
            precondition(!item.source.isEmpty, "an item without a source was accepted")
        }
    }

    /// The case decoder, and pricing and checking whatever it accepts.
    public static func caseFile(_ data: Data) {
        guard case .success(let record) = CaseCodec.decode(data) else { return }
        if let valuation = try? CaseValuation(record, options: .plain) {
            precondition(valuation.total.net == valuation.total.avoided - valuation.total.deployed - valuation.total.effort)
        }
        _ = CaseChecker.problems(StoredCase(record: record, fileName: "fuzz.json"), priceList: nil)
    }

    /// The Dutch number parser: whatever it accepts as whole cents must survive formatting and parsing back.
    public static func number(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        guard let value = DutchNumber.parse(text), let money = Money(exactEuros: value) else { return }
        let shown = DutchNumber.euro(money)
        precondition(DutchNumber.parse(shown) == value, "\(text) → \(shown) does not parse back")
    }

    /// Runs corpus files through a target (the regression mode of the fuzz executables).
    public static func replay(_ paths: [String], _ target: (Data) -> Void) -> Int {
        var count = 0
        for path in paths {
            let url = URL(fileURLWithPath: path)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: path)).map { $0.map { url.appendingPathComponent($0) } } ?? [url]
            for file in files {
                if let data = FileManager.default.contents(atPath: file.path) {
                    target(data)
                    count += 1
                }
            }
        }
        return count
    }
}
