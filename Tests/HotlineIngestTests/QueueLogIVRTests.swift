import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

/// The menus of queue_log calls: FreePBX's DID and INFO|IVRAPPEND events joined to their calls by callid.
@Suite struct QueueLogIVRTests {
    typealias H = IngestHarness
    /// 2026-11-16T10:00:00+08:00.
    static let zero: Int64 = 1_794_794_400

    /// A queue_log from `(seconds after zero, callid, queue, agent, event and data)` lines.
    static func log(_ lines: [(Int64, String, String, String, String)]) -> String {
        lines.map { "\(zero + $0.0)|\($0.1)|\($0.2)|\($0.3)|\($0.4)" }.joined(separator: "\n") + "\n"
    }

    static func read(_ text: String, configure: (ReadContext) -> Void = { _ in }) throws -> (
        harness: H, summaries: [InputSummary]
    ) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hotline-ivr-\(UUID().uuidString)")
            .path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return H.read(paths: [path], configure: configure)
    }

    static func selfService(_ nodes: Set<String>) -> (ReadContext) -> Void {
        { $0.mappings.ivr.selfService = nodes }
    }

    static let queued = log([
        (0, "1.1", "NONE", "NONE", "DID|4008001234"),
        (8, "1.1", "NONE", "NONE", "INFO|IVRAPPEND|2|ivr-1|主菜单"),
        (15, "1.1", "NONE", "NONE", "INFO|IVRAPPEND|1|ivr-2|账单"),
        (20, "1.1", "billing", "NONE", "ENTERQUEUE||13800000001|1"),
        (30, "1.1", "billing", "Agent/1001", "CONNECT|10|1.9|2"),
        (130, "1.1", "billing", "Agent/1001", "COMPLETECALLER|10|100|1"),
    ])

    @Test func aQueuedCallGetsTheMenusItChoseInAndTheTimeFromItsDIDToTheQueue() throws {
        let (h, summaries) = try Self.read(Self.queued)
        let call = try #require(h.calls.first)
        #expect(h.calls.count == 1 && call.outcome == .answered)
        #expect(h.symbols[call.ivrPath] == "主菜单>账单")
        #expect(call.ivrTime == 20_000)
        #expect(h.symbols[call.queue] == "billing" && call.wait == 10_000)
        #expect(summaries[0].rejected == 0 && summaries[0].accepted == 6)
        #expect(summaries[0].notes.contains("3 DID and IVRAPPEND events joined to their calls by callid"))
    }

    @Test func menuChoicesWithoutAQueueAreAnIVRAbandonedCallFromTheFirstEventToTheLast() throws {
        let text = Self.log([
            (0, "2.1", "NONE", "NONE", "DID|4008001234"),
            (9, "2.1", "NONE", "NONE", "INFO|IVRAPPEND|3|ivr-1|主菜单"),
            (21, "2.1", "NONE", "NONE", "INFO|IVRAPPEND|1|ivr-3|支付"),
        ])
        let (h, summaries) = try Self.read(text)
        let call = try #require(h.calls.first)
        #expect(h.calls.count == 1)
        #expect(call.outcome == .ivrAbandoned && call.queue.isNone && call.answeredAt == nil)
        #expect(h.symbols[call.ivrPath] == "主菜单>支付")
        #expect(call.enqueuedAt == Instant(seconds: Self.zero) && call.endedAt == Instant(seconds: Self.zero + 21))
        #expect(call.ivrTime == 21_000 && call.wait == 0)
        #expect(call.callKey == CallRecord.key("2.1"))
        #expect(summaries[0].rejected == 0)
        #expect(summaries[0].notes.contains { $0.hasPrefix("1 call chose in the menus (IVRAPPEND) and never entered") })
    }

    @Test func aPathThatEndsAtAnInnerNodeEndsThere() throws {
        // The caller chose in the top menu only and hung up in the next one, which writes nothing until a choice.
        let text = Self.log([(5, "3.1", "NONE", "NONE", "INFO|IVRAPPEND|2|ivr-1|主菜单")])
        let h = try Self.read(text).harness
        let call = try #require(h.calls.first)
        #expect(call.outcome == .ivrAbandoned && call.ivrTime == 0)
        #expect(h.symbols[call.ivrPath] == "主菜单")
    }

    @Test func theLastChoiceInASelfServiceMenuOrOfASelfServiceChoiceIsSelfServed() throws {
        let text = Self.log([
            (0, "4.1", "NONE", "NONE", "INFO|IVRAPPEND|2|ivr-1|主菜单"),
            (10, "4.1", "NONE", "NONE", "INFO|IVRAPPEND|1|ivr-4|余额查询"),
            (20, "4.2", "NONE", "NONE", "INFO|IVRAPPEND|9|ivr-1|主菜单"),
            (30, "4.3", "NONE", "NONE", "INFO|IVRAPPEND|2|ivr-1|主菜单"),
        ])
        let configured = try Self.read(text, configure: Self.selfService(["余额查询", "ivr-1:9"])).harness
        let outcomes = configured.calls.sorted { $0.enqueuedAt < $1.enqueuedAt }.map(\.outcome)
        #expect(outcomes == [.selfServed, .selfServed, .ivrAbandoned])
        // Nothing configured: every call that stayed in the menus hung up there.
        let plain = try Self.read(text).harness
        #expect(plain.calls.allSatisfy { $0.outcome == .ivrAbandoned })
    }

    @Test func aMenuWithoutANameIsNamedByItsIDAndAMenuChosenInTwiceIsOneNode() throws {
        let text = Self.log([
            (0, "5.1", "NONE", "NONE", "INFO|IVRAPPEND|7|ivr-1|主菜单"),
            (6, "5.1", "NONE", "NONE", "INFO|IVRAPPEND|2|ivr-1|主菜单"),
            (12, "5.1", "NONE", "NONE", "INFO|IVRAPPEND|1|ivr-9|"),
            (18, "5.1", "NONE", "NONE", "INFO|IVRAPPEND|1|ivr-10|退款>退货"),
            (25, "5.1", "hotline", "NONE", "ENTERQUEUE||13800000005|1"),
            (40, "5.1", "hotline", "NONE", "ABANDON|1|1|15"),
        ])
        let (h, _) = try Self.read(text)
        let call = try #require(h.calls.first)
        #expect(h.symbols[call.ivrPath] == "主菜单>ivr-9>退款/退货")
        #expect(call.outcome == .abandoned && call.ivrTime == 25_000)
    }

    @Test func anIVRAPPENDWithoutAMenuIsRejectedNamingTheField() throws {
        let text = Self.log([(0, "6.1", "NONE", "NONE", "INFO|IVRAPPEND|1||")])
        let (h, summaries) = try Self.read(text)
        #expect(h.calls.isEmpty)
        #expect(summaries[0].rejected == 1)
        #expect(h.rejects.first?.field == "data3" && h.rejects.first?.line == 1)
    }

    @Test func aDIDWithoutAMenuChoiceGivesTheQueuedCallNoPathAndAloneIsOnlyCounted() throws {
        let text = Self.log([
            (0, "7.1", "NONE", "NONE", "DID|4008001234"),
            (2, "7.1", "hotline", "NONE", "ENTERQUEUE||13800000007|1"),
            (9, "7.1", "hotline", "NONE", "ABANDON|1|1|7"),
            (60, "7.2", "NONE", "NONE", "DID|4008001234"),
        ])
        let (h, summaries) = try Self.read(text)
        #expect(h.calls.count == 1 && h.calls[0].ivrPath.isNone && h.calls[0].ivrTime == nil)
        #expect(summaries[0].notes.contains("1 DID event of callids that reached no menu choice and no queue"))
        #expect(summaries[0].rejected == 0)
    }

    @Test func menusSilentForAnHourOfLogTimeEndBeforeTheLaterCallsNotAtTheEnd() throws {
        let text = Self.log([
            (0, "8.1", "NONE", "NONE", "INFO|IVRAPPEND|2|ivr-1|主菜单"),
            (7200, "8.2", "hotline", "NONE", "ENTERQUEUE||13800000008|1"),
            (7210, "8.2", "hotline", "NONE", "ABANDON|1|1|10"),
        ])
        let (h, _) = try Self.read(text)
        #expect(h.calls.map(\.outcome) == [.ivrAbandoned, .abandoned])
    }

    @Test func pendingMenusStayWithinTheirBoundHoweverManyCallidsNeverReachAQueue() {
        var table = PendingIVRTable(limit: 8)
        var left = 0
        for i in 0..<1000 {
            let at = Int64(i)  // all within the hour: only the bound makes them leave
            table[UInt64(i + 1)] = PendingIVRTable.Entry(
                key: UInt64(i + 1), firstAt: at, lastAt: at, path: Symbol(rawValue: 1), lastNode: Symbol(rawValue: 1),
                selfService: false, location: RecordLocation(file: 0, line: Int32(i + 1)))
            let gone = table.expired(at: at)
            #expect(gone.map(\.location.line) == gone.map(\.location.line).sorted())
            left += gone.count
            #expect(table.count <= 8)
        }
        #expect(left + table.drain().count == 1000)
    }

    @Test func anOpenCallKeepsItsMenusThroughTheSpill() {
        var table = OpenCallTable(limit: 2)
        for i in 1...5 {
            table.open(
                key: UInt64(i), callID: "9.\(i)", enqueuedAt: Instant(seconds: Int64(i)), queue: .none, caller: nil,
                location: RecordLocation(file: 0, line: Int32(i)))
            let position = table.position(of: UInt64(i)) ?? -1
            table[position].ivrPath = Symbol(rawValue: UInt32(10 + i))
            table[position].ivrMillis = Int32(i * 1000)
        }
        for i in 1...5 {
            let position = table.position(of: UInt64(i)) ?? -1
            #expect(table[position].ivrPath == Symbol(rawValue: UInt32(10 + i)))
            #expect(table[position].ivrMillis == Int32(i * 1000))
        }
    }
}
