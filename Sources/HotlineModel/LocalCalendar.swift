import Foundation

/// Local days, wall-clock hours and intervals of instants in one time zone, daylight-saving safe.
///
/// A local day runs from its first instant to the next day's (23, 24 or 25 hours); intervals are counted in
/// elapsed time from that first instant, so a 25-hour day has 50 half-hour intervals. Hours and the time-of-day
/// rows of the reports use the wall clock, so "10:00" means 10:00 local on every day.
///
/// Zone look-ups are cached per span between two offset transitions, so the hot path is two comparisons.
/// Not thread-safe: one per pipeline.
public final class LocalCalendar: @unchecked Sendable {
    public let zone: TimeZone
    /// Interval length in seconds (900, 1800 or 3600).
    public let intervalSeconds: Int64

    private struct OffsetSpan {
        var start: Int64
        var end: Int64
        var offset: Int64
    }
    private var current = OffsetSpan(start: 0, end: 0, offset: 0)
    private var spans: [OffsetSpan] = []
    /// Day starts by day number, in a ``DenseIndex`` and its parallel array: business time and ticket days look up
    /// several days a ticket, and hashing each into a Dictionary was a tenth of reading a ticket export.
    private var days = DenseIndex<Int64>()
    private var dayStarts: [Int64] = []
    private var lastDay = Int.min
    private var lastDayStart: Int64 = 0
    private let calendar: Calendar

    public init(zone: TimeZone, intervalMinutes: Int = 30) {
        self.zone = zone
        self.intervalSeconds = Int64(intervalMinutes) * 60
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
    }

    /// Seconds east of UTC at the UTC second `t`, and UTC seconds around `t` with that same offset (no transition
    /// between any two of them): a reader checks the offsets its timestamps carry against it once per span.
    public func offsetSpan(atSecond t: Int64) -> (offset: Int64, seconds: Range<Int64>) {
        let offset = offset(atSecond: t)
        return (offset, current.start..<current.end)
    }

    /// Seconds east of UTC at the UTC second `t`.
    @inline(__always) public func offset(atSecond t: Int64) -> Int64 {
        if t >= current.start && t < current.end { return current.offset }
        return lookUpOffset(atSecond: t)
    }

    private func lookUpOffset(atSecond t: Int64) -> Int64 {
        if let span = spans.first(where: { t >= $0.start && t < $0.end }) {
            current = span
            return span.offset
        }
        let date = Date(timeIntervalSince1970: TimeInterval(t))
        let offset = Int64(zone.secondsFromGMT(for: date))
        let end =
            zone.nextDaylightSavingTimeTransition(after: date).map {
                Int64($0.timeIntervalSince1970.rounded(.down))
            } ?? Int64.max
        // Every instant before the same next transition has the same offset: widen that span.
        if let i = spans.firstIndex(where: { $0.end == end }) {
            spans[i].start = min(spans[i].start, t)
            current = spans[i]
        } else {
            current = OffsetSpan(start: t, end: end, offset: offset)
            spans.append(current)
        }
        return offset
    }

    /// Where an instant falls in local time.
    @inline(__always) public func stamp(_ instant: Instant) -> LocalStamp {
        let t = instant.seconds
        let wall = t + offset(atSecond: t)
        let day = Int(wall.floorDivided(by: 86400))
        let secondOfDay = Int32(wall - Int64(day) * 86400)
        let start = startOfDay(day)
        // Elapsed time since the day's first instant; clamped for a wall clock that falls back before it.
        let elapsed = max(0, t - start)
        return LocalStamp(day: Int32(day), secondOfDay: secondOfDay, interval: Int32(elapsed / intervalSeconds))
    }

    /// The UTC second at which local day `day` (days since 1970-01-01) begins.
    @inline(__always) public func startOfDay(_ day: Int) -> Int64 {
        if day == lastDay { return lastDayStart }
        let (index, inserted) = days.index(of: Int64(day))
        if inserted {
            let noonWall = Int64(day) * 86400 + 43200
            let noon = noonWall - offset(atSecond: noonWall - offset(atSecond: noonWall))
            let first = calendar.startOfDay(for: Date(timeIntervalSince1970: TimeInterval(noon)))
            dayStarts.append(Int64(first.timeIntervalSince1970.rounded(.down)))
        }
        let start = dayStarts[index]
        lastDay = day
        lastDayStart = start
        return start
    }

    /// Length of local day `day` in seconds: 86400, or 82800/90000 on daylight-saving days.
    public func lengthOfDay(_ day: Int) -> Int64 { startOfDay(day + 1) - startOfDay(day) }

    /// Number of intervals on local day `day`.
    public func intervalCount(onDay day: Int) -> Int {
        Int(lengthOfDay(day).ceilDivided(by: intervalSeconds))
    }

    /// Wall-clock seconds since local midnight at UTC second `t`, and the offset in force.
    public func wallClock(atSecond t: Int64) -> (secondOfDay: Int, offset: Int64) {
        let offset = offset(atSecond: t)
        let wall = t + offset
        return (Int(wall - wall.floorDivided(by: 86400) * 86400), offset)
    }

    /// The UTC second of a local wall-clock time given as seconds since 1970-01-01 local.
    ///
    /// An ambiguous time (clocks falling back) takes its first occurrence; a time that does not exist (clocks
    /// springing forward) is read with the offset before the change, which moves it past the gap.
    public func utcSecond(fromWall wall: Int64) -> Int64 {
        let before = offset(atSecond: wall - 86400)
        let after = offset(atSecond: wall + 86400)
        // No arrays here: business-time sums call this twice per working day of every ticket.
        let a = wall - before
        let b = wall - after
        let aFits = a + offset(atSecond: a) == wall
        let bFits = b + offset(atSecond: b) == wall
        if aFits && bFits { return min(a, b) }
        if bFits { return b }
        return a
    }
}

/// Where an instant falls in local time: its day, wall-clock second and elapsed-time interval.
public struct LocalStamp: Hashable, Sendable {
    /// Local days since 1970-01-01.
    public var day: Int32
    /// Wall-clock seconds since local midnight, 0..<86400.
    public var secondOfDay: Int32
    /// Interval index counted in elapsed time from the day's first instant.
    public var interval: Int32

    @inlinable @inline(__always) public var hour: Int { Int(secondOfDay) / 3600 }
    @inlinable @inline(__always) public var weekday: Int { CivilDate.weekday(ofDayNumber: Int(day)) }
}
