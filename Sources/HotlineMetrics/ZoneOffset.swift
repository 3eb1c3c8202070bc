import Foundation
import HotlineModel

/// A UTC offset a report's zone was in during its period, and since when: so a reader sees which clock the days
/// and intervals were counted on, and that a daylight-saving change fell inside the period.
public struct ZoneOffset: Sendable, Equatable, Encodable {
    /// Seconds east of UTC.
    public var seconds: Int
    /// Local time (`YYYY-MM-DD HH:MM`, on the new clock) the offset took effect inside the period; nil for the
    /// offset at the period's start.
    public var since: String?

    public init(seconds: Int, since: String? = nil) {
        self.seconds = seconds
        self.since = since
    }

    /// `UTC+08:00`.
    public var text: String { ZoneName.offset(seconds) }

    enum CodingKeys: String, CodingKey { case offset, since }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .offset)
        try c.encode(since, forKey: .since)
    }

    /// The offsets of `calendar`'s zone from the start of local day `fromDay` to the end of `toDay`: the first,
    /// then each change with its local time. Over a long period (more than two changes) only the distinct
    /// offsets, without dates, so the header stays one line.
    public static func offsets(of calendar: LocalCalendar, fromDay: Int, toDay: Int) -> [ZoneOffset] {
        let start = calendar.startOfDay(fromDay)
        let end = calendar.startOfDay(toDay + 1)
        var result = [ZoneOffset(seconds: Int(calendar.offset(atSecond: start)))]
        var t = Date(timeIntervalSince1970: TimeInterval(start))
        while let next = calendar.zone.nextDaylightSavingTimeTransition(after: t),
            next.timeIntervalSince1970 < Double(end)
        {
            let second = Int64(next.timeIntervalSince1970.rounded(.down))
            let (wall, offset) = calendar.wallClock(atSecond: second)
            let day = CivilDate(dayNumber: Int((second + offset).floorDivided(by: 86400)))
            let clock =
                "\(wall / 3600 < 10 ? "0" : "")\(wall / 3600):\(wall % 3600 / 60 < 10 ? "0" : "")\(wall % 3600 / 60)"
            if Int(offset) != result.last?.seconds {
                result.append(ZoneOffset(seconds: Int(offset), since: "\(day) \(clock)"))
            }
            t = next
        }
        guard result.count > 3 else { return result }
        var distinct: [ZoneOffset] = []
        for o in result where !distinct.contains(where: { $0.seconds == o.seconds }) {
            distinct.append(ZoneOffset(seconds: o.seconds))
        }
        return distinct
    }
}
