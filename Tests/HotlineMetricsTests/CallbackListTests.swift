import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

/// `hotline callbacks`: who to call back for a day.
@Suite struct CallbackListTests {
    let f = CallFactory()
    let calendar = LocalCalendar(zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt, intervalMinutes: 30)
    /// 2026-11-16 in Shanghai.
    var monday: Int { Int(calendar.stamp(CallFactory.monday10).day) }

    func attempts(_ calls: [CallRecord]) -> [CallbackList.Attempt] {
        calls.compactMap { call in call.caller.map { CallbackList.Attempt(call, caller: $0) } }
    }

    func rows(_ calls: [CallRecord], hours: Int64 = 24) -> [CallbackList.Row] {
        CallbackList.rows(
            attempts(calls), day: monday, calendar: calendar, window: hours * 3_600_000,
            callerText: { String($0.rawValue) })
    }

    @Test func aCallerWhoAbandonedAndWasNeverAnsweredIsListedWithTheirAttempts() throws {
        let list = rows([
            f.call(at: 0, wait: 40, outcome: .abandoned, caller: "13800000001"),
            f.call(at: 600, wait: 95, outcome: .timeout, caller: "13800000001"),
        ])
        let row = try #require(list.first)
        #expect(list.count == 1)
        #expect(row.attempts == 2 && row.longestWait == 95_000)
        #expect(row.firstAttempt == CallFactory.monday10 && row.lastAttempt == CallFactory.monday10 + 600_000)
    }

    @Test func aCallerAnsweredOnALaterCallWithinTheWindowIsNotListed() {
        let calls = [
            f.call(at: 0, wait: 40, outcome: .abandoned, caller: "13800000001"),
            f.call(at: 3600, outcome: .answered, caller: "13800000001"),
        ]
        #expect(rows(calls).isEmpty)
        // Answered only after the window: still to call back.
        #expect(rows(calls, hours: 0).count == 1)
    }

    @Test func aCallerWhoHungUpInTheMenusIsListedAndOneServedByThemIsNot() {
        var hungUp = f.call(at: 0, wait: 0, outcome: .ivrAbandoned, caller: "13800000002")
        hungUp.queue = .none
        var served = f.call(at: 60, wait: 0, outcome: .ivrAbandoned, caller: "13800000003")
        served.queue = .none
        var menus = f.call(at: 120, wait: 0, outcome: .selfServed, caller: "13800000003")
        menus.queue = .none
        let list = rows([hungUp, served, menus])
        #expect(list.map(\.caller) == [hungUp.caller].compactMap { $0 })
    }

    @Test func missesOfOtherDaysAndAnsweredCallsAloneListNobody() {
        let calls = [
            f.call(at: -86_400, wait: 40, outcome: .abandoned, caller: "13800000004"),
            f.call(at: 0, outcome: .answered, caller: "13800000005"),
        ]
        #expect(rows(calls).isEmpty)
    }

    @Test func theLongestWaitingSinceTheirLastAttemptComeFirst() {
        let list = rows([
            f.call(at: 900, wait: 10, outcome: .abandoned, caller: "13800000006"),
            f.call(at: 300, wait: 10, outcome: .abandoned, caller: "13800000007"),
        ])
        #expect(list.map(\.lastAttempt) == [CallFactory.monday10 + 300_000, CallFactory.monday10 + 900_000])
    }
}
