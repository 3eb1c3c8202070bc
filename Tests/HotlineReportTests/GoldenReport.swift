import Foundation
import HotlineMetrics
import HotlineModel
import Testing

/// A small report over nasty values, and the golden files its renderings must equal byte for byte.
///
/// Set HOTLINE_UPDATE_GOLDEN=1 to rewrite the files after an intended change, then read the diff.
enum GoldenReport {
    static func make() -> Report {
        let symbols = SymbolTable()
        let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
        let calendar = LocalCalendar(zone: zone, intervalMinutes: 60)
        var settings = MetricSettings()
        settings.intervalMinutes = 60
        var query = CallQuery()
        query.from = CivilDate(parsing: "2026-11-16")
        query.to = CivilDate(parsing: "2026-11-16")
        query.dimensions = [.queue, .subcategory]
        let aggregator = CallAggregator(settings: settings, query: query, calendar: calendar, symbols: symbols)
        let start = Instant(seconds: 1_794_794_400)  // 2026-11-16T10:00:00+08:00
        let queues = ["<script>alert('x')</script>", "商户热线", "line\r\nbreak", "a,\"quoted\""]
        for i in 0..<24 {
            let answered = i % 5 != 4
            let wait = Milliseconds(i * 7 % 45) * 1000 + 500
            let dayBefore: Milliseconds = i % 2 == 1 ? 86_400_000 : 0  // half on the day before: the previous period
            let enqueued: Instant = start + (Milliseconds(i) * 600_000 - dayBefore)
            let talk: Milliseconds = i == 3 ? 999_999_999_000 : 180_000
            let call = CallRecord(
                location: RecordLocation(file: 0, line: Int32(i + 2)), queue: symbols.intern(queues[i % 4]),
                category: CallCategory.allCases[i % 5], subcategory: symbols.intern(i % 3 == 0 ? "<b>bold</b>" : "退款"),
                caller: CallerKey.interned(symbols.intern("c\(i % 6)")), agent: symbols.intern("A\(i % 3)"),
                enqueuedAt: enqueued, answeredAt: answered ? enqueued + wait : nil,
                endedAt: enqueued + wait + (answered ? talk : 0), wait: wait, talk: answered ? talk : 0, hold: 0,
                wrap: 20_000, outcome: answered ? (i % 7 == 0 ? .transferred : .answered) : .abandoned,
                csat: answered && i % 2 == 0 ? Int8(1 + i % 5) : nil)
            aggregator.add(call)
        }
        var good = InputSummary(path: "calls<1>.csv", format: .callsCSV, encoding: "UTF-8")
        good.accepted = 24
        // Every kind, so the widest data-quality line is rendered too.
        good.rejectedByKind = Dictionary(uniqueKeysWithValues: RejectKind.allCases.map { ($0, 1) })
        good.records = good.accepted + good.rejected
        good.notes = ["ignored columns: <notes>"]
        var bad = InputSummary(path: "evil\"&'.csv")
        bad.error = .notACallLog(
            path: bad.path,
            reason:
                "the header names no call_id and enqueued_at (calls) nor id and created at (tickets) columns (found: <html>)"
        )
        let rejects = [
            Reject(
                file: "calls<1>.csv", line: 7, field: "csat", kind: .scoreOutOfRange,
                detail: "expected 1-5 or empty, found '<9>'"),
            Reject(file: "calls<1>.csv", line: 9, field: "enqueued_at", kind: .badTime, detail: "missing"),
        ]
        var report = ReportBuilder(
            aggregates: aggregator.finish(), calendar: calendar, symbols: symbols, inputs: [good, bad],
            firstRejects: rejects,
            unmatched: [(UnmatchedValue(field: "category", value: "<img src=x onerror=alert(1)>"), 3)]
        ).build()
        report.tickets = tickets(symbols: symbols, calendar: calendar, query: query)
        report.journey = journey()
        return report
    }

    /// Calls that became tickets: two categories, a queue and a menu path, one chaser call.
    static func journey() -> JourneySection? {
        var j = JourneyAccumulator()
        j.linkable = true
        (j.tickets, j.linkedByReference, j.linkedByPhone, j.offered) = (5, 3, 1, 40)
        for i in 0..<30 {
            var names: [JourneyAccumulator.Breakdown: String] = [
                .category: i < 20 ? "payment" : "complaint", .queue: "hotline-cn <b>",
            ]
            if i < 10 { names[.ivrPath] = "主菜单>支付>退款" }
            j.addAnswered(escalated: i % 7 == 0, names: names)
        }
        j.resolutions[.init(solveDay: 20_408, minutes: 95)] = 2
        j.resolutions[.init(solveDay: 20_408, minutes: 1_500)] = 1
        j.chaserCalls[.init(day: 20_408, category: .payment)] = 1
        return JourneySection(j)
    }

    /// Tickets over the same day and the day before: every status, a target per priority, nasty names.
    static func tickets(symbols: SymbolTable, calendar: LocalCalendar, query: CallQuery) -> TicketSection {
        var settings = TicketSettings()
        settings.businessHours = BusinessHours(weekdays: [0, 1, 2, 3, 4], start: 9 * 3600, end: 18 * 3600)
        settings.slaTargets = [
            SLATarget(category: .complaint, firstReplyMinutes: 30), SLATarget(priority: .high, resolutionMinutes: 120),
        ]
        var ticketQuery = query
        ticketQuery.dimensions = [.priority, .assignee]
        let aggregator = TicketAggregator(settings: settings, query: ticketQuery, calendar: calendar)
        let start = Instant(seconds: 1_794_794_400)  // 2026-11-16T10:00:00+08:00
        let assignees = ["a,\"quoted\"", "<i>王芳</i>"]
        for i in 0..<12 {
            let created = start + (Milliseconds(i) * 1_500_000 - (i % 3 == 0 ? 86_400_000 : 0))
            let solved: Instant? = i % 4 == 3 ? nil : created + Milliseconds(i * 17 + 5) * 60_000
            let ticket = TicketRecord(
                location: RecordLocation(file: 1, line: Int32(i + 2)), id: "T\(i)", key: UInt64(i),
                assignee: symbols.intern(assignees[i % 2]), category: CallCategory.allCases[i % 5],
                subcategory: symbols.intern(i % 2 == 0 ? "<b>bold</b>" : "退款"),
                priority: TicketPriority.allCases[i % 5], status: solved == nil ? .open : .solved, createdAt: created,
                firstReplyAt: created + Milliseconds(i * 9 + 1) * 60_000, solvedAt: solved, reopens: i % 5 == 1 ? 1 : 0,
                satisfaction: i % 3 == 0 ? .good : i % 3 == 1 ? .bad : .score(Int8(1 + i % 5)))
            aggregator.add(ticket)
        }
        return TicketSectionBuilder(
            aggregator: aggregator, symbols: symbols, fromDay: query.from?.dayNumber, toDay: query.to?.dayNumber
        ).build()
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares `text` with the golden file `name`, or rewrites it when asked to.
    static func check(_ text: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["HOTLINE_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if text != expected {
            let got = text.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line =
                zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            Issue.record(
                "\(name) differs at line \(line + 1): got \(line < got.count ? String(got[line]) : "<end>") | want \(line < want.count ? String(want[line]) : "<end>")",
                sourceLocation: sourceLocation)
        }
    }
}
