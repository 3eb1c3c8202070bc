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
