import Foundation
import HotlineModel

@testable import HotlineMetrics

/// Builds calls for metric tests: times in seconds after a fixed Monday morning in Shanghai.
struct CallFactory {
    let symbols = SymbolTable()
    /// 2026-11-16T10:00:00+08:00.
    static let monday10 = Instant(seconds: 1_794_794_400)

    func call(
        at offset: Int64 = 0, wait: Double = 10, outcome: CallOutcome = .answered, talk: Double = 100, hold: Double = 0,
        wrap: Double = 0, queue: String = "q", category: CallCategory = .payment, caller: String? = nil,
        csat: Int8? = nil,
        nps: Int8? = nil
    ) -> CallRecord {
        let enqueued = Self.monday10 + offset * 1000
        let waitMs = Milliseconds((wait * 1000).rounded())
        let answered = outcome == .answered || outcome == .transferred
        let answeredAt = answered ? enqueued + waitMs : nil
        let ended = (answeredAt ?? (enqueued + waitMs)) + (answered ? Milliseconds(talk * 1000) : 0)
        return CallRecord(
            location: RecordLocation(file: 0, line: 1), queue: symbols.intern(queue), category: category,
            caller: caller.map { CallerKey.interned(symbols.intern($0)) }, enqueuedAt: enqueued, answeredAt: answeredAt,
            endedAt: ended, wait: waitMs, talk: answered ? Milliseconds(talk * 1000) : 0,
            hold: Milliseconds(hold * 1000),
            wrap: Milliseconds(wrap * 1000), outcome: outcome, csat: csat, nps: nps)
    }

    func report(
        _ calls: [CallRecord], query: CallQuery = CallQuery(), zone: String = "Asia/Shanghai",
        settings: MetricSettings = MetricSettings(), cellLimit: Int? = nil
    ) -> Report {
        let calendar = LocalCalendar(
            zone: TimeZone(identifier: zone) ?? .gmt, intervalMinutes: settings.intervalMinutes)
        let aggregator = CallAggregator(settings: settings, query: query, calendar: calendar, symbols: symbols)
        if let cellLimit { aggregator.cellLimit = cellLimit }
        for call in calls { aggregator.add(call) }
        return ReportBuilder(
            aggregates: aggregator.finish(), calendar: calendar, symbols: symbols, inputs: [], firstRejects: [],
            unmatched: []
        ).build()
    }

    func figures(_ calls: [CallRecord]) -> CallFigures { report(calls).totals }
}
