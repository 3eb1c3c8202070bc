import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

/// calls-csv IVR columns (docs/FORMATS.md): `ivr_path`, `ivr_s`, and calls that ended in the menus.
@Suite struct IVRCallsCSVTests {
    typealias H = IngestHarness

    static let header = "call_id,queue,category,caller,enqueued_at,answered_at,ended_at,wait_s,outcome,ivr_path,ivr_s"

    @Test func callsThatEndedInTheMenusAreReadWithoutAQueueAndWithoutAWait() throws {
        let text =
            [
                Self.header,
                "I1,,,13800000001,2026-11-16T10:00:00+08:00,,2026-11-16T10:01:10+08:00,,self_served,主菜单>查询>余额,70",
                "I2,,,13800000002,2026-11-16T10:02:00+08:00,,2026-11-16T10:02:40+08:00,,ivr_abandoned,主菜单>支付,40.5",
                "Q1,hotline,,13800000003,2026-11-16T10:03:00+08:00,2026-11-16T10:03:30+08:00,2026-11-16T10:06:00+08:00,30,answered,主菜单>支付>支付失败,25",
            ].joined(separator: "\n") + "\n"
        let h = try H.read(text)
        #expect(h.rejects.isEmpty, "\(h.rejects)")
        #expect(h.calls.map(\.outcome) == [.selfServed, .ivrAbandoned, .answered])
        #expect(h.calls.map(\.ivrTime) == [70_000, 40_500, 25_000])
        #expect(h.calls[0].queue.isNone && h.calls[0].wait == 0)
        #expect(h.calls[1].wait == 0)
        #expect(h.calls.allSatisfy { $0.isIVRCall })
        // The menus' own category, for misroutes: 支付 is payment whatever the agent's label says.
        #expect(h.calls[2].ivrCategory == .payment)
    }

    @Test func aCallThatEndedInTheMenusWithAnAnswerTimeIsRejected() throws {
        let text =
            [
                Self.header,
                "I1,,,13800000001,2026-11-16T10:00:00+08:00,2026-11-16T10:00:30+08:00,2026-11-16T10:01:10+08:00,,self_served,主菜单,",
            ].joined(separator: "\n") + "\n"
        let h = try H.read(text)
        #expect(h.calls.isEmpty)
        #expect(h.rejects.first?.field == "answered_at")
        #expect(h.rejects.first?.detail == "set on a call whose outcome is self_served")
    }

    @Test func aTimeInTheMenusThatIsNotANumberIsRejectedNamingIvrS() throws {
        let text =
            [
                Self.header,
                "I1,,,13800000001,2026-11-16T10:00:00+08:00,,2026-11-16T10:01:10+08:00,,self_served,主菜单,long",
            ].joined(separator: "\n") + "\n"
        let h = try H.read(text)
        #expect(h.rejects.first?.field == "ivr_s")
        #expect(h.rejects.first?.kind == .badDuration)
    }
}
