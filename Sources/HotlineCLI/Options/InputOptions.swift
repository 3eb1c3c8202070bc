import ArgumentParser

/// The inputs of a run and how strictly to take them.
struct InputOptions: ParsableArguments {
    @Argument(help: "Call-log files, directories (read recursively) or glob patterns; '-' reads standard input.")
    var inputs: [String]

    @Flag(help: "Exit with code 3 when any record is rejected or any input cannot be read.")
    var strict = false

    @Flag(help: "Show caller numbers unmasked in rejects (masked by default: all but the last four digits).")
    var showCallers = false

    func validate() throws {
        guard !inputs.isEmpty else {
            throw ValidationError("Name at least one input file, directory or pattern, e.g. 'hotline report samples/'.")
        }
    }
}
