import ArgumentParser
import Foundation
import HotlineMetrics
import HotlineModel

extension HotlineCommand {
    /// `hotline check`: validate inputs without reporting on them.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract:
                "Validate inputs: detected format and encoding, records accepted and rejected, the first rejects.",
            discussion: """
                Prints one line per file (PATH: FORMAT, ENCODING, N records, A accepted, R rejected), then rejects \
                by reason and the first rejects as PATH:LINE: FIELD: REASON, then values no category rule matched. \
                Exit codes: 0 ok; 1 an input could not be read; 3 with --strict, any record rejected.
                """)

        @OptionGroup var configuration: ConfigOptions
        @OptionGroup var input: InputOptions

        @Option(
            help: ArgumentHelp(
                "Time zone of timestamps without an offset (IANA name or fixed offset). Default: the machine's zone.",
                valueName: "IANA zone"))
        var tz: String?

        @Option(help: ArgumentHelp("How many rejects to list.", valueName: "n"))
        var show = 20

        func validate() throws {
            try input.requireInputs("check")
            try PeriodOptions.checkZone(tz, option: "--tz")
        }

        func run() throws {
            let config = try configuration.load()
            let zone = ZoneName.resolved(tz ?? config.timeZone) ?? .current
            let pipeline = CallPipeline.configured(
                config, inputs: input.inputs, settings: MetricSettings(), query: CallQuery(), zone: zone,
                sourceZone: ZoneName.resolved(config.sourceTimeZone), input: input,
                logger: DiagnosticLogHandler.logger(), firstRejectsKept: show)
            let result = pipeline.run()
            var text = ""
            for s in result.summaries {
                if let error = s.error {
                    text += "\(s.path): ERROR \(error.reason)\n"
                } else {
                    text +=
                        "\(s.path): \(s.format?.rawValue ?? ""), \(s.encoding), \(s.records) records, \(s.accepted) accepted, \(s.rejected) rejected\n"
                }
                for note in s.notes { text += "  note: \(note)\n" }
            }
            if result.summaries.count > 1 {
                let s = result.summaries
                text +=
                    "\(s.count) files: \(s.reduce(0) { $0 + $1.records }) records, \(s.reduce(0) { $0 + $1.accepted }) accepted, "
                    + "\(result.rejected) rejected; \(result.failedFiles) unreadable\n"
            }
            var byKind: [RejectKind: Int] = [:]
            for s in result.summaries { byKind.merge(s.rejectedByKind, uniquingKeysWith: +) }
            if !byKind.isEmpty {
                text += "\nRejected by reason:\n"
                for (kind, n) in byKind.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                    text += "  \(kind.rawValue): \(n)\n"
                }
                text += "\nFirst rejects:\n"
                for reject in result.firstRejects { text += "  \(reject)\n" }
            }
            if !result.unmatched.isEmpty {
                text += "\nValues no category rule matched (counted as other):\n"
                for (value, n) in result.unmatched.prefix(show) {
                    text += "  \(value.field) \"\(DisplayText.shown(value.value))\": \(n)\n"
                }
            }
            do {
                // Paths, values and rejects come from the data: no escape sequence of theirs reaches the terminal.
                try OutputFile.standardOutput().write(DisplayText.withoutControls(text))
            } catch {
                DiagnosticLogHandler.logger().error("\(error)")
                throw HotlineExit.failure
            }
            try HotlineExit.afterReading(result, strict: input.strict)
        }
    }
}
