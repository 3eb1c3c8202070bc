import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

/// Exports re-saved by a spreadsheet: day-first or month-first dates, `H:MM:SS` durations.
@Suite struct DateOrderTests {
    typealias H = IngestHarness

    func timestamp(_ text: String, _ order: DateOrder) -> (wallMillis: Int64, offset: Int64?)? {
        Array(text.utf8).withUnsafeBufferPointer { ByteParsing.timestamp($0, order: order) }
    }

    /// 2025-01-25T13:30:00 as wall-clock milliseconds.
    static let wall: Int64 = (20113 * 86400 + 13 * 3600 + 30 * 60) * 1000

    @Test(arguments: [
        ("25/01/2025 13:30", DateOrder.dmy), ("25/1/2025 13:30:00", .dmy), ("25.01.2025 1:30 PM", .dmy),
        ("25-01-2025T13:30", .dmy), ("1/25/2025 1:30:00 pm", .mdy), ("01/25/2025 13:30", .mdy),
        ("2025-01-25T13:30:00", .dmy), ("2025-01-25 13:30", .mdy), ("2025-01-25 13:30", .ymd),
    ])
    func spreadsheetDatesReadInTheConfiguredOrder(text: String, order: DateOrder) throws {
        let parsed = try #require(timestamp(text, order))
        #expect(parsed.wallMillis == Self.wall && parsed.offset == nil)
    }

    @Test(arguments: [
        ("25/01/2025 13:30", DateOrder.ymd), ("25/01/2025 13:30", .mdy), ("01/25/2025 13:30", .dmy),
        ("31/02/2025 10:00", .dmy), ("25/01/25 10:00", .dmy), ("25/01/2025 25:00", .dmy), ("25/01/2025 1:30 XM", .dmy),
        ("25/01/2025 13:30 PM", .dmy), ("25/01/2025 10:00+08:00", .dmy),
    ])
    func datesTheOrderCannotReadAreRefused(text: String, order: DateOrder) {
        #expect(timestamp(text, order) == nil)
    }

    @Test(arguments: [("1-12-2025 10:00", DateOrder.dmy), ("12-1-2025 10:00", .mdy), ("1-12-2025T10:00", .dmy)])
    func aOneDigitDayOrMonthWithDashesIsNotTakenForAnISOYear(text: String, order: DateOrder) throws {
        // 2025-12-01T10:00 as wall-clock milliseconds.
        let parsed = try #require(timestamp(text, order))
        #expect(parsed.wallMillis == (20423 * 86400 + 10 * 3600) * 1000)
    }

    @Test func aDateOnlyIsMidnight() throws {
        #expect(try #require(timestamp("25/01/2025", .dmy)).wallMillis == 20113 * 86_400_000)
    }

    @Test(arguments: [
        ("0:02:14", 134_000), ("1:30:00", 5_400_000), ("12:00:01.5", 43_201_500), ("125", 125_000), ("7.25", 7250),
    ])
    func durationsAreSecondsOrHoursMinutesSeconds(text: String, millis: Int64) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { ByteParsing.duration($0) } == millis)
    }

    @Test(arguments: ["2:14", "0:60:00", "0:02:60", "-0:02:14", "0:2:14", "0:02:14:00", "a:02:14", "0:02:.5"])
    func malformedClockDurationsAreRefused(text: String) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { ByteParsing.duration($0) } == nil)
    }

    static let excelCalls = """
        call_id,queue,enqueued_at,answered_at,ended_at,wait_s,talk_s,outcome
        C1,hotline-cn,25/01/2025 1:30,25/01/2025 1:30:20,25/01/2025 1:35,0:00:20,0:04:40,answered
        C2,hotline-cn,02/03/2025 23:59:30,,03/03/2025 0:00:10,0:00:40,,abandoned

        """

    @Test func aDayFirstCallExportIsReadWithDateOrderDMY() throws {
        let h = try H.read(Array(Self.excelCalls.utf8), zone: "Asia/Shanghai") { $0.mappings.callsDateOrder = .dmy }
        #expect(h.summary.accepted == 2 && h.rejects.isEmpty, "\(h.rejects)")
        let c = h.calls[0]
        // 2025-01-25 01:30 in Shanghai is 2025-01-24 17:30 UTC.
        #expect(c.enqueuedAt == Instant(milliseconds: (20112 * 86400 + 17 * 3600 + 30 * 60) * 1000))
        #expect(c.wait == 20_000 && c.talk == 280_000)
        // Day first: 2 March, not 3 February.
        #expect(h.calls[1].enqueuedAt == Instant(milliseconds: (20149 * 86400 + 15 * 3600 + 59 * 60 + 30) * 1000))
        #expect(h.calls[1].wait == 40_000)
        #expect(h.summary.notes.contains("5 timestamps without offset, read in Asia/Shanghai"), "\(h.summary.notes)")
    }

    @Test func aMonthAboveTwelveSuggestsTheDayFirstOrder() throws {
        let h = try H.read(Array(Self.excelCalls.utf8))
        #expect(h.summary.accepted == 0 && h.rejects.count == 2)
        #expect(
            h.rejects[0].detail
                == "expected an ISO 8601 time, found '25/01/2025 1:30' (a month above 12? set calls_csv.date_order: dmy)"
        )
        // 02/03 could be either.
        #expect(h.rejects[1].detail.hasSuffix("(a spreadsheet's date? set calls_csv.date_order: dmy or mdy)"))
        let us = try H.read(Array(Self.excelCalls.utf8)) { $0.mappings.callsDateOrder = .mdy }
        #expect(us.rejects.first?.detail.hasSuffix("set calls_csv.date_order: dmy)") == true, "\(us.rejects)")
    }

    @Test func aDayFirstTicketExportIsReadWithItsOwnDateOrder() throws {
        let text = "id,created_at,solved_at,status\nT1,25/01/2025 9:00,26/01/2025 9:00,solved\n"
        let h = try H.read(Array(text.utf8)) { $0.mappings.ticketsDateOrder = .dmy }
        #expect(h.tickets.count == 1 && h.rejects.isEmpty, "\(h.rejects)")
        let t = try #require(h.tickets.first)
        #expect(t.solvedAt.map { $0 - t.createdAt } == 86_400_000)
        let plain = try H.read(Array(text.utf8)) { $0.mappings.callsDateOrder = .dmy }
        #expect(plain.rejects.first?.detail.hasSuffix("set tickets.csv.date_order: dmy)") == true, "\(plain.rejects)")
    }
}
