import HotlineModel

/// The figure columns of one report table, in order: what the text, HTML, CSV and workbook renderers draw after
/// the columns that name a row (a start, a date, a queue), which each renderer writes in its own way.
struct FigureTable<Row>: Sendable {
    var columns: [FigureColumn<Row>]

    /// The columns the text and HTML reports show (the workbook and the CSV show every column).
    var reportColumns: [FigureColumn<Row>] { columns.filter(\.isInReports) }

    /// The text report's titles and widths: each column as wide as its figures need or as its title.
    func textColumns(_ s: ReportStrings) -> [(String, Int)] {
        reportColumns.compactMap { column in
            column.title.map { TextReportRenderer.column($0(s.textColumns), column.textWidth) }
        }
    }

    /// The HTML report's titles.
    func htmlTitles(_ s: ReportStrings) -> [String] { reportColumns.compactMap { $0.title?(s.columns) } }

    /// A row's cells in the text and HTML reports, each judged by its column's role against `target` (nil: a
    /// table without targets).
    func cells(_ row: Row, _ s: ReportStrings, target: ServiceTarget? = nil) -> [FigureCell] {
        reportColumns.map { column in
            FigureCell(
                text: column.shown(row, s), offTarget: target.map { column.role.misses(column.value(row), $0) } ?? false
            )
        }
    }

    /// The CSV's column names, for the columns the CSV has.
    var csvNames: [String] { columns.compactMap(\.csvName) }

    /// A row's CSV fields, in the order of ``csvNames``.
    func csvFields(_ row: Row) -> [String] { columns.filter { $0.csvName != nil }.map { $0.csvField(row) } }

    /// The columns as a workbook sheet writes them.
    func sheetColumns(_ s: ReportStrings) -> [SheetColumn<Row>] { columns.map { $0.sheetColumn(s) } }

    /// The same table over a row that holds this one's row.
    func reading<Whole>(_ part: @escaping @Sendable (Whole) -> Row) -> FigureTable<Whole> {
        FigureTable<Whole>(columns: columns.map { $0.reading(part) })
    }

    static func + (table: Self, more: [FigureColumn<Row>]) -> Self { Self(columns: table.columns + more) }
}

/// A figure as the text and HTML reports show it, and whether it misses the row's target (the text marks it with
/// `!`, the HTML colours it).
struct FigureCell: Equatable {
    var text: String
    var offTarget: Bool
}
