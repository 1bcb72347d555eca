import Foundation
import Testing

@Suite("Several processes on one business case", .serialized)
struct ConcurrencyTests {
    @Test("4 processes × 250 imports at once: every case exactly once, unique ids, validate passes")
    func concurrentAppends() throws {
        let scratch = try Scratch()
        try scratch.copyShippedData()
        let source = try String(contentsOf: scratch.url.appendingPathComponent("cases/C-0004.json"), encoding: .utf8)
        var batches: [[String]] = []
        for process in 0..<4 {
            let folder = scratch.url.appendingPathComponent("in-\(process)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var files: [String] = []
            for number in 0..<250 {
                // A unique marker in the story proves later that each import landed exactly once.
                let marker = "merk-\(process)-\(number)"
                // Each its own case: the same case (by its history head) is imported only once.
                let text = source.replacingOccurrences(of: "\"result\": \"", with: "\"result\": \"\(marker) ")
                    .replacingOccurrences(of: "6e2c38407ba70fc66c70d92cd110402b56a0195e7b7ad1c6a6956b2d02bd07ea", with: String(format: "%064x", process * 1_000 + number + 1))
                let file = folder.appendingPathComponent("\(marker).json")
                try text.write(to: file, atomically: true, encoding: .utf8)
                files.append(file.path)
            }
            batches.append(files)
        }
        let started = Date()
        // Four processes at once; the shell waits for each and prints their exit statuses.
        let binary = "'\(Binary.url.path)'"
        var script = ""
        for (index, files) in batches.enumerated() {
            script += "\(binary) import \(files.joined(separator: " ")) > /dev/null & p\(index)=$!; "
        }
        script += (0..<4).map { "wait $p\($0); s\($0)=$?" }.joined(separator: "; ") + "; echo $s0 $s1 $s2 $s3"
        let outcome = try Binary.execute("/bin/sh", ["-c", script], in: scratch.url)
        #expect(outcome.stdout == "0 0 0 0\n", "\(outcome.stderr.suffix(400))")
        let cases = scratch.url.appendingPathComponent("cases")
        let names = try FileManager.default.contentsOfDirectory(atPath: cases.path).filter { $0.hasPrefix("C-") && $0.hasSuffix(".json") }
        #expect(names.count == 1007)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cases.path).allSatisfy { !$0.hasSuffix(".tmp") }, "no temporary files left")
        var markers: [String: Int] = [:]
        for name in names {
            let text = try String(contentsOf: cases.appendingPathComponent(name), encoding: .utf8)
            if let range = text.range(of: #"merk-\d-\d+"#, options: .regularExpression) { markers[String(text[range]), default: 0] += 1 }
        }
        #expect(markers.count == 1000)
        #expect(markers.values.allSatisfy { $0 == 1 })
        let validate = try Binary.run(["validate"], in: scratch.url)
        #expect(validate.status == 0, "\(validate.stdout.suffix(500))")
        print("concurrency: 4 × 250 imports in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}
