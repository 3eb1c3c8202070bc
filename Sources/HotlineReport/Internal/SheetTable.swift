/// One column of a workbook table: its title, how its numbers are shown, and the cell of each row. A sheet's
/// columns are one list, so their titles can be translated in one place.
struct SheetColumn<Row>: Sendable {
    var title: String
    var style: CellStyle
    var value: @Sendable (Row) -> CellValue

    init(_ title: String, _ style: CellStyle, _ value: @escaping @Sendable (Row) -> CellValue) {
        self.title = title
        self.style = style
        self.value = value
    }
}

/// A sheet's title and its columns: what the workbook writes for one table of the report.
struct SheetSpec<Row>: Sendable {
    var title: String
    var columns: [SheetColumn<Row>]
}

/// Writes tables into one sheet, top to bottom: the first with its header row frozen and filter buttons, later
/// ones (short lists under it) after a blank row. Column widths fit the titles and the text, set by ``finish()``.
final class SheetWriter {
    private let sheet: Sheet
    private var row = 0
    private var widths: [Double] = []

    init(_ sheet: Sheet) { self.sheet = sheet }

    /// Widths in Excel's unit (a digit): wide enough for a title with its filter button, not wider than this.
    static let maxWidth = 60.0

    func table<Row>(_ columns: [SheetColumn<Row>], _ rows: [Row]) throws {
        let first = row == 0
        if !first { row += 1 }
        let top = row
        for (c, column) in columns.enumerated() {
            try sheet.header(column.title, row: row, column: c)
            widen(c, to: max(Double(TerminalText.width(column.title)) + (first ? 3 : 1), column.style.minimumWidth))
        }
        row += 1
        for item in rows {
            for (c, column) in columns.enumerated() {
                let value = column.value(item)
                try sheet.write(value, style: column.style, row: row, column: c)
                if case .text(let text) = value { widen(c, to: Double(TerminalText.width(text)) + 1) }
            }
            row += 1
        }
        if first {
            sheet.freezeRows(1)
            try sheet.autofilter(firstRow: top, lastRow: max(top, row - 1), columns: columns.count)
        }
    }

    /// Sets the column widths found.
    func finish() {
        for (c, width) in widths.enumerated() { sheet.setWidth(min(width, Self.maxWidth), column: c) }
    }

    private func widen(_ column: Int, to width: Double) {
        while widths.count <= column { widths.append(0) }
        widths[column] = max(widths[column], width)
    }
}
