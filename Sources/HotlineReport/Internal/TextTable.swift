/// A fixed-width table for the text report: first column left-aligned, the rest right-aligned.
struct TextTable {
    var headers: [String]
    var widths: [Int]
    var rows: [[String]] = []

    init(_ columns: [(String, Int)]) {
        headers = columns.map(\.0)
        widths = columns.map(\.1)
    }

    mutating func add(_ cells: [String]) { rows.append(cells) }

    func render<Output: TextOutputStream>(into out: inout Output, indent: String = "") {
        out.write(indent + line(headers) + "\n")
        for row in rows { out.write(indent + line(row) + "\n") }
    }

    private func line(_ cells: [String]) -> String {
        var parts: [String] = []
        for (i, width) in widths.enumerated() {
            let cell = i < cells.count ? cells[i] : ""
            parts.append(i == 0 ? TerminalText.padRight(cell, width) : TerminalText.padLeft(cell, width))
        }
        var text = parts.joined(separator: " ")
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
