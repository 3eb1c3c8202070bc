import ArgumentParser
import Foundation
import HotlineConfig
import HotlineModel

/// The period, time zone and interval length of a report.
struct PeriodOptions: ParsableArguments {
    @Option(help: "First local day of the report (YYYY-MM-DD). Default: the first day with calls.")
    var from: String?

    @Option(help: "Last local day of the report, inclusive (YYYY-MM-DD). Default: the last day with calls.")
    var to: String?

    @Option(
        help:
            "IANA time zone for local days, hours and intervals, e.g. Asia/Shanghai. Default: the configuration's, else the machine's."
    )
    var tz: String?

    @Option(
        help: "Zone of timestamps written without an offset (Asterisk CDRs, exports in server time). Default: --tz.")
    var sourceTz: String?

    @Option(help: "Interval length: 15m, 30m or 60m (default 30m, or the configuration's).")
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
        if let from, CivilDate(parsing: from) == nil {
            throw ValidationError("--from '\(from)' is not a date: write it as YYYY-MM-DD, e.g. 2026-11-01.")
        }
        if let to, CivilDate(parsing: to) == nil {
            throw ValidationError("--to '\(to)' is not a date: write it as YYYY-MM-DD, e.g. 2026-11-30.")
        }
        if let from = from.flatMap(CivilDate.init(parsing:)), let to = to.flatMap(CivilDate.init(parsing:)), to < from {
            throw ValidationError("--to \(to) is before --from \(from): give the earlier day first.")
        }
        if let sourceTz, TimeZone(identifier: sourceTz) == nil {
            throw ValidationError(
                "Unknown time zone '\(sourceTz)' for --source-tz: use an IANA name such as UTC or Asia/Shanghai.")
        }
        if let tz, TimeZone(identifier: tz) == nil {
            throw ValidationError("Unknown time zone '\(tz)': use an IANA name such as Asia/Shanghai or Europe/Berlin.")
        }
    }

    /// --tz, else the configuration's zone, else the machine's.
    func zone(_ config: HotlineConfiguration) -> TimeZone {
        (tz ?? config.timeZone).flatMap(TimeZone.init(identifier:)) ?? TimeZone.current
    }

    /// The zone of timestamps without an offset, when it differs from ``zone(_:)``.
    func sourceZone(_ config: HotlineConfiguration) -> TimeZone? {
        (sourceTz ?? config.sourceTimeZone).flatMap(TimeZone.init(identifier:))
    }
    var fromDate: CivilDate? { from.flatMap(CivilDate.init(parsing:)) }
    var toDate: CivilDate? { to.flatMap(CivilDate.init(parsing:)) }
}
