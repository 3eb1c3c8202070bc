import ArgumentParser
import Foundation
import HotlineConfig
import HotlineIngest
import HotlineMetrics
import HotlineModel
import HotlineReport
import HotlineStore
import Logging

extension HotlineCommand {
    /// `hotline report`: an ad-hoc report over call logs and ticket exports, or from the nightly store.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract:
                "Report queue load, service level, abandonment, waits, handle time, ticket resolution and SLA, and satisfaction.",
            discussion: """
                Reads every input (files, directories, globs; '-' for standard input), rejects bad records with \
                file, line, field and reason, and writes the report: text to standard output by default, or to the \
                --output files in the format their extension names. Exit codes: 0 ok; 1 an input could not be read \
                (the report covers the rest) or an output could not be written; 2 usage error; 3 with --strict, \
                any record rejected or input unreadable.
                """)

        @OptionGroup var configuration: ConfigOptions
        @OptionGroup var input: InputOptions
        @OptionGroup var period: PeriodOptions
        @OptionGroup var filter: FilterOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var language: LanguageOptions
        @OptionGroup var csv: CSVOptions

        @OptionGroup var serviceLevel: ServiceLevelOptions

        @Option(
            help: ArgumentHelp(
                "Threads: 1 reads and aggregates in turn; 2 or more aggregate on one thread while the others read (calls-csv files cut into blocks, small files side by side), and sort the repeat-call runs of a long period on another. Default: the processor cores, at most 8. The figures are the same for every number.",
                valueName: "n"))
        var threads: Int?

        /// What `--threads` gives, or the cores of this machine (the output does not depend on it).
        var threadCount: Int { threads ?? CallPipeline.defaultThreads }

        /// For tests and the sample check: cut every calls-csv file into blocks this small (no file is read whole).
        @Option(help: ArgumentHelp("Block size for parallel parsing (testing).", visibility: .hidden))
        var parallelBlockBytes: Int?

        @Option(
            help: ArgumentHelp(
                "Report from the nightly store at this path instead of reading inputs (any period; the configuration's settings must match the store's). Repeat it to merge the stores of several sites built with the same settings into one report.",
                valueName: "file"))
        var store: [String] = []

        func validate() throws {
            guard (threads ?? 1) >= 1 else { throw ValidationError("--threads must be 1 or more.") }
            guard (parallelBlockBytes ?? 64) >= 64 else {
                throw ValidationError("--parallel-block-bytes must be 64 or more.")
            }
            if !store.isEmpty {
                guard input.inputs.isEmpty else {
                    throw ValidationError("--store reports from the store: give no input files with it.")
                }
                if let problem = StoreReport.problem(with: try output.dimensions()) { throw ValidationError(problem) }
            } else {
                try input.requireInputs("report")
            }
        }

        func run() throws {
            let logger = DiagnosticLogHandler.logger()
            let config = try configuration.load()
            let language = self.language.resolved(config)
            let settings = MetricSettings(
                config, intervalMinutes: period.interval?.minutes, serviceLevelSeconds: serviceLevel.seconds,
                serviceLevelTarget: serviceLevel.target?.fraction, queues: filter.queues)
            var query = filter.query(over: period)
            query.dimensions = try output.dimensions()
            // The day profiles behind exceptions, comparisons and the day map are a twentieth of a 10M-call
            // report's work: not made when no output shows them.
            if output.destinations().allSatisfy(\.format.showsTablesOnly) { query.keepsDayProfiles = false }

            var writeFailed = false
            var rejectsWritten = false
            let result: CallPipeline.Result
            if !store.isEmpty {
                try refuseOutputs(over: store)
                result = try reportFromStores(store, config: config, settings: settings, query: query, logger: logger)
            } else {
                let resolution = InputResolver.resolve(input.inputs)
                try refuseOutputs(over: resolution.files)
                var rejectsFile: RejectsFile?
                do {
                    rejectsFile = try output.rejects.map {
                        try RejectsFile(path: $0, encoding: csv.output(config, language: language))
                    }
                } catch {
                    // The report is still written: only the rejects are missing.
                    logger.error("\(error)")
                    writeFailed = true
                }
                var pipeline = CallPipeline.configured(
                    config, inputs: input.inputs, settings: settings, query: query, zone: period.zone(config),
                    sourceZone: period.sourceZone(config), input: input, logger: logger, threads: threadCount)
                pipeline.resolution = resolution
                pipeline.parallelBlockBytes = parallelBlockBytes
                result = pipeline.run { reject in rejectsFile?.add(reject) }
                if !period.namesZone(config),
                    let warning = MachineZoneWarning.message(summaries: result.summaries, zone: period.zone(config))
                {
                    logger.warning("\(warning)")
                }
                do {
                    try rejectsFile?.commit()
                    rejectsWritten = rejectsFile != nil
                } catch {
                    logger.error("\(error)")
                    writeFailed = true
                }
            }

            for warning in result.report.warnings { logger.warning("\(warning)") }
            // No input could be read: a report of zeros would say "a quiet day"; there is none.
            let nothingRead = !result.summaries.isEmpty && result.summaries.allSatisfy { $0.error != nil }
            if nothingRead { logger.error("no input could be read: no report written") }
            for (path, format) in output.destinations() where !nothingRead {
                do {
                    let file = path == "-" ? OutputFile.standardOutput() : try OutputFile(path: path)
                    let options = RenderOptions(
                        tickets: output.tickets, csv: csv.output(config, language: language),
                        scratchFolder: file.scratchFolder, name: file.name, quiet: true, language: language)
                    // A format that fails leaves nothing: the file's temporary file goes with it.
                    try file.write(try format.bytes(of: result.report, options: options))
                    try file.commit()
                } catch {
                    logger.error("\(error)")
                    writeFailed = true
                }
            }
            if result.rejected > 0 {
                logger.warning(
                    "\(result.rejected) \(result.rejected == 1 ? "record" : "records") rejected; see the data-quality section\(rejectsWritten ? " and \(output.rejects ?? "")" : "")."
                )
            }
            // An output not written is the first thing to fix: it outranks --strict's exit code.
            if writeFailed { throw HotlineExit.failure }
            try HotlineExit.afterReading(result, strict: input.strict)
        }

        /// A usage error (exit 2, nothing written) when an output would replace a file the run reads (`inputs`, the
        /// configuration) or another output.
        private func refuseOutputs(over inputs: [String]) throws {
            if let problem = output.targetProblem(against: inputs + (configuration.config.map { [$0] } ?? [])) {
                throw ValidationError(problem)
            }
        }

        /// The report over the period from the nightly store, or the stores of several sites merged: no input is
        /// read.
        private func reportFromStores(
            _ paths: [String], config: HotlineConfiguration, settings: MetricSettings, query: CallQuery, logger: Logger
        ) throws -> CallPipeline.Result {
            do {
                guard Set(paths).count == paths.count else {
                    throw ValidationError("--store names the same store twice: each site's store once")
                }
                let stores = try paths.map { (label: $0, store: try Store(path: $0, readOnly: true)) }
                let zone = period.zone(config)
                let expected = SettingsFingerprint.of(
                    config, settings: settings, zone: zone, sourceZone: period.sourceZone(config))
                let stored = try stores.map { ($0.label, try $0.store.fingerprint()) }
                // Sites built differently first: a merge of their days would mix two definitions of every figure.
                for (path, fingerprint) in stored.dropFirst() {
                    if let first = stored.first, let a = first.1, let b = fingerprint, a != b {
                        throw ValidationError(
                            "\(first.0) and \(path) were built with different settings (\(a) and \(b)); only stores built with the same configuration merge"
                        )
                    }
                }
                for (path, fingerprint) in stored {
                    if let fingerprint, fingerprint != expected {
                        throw ValidationError(
                            "\(path): built with other settings (\(fingerprint)) than this configuration's (\(expected)); use the nightly job's configuration"
                        )
                    }
                }
                let report = try StoreReport(
                    stores: stores, settings: settings, ticketSettings: TicketSettings(config), query: query,
                    zone: zone,
                    exceptionSettings: ExceptionSettings(config)
                ).build()
                return CallPipeline.Result(
                    report: report, summaries: [], unmatched: [], firstRejects: [])
            } catch let error as StoreError {
                logger.error("\(error.description)")
                throw HotlineExit.failure
            }
        }
    }
}
