import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

/// A table whose row follows from a call's cell looks its row up once per cell. Its rows must be those of the
/// per-call look-up, which a table with an agent column still makes: the same calls, none with an agent, give the
/// same rows in the same order, the agent column aside.
@Suite struct RowsFollowCellsTests {
    let f = CallFactory()

    /// Calls over three days around New York's fall-back night, on two queues and three categories, some repeated
    /// by the same callers.
    func calls() -> [CallRecord] {
        var state: UInt64 = 42
        func next(_ bound: Int64) -> Int64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((state >> 33) % UInt64(bound))
        }
        // 2026-10-31 00:00 New York time is 2026-10-31T04:00:00Z; the clocks fall back on 2026-11-01.
        let start: Int64 = 1_793_419_200 - CallFactory.monday10.seconds
        let categories: [CallCategory] = [.payment, .account, .complaint]
        return (0..<300).map { _ in
            f.call(
                at: start + next(3 * 86400), wait: Double(next(120)), outcome: next(5) == 0 ? .abandoned : .answered,
                queue: next(2) == 0 ? "a" : "b", category: categories[Int(next(3))], caller: "1380000\(next(40))")
        }.sorted { $0.enqueuedAt < $1.enqueuedAt }
    }

    func report(_ dims: [HotlineMetrics.Dimension], interval: Int, cellLimit: Int?, period: Bool) -> Report {
        var query = CallQuery()
        query.dimensions = dims
        if period {
            // Two days, and the two before them as the previous period: calls on both sides, and the day before.
            query.from = CivilDate(parsing: "2026-11-01")
            query.to = CivilDate(parsing: "2026-11-02")
        }
        var settings = MetricSettings()
        settings.intervalMinutes = interval
        return f.report(calls(), query: query, zone: "America/New_York", settings: settings, cellLimit: cellLimit)
    }

    /// The report as JSON without its table: every other figure must not depend on how rows are looked up.
    func everythingButTheTable(_ report: Report) throws -> NSDictionary {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try JSONSerialization.jsonObject(with: encoder.encode(report))
        let dictionary = try #require(object as? [String: Any])
        return dictionary.filter { $0.key != "table" } as NSDictionary
    }

    @Test(arguments: [
        [HotlineMetrics.Dimension.hour], [.weekday], [.weekday, .hour], [.date, .hour, .queue], [.interval], [.date],
        [.category, .subcategory], [.queue, .category, .hour], [.date, .interval],
    ])
    func rowsLookedUpOncePerCellAreThoseLookedUpPerCall(dims: [HotlineMetrics.Dimension]) throws {
        for interval in [15, 30, 60, 45] {
            for cellLimit in [nil, 7] {
                for period in [false, true] {
                    let once = report(dims, interval: interval, cellLimit: cellLimit, period: period)
                    let perCall = report(dims + [.agent], interval: interval, cellLimit: cellLimit, period: period)
                    let context = "\(dims) every \(interval) min, period \(period)"
                    #expect(once.table.rows.count > 1, "\(context)")
                    #expect(
                        once.table.rows.map(\.keys) == perCall.table.rows.map { Array($0.keys.dropLast()) },
                        "\(context)")
                    #expect(once.table.rows.map(\.figures) == perCall.table.rows.map(\.figures), "\(context)")
                    #expect(try everythingButTheTable(once) == everythingButTheTable(perCall), "\(context)")
                }
            }
        }
    }
}
