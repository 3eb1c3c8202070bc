import ArgumentParser
import HotlineMetrics
import HotlineReport

#if canImport(Glibc)
    import Glibc
#endif

/// Where a report goes and in which formats.
struct OutputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Format for standard output, and for --output files whose extension does not say (.txt .html .json .csv .xlsx).",
            valueName: "text|html|json|csv|xlsx"))
    var format: OutputFormat?

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp(
            "Write the report to this file (atomically); repeat for several formats; '-' is standard output. Default: standard output.",
            valueName: "file|-"))
    var outputs: [String] = []

    @Option(
        help: ArgumentHelp(
            """
            Rows of the CSV and JSON tables: a comma list of date, interval, hour, weekday, queue, category, \
            subcategory, agent, ivr_path, ivr_node (calls) and date, weekday, category, subcategory, priority, \
            channel, group, assignee (tickets). Each table takes the dimensions it has: calls default to \
            date,interval, tickets to date. ivr_node counts a call in every menu node it passed, so its rows add \
            up to more than the total.
            """, valueName: "dimensions"))
    var by: String = "date,interval"

    @Flag(help: "CSV output is the ticket table (created, solved, backlog, reply and resolution times, SLA, ...).")
    var tickets = false

    @Option(
        help: ArgumentHelp(
            "Also write every rejected record to this CSV file (file, line, field, reason, record).", valueName: "file")
    )
    var rejects: String?

    func validate() throws {
        _ = try dimensions()
        for path in outputs where path != "-" && format == nil {
            let ext = path.split(separator: ".").last.map(String.init) ?? ""
            guard OutputFormat(pathExtension: ext) != nil else {
                throw ValidationError(
                    "Cannot tell the format of '\(path)' from its extension: name it .txt, .html, .json, .csv or .xlsx, or pass --format."
                )
            }
        }
        if destinations().contains(where: { $0.path == "-" && $0.format.isBinary }) && isatty(1) != 0 {
            throw ValidationError(
                "An Excel workbook is not written to a terminal: name a file (--output report.xlsx) or redirect standard output."
            )
        }
    }

    func dimensions() throws -> [Dimension] {
        var dims: [Dimension] = []
        for name in by.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let dim = Dimension(rawValue: name) else {
                throw ValidationError(
                    "--by: unknown dimension '\(name)'. Use a comma list of \(Dimension.allCases.map(\.rawValue).joined(separator: ", "))."
                )
            }
            guard !dims.contains(dim) else { throw ValidationError("--by names '\(name)' twice.") }
            dims.append(dim)
        }
        guard !dims.isEmpty else {
            throw ValidationError("--by needs at least one dimension, e.g. --by date,interval.")
        }
        if tickets, let other = dims.first(where: { !$0.appliesToTickets }), by != "date,interval" {
            throw ValidationError(
                "--by \(other.rawValue) is not a ticket dimension; with --tickets use date, weekday, category, subcategory, priority, channel, group or assignee."
            )
        }
        return dims
    }

    /// Each destination with its format: files by extension (or --format), standard output by --format or text.
    func destinations() -> [(path: String, format: OutputFormat)] {
        let targets = outputs.isEmpty ? ["-"] : outputs
        return targets.map { path in
            if path == "-" { return (path, format ?? .text) }
            let ext = path.split(separator: ".").last.map(String.init) ?? ""
            return (path, OutputFormat(pathExtension: ext) ?? format ?? .text)
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
