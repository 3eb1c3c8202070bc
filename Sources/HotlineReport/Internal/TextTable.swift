/// A fixed-width table for the text report: first column left-aligned, the rest right-aligned.
///
/// Each column is as wide as given, or as its widest cell: a figure is never cut. When that makes a line wider than
/// the room the report has (100 columns, less what follows the table), the first column gives way, its labels cut
/// with `~`, down to `firstMinimum`; only if that is not enough are the widened cells cut back too, widest first.
struct TextTable {
    var headers: [String]
    var widths: [Int]
    var rows: [[String]] = []
    /// The narrowest the first column may become to make room (a date column keeps its width).
    var firstMinimum: Int

    init(_ columns: [(String, Int)], firstMinimum: Int? = nil) {
        headers = columns.map(\.0)
        widths = columns.map(\.1)
        self.firstMinimum = min(firstMinimum ?? 12, widths.first ?? 0)
    }

    mutating func add(_ cells: [String]) { rows.append(cells) }

    /// Writes the table, each line at most `limit` display columns including `indent`.
    func render<Output: TextOutputStream>(into out: inout Output, indent: String = "", limit: Int = 100) {
        let widths = fitted(to: limit - TerminalText.width(indent))
        out.write(indent + line(headers, widths) + "\n")
        for row in rows { out.write(indent + line(row, widths) + "\n") }
    }

    /// The widths of the columns for lines of at most `columns` display columns.
    func fitted(to columns: Int) -> [Int] {
        var fitted = widths
        for i in fitted.indices.dropFirst() {
            for cells in [headers] + rows where i < cells.count {
                fitted[i] = max(fitted[i], TerminalText.width(TerminalText.sanitized(cells[i])))
            }
        }
        func total() -> Int { fitted.reduce(0, +) + max(0, fitted.count - 1) }
        if total() > columns, !fitted.isEmpty { fitted[0] = max(firstMinimum, fitted[0] - (total() - columns)) }
        while total() > columns {
            // Safe to stop: the given widths fit (checked by the tests), so a widened column is left while too wide.
            guard
                let widest = fitted.indices.dropFirst().max(by: { fitted[$0] - widths[$0] < fitted[$1] - widths[$1] }),
                fitted[widest] > widths[widest]
            else { break }
            fitted[widest] -= 1
        }
        return fitted
    }

    private func line(_ cells: [String], _ widths: [Int]) -> String {
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
