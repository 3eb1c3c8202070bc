import ArgumentParser
import Foundation
import HotlineMetrics
import HotlineModel
import HotlineReport

extension HotlineCommand {
    /// `hotline staffing`: agents needed per interval for the service-level target, from observed load.
    struct Staffing: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Agents needed per interval of the mean day for the service-level target (Erlang C), from the calls read.",
            discussion: """
                For each interval: mean calls per day, AHT, the fewest agents that meet the target with the service \
                level, ASA and occupancy they give, and the agents seen answering calls. Text by default; --format csv \
                or json for machines. Exit codes as for report.
                """)

        @OptionGroup var configuration: ConfigOptions
        @OptionGroup var input: InputOptions
        @OptionGroup var period: PeriodOptions
        @OptionGroup var filter: FilterOptions
        @OptionGroup var language: LanguageOptions

        @Option(help: "Output format: text, csv or json.")
        var format: OutputFormat = .text

        @OptionGroup var serviceLevel: ServiceLevelOptions

        func validate() throws {
            try input.requireInputs("staffing")
            guard format != .html && format != .xlsx else {
                throw ValidationError("--format \(format.rawValue) is for report; staffing writes text, csv or json.")
            }
            // Erlang C never promises every call: 100% is a target no number of agents meets.
            guard (serviceLevel.target?.fraction ?? 0.8) < 1 else {
                throw ValidationError("--sl-target must be below 100% for staffing, e.g. 80.")
            }
        }

        func run() throws {
            let logger = DiagnosticLogHandler.logger()
            let config = try configuration.load()
            let settings = MetricSettings(
                config, intervalMinutes: period.interval?.minutes, serviceLevelSeconds: serviceLevel.seconds,
                serviceLevelTarget: serviceLevel.target?.fraction, queues: filter.queues)
            let query = filter.query(over: period)
            let result = CallPipeline.configured(
                config, inputs: input.inputs, settings: settings, query: query, zone: period.zone(config),
                sourceZone: period.sourceZone(config), input: input, logger: logger
            ).run()
            let text = try StaffingRenderer(format: format, language: language.resolved(config)).rendered(result.report)
            do {
                try OutputFile.standardOutput().write(text)
            } catch {
                logger.error("\(error)")
                throw HotlineExit.failure
            }
            if input.strict && (result.rejected > 0 || result.failedFiles > 0) { throw HotlineExit.strictInputErrors }
            if result.failedFiles > 0 { throw HotlineExit.failure }
        }
    }
}
