import RendementsDomain

/// Small inline SVG bar charts (no scripts, no external files), printable in black and white:
/// bars are told apart by fill pattern (solid vs outlined), not by colour alone.
enum SVGChart {
    struct Bar {
        let label: String
        let value: Money
        /// A second value drawn as an outlined bar beside the first (e.g. costs).
        let secondary: Money?
    }

    static func horizontal(_ bars: [Bar], title: String, primaryLegend: String, secondaryLegend: String? = nil) -> String {
        let rowHeight = secondaryLegend == nil ? 22 : 34
        let labelWidth = 260
        let barWidth = 420
        let height = 40 + bars.count * rowHeight + 10
        let scale = max(1, bars.map { max($0.value.cents, $0.secondary?.cents ?? 0) }.max() ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"820\" height=\"\(height)\" viewBox=\"0 0 820 \(height)\" aria-label=\"\(HTML.escape(title))\">"
        svg += "<title>\(HTML.escape(title))</title>"
        svg += "<rect x=\"0\" y=\"6\" width=\"12\" height=\"12\" fill=\"#1f4e79\"/><text x=\"18\" y=\"17\" font-size=\"12\">\(HTML.escape(primaryLegend))</text>"
        if let secondaryLegend {
            svg += "<rect x=\"300\" y=\"6\" width=\"12\" height=\"12\" fill=\"white\" stroke=\"#b4441c\" stroke-width=\"2\"/><text x=\"318\" y=\"17\" font-size=\"12\">\(HTML.escape(secondaryLegend))</text>"
        }
        for (index, bar) in bars.enumerated() {
            let y = 32 + index * rowHeight
            let width = max(1, Int(bar.value.cents.magnitude * UInt64(barWidth) / UInt64(scale)))
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 13)\" font-size=\"12\" text-anchor=\"end\">\(HTML.escape(String(bar.label.prefix(40))))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(width)\" height=\"14\" fill=\"#1f4e79\"/>"
            svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 12)\" font-size=\"11\">\(HTML.escape(DutchNumber.euroWhole(bar.value)))</text>"
            if let secondary = bar.secondary {
                let secondaryWidth = max(1, Int(secondary.cents.magnitude * UInt64(barWidth) / UInt64(scale)))
                svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 16)\" width=\"\(secondaryWidth)\" height=\"10\" fill=\"white\" stroke=\"#b4441c\" stroke-width=\"2\"/>"
                svg += "<text x=\"\(labelWidth + secondaryWidth + 6)\" y=\"\(y + 25)\" font-size=\"11\">\(HTML.escape(DutchNumber.euroWhole(secondary)))</text>"
            }
        }
        return svg + "</svg>"
    }
}

/// Escaping for text and attributes in the (XHTML-compatible) report.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
