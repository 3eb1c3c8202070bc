import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

@Suite struct QueueLogTests {
    typealias H = IngestHarness
    static let allEvents = H.fixtures + "/queue_log-all-events"
    /// 2026-11-16T10:00:00+08:00, the fixture's time zero.
    static let zero = Instant(seconds: 1_794_794_400)

    func call(_ h: H, enqueuedAfter seconds: Double) -> CallRecord? {
        h.calls.first { $0.enqueuedAt == Self.zero + Milliseconds(seconds * 1000) }
    }

    @Test func everyEventLineIsAcceptedOrRejected() {
        let (h, summaries) = H.read(paths: [Self.allEvents])
        let s = summaries[0]
        #expect(s.format == .asteriskQueueLog)
        #expect(s.records == 40)
        #expect(s.accepted == 36)
        #expect(s.rejectedByKind == [.fieldCount: 1, .badTime: 1, .incompleteCall: 2])
        #expect(h.calls.count == 10)
    }

    @Test func callsAreRebuiltFromTheirEvents() throws {
        let (h, _) = H.read(paths: [Self.allEvents])
        let first = try #require(call(h, enqueuedAfter: 0.25))
        #expect(first.outcome == .answered)
        #expect(first.wait == 12_000 && first.talk == 300_000)
        #expect(h.symbols[first.agent] == "Agent/1002" && h.symbols[first.queue] == "hotline-cn")
        #expect(first.endedAt == Self.zero + 312_000)
        #expect(first.caller != nil)
        let outcomes = h.calls.sorted { $0.enqueuedAt < $1.enqueuedAt }.map(\.outcome)
        #expect(
            outcomes == [
                .answered, .answered, .transferred, .transferred, .transferred, .abandoned, .abandoned, .timeout,
                .timeout,
                .timeout,
            ])
        #expect(call(h, enqueuedAfter: 300)?.wait == 45_000)  // ABANDON's waittime
        #expect(call(h, enqueuedAfter: 540)?.wait == 20_000)  // EXITWITHKEY's waittime is data4
        #expect(call(h, enqueuedAfter: 360)?.caller == nil)  // anonymous
    }

    /// Found by `scripts/fuzz queue-log`: a time of 17 digits overflowed when made milliseconds (a trap).
    @Test func anEpochTooLargeForMillisecondsIsABadTimeNotACrash() {
        let (h, summaries) = H.read(paths: [H.fixtures + "/fuzz/queue_log-epoch-overflow"])
        let s = summaries[0]
        #expect(s.format == .asteriskQueueLog)
        #expect(s.accepted + s.rejected == s.records)
        #expect(h.rejects.contains { $0.line == 6 && $0.kind == .badTime })
    }

    @Test func theCallThatNeverEndedIsRejectedEventByEventWithItsLines() {
        let (h, _) = H.read(paths: [Self.allEvents])
        let incomplete = h.rejects.filter { $0.kind == .incompleteCall }
        #expect(incomplete.map(\.line) == [34, 35])
        #expect(incomplete.first?.detail == "call 1794795000.11 entered the queue and never ended")
        let malformed = h.rejects.filter { $0.kind != .incompleteCall }.map { "\($0.line): \($0.field)" }
        #expect(malformed == ["37: record", "38: time"])
    }

    @Test func systemAgentAndUnknownEventsAreCountedNotRejected() {
        let (_, summaries) = H.read(paths: [Self.allEvents])
        #expect(summaries[0].notes.contains("events not used by the call figures: WEIRDEVENT 1"))
        #expect(summaries[0].notes.contains { $0.hasPrefix("2 system events skipped") })
        // The DID joins its call by callid; without a menu choice it gives the call nothing.
        #expect(summaries[0].notes.contains("1 DID and IVRAPPEND events joined to their calls by callid"))
        #expect(summaries[0].notes.contains { $0.hasPrefix("7 agent events") })
    }

    @Test func rotatedFilesAreReadInTheOrderOfTheirFirstEventAndCallsContinueAcrossThem() {
        // Given newest first, as a name sort of queue_log, queue_log.1 would.
        let (h, summaries) = H.read(paths: [H.fixtures + "/rotated/queue_log", H.fixtures + "/rotated/queue_log.1"])
        #expect(h.rejects.isEmpty)
        #expect(h.calls.count == 2)
        #expect(h.calls.map(\.outcome) == [.answered, .answered])
        #expect(summaries.map(\.rejected) == [0, 0])
        #expect(summaries[0].records == 2)  // the file without a final newline loses nothing
    }

    @Test func aTableExportWithHoldAndTalkColumnsGivesTheSameCall() throws {
        let text = """
            uid,date_time,callid,queue_name,type,event,param1,param2,param3,entpos,expos,htime,ttime,time
            1,1794794400,c1,IT,NONE,ENTERQUEUE,13800000001,,,1,0,0,0,"2026-11-16 10:00:00"
            2,1794794412,c1,IT,Agent/1127,CONNECT,,c1b,2,0,0,12,0,"2026-11-16 10:00:12"
            3,1794794712,c1,IT,Agent/1127,COMPLETECALLER,13800000001,,,1,0,12,300,"2026-11-16 10:05:12"

            """
        let h = try H.read(text)
        let call = try #require(h.calls.first)
        #expect(h.summary.format == .asteriskQueueLog)
        #expect(call.wait == 12_000 && call.talk == 300_000 && call.outcome == .answered)
        #expect(h.symbols[call.agent] == "Agent/1127")
        #expect(call.caller != nil)
    }

    @Test(arguments: [nil, InputFormat.asteriskQueueLog])
    func aRunOfNULBytesBetweenLinesIsSkippedAndCountedAndEveryCallIsRead(format: InputFormat?) throws {
        let lines = [
            "1794794400|1.1|hotline-cn|NONE|ENTERQUEUE||13800000001|1",
            "1794794412|1.1|hotline-cn|Agent/1001|CONNECT|12|1.2|3",
            "1794794712|1.1|hotline-cn|Agent/1001|COMPLETECALLER|12|300|1",
            "1794794800|1.3|hotline-cn|NONE|ENTERQUEUE||13800000002|1",
            "1794794830|1.3|hotline-cn|NONE|ABANDON|1|1|30",
        ]
        // The PBX went down after the third line: 78 NULs, then the log went on.
        let bytes =
            Array((lines[0..<3].joined(separator: "\n") + "\n").utf8) + [UInt8](repeating: 0, count: 78)
            + Array((lines[3...].joined(separator: "\n") + "\n").utf8)
        for chunk in [7, 64, 1 << 16] {
            let h = try H.read(bytes, chunk: chunk, format: format)
            #expect(h.summary.error?.reason == nil)
            #expect(h.summary.records == 5 && h.summary.accepted == 5 && h.rejects.isEmpty)
            #expect(h.calls.map(\.outcome) == [.answered, .abandoned])
            #expect(
                h.summary.notes.contains(
                    "78 NUL or control bytes between lines skipped (first before line 4); the lines around them were read"
                ))
        }
    }
}
