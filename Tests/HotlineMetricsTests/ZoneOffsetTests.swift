import Foundation
import HotlineMetrics
import HotlineModel
import Testing

@Suite struct ZoneOffsetTests {
    func offsets(_ zone: String, _ from: String, _ to: String) throws -> [ZoneOffset] {
        let calendar = LocalCalendar(zone: try ZoneName.zone(zone), intervalMinutes: 30)
        let first = try #require(CivilDate(parsing: from)).dayNumber
        let last = try #require(CivilDate(parsing: to)).dayNumber
        return ZoneOffset.offsets(of: calendar, fromDay: first, toDay: last)
    }

    @Test func aShanghaiPeriodHasOneOffset() throws {
        #expect(try offsets("Asia/Shanghai", "2026-11-01", "2026-11-30") == [ZoneOffset(seconds: 28800)])
    }

    @Test func aPeriodAcrossTheAutumnChangeShowsBothOffsetsAndWhenTheSecondBegan() throws {
        #expect(
            try offsets("Europe/Berlin", "2026-10-24", "2026-10-26") == [
                ZoneOffset(seconds: 7200), ZoneOffset(seconds: 3600, since: "2026-10-25 02:00"),
            ])
        #expect(try offsets("Europe/Berlin", "2026-10-26", "2026-10-26") == [ZoneOffset(seconds: 3600)])
    }

    @Test func aYearListsItsDistinctOffsetsWithoutDates() throws {
        #expect(
            try offsets("Europe/Berlin", "2025-01-01", "2026-12-31") == [
                ZoneOffset(seconds: 3600), ZoneOffset(seconds: 7200),
            ])
    }

    @Test func aFixedOffsetHasOneOffsetWhateverThePeriod() throws {
        #expect(try offsets("-05:00", "2025-01-01", "2026-12-31") == [ZoneOffset(seconds: -18000)])
    }
}
