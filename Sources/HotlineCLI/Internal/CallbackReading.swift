import Foundation
import HotlineConfig
import HotlineIngest
import HotlineMetrics
import HotlineModel
import HotlineReport
import Logging

/// Reads inputs into the attempts of the callback list and makes the list: what `hotline callbacks` and the
/// nightly job's `callbacks-YYYY-MM-DD.csv` share, so both list the same callers for the same files.
struct CallbackReading {
    var config: HotlineConfiguration
    var zone: TimeZone
    var sourceZone: TimeZone?
    var logger: Logger
    var inputFormat: InputFormat? = nil
    /// Formats of particular files (the nightly inbox's `format:`).
    var formatOverrides: [String: InputFormat] = [:]
    var cdrColumnNames: [String]? = nil
    /// Only missed calls of these queues and categories put a caller on the list; empty for all.
    var queues: Set<String> = []
    var categories: Set<CallCategory> = []

    init(config: HotlineConfiguration, zone: TimeZone, sourceZone: TimeZone?, logger: Logger) {
        self.config = config
        self.zone = zone
        self.sourceZone = sourceZone
        self.logger = logger
        cdrColumnNames = config.cdrColumns
    }

    /// What reading gave: the attempts, and what the list needs to name callers and times.
    struct Read {
        var attempts: [CallbackList.Attempt]
        var calendar: LocalCalendar
        var symbols: SymbolTable
        var context: ReadContext
        var summaries: [InputSummary]

        /// The callers of local day `day` to call back.
        func rows(day: Int, windowHours: Int) -> [CallbackList.Row] {
            CallbackList.rows(
                attempts, day: day, calendar: calendar, window: Milliseconds(windowHours) * 3_600_000,
                callerText: context.callerText)
        }

        /// The list's renderer; callers masked (all but the last four digits) unless `showCallers`.
        func renderer(language: ReportLanguage, showCallers: Bool) -> CallbackListRenderer {
            let context = self.context
            return CallbackListRenderer(
                language: language, calendar: calendar, symbols: symbols,
                caller: { showCallers ? context.callerText($0) : Masking.mask(context.callerText($0)) })
        }
    }

    /// The attempts of calls already read with `context` (the nightly job's recordings), which `replay` gives to
    /// a sink; nil when it cannot.
    func read(context: ReadContext, replay: (any IngestSink) -> [InputSummary]?) -> Read? {
        let sink = AttemptSink(queues: queues, categories: categories, symbols: context.symbols)
        guard let summaries = replay(sink) else { return nil }
        return Read(
            attempts: sink.attempts, calendar: context.calendar, symbols: context.symbols, context: context,
            summaries: summaries)
    }

    func read(_ files: [String]) -> Read {
        let symbols = SymbolTable()
        let calendar = LocalCalendar(zone: zone, intervalMinutes: 30)
        let context = ReadContext(
            symbols: symbols, calendar: calendar,
            sourceCalendar: sourceZone.map { LocalCalendar(zone: $0, intervalMinutes: 30) })
        context.mappings = config.mappings
        let ingest = InputIngest(
            context: context, classifier: Classifier(rules: config.categoryRules, symbols: symbols),
            options: IngestOptions(
                forcedFormat: inputFormat, formatOverrides: formatOverrides, cdrColumnNames: cdrColumnNames),
            logger: logger)
        let sink = AttemptSink(queues: queues, categories: categories, symbols: symbols)
        let summaries = ingest.read(files, into: sink)
        return Read(
            attempts: sink.attempts, calendar: calendar, symbols: symbols, context: context, summaries: summaries)
    }
}

/// Keeps the inbound calls of known callers that the callback list needs. Every call is kept (an answer in any
/// queue means no callback); the filters say which missed calls may put a caller on the list.
final class AttemptSink: IngestSink {
    private(set) var attempts: [CallbackList.Attempt] = []
    private let queues: Set<String>
    private let categories: Set<CallCategory>
    private let symbols: SymbolTable

    init(queues: Set<String>, categories: Set<CallCategory>, symbols: SymbolTable) {
        self.queues = queues
        self.categories = categories
        self.symbols = symbols
    }

    func call(_ call: CallRecord) {
        guard let caller = call.caller else { return }
        var attempt = CallbackList.Attempt(call, caller: caller)
        attempt.inFilter =
            (categories.isEmpty || categories.contains(call.category))
            && (queues.isEmpty || queues.contains(symbols[call.queue]))
        attempts.append(attempt)
    }

    func reject(_ reject: Reject) {}
}
