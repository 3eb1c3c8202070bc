import HotlineMetrics

/// One figure column of a report table, defined once for every output: its titles, its text width, its role and
/// the figure of a row. The text, HTML, CSV and workbook renderers draw the column from this, each in its own way.
///
/// The cell is the figure alone (a number, nil when it does not exist); how it reads follows from `kind`: `12.5%`
/// in text and HTML, `0.125` in the CSV, a number formatted `0.0%` in the workbook.
struct FigureColumn<Row>: Sendable {
    /// The CSV header (English snake_case: the CSV is for programs); nil when the CSV does not have the column.
    var csvName: String?
    /// The title in the text report (from ``ReportStrings/textColumns``) and the HTML report (from
    /// ``ReportStrings/columns``); nil when only the workbook and the CSV show the column.
    var title: (@Sendable (ReportStrings.Columns) -> String)?
    /// The workbook's title.
    var sheetTitle: @Sendable (ReportStrings) -> String
    var kind: FigureKind
    /// The display columns the text report gives the figures (its title may widen the column).
    var textWidth: Int
    var role: ColumnRole = .plain
    /// The figure of a row; nil when it does not exist.
    var value: @Sendable (Row) -> Double?

    /// Whether the text and HTML reports show the column.
    var isInReports: Bool { title != nil }

    /// The figure as the text and HTML reports show it.
    func shown(_ row: Row, _ s: ReportStrings) -> String { DisplayFormat.figure(value(row), kind: kind, s) }

    /// The figure as a CSV field: unrounded, empty when it does not exist.
    func csvField(_ row: Row) -> String { CSVReportRenderer.number(value(row)) }

    /// The column as a workbook sheet writes it.
    func sheetColumn(_ s: ReportStrings) -> SheetColumn<Row> {
        let value = value
        return SheetColumn(sheetTitle(s), XLSXReportRenderer.style(of: kind)) { .number(value($0)) }
    }

    /// The same column over a row that holds this one's row (a day's row holding its call figures).
    func reading<Whole>(_ part: @escaping @Sendable (Whole) -> Row) -> FigureColumn<Whole> {
        let value = value
        return FigureColumn<Whole>(
            csvName: csvName, title: title, sheetTitle: sheetTitle, kind: kind, textWidth: textWidth, role: role,
            value: { value(part($0)) })
    }

    /// The same column, `width` display columns wide in the text report.
    func withTextWidth(_ width: Int) -> Self {
        var column = self
        column.textWidth = width
        return column
    }
}
