import ArgumentParser
import HotlineModel

/// The service-level threshold and target of `report` and `staffing`, declared once with their bounds: a threshold
/// of 1 s to an hour; a target above 0 up to 100% (`Percentage` parses no other), and for staffing below 100%
/// (``requireStaffableTarget()``).
struct ServiceLevelOptions: ParsableArguments {
    @Option(
        name: .customLong("sl-seconds"),
        // Unconditional, so `--sl-seconds -5` reaches validate() and is told what is wrong, not "missing value".
        parsing: .unconditional,
        help: ArgumentHelp(
            "Service-level threshold: answered within it counts (default 20, or the configuration's).",
            valueName: "seconds"))
    var seconds: Int?

    @Option(
        name: .customLong("sl-target"),
        help: ArgumentHelp(
            "Service-level target: 80, 80% and 0.8 all mean 80% (default 80%, or the configuration's).",
            valueName: "percent"))
    var target: Percentage?

    func validate() throws {
        if let seconds, seconds < 1 {
            throw ValidationError("--sl-seconds \(seconds): must be a whole number of seconds above 0, e.g. 20.")
        }
        if let seconds, seconds > 3600 {
            throw ValidationError("--sl-seconds \(seconds): must be at most 3600 seconds (an hour), e.g. 20.")
        }
    }

    /// Staffing's stricter bound. A report may measure against 100% (every call within the threshold); Erlang C
    /// never promises every call, so for staffing 100% is a target no number of agents meets.
    func requireStaffableTarget() throws {
        if let target, target.fraction >= 1 {
            throw ValidationError(
                "--sl-target 100%: staffing needs a target below 100% (by Erlang C no number of agents answers every call within the threshold), e.g. 80."
            )
        }
    }
}

extension Percentage: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }

    public var defaultValueDescription: String { "\(fraction * 100)%" }
}
