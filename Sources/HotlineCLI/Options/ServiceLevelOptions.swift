import ArgumentParser
import HotlineModel

/// The service-level threshold and target of `report` and `staffing`, with one set of bounds.
struct ServiceLevelOptions: ParsableArguments {
    @Option(
        name: .customLong("sl-seconds"),
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
        guard (1...3600).contains(seconds ?? 20) else {
            throw ValidationError("--sl-seconds must be a whole number of seconds from 1 to 3600, e.g. 20.")
        }
    }
}

extension Percentage: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }

    public var defaultValueDescription: String { "\(fraction * 100)%" }
}
