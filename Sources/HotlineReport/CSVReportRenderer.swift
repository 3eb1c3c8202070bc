import HotlineMetrics
import HotlineModel

/// The `--by` table as CSV: the dimension columns, then the fixed figure columns of docs/DESIGN.md, "Reports"
/// (``FigureTables/byDimensions``, ``FigureTables/tickets``).
///
/// Rates are fractions 0...1, times seconds; an empty figure is an empty cell. Fields are quoted when they
/// hold a comma, quote or line break (RFC 4180), LF line ends, UTF-8 without BOM. A name that would start a
/// spreadsheet formula gets a leading `'` (``textCell(_:)``).
public struct CSVReportRenderer: ReportRenderer {
    /// Write the ticket table (`--tickets`) instead of the calls table.
    public var tickets: Bool

    public init(tickets: Bool = false) { self.tickets = tickets }

    public func render<Output: TextOutputStream>(_ report: Report, into out: inout Output) {
        if tickets { return renderTickets(report, into: &out) }
        let figures = FigureTables.byDimensions
        out.write((report.table.dimensions + figures.csvNames).map(Self.escape).joined(separator: ",") + "\n")
        for row in report.table.rows {
            out.write((row.keys.map(Self.textCell) + figures.csvFields(row.figures)).joined(separator: ",") + "\n")
        }
    }

    /// The ticket table: its dimension columns, then the fixed ticket columns of docs/DESIGN.md; empty (header only)
    /// when no ticket export was read.
    func renderTickets<Output: TextOutputStream>(_ report: Report, into out: inout Output) {
        let table = report.tickets?.table
        let dims = table?.dimensions ?? ["date"]
        let figures = FigureTables.tickets
        out.write((dims + figures.csvNames).map(Self.escape).joined(separator: ",") + "\n")
        for row in table?.rows ?? [] {
            out.write((row.keys.map(Self.textCell) + figures.csvFields(row.figures)).joined(separator: ",") + "\n")
        }
    }

    /// Shortest round-trip text of a double, empty for nil.
    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A text cell that came from the inputs (a queue, agent or group name; a rejected record), escaped. One that
    /// starts with `=`, `+`, `-`, `@`, a tab or a CR would run as a formula when the file is opened in a
    /// spreadsheet (CSV injection), so it gets a leading `'`, which spreadsheets show as text. A C0 control byte
    /// other than TAB, CR and LF (ESC, BEL, NUL) is written as U+FFFD (``DisplayText/withoutControls(_:)``).
    public static func textCell(_ field: String) -> String {
        let field = DisplayText.withoutControls(field)
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else {
            return escape(field)
        }
        return escape("'" + field)
    }

    /// A field as RFC 4180 wants it: quoted when it holds a comma, quote or line break, quotes doubled.
    public static func escape(_ field: String) -> String {
        // Bytes first: walking Characters cost a rejects file of a million lines 20 s; only text with a byte that
        // may need quoting (non-ASCII included, for the Unicode line breaks) takes the Character test.
        let plain = field.utf8.allSatisfy { $0 < 0x80 && $0 != 0x2C && $0 != 0x22 && ($0 > 0x0D || $0 < 0x0A) }
        guard !plain, field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
