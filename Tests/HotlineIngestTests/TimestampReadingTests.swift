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
}
