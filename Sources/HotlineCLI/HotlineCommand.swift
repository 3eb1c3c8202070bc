import ArgumentParser
import Foundation

/// `hotline`: call-center reports from call logs and ticket exports, in one batch command.
public struct HotlineCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "hotline",
        abstract:
            "Call-center operations reports from call logs and ticket exports: queue load, service level, abandonment, waits, handle time, resolution times, SLA, satisfaction.",
        version: "0.1.0",
        subcommands: [Report.self, Nightly.self, Check.self, Staffing.self, Samples.self]
    )

    public init() {}
}

/// Exit codes (README): 0 ok, 1 failure, 2 usage error (ArgumentParser's too), 3 input errors under --strict,
/// 4 another run holds the lock, 5 the nightly day has (almost) no calls.
enum HotlineExit {
    static let failure = ExitCode(1)
    static let usage = ExitCode(2)
    static let strictInputErrors = ExitCode(3)
    static let locked = ExitCode(4)
    /// The nightly job's day has no calls, or far fewer than its usual: an export missing or incomplete.
    static let missingData = ExitCode(5)
}
