import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

/// `--by ivr_path` and `--by ivr_node` (docs/METRICS.md, "IVR").
@Suite struct IVRDimensionTests {
    let f = CallFactory()

    func call(at offset: Int64, path: String?, outcome: CallOutcome = .answered, queue: String = "q") -> CallRecord {
        var call = f.call(at: offset, outcome: outcome, queue: queue)
        if outcome.endsInIVR { call.queue = .none }
        call.ivrPath = path.map { f.symbols.intern($0) } ?? .none
        return call
    }

    /// Two paths under 主菜单, a call without a path, and two IVR-only calls that no row counts.
    var calls: [CallRecord] {
        [
            call(at: 0, path: "主菜单>支付>支付失败"),
            call(at: 60, path: "主菜单>支付>支付失败", outcome: .abandoned),
            call(at: 120, path: "主菜单>账户"),
            call(at: 180, path: nil),
            call(at: 240, path: "主菜单>支付", outcome: .ivrAbandoned),
            call(at: 300, path: "主菜单>支付>支付失败", outcome: .selfServed),
        ]
    }

    func table(_ dims: [HotlineMetrics.Dimension], cellLimit: Int? = nil) -> [[String]: Int] {
        var query = CallQuery()
        query.dimensions = dims
        let report = f.report(calls, query: query, cellLimit: cellLimit)
        return Dictionary(uniqueKeysWithValues: report.table.rows.map { ($0.keys, $0.figures.offered) })
    }

    @Test func ivrPathRowsCountEachOfferedCallOnceByItsWholePath() {
        #expect(table([.ivrPath]) == [["主菜单>支付>支付失败"]: 2, ["主菜单>账户"]: 1, [""]: 1])
    }

    @Test func ivrNodeRowsCountACallInEveryNodeItVisited() {
        let rows = table([.ivrNode])
        #expect(
            rows == [
                ["主菜单"]: 3, ["主菜单>支付"]: 2, ["主菜单>支付>支付失败"]: 2, ["主菜单>账户"]: 1, [""]: 1,
            ])
        // A fan-out: the rows add up to more than the 4 offered calls.
        #expect(rows.values.reduce(0, +) == 9)
    }

    @Test func ivrNodeRowsComeInNodeOrderAndKeepTheOtherDimensions() {
        var query = CallQuery()
        query.dimensions = [.queue, .ivrNode]
        let report = f.report(calls + [call(at: 360, path: "主菜单", queue: "a")], query: query)
        #expect(report.table.dimensions == ["queue", "ivr_node"])
        #expect(
            report.table.rows.map(\.keys) == [
                ["a", "主菜单"], ["q", ""], ["q", "主菜单"], ["q", "主菜单>支付"], ["q", "主菜单>支付>支付失败"],
                ["q", "主菜单>账户"],
            ])
        #expect(report.totals.offered == 5)
    }

    @Test func ivrNodeAndIvrPathTogetherGiveEachPathsNodes() {
        let rows = table([.ivrPath, .ivrNode])
        #expect(rows[["主菜单>支付>支付失败", "主菜单>支付"]] == 2)
        #expect(rows[["主菜单>账户", "主菜单"]] == 1)
        #expect(rows[["主菜单>支付>支付失败", "主菜单"]] == 2)
        #expect(rows.count == 6)
    }

    @Test func ivrNodeRowsCarryTheFiguresOfTheirCalls() throws {
        var query = CallQuery()
        query.dimensions = [.ivrNode]
        let report = f.report(calls, query: query)
        let failed = try #require(report.table.rows.first { $0.keys == ["主菜单>支付>支付失败"] })
        #expect(failed.figures.answered == 1)
        #expect(failed.figures.abandoned == 1)
        let root = try #require(report.table.rows.first { $0.keys == ["主菜单"] })
        #expect(root.figures.answered == 2)
    }

    @Test func ivrNodeRowsAreTheSameWhenTheCellsAreMergedInGenerations() {
        #expect(table([.ivrNode], cellLimit: 1) == table([.ivrNode]))
    }
}
