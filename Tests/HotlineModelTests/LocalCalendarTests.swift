import Foundation
import Testing

@testable import HotlineModel

@Suite struct LocalCalendarTests {
    let berlin = LocalCalendar(zone: TimeZone(identifier: "Europe/Berlin") ?? .gmt, intervalMinutes: 30)
    let shanghai = LocalCalendar(zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt, intervalMinutes: 30)

    func day(_ text: String) -> Int { CivilDate(parsing: text)?.dayNumber ?? 0 }

    @Test func springForwardDayHas23HoursAnd46Intervals() {
        #expect(berlin.lengthOfDay(day("2026-03-29")) == 23 * 3600)
        #expect(berlin.intervalCount(onDay: day("2026-03-29")) == 46)
    }

    @Test func fallBackDayHas25HoursAnd50Intervals() {
        #expect(berlin.lengthOfDay(day("2026-10-25")) == 25 * 3600)
        #expect(berlin.intervalCount(onDay: day("2026-10-25")) == 50)
        #expect(berlin.lengthOfDay(day("2026-10-26")) == 24 * 3600)
    }

    @Test func theRepeatedHourFallsInDifferentIntervalsButTheSameWallClockHour() {
        // 2026-10-25 02:30 CEST = 00:30Z, and 02:30 CET = 01:30Z.
        let first = berlin.stamp(Instant(seconds: 1_792_888_200))
        let second = berlin.stamp(Instant(seconds: 1_792_891_800))
        #expect(first.day == second.day)
        #expect(first.hour == 2 && second.hour == 2)
        #expect(first.interval == 5)
        #expect(second.interval == 7)
    }

    @Test func shanghaiLocalDayStartsAtSixteenHundredUTC() {
        let start = shanghai.startOfDay(day("2026-11-16"))
        #expect(start == Int64(day("2026-11-15")) * 86400 + 16 * 3600)
        let stamp = shanghai.stamp(Instant(seconds: start + 10 * 3600 + 15 * 60))
        #expect(stamp.day == Int32(day("2026-11-16")))
        #expect(stamp.hour == 10)
        #expect(stamp.interval == 20)
        #expect(stamp.weekday == 0)
    }

    @Test func ambiguousWallTimeTakesItsFirstOccurrence() {
        let wall = Int64(day("2026-10-25")) * 86400 + 2 * 3600 + 30 * 60
        #expect(berlin.utcSecond(fromWall: wall) == wall - 7200)
    }

    @Test func nonexistentWallTimeMovesPastTheGap() {
        let wall = Int64(day("2026-03-29")) * 86400 + 2 * 3600 + 30 * 60
        // Read with the offset before the change (+01:00): 01:30Z, which is 03:30 CEST.
        #expect(berlin.utcSecond(fromWall: wall) == wall - 3600)
    }
}

@Suite struct DayStartCacheTests {
    /// Day starts looked up in any order, many more days than the day index starts with (it grows on the way), are
    /// the ones a calendar that never looked up another day gives (New York: 23- and 25-hour days among them).
    @Test func dayStartsInAnyOrderAreTheDaysOwn() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        let calendar = LocalCalendar(zone: zone)
        let first = CivilDate(year: 2025, month: 1, day: 1).dayNumber
        var days = Array(first..<(first + 800))
        days += days.map { $0 + 256 } + days.reversed()
        for day in days {
            #expect(calendar.startOfDay(day) == LocalCalendar(zone: zone).startOfDay(day), "\(day)")
        }
    }
}
