import ArgumentParser
import Foundation

/// `hotline`: call-center reports from call logs and ticket exports, in one batch command.
public struct HotlineCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "hotline",
        abstract:
            "Call-center operations reports from call logs and ticket exports: queue load, service level, abandonment, waits, handle time, resolution times, SLA, satisfaction.",
        version: "0.1.0",
        // Each subcommand names itself (`commandName:`): a name derived from the type costs ArgumentParser a
        // reflection and conformance scan, ~1-4 M instructions each time it is asked, which it is at every start.
        subcommands: [
            Report.self, Nightly.self, Check.self, Staffing.self, Callbacks.self, Export.self, Samples.self,
        ]
    )

    public init() {}
}
