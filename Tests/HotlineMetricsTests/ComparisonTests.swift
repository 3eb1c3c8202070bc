import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

/// Honest comparisons (docs/METRICS.md, "Comparisons"): one day against the same weekday a week before, a partial
/// earlier period shows no change, provisional repeats are never compared, waits are not good news when callers
/// gave up.
@Suite struct ComparisonTests {
    let f = CallFactory()
    static let day: Int64 = 86_400

    func report(_ calls: [CallRecord], from: String, to: String) -> Report {
        var query = CallQuery()
        query.from = CivilDate(parsing: from)
        query.to = CivilDate(parsing: to)
        return f.report(calls, query: query)
    }

    func figure(_ r: Report, _ key: String) -> HeadlineFigure? { r.headline.first { $0.key.rawValue == key } }

    @Test func aOneDayReportComparesWithTheSameWeekdayAWeekBefore() {
        // Monday 2026-11-16 against Monday 2026-11-09, not Sunday the 15th.
        let calls = [f.call(at: -7 * Self.day), f.call(at: -Self.day), f.call(at: -Self.day), f.call(at: 0)]
        let r = report(calls, from: "2026-11-16", to: "2026-11-16")
        #expect(r.period.previousFrom?.description == "2026-11-09" && r.period.previousTo?.description == "2026-11-09")
        #expect(r.period.comparison == "Mon 2026-11-09, the same weekday a week before")
        #expect(figure(r, "offered")?.previous == 1 && figure(r, "offered")?.change == 0)
    }

    @Test func anEarlierPeriodWithFewerDaysOfDataSaysSoAndShowsNoChange() throws {
        // Two days with calls; the two days before have calls on one only.
        let calls = [f.call(at: -2 * Self.day), f.call(at: 0), f.call(at: Self.day)]
        let r = report(calls, from: "2026-11-16", to: "2026-11-17")
        let partial = try #require(r.period.comparisonPartial)
        #expect(partial.contains("calls on 1 of its days, this one on 2"))
        #expect(r.headline.allSatisfy { $0.change == nil })
        #expect(figure(r, "offered")?.previous == 1)
    }

    @Test func anEarlierPeriodWithFewerQueuesSaysSo() throws {
        let calls = [
            f.call(at: -7 * Self.day, queue: "a"), f.call(at: 0, queue: "a"), f.call(at: 60, queue: "b"),
        ]
        let r = report(calls, from: "2026-11-16", to: "2026-11-16")
        #expect(try #require(r.period.comparisonPartial).contains("calls in 1 queues, this one in 2"))
    }

    @Test func provisionalRepeatCallsAreMarkedAndNeverCompared() throws {
        // The data ends on the report's day: its answered calls may still turn out repeats.
        let calls = [
            f.call(at: -7 * Self.day, caller: "a"), f.call(at: -7 * Self.day + 600, caller: "a"),
            f.call(at: 0, caller: "b"),
        ]
        let r = report(calls, from: "2026-11-16", to: "2026-11-16")
        let repeats = try #require(figure(r, "repeat_call_rate"))
        #expect(repeats.provisional && repeats.change == nil && repeats.better == nil)
        #expect(repeats.previous == 0.5)
    }

    @Test func shorterWaitsAreNotGoodNewsWhenAbandonmentRose() throws {
        // A week before: everyone answered after 30 s. Now: half gave up, the rest answered after 10 s.
        let before = (0..<10).map { f.call(at: -7 * Self.day + Int64($0) * 60, wait: 30) }
        let now =
            (0..<5).map { f.call(at: Int64($0) * 60, wait: 10) }
            + (0..<5).map { f.call(at: 600 + Int64($0) * 60, wait: 40, outcome: .abandoned) }
        let r = report(before + now, from: "2026-11-16", to: "2026-11-16")
        let asa = try #require(figure(r, "asa_s"))
        #expect(try #require(asa.change) < 0)
        #expect(asa.better == nil)
        #expect(figure(r, "abandonment_rate")?.better == false)
    }

    @Test func shorterWaitsAreGoodNewsWhenAbandonmentDidNotRise() throws {
        let before = (0..<10).map { f.call(at: -7 * Self.day + Int64($0) * 60, wait: 30) }
        let now = (0..<10).map { f.call(at: Int64($0) * 60, wait: 10) }
        let r = report(before + now, from: "2026-11-16", to: "2026-11-16")
        #expect(figure(r, "asa_s")?.better == true)
    }

    @Test(arguments: [("80", 0.8), ("80%", 0.8), ("0.8", 0.8), (" 95.5 % ", 0.955), ("1", 1.0), ("100", 1.0)])
    func aServiceLevelTargetReadsTheSameInEveryUnit(text: String, fraction: Double) {
        #expect(Percentage(parsing: text)?.fraction == fraction)
    }

    @Test(arguments: ["0", "-5", "120", "120%", "lots", "", "nan"])
    func anImpossibleTargetIsRefused(text: String) {
        #expect(Percentage(parsing: text) == nil)
    }
}

/// Staffing by weekday: the mean Monday is not the mean day.
@Suite struct StaffingByWeekdayTests {
    let f = CallFactory()

    @Test func mondaysThatMissTheTargetAreShortOnTheirOwnMeanDay() throws {
        // Two weeks: 20 calls a day at 10:00; on Mondays every caller waits a minute.
        var calls: [CallRecord] = []
        for day in 0..<14 {
            for i in 0..<20 {
                calls.append(f.call(at: Int64(day) * 86_400 + Int64(i) * 60, wait: day % 7 == 0 ? 60 : 5))
            }
        }
        var query = CallQuery()
        query.from = CivilDate(parsing: "2026-11-16")
        query.to = CivilDate(parsing: "2026-11-29")
        let r = f.report(calls, query: query)
        #expect(r.staffingByWeekday.map(\.weekday) == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
        #expect(r.staffingByWeekday.allSatisfy { $0.days == 2 })
        let monday = try #require(r.staffingByWeekday.first)
        let ten = try #require(monday.rows.first { $0.start == "10:00" })
        #expect(ten.callsPerDay == 20 && ten.observedServiceLevel == 0 && ten.isShort(target: 0.8))
        let tuesday = try #require(r.staffingByWeekday.dropFirst().first?.rows.first { $0.start == "10:00" })
        #expect(!tuesday.isShort(target: 0.8))
        // The mean day hides it: half its calls are Mondays', its service level is 6/7.
        #expect(r.staffing.first { $0.start == "10:00" }?.observedServiceLevel == 12.0 / 14.0)
    }

    @Test func aPeriodWithoutTwoOfEveryWeekdayHasNoWeekdayStaffing() {
        var query = CallQuery()
        query.from = CivilDate(parsing: "2026-11-16")
        query.to = CivilDate(parsing: "2026-11-26")
        #expect(f.report([f.call(at: 0)], query: query).staffingByWeekday.isEmpty)
    }
}
