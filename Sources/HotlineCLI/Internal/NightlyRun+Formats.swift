import Foundation
import HotlineMetrics
import HotlineReport
import Logging

/// Which files a night writes for each report (configuration `nightly.formats`), and rendering one of them.
extension NightlyRun {
    /// The daily report's formats: the configured list, else HTML, text and JSON.
    var dailyFormats: [OutputFormat] { configuredFormats ?? [.html, .text, .json] }

    /// The week- and month-to-date reports' formats: the configured list, else HTML and text.
    var periodFormats: [OutputFormat] { configuredFormats ?? [.html, .text] }

    private var configuredFormats: [OutputFormat]? {
        config.nightly.formats.map { $0.compactMap(OutputFormat.init(rawValue:)) }
    }

    /// The extensions retention removes: those of the formats the configuration writes, so a file of another
    /// format in the folders (a `2026-01-01.csv` someone put there) is never taken for the job's.
    var prunedExtensions: Set<String> { Set((dailyFormats + periodFormats).map(\.fileExtension)) }

    /// The report as `format`'s bytes for `path`, the CSV in the configured encoding, the workbook assembled in the
    /// report's folder; nil (a failure of the night, logged) when it cannot be made.
    func rendered(_ report: Report, as format: OutputFormat, for path: String, _ outcome: inout Outcome) -> [UInt8]? {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if format.isBinary {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            let options = RenderOptions(
                csv: CSVOptions.output(config, language: language), scratchFolder: folder, name: path, quiet: true,
                language: language)
            return try format.bytes(of: report, options: options)
        } catch {
            logger.error("\(error)")
            outcome.failures.append("\(error)")
            return nil
        }
    }
}
