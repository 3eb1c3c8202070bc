import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

@Suite struct AgentActivityTests {
    let agent = Symbol(rawValue: 1)
    func at(_ seconds: Int64, _ kind: AgentEvent.Kind) -> AgentEvent {
        AgentEvent(agent: agent, time: Instant(seconds: seconds), kind: kind)
    }
    let all = Int64.min..<Int64.max

    @Test func loggedInTimeRunsFromLoginToLogoffAndPausesCountOnlyWhileLoggedIn() {
        let lunch = Symbol(rawValue: 7)
        let activity = AgentActivity.replay(
            [
                at(0, .login), at(600, .pause(reason: lunch)), at(900, .unpause), at(1000, .ringNoAnswer),
                at(3600, .logoff),
                at(4000, .pause(reason: lunch)), at(4100, .unpause),
            ],
            period: all, dataEnd: Instant(seconds: 5000))
        #expect(activity.loggedIn == 3_600_000)
        #expect(activity.paused == 300_000)
        #expect(activity.pausedByReason == [lunch: 300_000])
        #expect(activity.ringNoAnswer == 1)
    }

    @Test func anOpenSessionClosesWhereTheDataEnds() {
        let activity = AgentActivity.replay(
            [at(0, .login), at(100, .pause(reason: .none))], period: all, dataEnd: Instant(seconds: 1000))
        #expect(activity.loggedIn == 1_000_000 && activity.paused == 900_000)
    }

    @Test func sessionsAreClippedToThePeriod() {
        let activity = AgentActivity.replay(
            [at(0, .login), at(7200, .logoff), at(50, .ringNoAnswer), at(5000, .ringNoAnswer)],
            period: 3_600_000..<10_000_000,
            dataEnd: Instant(seconds: 7200))
        #expect(activity.loggedIn == 3_600_000)
        #expect(activity.ringNoAnswer == 1)
    }

    @Test func eventsOutOfOrderAreReplayedInTimeOrder() {
        let activity = AgentActivity.replay(
            [at(3600, .logoff), at(0, .login)], period: all, dataEnd: Instant(seconds: 0))
        #expect(activity.loggedIn == 3_600_000)
    }
}

@Suite struct ObservedStaffingTests {
    /// Agents answering by (day, half-hour slot), each counted once however many calls they answer there, and
    /// however the calls of the slot come (another agent's call between, an agent back in a slot it left).
    @Test func eachAgentCountsOnceInEachSlotOfEachDay() {
        let factory = CallFactory()
        let calendar = LocalCalendar(zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt, intervalMinutes: 30)
        let aggregator = CallAggregator(
            settings: MetricSettings(), query: CallQuery(), calendar: calendar, symbols: factory.symbols)
        // Seconds after Monday 10:00 and the agent answering.
        let answers: [(Int64, String)] = [
            (0, "A"), (60, "B"), (120, "A"), (2400, "A"), (300, "A"), (600, "B"), (86_400, "A"), (86_460, "A"),
        ]
        for (offset, agent) in answers {
            var call = factory.call(at: offset)
            call.agent = factory.symbols.intern(agent)
            aggregator.add(call)
        }
        let aggregates = aggregator.finish()
        // 10:00-10:30: A and B on Monday, A on Tuesday; 10:30-11:00: A on Monday.
        #expect(aggregates.agentDaysBySlot[20] == 3)
        #expect(aggregates.agentDaysBySlot[21] == 1)
        #expect(aggregates.agentDaysBySlot.reduce(0, +) == 4)
        #expect(aggregates.agentDaysByWeekdaySlot[0][20] == 2 && aggregates.agentDaysByWeekdaySlot[1][20] == 1)
    }
}
