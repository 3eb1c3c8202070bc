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
    /// Records handed between the stages at a time.
    static let batchSize = 4096

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

        /// Whether a ticket export was among the inputs.
        var readTickets: Bool { summaries.contains { InputFormat(rawValue: $0.format)?.isTickets == true } }
    }

    /// Runs the whole pipeline; `onReject` sees every rejected record (for the rejects file).
    func run(onReject: (Reject) -> Void = { _ in }) -> Result {
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
        return Result(
            report: report, summaries: pass.summaries, unmatched: pass.unmatched, firstRejects: pass.firstRejects)
    }

    /// Reads every input into the aggregates: read -> normalise -> classify -> aggregate.
    func pass(onReject: (Reject) -> Void = { _ in }) -> Pass {
        let symbols = SymbolTable()
        let calendar = LocalCalendar(zone: zone, intervalMinutes: settings.intervalMinutes)
        let context = ReadContext(
            symbols: symbols, calendar: calendar,
            sourceCalendar: sourceZone.map { LocalCalendar(zone: $0, intervalMinutes: settings.intervalMinutes) },
            maskCallers: maskCallers)
        context.mappings = mappings
        let classifier = Classifier(rules: rules, symbols: symbols)
        let ingest = InputIngest(context: context, classifier: classifier, logger: logger)
        let aggregator = CallAggregator(
            settings: settings, query: query,
            calendar: LocalCalendar(zone: zone, intervalMinutes: settings.intervalMinutes), symbols: symbols)

        let tickets = TicketAggregator(
            settings: ticketSettings, query: query,
            calendar: LocalCalendar(zone: zone, intervalMinutes: settings.intervalMinutes))

        let resolution = self.resolution ?? InputResolver.resolve(inputs)
        let (files, problems) = (resolution.files, resolution.problems)
        for skipped in resolution.skipped { logger.warning("\(skipped)") }
        let progress = showProgress ? ProgressMeter(files: files) : nil
        if let progress { ingest.onBytesRead = { progress.advance(by: $0) } }
        ingest.forcedFormat = inputFormat
        ingest.formatOverrides = formatOverrides
        ingest.cdrColumnNames = cdrColumnNames
        // With more than one thread, large calls-csv files are also parsed on `threads` threads.
        ingest.parallelThreads = threads
        if let parallelBlockBytes {
            ingest.parallelBlockBytes = parallelBlockBytes
            ingest.parallelSmallFileBytes = -1
        }
        // Agent events are few (logins, pauses): kept here and handed to the aggregator after the reading.
        var agentEvents: [AgentEvent] = []
        ingest.onAgentEvent = { agentEvents.append($0) }
        defer { progress?.finish() }
        var summaries = problems.map { problem -> InputSummary in
            logger.error("\(problem.description)")
            var summary = InputSummary(path: problem.path)
            summary.error = problem.reason
            return summary
        }
        var firstRejects: [Reject] = []
        let keepReject = { (reject: Reject) in
            if firstRejects.count < firstRejectsKept { firstRejects.append(reject) }
            onReject(reject)
        }
        if threads <= 1 {
            ingest.acceptTicket = { tickets.add($0) }
            // Calls go to the aggregator a few hundred at a time, for its batched caller look-ups.
            var batch: [CallRecord] = []
            batch.reserveCapacity(256)
            summaries += ingest.read(
                files,
                accept: { call in
                    batch.append(call)
                    if batch.count == 256 {
                        aggregator.add(contentsOf: batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }, reject: keepReject)
            aggregator.add(contentsOf: batch)
        } else {
            // Tickets get a stage of their own, like calls: business time and a dozen accumulators per ticket.
            // The two stages are written out rather than shared through a generic stage: a closure call per
            // record measured 10-40% slower on the 10M-call benchmark.
            let ticketPipe = BatchPipe<TicketRecord>()
            let ticketStage = HandOver(value: tickets)
            let ticketWorker = WorkerThread {
                while let batch = ticketPipe.pop() {
                    for ticket in batch { ticketStage.value.add(ticket) }
                }
            }
            var ticketBatch: [TicketRecord] = []
            ingest.acceptTicket = { ticket in
                ticketBatch.append(ticket)
                if ticketBatch.count == Self.batchSize {
                    ticketPipe.push(ticketBatch)
                    ticketBatch.removeAll(keepingCapacity: true)
                }
            }
            defer {
                ticketPipe.push(ticketBatch)
                ticketPipe.close()
                ticketWorker.join()
            }
            // Stage 2 on its own thread: the aggregator is used only there until the join.
            let pipe = BatchPipe<CallRecord>()
            let stage = HandOver(value: aggregator)
            let reader = HandOver(value: ingest)
            let worker = WorkerThread {
                while let batch = pipe.pop() {
                    stage.value.add(contentsOf: batch)
                    // Whole blocks from parallel reading go back to be filled again (`recycle` is thread-safe).
                    if batch.count > Self.batchSize { reader.value.recycle(batch) }
                }
            }
            var batch: [CallRecord] = []
            batch.reserveCapacity(Self.batchSize)
            // Blocks read in parallel come whole, after the calls before them.
            ingest.acceptBatch = { records in
                if !batch.isEmpty {
                    pipe.push(batch)
                    batch = []
                    batch.reserveCapacity(Self.batchSize)
                }
                pipe.push(records)
            }
            summaries += ingest.read(
                files,
                accept: { call in
                    batch.append(call)
                    if batch.count == Self.batchSize {
                        pipe.push(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }, reject: keepReject)
            pipe.push(batch)
            pipe.close()
            worker.join()
        }
        for event in agentEvents { aggregator.add(event) }
        let unmatched = (classifier.unmatched + ingest.ticketClassifier.unmatched).sorted {
            $0.count != $1.count
                ? $0.count > $1.count : ($0.value.field, $0.value.value) < ($1.value.field, $1.value.value)
        }
        return Pass(
            calls: aggregator.finish(), tickets: tickets, symbols: symbols, calendar: calendar, summaries: summaries,
            unmatched: unmatched, firstRejects: firstRejects)
    }
}
