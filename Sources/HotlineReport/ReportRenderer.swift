import HotlineMetrics
import HotlineModel

/// Writes a ``Report`` in one output format into a text stream.
public protocol ReportRenderer {
    func render<Output: TextOutputStream>(_ report: Report, into output: inout Output) throws
}

extension ReportRenderer {
    /// The whole rendering as one string (tests, small reports).
    public func rendered(_ report: Report) throws -> String {
        var text = ""
        try render(report, into: &text)
        return text
    }
}

/// The output formats of `hotline report`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, html, json, csv, xlsx

    /// The text renderer; `tickets` makes CSV the ticket table (the other formats carry both); `language` is the
    /// text and HTML reports' (JSON and CSV stay English: they are for programs). Nil for the workbook, which is
    /// not text: ``bytes(of:options:)`` writes every format.
    public func renderer(tickets: Bool, language: ReportLanguage = .english) -> (any ReportRenderer)? {
        switch self {
        case .text: TextReportRenderer(language: language)
        case .html: HTMLReportRenderer(language: language)
        case .json: JSONReportRenderer()
        case .csv: CSVReportRenderer(tickets: tickets)
        case .xlsx: nil
        }
    }

    /// Whether the output is bytes no terminal shows (the workbook).
    public var isBinary: Bool { self == .xlsx }

    /// Whether the output is the report's tables alone (CSV: the calls or tickets table), with no exception,
    /// comparison or day map, so a report written only in it needs no day profiles (`CallQuery.keepsDayProfiles`).
    public var showsTablesOnly: Bool { self == .csv }

    /// The file an output of this format holds: UTF-8 text, CSV in its configured encoding, or the workbook.
    public func bytes(of report: Report, options: RenderOptions) throws -> [UInt8] {
        guard let renderer = renderer(tickets: options.tickets, language: options.language) else {
            return try XLSXReportRenderer(quiet: options.quiet, language: options.language).workbook(
                report, scratchFolder: options.scratchFolder, name: options.name)
        }
        let text = try renderer.rendered(report)
        guard self == .csv else { return Array(text.utf8) }
        do {
            return try options.csv.bytes(text, first: true)
        } catch {
            throw RenderError(path: options.name, reason: "\(error)")
        }
    }

    /// The format a file name's extension implies, if any.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "txt", "text": self = .text
        case "html", "htm": self = .html
        case "json": self = .json
        case "csv": self = .csv
        case "xlsx": self = .xlsx
        default: return nil
        }
    }

    /// The extension of files in this format (`txt` for text).
    public var fileExtension: String { self == .text ? "txt" : rawValue }
}

/// How ``OutputFormat/bytes(of:options:)`` writes: the CSV table, its encoding, where the workbook is assembled.
public struct RenderOptions: Sendable {
    /// CSV is the ticket table (`--tickets`).
    public var tickets = false
    public var csv = CSVOutput()
    /// A folder for the workbook's scratch files: beside the output, so it is on the same disk.
    public var scratchFolder: String
    /// The output in error messages.
    public var name: String
    /// Keep libxlsxwriter's own messages off standard error (``XLSXReportRenderer/quiet``): for the commands.
    public var quiet: Bool
    /// The language of the text and HTML reports.
    public var language: ReportLanguage

    public init(
        tickets: Bool = false, csv: CSVOutput = CSVOutput(), scratchFolder: String, name: String, quiet: Bool = false,
        language: ReportLanguage = .english
    ) {
        self.language = language
        self.tickets = tickets
        self.csv = csv
        self.scratchFolder = scratchFolder
        self.name = name
        self.quiet = quiet
    }
}
