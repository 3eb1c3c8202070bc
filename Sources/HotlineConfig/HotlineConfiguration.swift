import HotlineModel

/// Every setting of the configuration file, with the defaults the tool uses when a setting is absent
/// (docs/CONFIG.md). Command-line flags override what the file says.
public struct HotlineConfiguration: Sendable, Equatable {
    /// IANA zone for local days, hours and intervals; nil: the machine's.
    public var timeZone: String?
    /// Zone of timestamps written without an offset; nil: ``timeZone``.
    public var sourceTimeZone: String?
    /// 15, 30 or 60.
    public var intervalMinutes = 30
    public var serviceLevelSeconds = 20
    /// A fraction 0...1.
    public var serviceLevelTarget = 0.8
    /// Abandonment-rate target, a fraction; nil: none.
    public var abandonmentTarget: Double?
    /// Queues' and categories' own service-level thresholds and targets (`service_level.queues`, `.categories`).
    public var serviceTargets = ServiceTargets()
    public var shortAbandonSeconds = 5
    public var repeatWindowHours = 72
    public var satisfiedScore = 4
    public var maskCallers = true
    /// The language of the text and HTML reports (`language`); nil: English, unless `--lang` says otherwise.
    public var language: ReportLanguage?
    /// The rules that classify calls: the file's rules, then (unless it replaces them) the defaults.
    public var categoryRules = CategoryRules.default
    /// How the exports' own names and words map onto hotline's (`calls_csv`, `asterisk_cdr.contexts`, `tickets`).
    public var mappings = ExportMappings()
    /// Thresholds of the exceptions each report lists first; nil keeps the default.
    public var exceptions = ExceptionThresholds()
    /// Field order of cdr_custom CDR files.
    public var cdrColumns: [String]?
    /// Working hours of the ticket team; nil: reply and resolution times are calendar time.
    public var businessHours: BusinessHours?
    /// Ticket SLA targets, first match wins.
    public var slaTargets: [SLATarget] = []
    /// `tickets.link_window_hours`: how long after a caller's answered call a ticket with their phone links to it.
    public var ticketLinkWindowHours = 24

    /// The nightly job: inbox, store, output directory, retention.
    public var nightly = NightlySettings()
    /// The callers to call back (`hotline callbacks` and the nightly list).
    public var callbacks = CallbackSettings()

    /// `csv.bom`: a UTF-8 BOM at the start of CSV outputs; nil: not set (the default decides).
    public var csvBOM: Bool?
    /// `csv.encoding`: `utf-8` or `gb18030`; nil: not set.
    public var csvEncoding: String?

    public init() {}
}

/// `nightly:` settings. Relative paths are relative to the configuration file's folder.
public struct NightlySettings: Sendable, Equatable {
    public struct Inbox: Sendable, Equatable {
        /// A file, a directory (read recursively) or a glob.
        public var path: String
        /// Read as this format instead of recognising it (`calls-csv`, ...).
        public var format: InputFormat?

        public init(path: String, format: InputFormat? = nil) {
            self.path = path
            self.format = format
        }
    }

    public var inbox: [Inbox] = []
    public var store: String?
    public var output: String?
    /// The folder of the nightly `callbacks-YYYY-MM-DD.csv`; nil: the daily reports' folder.
    public var callbacks: String?
    /// The folder the night writes the export of every day it derives into (`calls/day=D/part-0.csv.gz`, ...;
    /// docs/EXPORT.md, "Nightly"); nil: no export.
    public var export: String?
    /// Days of outputs kept; older daily, week-to-date and month-to-date files are removed.
    public var retentionDays = 90
    /// The formats of every report a night writes (`text`, `html`, `json`, `csv`, `xlsx`); nil: the defaults
    /// (the daily report as HTML, text and JSON, week- and month-to-date as HTML and text).
    public var formats: [String]?

    public init() {}
}

/// `callbacks:` settings.
public struct CallbackSettings: Sendable, Equatable {
    /// Hours after a caller's last missed call in which an answered call means no callback is needed (1-720).
    public var windowHours = 24
    /// Callers in full in the lists; false: masked (all but the last four digits), as without `--show-callers`.
    public var showCallers = false

    public init() {}
}

/// A setting that cannot be used: `FILE:LINE: KEY: what is wrong`.
public struct ConfigError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// The dotted path of the setting, e.g. `service_level.target` or `categories.rules[2].field`.
    public var key: String
    public var message: String

    /// The key is cut for display (``DisplayText/shown(_:)``): it comes from the file. Line 0 (the file as a
    /// whole: missing, unreadable) is left out.
    public var description: String {
        "\(file):\(line > 0 ? "\(line):" : "") \(key.isEmpty ? "" : DisplayText.shown(key) + ": ")\(message)"
    }
}

/// The configuration's `exceptions` section: each nil keeps the default of docs/METRICS.md.
public struct ExceptionThresholds: Sendable, Equatable {
    public var minCallsPerInterval: Int?
    public var abandonmentLimit: Double?
    public var abandonmentTimesUsual: Double?
    public var volumeChange: Double?
    public var shareJump: Double?
    public var missingShare: Double?
    public var minQueueCalls: Int?
    public var ivrMinNodeEntries: Int?
    public var ivrDropOffJump: Double?

    public init() {}
}
