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
    case text, html, json, csv

    public var renderer: any ReportRenderer { renderer(tickets: false) }

    /// The renderer; `tickets` makes CSV the ticket table (the other formats carry both); `language` is the text
    /// and HTML reports' (JSON and CSV stay English: they are for programs).
    public func renderer(tickets: Bool, language: ReportLanguage = .english) -> any ReportRenderer {
        switch self {
        case .text: TextReportRenderer(language: language)
        case .html: HTMLReportRenderer(language: language)
        case .json: JSONReportRenderer()
        case .csv: CSVReportRenderer(tickets: tickets)
        }
    }

    /// The format a file name's extension implies, if any.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "txt", "text": self = .text
        case "html", "htm": self = .html
        case "json": self = .json
        case "csv": self = .csv
        default: return nil
        }
    }
}
