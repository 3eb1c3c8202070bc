import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

/// The peak-waiting sweep against a count of every second: the sweep visits only the seconds where the count
/// can change a peak, and must give the same peaks in every kind of zone.
struct PeakWaitingSweepTests {
    /// Random calls over three days around `day`: short and long waits, some over midnight or for hours.
    static func calls(around day: Int32, calendar: LocalCalendar, seed: UInt64) -> [(Int64, Int64)] {
        var state = seed
        func next(_ bound: Int64) -> Int64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((state >> 33) % UInt64(bound))
        }
        let start = calendar.startOfDay(Int(day) - 1)
        let span = calendar.startOfDay(Int(day) + 2) - start
        return (0..<1500).map { _ in
            let wait = next(20) == 0 ? next(10 * 3600) : next(8) == 0 ? next(4000) : next(300)
            return (start + next(span), wait)
        }
    }

    /// Per local day, the most calls waiting in each slot and in the day, counting every second.
    static func counted(_ calls: [(Int64, Int64)], calendar: LocalCalendar, slotsPerDay: Int)
        -> (byDaySlot: [Int32: [Int]], byDay: [Int32: Int])
    {
        let first = calls.map(\.0).min() ?? 0
        let last = calls.map { $0.0 + $0.1 }.max() ?? 0
        var deltas = [Int](repeating: 0, count: Int(last - first) + 1)
        for (at, wait) in calls where wait > 0 {
            deltas[Int(at - first)] += 1
            deltas[Int(at + wait - first)] -= 1
        }
        var byDaySlot: [Int32: [Int]] = [:]
        var byDay: [Int32: Int] = [:]
        let slotSeconds = 86400 / slotsPerDay
        var running = 0
        // The day being counted, kept out of the dictionaries until it changes.
        var day = Int32.min
        var peaks: [Int] = []
        func keep() { if day != .min { (byDaySlot[day], byDay[day]) = (peaks, peaks.max() ?? 0) } }
        for (offset, delta) in deltas.enumerated() {
            running += delta
            guard running > 0 else { continue }
            let stamp = calendar.stamp(Instant(seconds: first + Int64(offset)))
            if stamp.day != day {
                keep()
                day = stamp.day
                peaks = byDaySlot[day] ?? Array(repeating: 0, count: slotsPerDay)
            }
            let slot = Int(stamp.secondOfDay) / slotSeconds
            peaks[slot] = max(peaks[slot], running)
        }
        keep()
        return (byDaySlot, byDay)
    }

    @Test(arguments: [
        ("Asia/Shanghai", 2026, 11, 10), ("America/New_York", 2026, 11, 1), ("America/New_York", 2026, 3, 8),
        ("Asia/Kathmandu", 2026, 11, 10), ("Australia/Lord_Howe", 2026, 4, 5),
    ])
    func theSweepGivesThePeaksOfCountingEverySecond(zone: String, year: Int, month: Int, dayOfMonth: Int) throws {
        let day = Int32(CivilDate(year: year, month: month, day: dayOfMonth).dayNumber)
        for minutes in [15, 30, 60] {
            let calendar = LocalCalendar(zone: try #require(TimeZone(identifier: zone)), intervalMinutes: minutes)
            let calls = Self.calls(around: day, calendar: calendar, seed: UInt64(minutes) &* 31 &+ UInt64(day))
            let tracker = PeakWaitingTracker()
            for (at, wait) in calls { tracker.add(enqueued: Instant(seconds: at), wait: wait * 1000) }
            let slotsPerDay = 1440 / minutes
            let expected = Self.counted(calls, calendar: calendar, slotsPerDay: slotsPerDay)
            let peaks = tracker.peaks(calendar: calendar, slotsPerDay: slotsPerDay)
            #expect(peaks.byDaySlot == expected.byDaySlot, "\(zone), \(minutes) minutes")
            #expect(peaks.byDay == expected.byDay, "\(zone), \(minutes) minutes")
            // With the timelines of the three days: the same peaks, and each timeline gives its day's.
            let days = (day - 1)...(day + 1)
            let withTimelines = tracker.peaks(calendar: calendar, slotsPerDay: slotsPerDay, timelineDays: days)
            #expect(withTimelines.byDaySlot == expected.byDaySlot && withTimelines.byDay == expected.byDay)
            for timelineDay in days {
                let timeline = try #require(withTimelines.timelines[timelineDay])
                #expect(
                    timeline.peaks(day: timelineDay, calendar: calendar, slotsPerDay: slotsPerDay)
                        == expected.byDaySlot[timelineDay], "\(zone), \(minutes) minutes, day \(timelineDay)")
            }
        }
    }
}
