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

    /// `call` moved by `ms` milliseconds, its end too.
    func shifted(_ call: CallRecord, by ms: Int64) -> CallRecord {
        var moved = call
        moved.enqueuedAt = call.enqueuedAt + ms
        moved.answeredAt = call.answeredAt.map { $0 + ms }
        moved.endedAt = call.endedAt + ms
        return moved
    }

    @Test func aCallEnqueuedWhileTheAnsweredCallWasStillGoingOnIsNoRepeat() {
        // The first call runs from 0 to 110 s; the caller's second line enters the queue at 60 s.
        let first = f.call(at: 0, wait: 10, talk: 100, caller: "alice")
        let secondLine = f.call(at: 60, wait: 20, outcome: .abandoned, caller: "alice")
        #expect(f.figures([first, secondLine]).repeatCallRate == 0)
        // A call after the end still makes it a repeat, whatever overlapped before it.
        let later = f.call(at: 300, wait: 20, outcome: .abandoned, caller: "alice")
        #expect(f.figures([first, secondLine, later]).repeatCallRate == 1)
        #expect(f.figures([later, secondLine, first]).repeatCallRate == 1)
    }

    @Test func anOverlappingAnsweredCallIsDecidedByTheCallsAfterItsOwnEnd() {
        // Two answered lines at once: 0-110 s and 60-170 s; a third call at 140 s is after the first's end only.
        let first = f.call(at: 0, wait: 10, talk: 100, caller: "alice")
        let second = f.call(at: 60, wait: 10, talk: 100, caller: "alice")
        let third = f.call(at: 140, wait: 30, outcome: .abandoned, caller: "alice")
        let t = f.figures([first, second, third])
        #expect(t.repeatEligible == 2)
        #expect(t.repeatCallRate == 0.5)
    }

    @Test func aLegOfTheSameCallIsNoRepeat() {
        // A transfer into another queue: the second leg has the call id of the first, enqueued after it ended.
        var first = f.call(at: 0, wait: 10, talk: 100, queue: "general", caller: "alice")
        first.callKey = CallRecord.key("1700000000.42")
        var leg = f.call(at: 111, queue: "vip", caller: "alice")
        leg.callKey = first.callKey
        #expect(f.figures([first, leg]).repeatCallRate == 0)
        // The call after the leg is another call: it makes both earlier ones repeats.
        var back = f.call(at: 600, wait: 30, outcome: .abandoned, caller: "alice")
        back.callKey = CallRecord.key("1700000900.7")
        #expect(f.figures([first, leg, back]).repeatCallRate == 1)
    }

    @Test func theRepeatEdgesAreComparedToTheMillisecond() {
        // The first call ends at 110.400 s.
        let first = shifted(f.call(at: 0, wait: 10, talk: 100, caller: "alice"), by: 400)
        let end: Int64 = 110_400
        let window: Int64 = 72 * 3_600_000
        func later(_ at: Int64) -> CallRecord {
            shifted(f.call(at: 0, wait: 30, outcome: .abandoned, caller: "alice"), by: at)
        }
        #expect(f.figures([first, later(end - 100)]).repeatCallRate == 0)  // in the same second, before the end
        #expect(f.figures([first, later(end)]).repeatCallRate == 0)  // exactly at the end: not after it
        #expect(f.figures([first, later(end + 1)]).repeatCallRate == 1)
        #expect(f.figures([first, later(end + window)]).repeatCallRate == 1)
        #expect(f.figures([first, later(end + window + 1)]).repeatCallRate == 0)
    }
}
