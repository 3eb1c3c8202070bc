import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

/// Every reader turns a timestamp into an instant the same way (ReadContext.instant): a time without an offset is
/// read in the source zone, counted and noted, its milliseconds kept.
@Suite struct TimestampReadingTests {
    typealias H = IngestHarness

    @Test func cdrTimesWithoutAnOffsetAreCountedAndNotedLikeTheCallCSVs() throws {
        let text =
            AsteriskCDRTests.line(
                src: "13800000001", start: "2026-11-16 10:00:00", answer: "2026-11-16 10:00:12",
                end: "2026-11-16 10:05:12", duration: 312, billsec: 300, disposition: "ANSWERED", uniqueid: "1.1")
            + "\n"
        let h = try H.read(text)
        #expect(h.summary.format == .asteriskCDR)
        #expect(h.summary.timestampsWithoutOffset == 3)
        #expect(h.summary.notes.contains("3 timestamps without offset, read in Asia/Shanghai"))
        #expect(h.calls.first?.enqueuedAt == Instant(seconds: 1_794_794_400))
    }

    @Test func queueLogTableTimesAreReadInTheSourceZoneWithTheirMilliseconds() throws {
        let text = """
            time,callid,queuename,agent,event,data1,data2,data3
            2026-11-16 10:00:00.250,c1,IT,NONE,ENTERQUEUE,,13800000001,1
            2026-11-16 10:00:12.250,c1,IT,Agent/1127,CONNECT,12,c1b,2
            2026-11-16 10:05:12.250,c1,IT,Agent/1127,COMPLETECALLER,12,300,1

            """
        let h = try H.read(text)
        #expect(h.summary.format == .asteriskQueueLog)
        #expect(h.summary.timestampsWithoutOffset == 3)
        let call = try #require(h.calls.first)
        #expect(call.enqueuedAt == Instant(milliseconds: 1_794_794_400_250))
    }

    @Test func anOffsetOtherThanTheReportZonesIsNotedForQueueLogTablesToo() throws {
        let text = """
            time,callid,queuename,agent,event,data1,data2,data3
            2026-11-16T02:00:00Z,c1,IT,NONE,ENTERQUEUE,,13800000001,1
            2026-11-16T02:00:12Z,c1,IT,Agent/1127,CONNECT,12,c1b,2
            2026-11-16T02:05:12Z,c1,IT,Agent/1127,COMPLETECALLER,12,300,1

            """
        let h = try H.read(text)
        #expect(h.summary.timestampsWithoutOffset == 0)
        #expect(h.summary.offsetOtherThanZone == 0, "\(h.summary)")
        #expect(h.calls.first?.enqueuedAt == Instant(seconds: 1_794_794_400))
    }

    /// The offsets a reader has checked against the report zone's are kept for the span of time the zone keeps that
    /// offset, not beyond: across a change of the clocks the same offset is no longer the zone's.
    @Test(
        arguments: [
            // Europe/Berlin springs forward at 01:00 UTC on 2026-03-29 (+01:00 -> +02:00).
            (["2026-03-28T12:00:00+01:00", "2026-03-29T00:30:00+01:00", "2026-03-29T03:30:00+02:00"], nil),
            (["2026-03-29T00:30:00+01:00", "2026-03-29T03:30:00+02:00", "2026-03-29T02:45:00+01:00"], 3600),
            (["2026-03-29T03:30:00+02:00", "2026-03-29T00:30:00+02:00"], 7200),
            (["2026-03-29T00:30:00+01:00", "2026-03-29T00:40:00+01:00", "2026-03-29T00:50:00+02:00"], 7200),
        ] as [([String], Int?)])
    func anOffsetIsCheckedAgainstTheZonesAtItsOwnInstant(times: [String], other: Int?) throws {
        let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
        let context = ReadContext(symbols: SymbolTable(), calendar: LocalCalendar(zone: zone))
        var withoutOffset = 0
        var otherOffset: Int?
        for time in times {
            let instant = Array(time.utf8).withUnsafeBufferPointer {
                context.instant($0, withoutOffset: &withoutOffset, otherOffset: &otherOffset)
            }
            #expect(instant.flatMap { $0 } != nil, "\(time)")
        }
        #expect(otherOffset == other)
        #expect(withoutOffset == 0)
    }
}
