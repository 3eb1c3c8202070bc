import HotlineModel
import Testing

@testable import HotlineMetrics

@Suite struct RepeatCallTests {
    let f = CallFactory()
    static let hour: Int64 = 3600

    @Test func aCallerBackWithinTheWindowAfterTheEndMakesARepeat() {
        // First call ends at offset 10 + 100 = 110 s; 72 h after that is the edge.
        let first = f.call(at: 0, wait: 10, talk: 100, caller: "alice")
        let atEdge = f.call(at: 110 + 72 * Self.hour, caller: "alice")
        let pastEdge = f.call(at: 111 + 72 * Self.hour, caller: "alice")
        #expect(f.figures([first, atEdge]).repeatCallRate == 0.5)  // first is a repeat, the second has no later call
        #expect(f.figures([first, pastEdge]).repeatCallRate == 0)
    }

    @Test func inputOrderDoesNotChangeTheFigure() {
        let calls = [
            f.call(at: 0, caller: "a"), f.call(at: 3600, caller: "a"), f.call(at: 100, caller: "b"),
            f.call(at: 400 * Self.hour, caller: "b"), f.call(at: 50, wait: 30, outcome: .abandoned, caller: "c"),
            f.call(at: 900, caller: "c"), f.call(at: 7200, caller: "a"),
        ]
        let sorted = f.figures(calls).repeatCallRate
        #expect(f.figures(calls.reversed()).repeatCallRate == sorted)
        #expect(
            f.figures([calls[3], calls[0], calls[6], calls[1], calls[5], calls[2], calls[4]]).repeatCallRate == sorted)
        // a: 0 -> 3600 -> 7200 (two repeats of three); b: none; c's answered call has no later call.
        #expect(sorted == 2.0 / 6.0)
    }

    @Test func unansweredCallsCountAsCallingAgainButNotInTheDenominator() {
        let calls = [f.call(at: 0, caller: "a"), f.call(at: 600, wait: 40, outcome: .abandoned, caller: "a")]
        let t = f.figures(calls)
        #expect(t.repeatEligible == 1)
        #expect(t.repeatCallRate == 1)
    }

    @Test func callsWithoutACallerAreLeftOut() {
        let t = f.figures([f.call(at: 0), f.call(at: 60)])
        #expect(t.repeatEligible == 0 && t.repeatCallRate == nil)
    }

    @Test func theRepeatCountsForTheGroupOfTheFirstCall() {
        let calls = [f.call(at: 0, category: .account, caller: "a"), f.call(at: 600, category: .payment, caller: "a")]
        let report = f.report(calls)
        let account = report.categories.first { $0.category == "account" }
        let payment = report.categories.first { $0.category == "payment" }
        #expect(account?.figures.repeatCallRate == 1)
        #expect(payment?.figures.repeatCallRate == 0)
    }

    @Test func aCallOutsideTheQueueFilterStillCountsAsCallingAgain() {
        var query = CallQuery()
        query.queues = ["sales"]
        let calls = [f.call(at: 0, queue: "sales", caller: "a"), f.call(at: 600, queue: "support", caller: "a")]
        let t = f.report(calls, query: query).totals
        #expect(t.offered == 1)
        #expect(t.repeatCallRate == 1)
    }
}
