import ArgumentParser
import Foundation
import HotlineConfig
import HotlineModel

/// The period, time zone and interval length of a report.
struct PeriodOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("First local day of the report. Default: the first day with calls.", valueName: "YYYY-MM-DD")
    )
    var from: String?

    @Option(
        help: ArgumentHelp(
            "Last local day of the report, inclusive. Default: the last day with calls.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(
        help: ArgumentHelp(
            "Time zone of local days, hours and intervals: an IANA name such as Asia/Shanghai, or a fixed offset such as +08:00 (abbreviations such as CST are ambiguous and refused). Default: the configuration's, else the machine's.",
            valueName: "IANA zone"))
    var tz: String?

    @Option(
        help: ArgumentHelp(
            "Zone of timestamps written without an offset (Asterisk CDRs, exports in server time). Default: --tz.",
            valueName: "IANA zone"))
    var sourceTz: String?

    @Option(
        help: ArgumentHelp(
            "Interval length: 15m, 30m or 60m (default 30m, or the configuration's).", valueName: "15m|30m|60m"))
    var interval: IntervalLength?

    enum IntervalLength: String, ExpressibleByArgument, CaseIterable {
        case fifteen = "15m", thirty = "30m", sixty = "60m"

        var minutes: Int {
            switch self {
            case .fifteen: 15
            case .thirty: 30
            case .sixty: 60
            }
        }
    }

    func validate() throws {
        for (option, value) in [("--from", from), ("--to", to)] {
            if let value, let problem = CivilDate.problem(parsing: value) {
                throw ValidationError("\(option) \(problem).")
            }
        }
        if let from = fromDate, let to = toDate, to < from {
            throw ValidationError("--to \(to) is before --from \(from): give the earlier day first.")
        }
        try Self.checkZone(tz, option: "--tz")
        try Self.checkZone(sourceTz, option: "--source-tz")
    }

    /// A usage error for a zone that is not an IANA name or a fixed offset, naming what it may have meant.
    static func checkZone(_ name: String?, option: String) throws {
        guard let name else { return }
        do {
            _ = try ZoneName.zone(name)
        } catch {
            throw ValidationError("\(option) \(error); \(ZoneName.Problem.hint).")
        }
    }

    /// Whether the zone was named (--tz or the configuration) rather than taken from the machine.
    func namesZone(_ config: HotlineConfiguration) -> Bool { tz != nil || config.timeZone != nil }

    /// --tz, else the configuration's zone, else the machine's.
    func zone(_ config: HotlineConfiguration) -> TimeZone { ZoneName.resolved(tz ?? config.timeZone) ?? .current }

    /// The zone of timestamps without an offset, when it differs from ``zone(_:)``.
    func sourceZone(_ config: HotlineConfiguration) -> TimeZone? {
        ZoneName.resolved(sourceTz ?? config.sourceTimeZone)
    }

    var fromDate: CivilDate? { from.flatMap(CivilDate.init(parsing:)) }
    var toDate: CivilDate? { to.flatMap(CivilDate.init(parsing:)) }
}
