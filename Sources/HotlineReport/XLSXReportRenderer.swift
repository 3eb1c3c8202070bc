import Foundation
import HotlineMetrics
import HotlineModel

#if canImport(Glibc)
    import Glibc
#endif

/// The report as an Excel workbook (.xlsx), through libxlsxwriter: the headline sheet first, then what needs
/// attention and a sheet per table the report has (intervals, days, categories, queues, the `--by` table, agents,
/// staffing, tickets, SLA breaches, data quality); a table without rows gets no sheet.
///
/// Figures are numbers with number formats (percent `0.0%`, times `[h]:mm:ss` as fractions of a day, counts
/// `#,##0`, days as dates); a figure that does not exist is an empty cell, never 0. Every text from the inputs is a
/// string cell, never a formula. Header rows are frozen and carry filter buttons. The same report gives the same
/// bytes: the creation time stamped inside is the period's last day, not the clock's.
///
/// Sheet and column titles are the lists in `XLSXReportRenderer+Sheets.swift`, `+Summary.swift` and `+Tickets.swift`,
/// their words from ``ReportStrings`` in the report's language (the English ones unchanged).
public struct XLSXReportRenderer {
    /// libxlsxwriter's own messages on a failure (`[ERROR] ...`, naming the scratch file) are kept off standard
    /// error, where the caller reports the failure in one line: for a command, not for code running beside
    /// other threads that write to standard error (see ``Workbook``).
    public var quiet: Bool

    /// The sheet names, column titles and the cells the report writes as sentences (exceptions, the period).
    var strings: ReportStrings

    public init(quiet: Bool = false, language: ReportLanguage = .english) {
        self.quiet = quiet
        strings = ReportStrings.of(language)
    }

    /// The workbook's bytes: written to a scratch file in `scratchFolder` (libxlsxwriter writes files only), read
    /// back and removed. Errors name `name`, the output the bytes are for.
    public func workbook(_ report: Report, scratchFolder: String, name: String) throws -> [UInt8] {
        let scratch = try ScratchFile(in: scratchFolder, name: name)
        defer { scratch.remove() }
        try write(report, to: scratch.path, scratchFolder: scratchFolder, name: name)
        return try scratch.contents()
    }

    /// Writes the workbook to `path` (created or replaced in place: callers wanting it atomic write a temporary
    /// file, as ``workbook(_:scratchFolder:name:)`` does).
    func write(_ report: Report, to path: String, scratchFolder: String, name: String) throws {
        let book = try Workbook(path: path, scratchFolder: scratchFolder, name: name)
        for sheet in Self.sheets(of: report, strings: strings) {
            let writer = SheetWriter(try book.addSheet(sheet.title))
            try sheet.write(writer)
            writer.finish()
        }
        try book.close(
            created: Self.created(report), title: "Hotline report " + (report.period.to?.description ?? ""),
            quiet: quiet)
    }

    /// A sheet to write: its title and what goes in it.
    struct PlannedSheet {
        var title: String
        var write: (SheetWriter) throws -> Void

        init<Row>(_ spec: SheetSpec<Row>, _ rows: [Row]) {
            title = spec.title
            write = { try $0.table(spec.columns, rows) }
        }

        init(title: String, write: @escaping (SheetWriter) throws -> Void) {
            self.title = title
            self.write = write
        }
    }

    /// The sheets of `report`, in order; only those with rows.
    static func sheets(of r: Report, strings: ReportStrings = .english) -> [PlannedSheet] {
        let calls = r.tickets == nil || r.totals.offered > 0
        var sheets = [headline(r, strings)]
        if !r.exceptions.isEmpty { sheets.append(PlannedSheet(exceptions(r, strings), r.exceptions)) }
        if calls {
            if r.intervals.contains(where: { $0.figures.offered > 0 }) {
                sheets.append(PlannedSheet(intervals(strings), r.intervals))
            }
            if r.days.count > 1 { sheets.append(PlannedSheet(days(strings), r.days)) }
            let categoryRows = categoryRows(r)
            if !categoryRows.isEmpty { sheets.append(PlannedSheet(categories(strings), categoryRows)) }
            if !r.queues.isEmpty { sheets.append(PlannedSheet(queues(strings), r.queues)) }
            if !r.table.rows.isEmpty { sheets.append(PlannedSheet(table(r.table, strings), r.table.rows)) }
            if !r.agents.isEmpty { sheets.append(PlannedSheet(agents(strings), r.agents)) }
            let staffingRows = r.staffing.filter { $0.callsPerDay > 0 }
            if !staffingRows.isEmpty { sheets.append(PlannedSheet(staffing(strings), staffingRows)) }
        }
        if let t = r.tickets { sheets += ticketSheets(t, strings) }
        sheets.append(dataQuality(r, strings))
        return sheets
    }

    /// The creation time stamped in docProps/core.xml: midnight UTC of the period's last day (2000-01-01 for a
    /// report without one), so the bytes depend on the report alone.
    static func created(_ report: Report) -> time_t {
        let day = report.period.to ?? report.period.from
        return time_t(day.map { $0.dayNumber * 86_400 } ?? 946_684_800)
    }
}

/// A file only this process writes, in a given folder, removed when done.
struct ScratchFile {
    let path: String
    private let name: String

    init(in folder: String, name: String) throws {
        var template = Array((folder + "/.hotline-xlsx-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard fd >= 0 else {
            throw RenderError(path: name, reason: "cannot make a temporary file in \(folder): \(Self.errnoText())")
        }
        close(fd)
        path = String(cString: template.map { $0 })
        self.name = name
    }

    func contents() throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RenderError(path: name, reason: "cannot read back its temporary file \(path)")
        }
        return [UInt8](data)
    }

    func remove() { unlink(path) }

    private static func errnoText() -> String { String(cString: strerror(errno)).lowercased() }
}
