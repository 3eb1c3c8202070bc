import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

/// Asterisk CDR calls that ended in the menus: FreePBX `ivr-N` contexts, configured contexts, menu applications.
@Suite struct CDRIVRTests {
    typealias H = IngestHarness

    static func leg(
        context: String, app: String, data: String = "", dstChannel: String = "", seconds: Int = 40,
        uniqueid: String = "1.1", disposition: String = "ANSWERED", start: String = "2026-11-16 10:00:00"
    ) -> String {
        CDRCallTests.leg(
            dst: "s", context: context, dstChannel: dstChannel, app: app, data: data, start: start, answer: start,
            seconds: seconds, billsec: seconds, disposition: disposition, uniqueid: uniqueid)
    }

    static func read(_ rows: [String], configure: (ReadContext) -> Void = { _ in }) throws -> H {
        try H.read(Array((rows.joined(separator: "\n") + "\n").utf8), configure: configure)
    }

    @Test func aCallThatHungUpInAFreePBXMenuIsIVRAbandonedWithTheContextAsItsPath() throws {
        let h = try Self.read([Self.leg(context: "ivr-3", app: "BackGround", data: "custom/main-menu")])
        let call = try #require(h.calls.first)
        #expect(call.outcome == .ivrAbandoned && call.queue.isNone && call.answeredAt == nil)
        #expect(h.symbols[call.ivrPath] == "ivr-3")
        #expect(call.ivrTime == 40_000 && call.wait == 0 && call.talk == 0)
    }

    @Test func configuredContextsAreMenusUnderTheirNamesAndSelfServiceEndsAreSelfServed() throws {
        let rows = [
            Self.leg(context: "ivr-1", app: "WaitExten", seconds: 10, uniqueid: "1.1"),
            Self.leg(
                context: "balance-menu", app: "Playback", seconds: 30, uniqueid: "1.1", start: "2026-11-16 10:00:10"),
            Self.leg(context: "ivr-1", app: "Read", uniqueid: "2.2"),
        ]
        let h = try Self.read(rows) {
            $0.mappings.ivr.contexts = ["ivr-1": "主菜单", "balance-menu": "余额查询"]
            $0.mappings.ivr.selfService = ["余额查询"]
        }
        let byKey = Dictionary(uniqueKeysWithValues: h.calls.map { ($0.callKey, $0) })
        let served = try #require(byKey[CallRecord.key("1.1")])
        #expect(served.outcome == .selfServed && h.symbols[served.ivrPath] == "主菜单>余额查询")
        let abandoned = try #require(byKey[CallRecord.key("2.2")])
        #expect(abandoned.outcome == .ivrAbandoned && h.symbols[abandoned.ivrPath] == "主菜单")
    }

    @Test func aMenuApplicationOutsideAMenuContextEndsTheCallInTheIVRAtThatContext() throws {
        // An announcement the caller hung up on: before, an answered call in queue "app-announcement-1".
        let h = try Self.read([Self.leg(context: "app-announcement-1", app: "Playback", data: "closed")])
        let call = try #require(h.calls.first)
        #expect(call.outcome == .ivrAbandoned && h.symbols[call.ivrPath] == "app-announcement-1")
    }

    @Test func aCallBridgedFromAMenuToAnExtensionStaysAPlainCallThatWentThroughTheMenu() throws {
        let h = try Self.read([Self.leg(context: "ivr-3", app: "Dial", data: "SIP/201", dstChannel: "SIP/201-1")])
        let call = try #require(h.calls.first)
        #expect(call.outcome == .answered && h.symbols[call.queue] == "ivr-3")
        #expect(h.symbols[call.ivrPath] == "ivr-3" && call.ivrTime == nil)
    }

    @Test func aQueuedCallWithAMenuLegBeforeItsQueueLegGetsThePathAndTheTimeUntilTheQueue() throws {
        let rows = [
            Self.leg(context: "ivr-2", app: "BackGround", seconds: 15, uniqueid: "3.3"),
            CDRCallTests.leg(
                dstChannel: "SIP/201-9", start: "2026-11-16 10:00:15", answer: "2026-11-16 10:00:25", seconds: 100,
                billsec: 90, uniqueid: "3.3"),
        ]
        let h = try Self.read(rows)
        let call = try #require(h.calls.first)
        #expect(h.calls.count == 1 && call.outcome == .answered && h.symbols[call.queue] == "500")
        #expect(h.symbols[call.ivrPath] == "ivr-2" && call.ivrTime == 15_000)
    }

    @Test func callsWithoutMenusAreReadAsBefore() throws {
        let h = try Self.read([
            Self.leg(context: "from-trunk", app: "Dial", data: "SIP/201", dstChannel: "SIP/201-1", uniqueid: "4.4"),
            Self.leg(context: "from-trunk", app: "Hangup", uniqueid: "5.5"),
            Self.leg(context: "ivrs-and-more", app: "Dial", uniqueid: "6.6", disposition: "NO ANSWER"),
        ])
        #expect(h.calls.count == 3)
        #expect(h.calls.allSatisfy { $0.ivrPath.isNone && !$0.outcome.endsInIVR })
    }
}
