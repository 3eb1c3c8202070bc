import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

/// The exceptions of docs/METRICS.md on small hand-made weeks: four Mondays, the last one the report's day.
@Suite struct ExceptionTests {
    let f = CallFactory()
    static let day: Int64 = 86_400
    static let week: Int64 = 7 * 86_400
    /// The report's Monday, three weeks after the factory's first one.
    static let reportWeek: Int64 = 3 * week

    /// `n` calls from `offset` seconds after Monday 10:00 (three weeks before the report's day plus `week`s),
    /// one a minute, each with `wait` s and `outcome`.
    func calls(
        week: Int64, at offset: Int64 = 0, _ n: Int, wait: Double = 5, outcome: CallOutcome = .answered,
        queue: String = "q", category: CallCategory = .payment
    ) -> [CallRecord] {
        (0..<n).map { i in
            f.call(
                at: week * Self.week + offset + Int64(i) * 60, wait: wait, outcome: outcome, queue: queue,
                category: category)
        }
    }

    /// Three ordinary Mondays (20 calls 10:00-10:30 and 20 at 10:30-11:00, answered at once) and the report's.
    func ordinaryWeeks() -> [CallRecord] {
        (0..<3).flatMap { w in calls(week: Int64(w), 20) + calls(week: Int64(w), at: 1800, 20) }
    }

    func exceptions(_ calls: [CallRecord], settings: ExceptionSettings = ExceptionSettings()) -> [ReportException] {
        var query = CallQuery()
        let day = CivilDate(dayNumber: (CivilDate(parsing: "2026-11-16")?.dayNumber ?? 0) + 21)
        query.from = day
        query.to = day
        let calendar = LocalCalendar(zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt, intervalMinutes: 30)
        let aggregator = CallAggregator(
            settings: MetricSettings(), query: query, calendar: calendar, symbols: f.symbols)
        for call in calls { aggregator.add(call) }
        var builder = ReportBuilder(
            aggregates: aggregator.finish(), calendar: calendar, symbols: f.symbols, inputs: [], firstRejects: [],
            unmatched: [])
        builder.exceptionSettings = settings
        return builder.build().exceptions
    }

    @Test func anOrdinaryDayHasNoException() {
        let calls = ordinaryWeeks() + calls(week: 3, 20) + calls(week: 3, at: 1800, 20)
        #expect(exceptions(calls).isEmpty)
    }

    @Test func aRunOfIntervalsBelowTargetIsOneExceptionWithItsUsualAndItsCalls() throws {
        // 10:00-11:00 on the report's day: 40 calls, 30 of them waiting 60 s (abandoned 10 of those).
        let today =
            calls(week: 3, 10) + calls(week: 3, at: 600, 15, wait: 60) + calls(week: 3, at: 1800, 5)
            + calls(week: 3, at: 2100, 5, wait: 60) + calls(week: 3, at: 2400, 5, wait: 60, outcome: .abandoned)
        let found = exceptions(ordinaryWeeks() + today)
        let run = try #require(found.first { $0.kind == .serviceLevel })
        #expect(run.from == "2026-12-07T10:00:00+08:00" && run.to == "2026-12-07T11:00:00+08:00")
        #expect(run.value == 15.0 / 40.0 && run.target == 0.8 && run.usual == 1.0 && run.usualDays == 3)
        #expect(run.callsAffected == 25 && run.offered == 40 && run.abandoned == 5 && run.longestWaitSeconds == 60)
        #expect(found.filter { $0.kind == .serviceLevel }.count == 1)
    }

    @Test func anIntervalWithTooFewCallsIsNoRun() {
        // One call at 01:45 waiting 40 s: 0% service level, but one call means nothing.
        let lonely = [f.call(at: Self.reportWeek - 8 * 3600 - 900, wait: 40, outcome: .abandoned)]
        let found = exceptions(ordinaryWeeks() + calls(week: 3, 20) + calls(week: 3, at: 1800, 20) + lonely)
        #expect(!found.contains { $0.kind == .serviceLevel || $0.kind == .abandonment })
    }

    @Test func abandonmentWellAboveTheUsualIsASpike() throws {
        let today =
            calls(week: 3, 20, wait: 15) + calls(week: 3, at: 1800, 10)
            + calls(
                week: 3, at: 2400, 10, wait: 30, outcome: .abandoned)
        let spike = try #require(exceptions(ordinaryWeeks() + today).first { $0.kind == .abandonment })
        #expect(spike.from.hasSuffix("T10:30:00+08:00") && spike.to.hasSuffix("T11:00:00+08:00"))
        #expect(spike.value == 0.5 && spike.usual == 0 && spike.callsAffected == 10)
    }

    @Test func volumeFarFromTheUsualIsAnExceptionEachWay() throws {
        // 10:00-10:30 twice the usual 20; 10:30-11:00 empty.
        let today = calls(week: 3, 20, wait: 2) + calls(week: 3, at: 30, 20, wait: 2)
        let found = exceptions(ordinaryWeeks() + today)
        let high = try #require(found.first { $0.kind == .volumeHigh })
        #expect(high.value == 40 && high.usual == 20 && high.callsAffected == 20)
        let low = try #require(found.first { $0.kind == .volumeLow })
        #expect(low.from.hasSuffix("T10:30:00+08:00") && low.value == 0 && low.callsAffected == 20)
    }

    @Test func aCategoryWhoseShareJumpedIsNamed() throws {
        let today = calls(week: 3, 20) + calls(week: 3, at: 1800, 20, category: .complaint)
        let jump = try #require(exceptions(ordinaryWeeks() + today).first { $0.kind == .categoryShare })
        #expect(jump.category == "complaint" && jump.subcategory == nil)
        #expect(jump.value == 0.5 && jump.usual == 0 && jump.callsAffected == 20)
    }

    @Test func aDayWithoutCallsIsMissingData() throws {
        let missing = try #require(exceptions(ordinaryWeeks()).first)
        #expect(missing.kind == .missingData)
        #expect(missing.value == 0 && missing.usual == 40 && missing.callsAffected == 40)
        #expect(missing.from == "2026-12-07T00:00:00+08:00" && missing.to == "2026-12-08T00:00:00+08:00")
    }

    @Test func exceptionsAreRankedByCallsAffectedAndAQueuesWholeDayComesLast() {
        let today =
            calls(week: 3, 20, wait: 60) + calls(week: 3, at: 1800, 20)
            + calls(week: 3, at: 3600, 12, wait: 60, outcome: .abandoned)
        let found = exceptions(ordinaryWeeks() + today)
        #expect(found.last?.kind == .queueBelowTarget)
        let timed = found.filter { $0.kind != .queueBelowTarget }.map(\.callsAffected)
        #expect(timed == timed.sorted(by: >))
    }
}
