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
            abstract:
                "The callers of a day to call back: missed (abandoned, timed out, hung up in the IVR), not answered later.",
            discussion: """
                A caller is listed when a call of theirs on the day was abandoned (short ones too), timed out or hung \
                up in the IVR, and no later call of theirs was answered (or served by the menus) within --window \
                hours after the last such call. Columns: caller, first and last attempt, attempts, longest wait, \
                category and queue of the last attempt; the longest-waiting first. Callers are masked (all but the \
                last four digits) unless --show-callers: the team that calls back uses that flag. Text by default, \
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
                "Hours after the last missed call in which an answered call means no callback is needed (default 24).",
                valueName: "hours"))
        var window: Int = 24

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
            guard (1...720).contains(window) else {
                throw ValidationError("--window \(window): give hours from 1 to 720 (30 days).")
            }
            if let date, CivilDate(parsing: date) == nil {
                throw ValidationError("--date \(date): expected a day as YYYY-MM-DD, e.g. 2026-11-16.")
            }
        }

        func run() throws {
            let logger = DiagnosticLogHandler.logger()
            let config = try configuration.load()
            let zone = period.zone(config)
            let calendar = LocalCalendar(zone: zone, intervalMinutes: 30)
            let resolution = InputResolver.resolve(input.inputs)
            if let output, output != "-",
                let problem = OutputOptions.targetProblem(
                    files: [("--output", output)], screens: 0,
                    against: resolution.files + (configuration.config.map { [$0] } ?? []))
            {
                throw ValidationError(problem)
            }
            for skipped in resolution.skipped { logger.warning("\(skipped)") }
            let symbols = SymbolTable()
            let context = ReadContext(
                symbols: symbols, calendar: calendar,
                sourceCalendar: period.sourceZone(config).map { LocalCalendar(zone: $0, intervalMinutes: 30) })
            context.mappings = config.mappings
            let ingest = InputIngest(
                context: context, classifier: Classifier(rules: config.categoryRules, symbols: symbols),
                options: IngestOptions(
                    forcedFormat: input.inputFormat, cdrColumnNames: input.cdrColumnNames ?? config.cdrColumns),
                logger: logger)
            let sink = AttemptSink(queues: Set(filter.queues), categories: filter.categorySet, symbols: symbols)
            var summaries = CallPipeline.unreadable(resolution, logger: logger)
            summaries += ingest.read(resolution.files, into: sink)
            let day =
                date.flatMap(CivilDate.init(parsing:))?.dayNumber
                ?? sink.attempts.map { Int(calendar.stamp($0.enqueuedAt).day) }.max()
            let rows =
                day.map {
                    CallbackList.rows(
                        sink.attempts, day: $0, calendar: calendar, window: Milliseconds(window) * 3_600_000)
                } ?? []
            let list = CallbackListRenderer(
                language: language.resolved(config), calendar: calendar, symbols: symbols,
                caller: { input.showCallers ? context.callerText($0) : Masking.mask(context.callerText($0)) })
            let text =
                resolvedFormat == .csv
                ? list.csv(rows) : list.text(rows, day: day.map { CivilDate(dayNumber: $0) }, windowHours: window)
            do {
                try OutputFile.write(text, toOutput: output)
            } catch {
                logger.error("\(error)")
                throw HotlineExit.failure
            }
            let rejected = summaries.reduce(0) { $0 + $1.rejected }
            if rejected > 0 { logger.warning("\(rejected) records rejected; 'hotline check' lists them.") }
            try HotlineExit.afterReading(summaries, strict: input.strict)
        }
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
