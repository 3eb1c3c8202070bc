import Foundation
import HotlineModel
import Logging

/// Logs to standard error as one line per message, `hotline: LEVEL: message`, with no timestamp: what a
/// person at a terminal or a cron e-mail wants to read.
struct DiagnosticLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level

    init(level: Logger.Level = .warning) { logLevel = level }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let prefix = event.level >= .error ? "error: " : event.level == .warning ? "warning: " : ""
        // Messages quote paths and values from the data: no escape sequence of theirs reaches the terminal.
        StandardError.write("hotline: \(prefix)\(DisplayText.withoutControls("\(event.message)"))\n")
    }

    static func logger(verbose: Bool = false) -> Logger {
        Logger(label: "hotline") { _ in DiagnosticLogHandler(level: verbose ? .info : .warning) }
    }
}
