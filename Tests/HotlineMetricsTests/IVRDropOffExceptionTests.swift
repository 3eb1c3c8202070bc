import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

/// The `ivr_drop_off` exception (docs/METRICS.md, "Exceptions"): four Mondays, the last one the report's day.
@Suite struct IVRDropOffExceptionTests {
    let f = CallFactory()
    static let week: Int64 = 7 * 86_400
    static let failed = "主菜单>支付>支付失败"
    let calendar = LocalCalendar(zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt, intervalMinutes: 30)
    /// The report's Monday, three weeks after the factory's.
    let reportDay = CivilDate(dayNumber: (CivilDate(parsing: "2026-11-16")?.dayNumber ?? 0) + 21)

    /// A Monday of `week` (0-3) with `n` callers taking `path`, `hungUp` of them hanging up at its end and the
    /// others going on to the queue and answered; plus 40 ordinary queued calls without a path.
    func monday(_ week: Int64, path: String = failed, _ n: Int, hungUp: Int) -> [CallRecord] {
        let base = week * Self.week
        let ivr = (0..<n).map { i -> CallRecord in
            let outcome: CallOutcome = i < hungUp ? .ivrAbandoned : .answered
            var call = f.call(at: base + Int64(i) * 30, outcome: outcome)
            if outcome.endsInIVR { call.queue = .none }
            call.ivrPath = f.symbols.intern(path)
            return call
        }
        return ivr + (0..<40).map { f.call(at: base + 3600 + Int64($0) * 60) }
    }

    func report(_ calls: [CallRecord], settings: ExceptionSettings = ExceptionSettings()) -> [ReportException] {
        var builder = ReportBuilder(
            aggregates: aggregates(calls, from: reportDay, to: reportDay), calendar: calendar, symbols: f.symbols,
            inputs: [], firstRejects: [], unmatched: [])
        builder.exceptionSettings = settings
        return builder.build().exceptions.filter { $0.kind == .ivrDropOff }
    }

    func aggregates(
        _ calls: [CallRecord], from: CivilDate, to: CivilDate,
        dimensions: [HotlineMetrics.Dimension] = [.date, .interval]
    ) -> CallAggregates {
        var query = CallQuery()
        query.from = from
        query.to = to
        query.dimensions = dimensions
        let aggregator = CallAggregator(
            settings: MetricSettings(), query: query, calendar: calendar, symbols: f.symbols)
        aggregator.add(contentsOf: calls.sorted { $0.enqueuedAt < $1.enqueuedAt })
        return aggregator.finish()
    }

    /// Three Mondays where 3 of 50 hang up at the failed-payment node (6%), and a report day where 9 of 50 do.
    var jump: [CallRecord] {
        (0..<3).flatMap { monday(Int64($0), 50, hungUp: 3) } + monday(3, 50, hungUp: 9)
    }

    @Test func aNodeWhoseDropOffJumpedIsNamedWithItsUsual() throws {
        let found = report(jump)
        #expect(found.count == 1)
        let e = try #require(found.first)
        #expect(e.ivrNode == Self.failed)
        #expect(e.figure == "drop_off")
        #expect(e.value == 0.18)
        #expect(e.usual == 0.06)
        #expect(e.usualDays == 3)
        #expect(e.offered == 50)
        #expect(e.abandoned == 9)
        #expect(e.callsAffected == 6)
    }

    @Test func theNodesAboveTheOneThatJumpedAreNotNamedWhenTheirDropOffDidNotMove() {
        // 主菜单 and 主菜单>支付 are entered by the same 50 callers, but nobody hangs up at them.
        #expect(report(jump).compactMap(\.ivrNode) == [Self.failed])
    }

    @Test func aNodeWithFewEntriesRaisesNothing() {
        // The same jump on 20 callers a day: below the 30 entries a node needs.
        let small = (0..<3).flatMap { monday(Int64($0), 20, hungUp: 1) } + monday(3, 20, hungUp: 6)
        #expect(report(small).isEmpty)
        var settings = ExceptionSettings()
        settings.ivrMinNodeEntries = 20
        #expect(report(small, settings: settings).count == 1)
    }

    @Test func aSmallRiseIsNoJump() {
        // 6% to 8%: under the 5 points.
        let rise = (0..<3).flatMap { monday(Int64($0), 50, hungUp: 3) } + monday(3, 50, hungUp: 4)
        #expect(report(rise).isEmpty)
    }

    @Test func withoutIVRDataNothingIsRaised() {
        let plain = (0..<4).flatMap { w in (0..<40).map { f.call(at: Int64(w) * Self.week + Int64($0) * 60) } }
        #expect(report(plain).isEmpty)
    }

    @Test func withoutIVRDataOnTheUsualDaysNothingIsRaised() {
        let plain = (0..<3).flatMap { w in (0..<40).map { f.call(at: Int64(w) * Self.week + Int64($0) * 60) } }
        #expect(report(plain + monday(3, 50, hungUp: 9)).isEmpty)
    }

    @Test func theNightlyStoresDaysGiveTheSameException() throws {
        // Each Monday's snapshot as the nightly job stores it, then the report day's report from the store.
        let calls = jump
        let snapshots = (0..<4).map { w -> DaySnapshot in
            let day = CivilDate(dayNumber: reportDay.dayNumber - 21 + w * 7)
            return DaySnapshot(
                day: Int32(day.dayNumber),
                calls: aggregates(calls, from: day, to: day, dimensions: DaySnapshot.callDimensions), tickets: nil,
                symbols: f.symbols, calendar: calendar)
        }
        var query = CallQuery()
        query.from = reportDay
        query.to = reportDay
        let stored = StoredPeriod.aggregates(
            snapshots, settings: MetricSettings(), ticketSettings: TicketSettings(), query: query, calendar: calendar,
            symbols: f.symbols
        ).calls
        let found = ExceptionFinder(
            aggregates: stored, calendar: calendar, symbols: f.symbols, settings: ExceptionSettings(),
            period: Int32(reportDay.dayNumber)...Int32(reportDay.dayNumber)
        ).find().filter { $0.kind == .ivrDropOff }
        #expect(found.map(\.ivrNode) == [Self.failed])
        #expect(found.first?.usual == 0.06)
    }
}
