import ArgumentParser
import Foundation
import HotlineIngest
import HotlineMetrics
import HotlineModel
import HotlineReport
import Logging

extension HotlineCommand {
    /// `hotline callbacks`: the callers of a day who abandoned, timed out or hung up in the menus and were not
    /// answered on a later call: the list the call-back team works through.
    struct Callbacks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "callbacks",
            abstract:
                "The callers of a day to call back: missed (abandoned, timed out, hung up in the IVR), not answered later.",
            discussion: """
                A caller is listed when a call of theirs on the day was abandoned (short ones too), timed out or hung \
                up in the IVR, and no later call of theirs was answered (or served by the menus) within --window \
                hours after the last such call. Columns: caller, first and last attempt, attempts, longest wait, \
                category and queue of the last attempt; the longest-waiting first. Callers are masked (all but the \
                last four digits) unless --show-callers (or callbacks.show_callers in the configuration): the team \
                that calls back uses that flag. Text by default, \
                --format csv for a spreadsheet; --output writes a file atomically.
                """)

        @OptionGroup var configuration: ConfigOptions
        @OptionGroup var input: InputOptions
        @OptionGroup var period: PeriodOptions
        @OptionGroup var filter: FilterOptions
        @OptionGroup var language: LanguageOptions

        @Option(
            help: ArgumentHelp(
                "The local day whose missed callers to list. Default: the last day with calls.",
                valueName: "YYYY-MM-DD"))
        var date: String?

        @Option(
            help: ArgumentHelp(
                "Hours after the last missed call in which an answered call means no callback is needed (default: the configuration's callbacks.window_hours, else 24).",
                valueName: "hours"))
        var window: Int?

        @Option(
            help: ArgumentHelp(
                "Output format. Default: the --output file's extension, else text.", valueName: "text|csv"))
        var format: ListFormat?

        @Option(
            name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("Write the list to this file (atomically); '-' is standard output.", valueName: "file|-")
        )
        var output: String?

        enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, csv }

        var resolvedFormat: ListFormat {
            format ?? (output?.lowercased().hasSuffix(".csv") == true ? .csv : .text)
        }

        func validate() throws {
            try input.requireInputs("callbacks")
            if let window, !(1...720).contains(window) {
                throw ValidationError("--window \(window): give hours from 1 to 720 (30 days).")
            }
            if let date, CivilDate(parsing: date) == nil {
                throw ValidationError("--date \(date): expected a day as YYYY-MM-DD, e.g. 2026-11-16.")
            }
        }

        func run() throws {
            let logger = DiagnosticLogHandler.logger()
            let config = try configuration.load()
            let window = self.window ?? config.callbacks.windowHours
            let showCallers = input.showCallers || config.callbacks.showCallers
            let zone = period.zone(config)
            let resolution = InputResolver.resolve(input.inputs)
            if let output, output != "-",
                let problem = OutputOptions.targetProblem(
                    files: [("--output", output)], screens: 0,
                    against: resolution.files + (configuration.config.map { [$0] } ?? []))
            {
                throw ValidationError(problem)
            }
            for skipped in resolution.skipped { logger.warning("\(skipped)") }
            let unreadable = CallPipeline.unreadable(resolution, logger: logger)
            var reading = CallbackReading(
                config: config, zone: zone, sourceZone: period.sourceZone(config), logger: logger)
            reading.inputFormat = input.inputFormat
            reading.cdrColumnNames = input.cdrColumnNames ?? config.cdrColumns
            reading.queues = Set(filter.queues)
            reading.categories = filter.categorySet
            var read = reading.read(resolution.files)
            read.summaries = unreadable + read.summaries
            let day =
                date.flatMap(CivilDate.init(parsing:))?.dayNumber
                ?? read.attempts.map { Int(read.calendar.stamp($0.enqueuedAt).day) }.max()
            let rows = day.map { read.rows(day: $0, windowHours: window) } ?? []
            let list = read.renderer(language: language.resolved(config), showCallers: showCallers)
            let text =
                resolvedFormat == .csv
                ? list.csv(rows) : list.text(rows, day: day.map { CivilDate(dayNumber: $0) }, windowHours: window)
            do {
                try OutputFile.write(text, toOutput: output)
            } catch {
                logger.error("\(error)")
                throw HotlineExit.failure
            }
            let rejected = read.summaries.reduce(0) { $0 + $1.rejected }
            if rejected > 0 { logger.warning("\(rejected) records rejected; 'hotline check' lists them.") }
            try HotlineExit.afterReading(read.summaries, strict: input.strict)
        }
    }
}
