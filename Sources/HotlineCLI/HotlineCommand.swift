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

    /// Runs the command line with DESIGN.md's exit codes: a usage error exits 2 (ArgumentParser says 64).
    public static func runAsMain() -> Never {
        do {
            var command = try parseAsRoot()
            try command.run()
            Foundation.exit(0)
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardError.write(fullMessage(for: error) + "\n")
                Foundation.exit(HotlineExit.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}

/// Exit codes (DESIGN.md): 0 ok, 1 failure, 2 usage error (ArgumentParser), 3 input errors under --strict,
/// 4 another run holds the lock.
enum HotlineExit {
    static let failure = ExitCode(1)
    static let usage = ExitCode(2)
    static let strictInputErrors = ExitCode(3)
    static let locked = ExitCode(4)
    /// The nightly job's day has no calls, or far fewer than its usual: an export missing or incomplete.
    static let missingData = ExitCode(5)
}
