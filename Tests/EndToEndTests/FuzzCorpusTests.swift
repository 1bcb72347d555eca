import Foundation
import Testing

@Suite("Fuzz corpus replay")
struct FuzzCorpusTests {
    /// The libFuzzer runs are `.ci/fuzz.sh SECONDS`; here every saved input (seeds and
    /// crashes found earlier, such as `-€ 1,00` not parsing back) is replayed on each test run.
    @Test("every corpus input runs through its target without a crash", arguments: ["prijslijst", "casus", "getal"])
    func replay(target: String) throws {
        let binary = Binary.url.deletingLastPathComponent().appendingPathComponent("fuzz-\(target)")
        let corpus = Binary.root.appendingPathComponent("Tests/FuzzCorpus/\(target)")
        let count = try FileManager.default.contentsOfDirectory(atPath: corpus.path).count
        let outcome = try Binary.execute(binary.path, [corpus.path])
        #expect(outcome.status == 0, "\(outcome.stderr.prefix(800))")
        #expect(outcome.stdout == "\(count) invoer(en) zonder fout verwerkt\n")
    }
}
