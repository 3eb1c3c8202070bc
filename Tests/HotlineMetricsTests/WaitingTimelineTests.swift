import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

/// The waiting timeline the nightly store keeps per day, from which several sites' peaks merge exactly.
struct WaitingTimelineTests {
    static let shanghai = LocalCalendar(zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt, intervalMinutes: 30)
    static let newYork = LocalCalendar(zone: TimeZone(identifier: "America/New_York") ?? .gmt, intervalMinutes: 30)

    /// A tracker over `calls` (enqueue second, wait seconds) and its peaks and timelines of `days`.
    static func swept(_ calls: [(Int64, Int64)], calendar: LocalCalendar, days: ClosedRange<Int32>)
        -> PeakWaitingTracker.Peaks
    {
        let tracker = PeakWaitingTracker()
        for (at, wait) in calls { tracker.add(enqueued: Instant(seconds: at), wait: wait * 1000) }
        return tracker.peaks(calendar: calendar, slotsPerDay: 48, timelineDays: days)
    }

    /// Random calls around `day`, some waiting across its midnights.
    static func calls(around day: Int32, calendar: LocalCalendar, seed: UInt64, count: Int) -> [(Int64, Int64)] {
        var state = seed
        func next(_ bound: Int64) -> Int64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((state >> 33) % UInt64(bound))
        }
        let start = calendar.startOfDay(Int(day)) - 3600
        let span = calendar.lengthOfDay(Int(day)) + 7200
        return (0..<count).map { _ in (start + next(span), next(5) == 0 ? next(4000) : next(300)) }
    }

    @Test func aDaysTimelineGivesTheSamePeaksAsTheSweep() {
        let day = Int32(CivilDate(year: 2026, month: 11, day: 10).dayNumber)
        let calls = Self.calls(around: day, calendar: Self.shanghai, seed: 7, count: 3000)
        let swept = Self.swept(calls, calendar: Self.shanghai, days: day...day)
        let timeline = swept.timelines[day] ?? WaitingTimeline()
        #expect(!timeline.isEmpty)
        #expect(timeline.peaks(day: day, calendar: Self.shanghai, slotsPerDay: 48) == swept.byDaySlot[day])
    }

    @Test func aCallWaitingOverMidnightStartsTheNextDaysTimeline() {
        let day = Int32(CivilDate(year: 2026, month: 11, day: 10).dayNumber)
        let midnight = Self.shanghai.startOfDay(Int(day) + 1)
        let swept = Self.swept([(midnight - 60, 120)], calendar: Self.shanghai, days: day...(day + 1))
        let next = swept.timelines[day + 1] ?? WaitingTimeline()
        #expect(next.seconds == [0, 60] && next.counts == [1, 0])
        #expect(next.peaks(day: day + 1, calendar: Self.shanghai, slotsPerDay: 48).first == 1)
    }

    @Test func onTheDayClocksFallBackTheTimelineGivesTheSweepsPeaks() {
        // 2026-11-01, America/New_York: 25 hours, 01:00-02:00 twice.
        let day = Int32(CivilDate(year: 2026, month: 11, day: 1).dayNumber)
        let calls = Self.calls(around: day, calendar: Self.newYork, seed: 11, count: 2000)
        let swept = Self.swept(calls, calendar: Self.newYork, days: day...day)
        let timeline = swept.timelines[day] ?? WaitingTimeline()
        #expect(timeline.peaks(day: day, calendar: Self.newYork, slotsPerDay: 48) == swept.byDaySlot[day])
    }

    @Test func twoSitesPeakAsTheirCallsWaitingTogetherNotAsTheSumOfTheirPeaks() {
        let day = Int32(CivilDate(year: 2026, month: 11, day: 10).dayNumber)
        let a = Self.calls(around: day, calendar: Self.shanghai, seed: 1, count: 2000)
        let b = Self.calls(around: day, calendar: Self.shanghai, seed: 2, count: 1500)
        let together = Self.swept(a + b, calendar: Self.shanghai, days: day...day)
        let siteA = Self.swept(a, calendar: Self.shanghai, days: day...day)
        let siteB = Self.swept(b, calendar: Self.shanghai, days: day...day)
        let sum = WaitingTimeline.sum([
            siteA.timelines[day] ?? WaitingTimeline(), siteB.timelines[day] ?? WaitingTimeline(),
        ])
        #expect(sum == together.timelines[day])
        let merged = sum.peaks(day: day, calendar: Self.shanghai, slotsPerDay: 48)
        #expect(merged == together.byDaySlot[day])
        let added = zip(siteA.byDaySlot[day] ?? [], siteB.byDaySlot[day] ?? []).map { $0 + $1 }
        #expect(merged != added, "the sample must tell an exact merge from adding peaks")
    }

    @Test func mergingSitesAddsTheirRowsAndTakesPeaksFromTheSummedTimeline() {
        let day = Int32(CivilDate(year: 2026, month: 11, day: 10).dayNumber)
        let start = Self.shanghai.startOfDay(Int(day)) + 10 * 3600
        func site(_ calls: [(Int64, Int64)], agents: [Int]) -> DaySnapshot {
            var snap = DaySnapshot(day: day)
            let swept = Self.swept(calls, calendar: Self.shanghai, days: day...day)
            snap.peaks = swept.byDaySlot[day] ?? []
            snap.waiting = swept.timelines[day]
            snap.agentsBySlot = agents
            snap.ticketsSolvedWithoutTime = 1
            return snap
        }
        // A's call waits 10:00:00-10:00:20, B's 10:00:30-10:00:50: never together.
        let a = site([(start, 20)], agents: [1, 2])
        let b = site([(start + 30, 20)], agents: [3])
        let (merged, exact) = DaySnapshot.mergingSites([a, b], calendar: Self.shanghai, slotsPerDay: 48)
        #expect(exact)
        #expect(merged.peaks[20] == 1)
        #expect(merged.agentsBySlot == [4, 2])
        #expect(merged.ticketsSolvedWithoutTime == 2)
        // A site stored before the timeline: its peaks are added, and the merge says so.
        var old = b
        old.waiting = nil
        let (bounded, boundedExact) = DaySnapshot.mergingSites([a, old], calendar: Self.shanghai, slotsPerDay: 48)
        #expect(!boundedExact && bounded.peaks[20] == 2)
    }

    @Test func aSnapshotKeepsItsTimelineAndAnOlderOneReadsWithout() throws {
        let day = Int32(CivilDate(year: 2026, month: 11, day: 10).dayNumber)
        let swept = Self.swept(
            Self.calls(around: day, calendar: Self.shanghai, seed: 3, count: 500), calendar: Self.shanghai,
            days: day...day)
        var snap = DaySnapshot(day: day)
        snap.peaks = swept.byDaySlot[day] ?? []
        snap.waiting = swept.timelines[day]
        #expect(try DaySnapshot(decoding: snap.encoded()) == snap)
        var unkept = snap
        unkept.waiting = nil
        #expect(try DaySnapshot(decoding: unkept.encoded()).waiting == nil)
    }
}
