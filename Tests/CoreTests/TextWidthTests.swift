import Glibc
import RendementsCore
import Testing

// glibc's wcwidth; the Glibc module leaves it out (it needs _XOPEN_SOURCE).
@_silgen_name("wcwidth") private func cWidth(_ character: Int32) -> Int32

@Suite("Text width")
struct TextWidthTests {
    @Test("every scalar takes the columns glibc's wcwidth gives it in C.UTF-8, the table ncursesw and tmux draw with (before: 9,026 scalars differed, 🚑 among them)")
    func agreesWithTheCLibrary() throws {
        let utf8 = try #require(newlocale(LC_CTYPE_MASK, "C.UTF-8", nil))
        let previous = uselocale(utf8)
        defer {
            uselocale(previous)
            freelocale(utf8)
        }
        var differing: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = Int(cWidth(Int32(bitPattern: value)))
            let ours = TextWidth.of(scalar: scalar)
            let printable = TextWidth.isPrintable(scalar)
            let agrees = expected < 0 ? !printable && ours == (value < 0x20 || (0x7F..<0xA0).contains(value) ? 0 : 1) : printable && ours == expected
            if !agrees { differing.append("U+\(String(value, radix: 16, uppercase: true)): \(ours), wcwidth \(expected)") }
        }
        #expect(differing.isEmpty, "\(differing.count): \(differing.prefix(10))")
    }
}
