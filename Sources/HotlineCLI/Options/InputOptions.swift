import ArgumentParser
import HotlineIngest

/// The inputs of a run and how strictly to take them.
struct InputOptions: ParsableArguments {
    @Argument(help: "Call-log files, directories (read recursively) or glob patterns; '-' reads standard input.")
    var inputs: [String]

    @Option(
        name: .customLong("input-format"),
        help:
            "Read every input as this format instead of recognising it by content: calls-csv, asterisk-queue-log, asterisk-cdr or freeswitch-xml-cdr."
    )
    var inputFormat: InputFormat?

    @Flag(help: "Exit with code 3 when any record is rejected or any input cannot be read.")
    var strict = false

    @Flag(help: "Show caller numbers unmasked in rejects (masked by default: all but the last four digits).")
    var showCallers = false

    func validate() throws {
        if let inputFormat, !inputFormat.isReadable {
            throw ValidationError(
                "--input-format \(inputFormat.rawValue) is not readable yet: use calls-csv, asterisk-queue-log or freeswitch-xml-cdr."
            )
        }
        guard !inputs.isEmpty else {
            throw ValidationError("Name at least one input file, directory or pattern, e.g. 'hotline report samples/'.")
        }
    }
}

extension InputFormat: ExpressibleByArgument {}
