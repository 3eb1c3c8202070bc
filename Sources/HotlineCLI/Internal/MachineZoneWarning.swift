import Foundation
import HotlineModel

/// The warning for timestamps written in one zone and counted in another nobody chose: with neither `--tz` nor
/// the configuration's `time_zone`, days are the machine's, and a Shanghai export read on a UTC server would put
/// every call from midnight to 08:00 on the day before.
enum MachineZoneWarning {
    /// One line naming the first file whose timestamps carry an offset other than `zone`'s, the machine's zone
    /// and how to choose; nil when every offset matched.
    static func message(summaries: [InputSummary], zone: TimeZone) -> String? {
        guard let file = summaries.first(where: { $0.offsetOtherThanZone != nil }),
            let offset = file.offsetOtherThanZone
        else { return nil }
        let machine = ZoneName.display(zone)
        let now = ZoneName.offset(zone.secondsFromGMT())
        let named = machine == now ? machine : "\(machine) (\(now))"
        let fixed = ZoneName.offset(offset).dropFirst(3)
        return
            "\(file.path): timestamps carry \(ZoneName.offset(offset)), but days and intervals are counted in this machine's zone, \(named), as no --tz or time_zone names one; choose with --tz (e.g. an IANA name such as Asia/Shanghai, or \(fixed)) or time_zone in the configuration"
    }
}
