import Foundation
import HotlineConfig
import HotlineIngest
import HotlineMetrics
import HotlineModel
import Logging

/// The pipeline of a report, top to bottom: resolve inputs -> read and normalise -> classify -> aggregate ->
/// the report model. Renderers take it from there.
struct CallPipeline {
    var inputs: [String]
    /// `inputs` already resolved (the report command checks its outputs against them first); nil to resolve
    /// them when reading.
    var resolution: InputResolver.Resolution? = nil
    var settings: MetricSettings
    var query: CallQuery
    var zone: TimeZone
    /// The zone of timestamps written without an offset; nil for `zone`.
    var sourceZone: TimeZone? = nil
    var maskCallers: Bool
    /// Read every input as this format instead of sniffing.
    var inputFormat: InputFormat? = nil
    /// Formats of particular files (the nightly inbox's `format:`).
    var formatOverrides: [String: InputFormat] = [:]
    /// The field order of cdr_custom CDR files, when given.
    var cdrColumnNames: [String]? = nil
    /// Category rules and export mappings from the configuration.
    var rules = CategoryRules.default
    /// How the exports' own names and words map onto hotline's.
    var mappings = ExportMappings()
    /// Thresholds of the exceptions listed first.
    var exceptionSettings = ExceptionSettings()
    /// Ticket settings and export mappings from the configuration.
    var ticketSettings = TicketSettings()
    var logger: Logger
    /// Rejects kept for the report's data-quality section.
    var firstRejectsKept = 10
    /// 1 reads and aggregates on this thread; 2 or more aggregate on a second thread while `threads` threads
    /// read.
    var threads = CallPipeline.defaultThreads
    /// The processor cores, at most 8: the figures do not depend on the number of threads.
    static var defaultThreads: Int { min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8) }
    /// Cut every calls-csv file into blocks of this size, small ones too (tests); nil for the defaults.
    var parallelBlockBytes: Int? = nil
    /// Show a progress line on standard error when it is a terminal and the input is large.
    var showProgress = true
    /// Contact-to-resolution and chaser calls of the tickets of the period's calls, whatever day they fall on (a day
    /// snapshot of the nightly store), instead of those falling in the period.
    var journeyByCallDay = false
    /// Also export every record read, in the same reading (the nightly's `nightly.export`): ``Pass/export`` is then
    /// the sink, to be finished by the caller.
    var export: ExportSink.Options? = nil

    struct Result {
        var report: Report
        var summaries: [InputSummary]
        var unmatched: [(value: UnmatchedValue, count: Int)]
        var firstRejects: [Reject]

        var rejected: Int { summaries.reduce(0) { $0 + $1.rejected } }
        var failedFiles: Int { summaries.filter { $0.error != nil }.count }
    }

    /// A pipeline set up from the configuration, with the command line's choices over it.
    static func configured(
        _ config: HotlineConfiguration, inputs: [String], settings: MetricSettings, query: CallQuery, zone: TimeZone,
        sourceZone: TimeZone?, input: InputOptions, logger: Logger, threads: Int = defaultThreads,
        firstRejectsKept: Int = 10
    ) -> CallPipeline {
        configured(
            config, inputs: inputs, settings: settings, query: query, zone: zone, sourceZone: sourceZone,
            showCallers: input.showCallers, inputFormat: input.inputFormat, cdrColumnNames: input.cdrColumnNames,
            logger: logger, threads: threads, firstRejectsKept: firstRejectsKept)
    }

    /// A pipeline set up from the configuration alone (the nightly job has no input options).
    static func configured(
        _ config: HotlineConfiguration, inputs: [String], settings: MetricSettings, query: CallQuery, zone: TimeZone,
        sourceZone: TimeZone?, showCallers: Bool = false, inputFormat: InputFormat? = nil,
        cdrColumnNames: [String]? = nil, logger: Logger, threads: Int = defaultThreads, firstRejectsKept: Int = 10
    ) -> CallPipeline {
        var pipeline = CallPipeline(
            inputs: inputs, settings: settings, query: query, zone: zone, sourceZone: sourceZone,
            maskCallers: showCallers ? false : config.maskCallers, inputFormat: inputFormat,
            cdrColumnNames: cdrColumnNames ?? config.cdrColumns, logger: logger,
            firstRejectsKept: firstRejectsKept,
            threads: threads)
        pipeline.rules = config.categoryRules
        pipeline.mappings = config.mappings
        pipeline.exceptionSettings = ExceptionSettings(config)
        pipeline.ticketSettings = TicketSettings(config)
        return pipeline
    }

    /// What one pass over the inputs gives before the report is built: the aggregates and what ingest said.
    struct Pass {
        var calls: CallAggregates
        var tickets: TicketAggregator
        var symbols: SymbolTable
        var calendar: LocalCalendar
        var summaries: [InputSummary]
        var unmatched: [(value: UnmatchedValue, count: Int)]
        var firstRejects: [Reject]
        /// The journey of the period: nil when no ticket export was read.
        var journey: JourneyAccumulator?
        /// The export written beside the aggregates (``CallPipeline/export``); its files are in place only once
        /// ``ExportSink/finish()`` returns.
        var export: ExportSink?

        /// Whether a ticket export was among the inputs.
        var readTickets: Bool { summaries.contains { $0.format?.isTickets == true } }
    }

    /// The summaries of the inputs that could not even be listed (missing, unreadable folders), each logged.
    static func unreadable(_ resolution: InputResolver.Resolution, logger: Logger) -> [InputSummary] {
        resolution.problems.map { problem in
            logger.error("\(problem.description)")
            var summary = InputSummary(path: problem.path)
            summary.error = problem
            return summary
        }
    }

    /// Runs the whole pipeline; `onReject` sees every rejected record (for the rejects file).
    func run(onReject: @escaping (Reject) -> Void = { _ in }) -> Result {
        let pass = self.pass(onReject: onReject)
        var builder = ReportBuilder(
            aggregates: pass.calls, calendar: pass.calendar, symbols: pass.symbols, inputs: pass.summaries,
            firstRejects: pass.firstRejects, unmatched: pass.unmatched)
        builder.exceptionSettings = exceptionSettings
        let tickets = pass.tickets
        if let first = tickets.firstDay, let last = tickets.lastDay { builder.otherDays = (Int(first), Int(last)) }
        var report = builder.build()
        if pass.readTickets {
            report.attach(
                tickets: TicketSectionBuilder(
                    aggregator: tickets, symbols: pass.symbols,
                    fromDay: report.period.from?.dayNumber, toDay: report.period.to?.dayNumber
                ).build(), calendar: pass.calendar)
        }
        report.journey = pass.journey.flatMap(JourneySection.init)
        return Result(
            report: report, summaries: pass.summaries, unmatched: pass.unmatched, firstRejects: pass.firstRejects)
    }

    /// The reading side of a pass: one reading context (symbol tables, calendars) and classifier, shared by
    /// everything read with them, so records read apart can be aggregated together.
    struct Reader {
        let context: ReadContext
        let classifier: Classifier
        let options: IngestOptions
        let logger: Logger

        /// An ingest over the shared context: what it keeps across files (rotated queue logs, ticket ids seen)
        /// is its own.
        func ingest() -> InputIngest {
            InputIngest(context: context, classifier: classifier, options: options, logger: logger)
        }
    }

    /// A reader with this pipeline's zone, masking, mappings, rules, formats and threads.
    func reader() -> Reader {
        let symbols = SymbolTable()
        let calendar = LocalCalendar(zone: zone, intervalMinutes: settings.intervalMinutes)
        let context = ReadContext(
            symbols: symbols, calendar: calendar,
            sourceCalendar: sourceZone.map { LocalCalendar(zone: $0, intervalMinutes: settings.intervalMinutes) },
            maskCallers: maskCallers)
        context.mappings = mappings
        var options = IngestOptions(
            forcedFormat: inputFormat, formatOverrides: formatOverrides, cdrColumnNames: cdrColumnNames,
            threads: threads)
        if let parallelBlockBytes {
            options.blockBytes = parallelBlockBytes
            options.smallFileBytes = -1
        }
        return Reader(
            context: context, classifier: Classifier(rules: rules, symbols: symbols), options: options, logger: logger)
    }

    /// Reads every input into the aggregates: read -> normalise -> classify -> aggregate.
    func pass(onReject: @escaping (Reject) -> Void = { _ in }) -> Pass {
        let reader = self.reader()
        let ingest = reader.ingest()
        let resolution = self.resolution ?? InputResolver.resolve(inputs)
        for skipped in resolution.skipped { logger.warning("\(skipped)") }
        let progress = showProgress ? ProgressMeter(files: resolution.files) : nil
        defer { progress?.finish() }
        let unreadable = Self.unreadable(resolution, logger: logger)
        return aggregate(
            reader, ingest: ingest, files: resolution.files,
            holdsTickets: ingest.holdsTicketExport(resolution.files), progress: progress, onReject: onReject
        ) { sink in
            unreadable + ingest.read(resolution.files, into: sink)
        }
    }

    /// Aggregates what `read` gives its sink, records read with `reader` from `files` (a record's
    /// `location.file` indexes them): classify -> aggregate, with the journey when `holdsTickets`, and the export
    /// beside when asked. `read` returns the inputs' summaries.
    func aggregate(
        _ reader: Reader, ingest: InputIngest, files: [String], holdsTickets: Bool, progress: ProgressMeter? = nil,
        onReject: @escaping (Reject) -> Void = { _ in }, read: (any IngestSink) -> [InputSummary]
    ) -> Pass {
        let (context, classifier, symbols) = (reader.context, reader.classifier, reader.context.symbols)
        func calendar() -> LocalCalendar { LocalCalendar(zone: zone, intervalMinutes: settings.intervalMinutes) }
        let aggregator = CallAggregator(
            settings: settings, query: query, calendar: calendar(), symbols: symbols, spillsAside: threads > 1)
        let tickets = TicketAggregator(settings: ticketSettings, query: query, calendar: calendar())
        // Escaping: reading threads may release their hold on the sink a moment after the reading ends.
        // Calls are kept for linking only when there are tickets to link them to.
        let journey =
            holdsTickets
            ? (JourneyCalls(query: query, calendar: calendar(), symbols: symbols), JourneyTickets(calendar: calendar()))
            : nil
        let sink = AggregatingSink(
            aggregator: aggregator, tickets: tickets, journey: journey, ingest: ingest, threads: threads,
            progress: progress, firstRejectsKept: firstRejectsKept, onReject: onReject)
        let exportSink = export.map { ExportSink(options: $0, context: context, files: files) }
        let summaries = read(exportSink.map { TeeSink(exportSink: $0, then: sink) } ?? sink)
        sink.finish()
        let linked = journey.map { calls, tickets in
            var linker = JourneyLinker(
                window: Milliseconds(ticketSettings.linkWindowHours) * 3_600_000,
                fromDay: query.from.map { Int32($0.dayNumber) }, toDay: query.to.map { Int32($0.dayNumber) },
                symbols: symbols)
            linker.byCallDay = journeyByCallDay
            return linker.link(calls: calls.calls, tickets: tickets.tickets, linkable: tickets.linkable)
        }
        let firstRejects = sink.firstRejects
        let unmatched = (classifier.unmatched + ingest.unmatchedTicketValues).sorted {
            $0.count != $1.count
                ? $0.count > $1.count : ($0.value.field, $0.value.value) < ($1.value.field, $1.value.value)
        }
        return Pass(
            calls: aggregator.finish(), tickets: tickets, symbols: symbols, calendar: context.calendar,
            summaries: summaries, unmatched: unmatched, firstRejects: firstRejects, journey: linked, export: exportSink)
    }
}

/// Gives every record to an export and then to the aggregates: one reading for both.
private final class TeeSink: IngestSink {
    let exportSink: ExportSink
    let next: IngestSink

    init(exportSink: ExportSink, then next: IngestSink) {
        self.exportSink = exportSink
        self.next = next
    }

    func call(_ call: CallRecord) {
        exportSink.call(call)
        next.call(call)
    }

    // The export goes first: the aggregating sink owns the block after (it may hand it back for reuse).
    func calls(_ block: [CallRecord]) {
        exportSink.calls(block)
        next.calls(block)
    }

    func ticket(_ ticket: TicketRecord) {
        exportSink.ticket(ticket)
        next.ticket(ticket)
    }

    func agentEvent(_ event: AgentEvent) {
        exportSink.agentEvent(event)
        next.agentEvent(event)
    }

    func reject(_ reject: Reject) {
        exportSink.reject(reject)
        next.reject(reject)
    }

    func bytesRead(_ count: Int) { next.bytesRead(count) }
}
