import ArgumentParser
import Foundation
import HotlineConfig
import HotlineIngest
import HotlineMetrics
import HotlineModel

extension HotlineCommand {
    /// `hotline export`: the normalised records (calls, tickets, agent events, rejects) as gzip-compressed CSV or
    /// JSON Lines partitioned by local day, for warehouse engines (docs/EXPORT.md).
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract:
                "Export the normalised calls, tickets, agent events and rejects as gzip CSV (or JSON Lines) partitioned by local day, for DuckDB, Spark or Trino.",
            discussion: """
                Reads every input as 'report' does (the same zone, configuration, format and filter options) and \
                writes DIR/calls/day=YYYY-MM-DD/part-0.csv.gz, DIR/tickets/day=.../part-0.csv.gz (by local creation \
                day), DIR/agent_events/day=.../part-0.csv.gz, DIR/rejects/part-0.csv.gz, DIR/calendar/part-0.csv.gz (the \
                working periods of tickets.business_hours, when set), DIR/sla_targets/part-0.csv.gz (tickets.sla, \
                when set) and DIR/_schema.json (docs/EXPORT.md, schema version 1). Each file is written beside its final name and renamed when \
                complete. Callers are written as a hash unless --show-callers. Exit codes: 0 ok; 1 an input could \
                not be read (the rest is exported) or an output could not be written; 2 usage error; 3 with \
                --strict, any record rejected or input unreadable.
                """)

        @OptionGroup var configuration: ConfigOptions
        @OptionGroup var input: InputOptions
        @OptionGroup var period: PeriodOptions
        @OptionGroup var filter: FilterOptions
        @OptionGroup var serviceLevel: ServiceLevelOptions

        @Option(help: ArgumentHelp("The folder to write the tables into (created if needed).", valueName: "dir"))
        var out: String

        @Flag(help: "Write JSON Lines (part-0.jsonl.gz) instead of CSV.")
        var jsonl = false

        @Option(
            help: ArgumentHelp(
                "Threads that read (calls-csv files cut into blocks, small files side by side). Default: the processor cores, at most 8. The files are the same for every number.",
                valueName: "n"))
        var threads: Int?

        @Option(help: ArgumentHelp("Block size for parallel parsing (testing).", visibility: .hidden))
        var parallelBlockBytes: Int?

        /// For tests: keep this few day partitions open per table (more are closed and reopened as new gzip members).
        @Option(help: ArgumentHelp("Day partitions open at once per table (testing).", visibility: .hidden))
        var openParts: Int = 64

        @Option(help: ArgumentHelp("libdeflate compression level, 1-12 (measuring).", visibility: .hidden))
        var gzipLevel: Int32?

        func validate() throws {
            try input.requireInputs("export")
            guard (threads ?? 1) >= 1 else { throw ValidationError("--threads must be 1 or more.") }
            guard (parallelBlockBytes ?? 64) >= 64 else {
                throw ValidationError("--parallel-block-bytes must be 64 or more.")
            }
            var info = stat()
            if stat(out, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
                throw ValidationError("--out \(out): is not a folder; name a folder to write the tables into.")
            }
        }

        func run() throws {
            let logger = DiagnosticLogHandler.logger()
            let config = try configuration.load()
            let settings = MetricSettings(
                config, intervalMinutes: period.interval?.minutes, serviceLevelSeconds: serviceLevel.seconds,
                serviceLevelTarget: serviceLevel.target?.fraction, queues: filter.queues)
            let zone = period.zone(config)
            let resolution = InputResolver.resolve(input.inputs)
            for skipped in resolution.skipped { logger.warning("\(skipped)") }

            let symbols = SymbolTable()
            let calendar = LocalCalendar(zone: zone, intervalMinutes: settings.intervalMinutes)
            let context = ReadContext(
                symbols: symbols, calendar: calendar,
                sourceCalendar: period.sourceZone(config).map {
                    LocalCalendar(zone: $0, intervalMinutes: settings.intervalMinutes)
                },
                maskCallers: input.showCallers ? false : config.maskCallers)
            context.mappings = config.mappings
            var options = IngestOptions(
                forcedFormat: input.inputFormat, cdrColumnNames: input.cdrColumnNames ?? config.cdrColumns,
                threads: threads ?? CallPipeline.defaultThreads)
            if let parallelBlockBytes {
                options.blockBytes = parallelBlockBytes
                options.smallFileBytes = -1
            }
            let ingest = InputIngest(
                context: context, classifier: Classifier(rules: config.categoryRules, symbols: symbols),
                options: options, logger: logger)
            let sink = ExportSink(
                options: ExportSink.Options(
                    folder: out, format: jsonl ? .jsonl : .csv, showCallers: input.showCallers,
                    calendar: LocalCalendar(zone: zone, intervalMinutes: settings.intervalMinutes),
                    settings: settings, query: filter.query(over: period), openParts: max(1, openParts),
                    level: gzipLevel.map { min(max($0, 1), 12) } ?? ExportSink.defaultLevel),
                context: context, files: resolution.files)
            // The days the tickets span, for the calendar of the business hours (ExportCalendar).
            let span = TicketSpanSink(next: sink, calendar: calendar)
            var summaries = CallPipeline.unreadable(resolution, logger: logger)
            summaries += ingest.read(resolution.files, into: span)
            if !period.namesZone(config),
                let warning = MachineZoneWarning.message(summaries: summaries, zone: zone)
            {
                logger.warning("\(warning)")
            }
            do {
                try sink.finish()
                try ExportCalendar.write(
                    folder: out, format: jsonl ? .jsonl : .csv, hours: config.businessHours, targets: config.slaTargets,
                    calendar: calendar, span: span.span, level: sink.options.level)
                try OutputFile.write(
                    ExportSchema.json(format: jsonl ? .jsonl : .csv), to: out + "/_schema.json")
            } catch {
                logger.error("\(error)")
                throw HotlineExit.failure
            }
            let written = sink.written
            logger.info(
                "exported \(written.calls) calls, \(written.tickets) tickets, \(written.agentEvents) agent events, \(written.rejects) rejects to \(out)"
            )
            if written.rejects > 0 {
                logger.warning(
                    "\(written.rejects) \(written.rejects == 1 ? "record" : "records") rejected; see \(out)/rejects.")
            }
            try HotlineExit.afterReading(summaries, strict: input.strict)
        }
    }
}
