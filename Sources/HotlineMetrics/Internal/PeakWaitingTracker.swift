import HotlineModel

/// The largest number of calls waiting at the same moment, per interval: a sweep over enqueue and leave-queue
/// instants at 1-second resolution.
///
/// Each call adds +1 at its enqueue second and -1 at the second it leaves the queue (a call waits over
/// [enqueue, leave)), in pages of one hour of per-second deltas; a prefix sum in time order gives the number
/// waiting each second. Merging two trackers adds their deltas.
///
/// - Complexity: O(1) per call; O(seconds covered) to finish; memory 14 KB per hour with calls.
struct PeakWaitingTracker {
    private var pages: [Int64: [Int32]] = [:]

    mutating func add(enqueued: Instant, wait: Milliseconds) {
        let start = enqueued.seconds
        let end = (enqueued + wait).seconds
        guard end > start else { return }
        pages[start.floorDivided(by: 3600), default: Self.emptyPage][Int(start - start.floorDivided(by: 3600) * 3600)] += 1
        pages[end.floorDivided(by: 3600), default: Self.emptyPage][Int(end - end.floorDivided(by: 3600) * 3600)] -= 1
        // Hours crossed in between must exist so the sweep sees the calls still waiting there.
        var hour = start.floorDivided(by: 3600) + 1
        while hour < end.floorDivided(by: 3600) {
            if pages[hour] == nil { pages[hour] = Self.emptyPage }
            hour += 1
        }
    }

    private static let emptyPage = [Int32](repeating: 0, count: 3600)

    /// Peaks per wall-clock slot of the day, per (day, elapsed interval), per day, and overall.
    func peaks(calendar: LocalCalendar, slotsPerDay: Int) -> Peaks {
        var result = Peaks(bySlot: Array(repeating: 0, count: slotsPerDay))
        var running: Int32 = 0
        var previousHour: Int64?
        for hour in pages.keys.sorted() {
            // Safe: the key comes from the dictionary.
            let page = pages[hour]!
            if let previousHour, hour != previousHour + 1 { running = 0 }
            previousHour = hour
            for second in 0..<3600 {
                running += page[second]
                guard running > 0 else { continue }
                let t = hour * 3600 + Int64(second)
                let stamp = calendar.stamp(Instant(seconds: t))
                let peak = Int(running)
                let slot = Int(stamp.secondOfDay) / Int(calendar.intervalSeconds)
                if peak > result.bySlot[slot] { result.bySlot[slot] = peak }
                let key = DayInterval(day: stamp.day, interval: stamp.interval)
                if peak > result.byDayInterval[key, default: 0] { result.byDayInterval[key] = peak }
                if peak > result.byDay[stamp.day, default: 0] { result.byDay[stamp.day] = peak }
                if peak > result.overall { result.overall = peak }
            }
        }
        return result
    }

    struct Peaks {
        var bySlot: [Int]
        var byDayInterval: [DayInterval: Int] = [:]
        var byDay: [Int32: Int] = [:]
        var overall = 0
    }
}

/// A local day and an interval counted in elapsed time from its first instant.
public struct DayInterval: Hashable, Sendable, Comparable {
    public var day: Int32
    public var interval: Int32

    public static func < (a: DayInterval, b: DayInterval) -> Bool { (a.day, a.interval) < (b.day, b.interval) }
}
