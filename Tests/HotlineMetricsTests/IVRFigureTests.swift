import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

/// The IVR figures (docs/METRICS.md, "IVR").
@Suite struct IVRFigureTests {
    let f = CallFactory()

    func ivrCall(
        at offset: Int64, outcome: CallOutcome, path: String, seconds: Double?, label: String? = nil,
        category: CallCategory = .payment, ivrCategory: CallCategory? = nil, caller: String? = nil
    ) -> CallRecord {
        var call = f.call(
            at: offset, wait: outcome.endsInIVR ? 0 : 10, outcome: outcome,
            queue: outcome.endsInIVR ? "" : "q", category: category, caller: caller)
        if outcome.endsInIVR { call.queue = .none }
        call.ivrPath = f.symbols.intern(path)
        call.ivrTime = seconds.map { Milliseconds($0 * 1000) }
        call.label = label.map { f.symbols.intern($0) } ?? .none
        call.ivrCategory = ivrCategory
        return call
    }

    @Test func callsThatEndInTheMenusAreIVRFiguresAndNeverOfferedToAQueue() throws {
        let calls = [
            ivrCall(at: 0, outcome: .selfServed, path: "main>balance", seconds: 30),
            ivrCall(at: 60, outcome: .ivrAbandoned, path: "main>payment", seconds: 12.2),
            ivrCall(at: 120, outcome: .ivrAbandoned, path: "main", seconds: 5),
            ivrCall(at: 180, outcome: .answered, path: "main>payment", seconds: 20),
        ]
        let report = f.report(calls)
        #expect(report.totals.offered == 1)
        let ivr = try #require(report.ivr)
        #expect([ivr.entries, ivr.selfServed, ivr.ivrAbandoned, ivr.queued] == [4, 1, 2, 1] as [Int])
        #expect(ivr.selfServiceRate == 0.25)
        #expect(ivr.abandonmentRate == 0.5)
        #expect(ivr.queuedShare == 0.25)
        // Mean over the exact times; p90 on whole seconds rounded up, nearest rank (4 values: the 4th).
        let mean: Double = (30 + 12.2 + 5 + 20) / 4
        #expect(ivr.timeInIVRMeanSeconds == mean)
        #expect(ivr.timeInIVRP90Seconds == 30)
        let nodes = Dictionary(uniqueKeysWithValues: ivr.nodes.map { ($0.node, $0) })
        #expect(ivr.nodes.map(\.node) == ["main", "main>balance", "main>payment"])
        let main = try #require(nodes["main"])
        let payment = try #require(nodes["main>payment"])
        #expect([main.entries, main.ivrAbandoned] == [4, 1] as [Int])
        #expect(main.dropOff == 0.25)
        #expect([payment.entries, payment.queued] == [2, 1] as [Int])
        #expect(payment.dropOff == 0.5)
        #expect(nodes["main>balance"]?.selfServed == 1)
    }

    @Test func aReportWithoutIVRCallsHasNoIVRSection() {
        #expect(f.report([f.call(at: 0)]).ivr == nil)
    }

    @Test func aMisrouteIsAQueuedCallWhoseMenusAndAgentDisagree() throws {
        let calls = [
            ivrCall(
                at: 0, outcome: .answered, path: "main>payment", seconds: 10, label: "refund", category: .payment,
                ivrCategory: .payment),
            ivrCall(
                at: 60, outcome: .answered, path: "main>payment", seconds: 10, label: "login", category: .account,
                ivrCategory: .payment),
            // No agent label: not known, not counted.
            ivrCall(at: 120, outcome: .answered, path: "main>payment", seconds: 10, ivrCategory: .payment),
        ]
        let ivr = try #require(f.report(calls).ivr)
        #expect(ivr.misroutes.count == 1)
        let m = try #require(ivr.misroutes.first)
        #expect(m.path == "main>payment")
        #expect([m.queuedKnown, m.misrouted] == [2, 1] as [Int])
        #expect(m.rate == 0.5)
    }

    @Test func aCallThatEndedInTheMenusStillMakesAnEarlierAnsweredCallARepeat() {
        let calls = [
            f.call(at: 0, outcome: .answered, caller: "13800000001"),
            ivrCall(at: 3600, outcome: .selfServed, path: "main>balance", seconds: 20, caller: "13800000001"),
        ]
        let report = f.report(calls)
        #expect(report.totals.offered == 1)
        #expect(report.totals.repeatCallRate == 1)
    }

    @Test func ivrAccumulatorsMergeToTheFiguresOfAllTheirCalls() {
        var a = IVRAccumulator<Symbol>()
        var b = IVRAccumulator<Symbol>()
        var whole = IVRAccumulator<Symbol>()
        let node = f.symbols.intern("main")
        let calls = [
            ivrCall(at: 0, outcome: .selfServed, path: "main", seconds: 3),
            ivrCall(at: 10, outcome: .ivrAbandoned, path: "main", seconds: 8),
        ]
        a.add(calls[0], path: node)
        b.add(calls[1], path: node)
        for call in calls { whole.add(call, path: node) }
        a.merge(b)
        #expect(a == whole)
    }
}
