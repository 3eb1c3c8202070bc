import ArgumentParser
import HotlineIngest
import HotlineModel

/// The inputs of a run and how strictly to take them.
struct InputOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Call-log and ticket files, directories (read recursively) or glob patterns; '-' reads standard input.",
            valueName: "input"))
    var inputs: [String] = []

    @Option(
        name: .customLong("input-format"),
        help: ArgumentHelp(
            "Read every input as this format instead of recognising it by content.", valueName: "format"))
    var inputFormat: InputFormat?

    @Option(
        help: ArgumentHelp(
            "Field order of Asterisk CDRs written by a cdr_custom mapping, e.g. clid,src,dst,dcontext,...,start,answer,end,duration,billsec,disposition.",
            valueName: "names"))
    var cdrColumns: String?

    @Flag(help: "Exit with code 3 when any record is rejected or any input cannot be read.")
    var strict = false

    @Flag(help: "Show caller numbers unmasked in rejects (masked by default: all but the last four digits).")
    var showCallers = false

    /// For commands that need inputs: a usage error when there are none.
    func requireInputs(_ command: String) throws {
        guard !inputs.isEmpty else {
            throw ValidationError(
                "Name at least one input file, directory or pattern, e.g. 'hotline \(command) samples/'.")
        }
    }

    var cdrColumnNames: [String]? { cdrColumns.map { $0.split(separator: ",").map(String.init) } }

    func validate() throws {
        guard let names = cdrColumnNames else { return }
        do {
            try InputIngest.validate(cdrColumns: names)
        } catch {
            throw ValidationError(
                "--cdr-columns: \(error.detail). Name the fields in file order, e.g. clid,src,dst,...,start,answer,end,duration,billsec,disposition."
            )
        }
    }
}

extension InputFormat: ExpressibleByArgument {}
