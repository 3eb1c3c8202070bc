import ArgumentParser
import Foundation
import HotlineIngest
import HotlineMetrics
import HotlineModel
import HotlineReport

extension HotlineCommand {
    /// `hotline staffing`: agents needed per interval for the service-level target, from observed load.
    struct Staffing: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "staffing",
            abstract:
                "Agents needed per interval of the mean day for the service-level target (Erlang C), from the calls read.",
            discussion: """
                For each interval: mean calls per day, AHT, the fewest agents that meet the target with the service \
                level, ASA and occupancy they give, and the agents seen answering calls. Text by default; --format csv \
                or json for machines (no HTML: the report's staffing section has the chart). --output writes a \
                file atomically, its format from its extension (.txt .csv .json) unless --format says. Exit codes \
                as for report.
                """)

        @OptionGroup var configuration: ConfigOptions
        @OptionGroup var input: InputOptions
        @OptionGroup var period: PeriodOptions
        @OptionGroup var filter: FilterOptions
        @OptionGroup var language: LanguageOptions

        @Option(
            help: ArgumentHelp(
                "Output format. Default: the --output file's extension, else text.", valueName: "text|csv|json"))
        var format: StaffingFormat?

        @Option(
            name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp(
                "Write the table to this file (atomically); '-' is standard output. Default: standard output.",
                valueName: "file|-"))
        var output: String?

        @OptionGroup var serviceLevel: ServiceLevelOptions

        /// The formats staffing writes: no HTML (the HTML report has the staffing section, with its chart).
        enum StaffingFormat: String, ExpressibleByArgument, CaseIterable {
            case text, csv, json

            var output: OutputFormat {
                switch self {
                case .text: .text
                case .csv: .csv
                case .json: .json
                }
            }
        }

        /// --format, else the --output file's extension, else text; nil for an extension of no format it has.
        var resolvedFormat: StaffingFormat? {
            if let format { return format }
            guard let output, output != "-" else { return .text }
            return StaffingFormat(rawValue: (output.split(separator: ".").last.map(String.init) ?? "").lowercased())
                ?? (output.lowercased().hasSuffix(".txt") ? .text : nil)
        }

        func validate() throws {
            try input.requireInputs("staffing")
            guard resolvedFormat != nil else {
                throw ValidationError(
                    "staffing writes text, csv or json: name the --output file .txt, .csv or .json, or pass --format (the HTML report, 'hotline report --output r.html', has the staffing section)."
                )
            }
            try serviceLevel.requireStaffableTarget()
        }

        func run() throws {
            let logger = DiagnosticLogHandler.logger()
            let config = try configuration.load()
            let settings = MetricSettings(
                config, intervalMinutes: period.interval?.minutes, serviceLevelSeconds: serviceLevel.seconds,
                serviceLevelTarget: serviceLevel.target?.fraction, queues: filter.queues)
            let query = filter.query(over: period)
            let resolution = InputResolver.resolve(input.inputs)
            // Like report's: never an output over a file this run reads (usage error, nothing written).
            if let output, output != "-",
                let problem = OutputOptions.targetProblem(
                    files: [("--output", output)], screens: 0,
                    against: resolution.files + (configuration.config.map { [$0] } ?? []))
            {
                throw ValidationError(problem)
            }
            var pipeline = CallPipeline.configured(
                config, inputs: input.inputs, settings: settings, query: query, zone: period.zone(config),
                sourceZone: period.sourceZone(config), input: input, logger: logger)
            pipeline.resolution = resolution
            let result = pipeline.run()
            if !period.namesZone(config),
                let warning = MachineZoneWarning.message(summaries: result.summaries, zone: period.zone(config))
            {
                logger.warning("\(warning)")
            }
            let text = try StaffingRenderer(
                format: (resolvedFormat ?? .text).output, language: language.resolved(config)
            ).rendered(result.report)
            do {
                try OutputFile.write(text, toOutput: output)
            } catch {
                logger.error("\(error)")
                throw HotlineExit.failure
            }
            try HotlineExit.afterReading(result, strict: input.strict)
        }
    }
}
