import ArgumentParser
import HotlineModel

/// Exit codes (README): 0 ok, 1 failure, 2 usage error (ArgumentParser's too), 3 input errors under --strict,
/// 4 another run holds the lock, 5 the nightly day has (almost) no calls.
///
/// A usage error is never thrown as ``usage`` by a command: it throws ArgumentParser's `ValidationError`, whose
/// message `HotlineCommand.run(_:)` prints as the one error line and maps to 2.
enum HotlineExit {
    static let failure = ExitCode(1)
    static let usage = ExitCode(2)
    static let strictInputErrors = ExitCode(3)
    static let locked = ExitCode(4)
    /// The nightly job's day has no calls, or far fewer than its usual: an export missing or incomplete.
    static let missingData = ExitCode(5)

    /// The exit of `report`, `check` and `staffing` once their output is out: 3 under `--strict` when a record was
    /// rejected or an input could not be read, else 1 when an input could not be read; returns for 0.
    static func afterReading(_ result: CallPipeline.Result, strict: Bool) throws {
        try afterReading(result.summaries, strict: strict)
    }

    /// The same, from what reading each input gave (`callbacks`, which reads without the report pipeline).
    static func afterReading(_ summaries: [InputSummary], strict: Bool) throws {
        let failedFiles = summaries.filter { $0.error != nil }.count
        if strict && (summaries.contains { $0.rejected > 0 } || failedFiles > 0) { throw strictInputErrors }
        if failedFiles > 0 { throw failure }
    }
}
