import HotlineIngest
import HotlineModel

/// The configuration tables of `hotline export` (docs/EXPORT.md, "calendar" and "sla_targets"): what SQL needs to
/// compute the ticket figures without the configuration. The calendar holds one row per working period of the
/// configured business hours (a working day that is not a holiday: its local open and close as UTC instants) over
/// the local days the exported tickets span; the SLA targets are the `tickets.sla` rules in order.
enum ExportCalendar {
    static let columns: [ExportColumn] = [
        ExportColumn(name: "local_day", type: "date"), ExportColumn(name: "open_at", type: "timestamp"),
        ExportColumn(name: "close_at", type: "timestamp"),
    ]

    static let slaColumns: [ExportColumn] = [
        ExportColumn(name: "rule", type: "integer"), ExportColumn(name: "category", type: "string"),
        ExportColumn(name: "priority", type: "string"), ExportColumn(name: "first_reply_min", type: "integer"),
        ExportColumn(name: "resolution_min", type: "integer"),
    ]

    /// One working period: the local day, its opening and closing as UTC seconds since the epoch.
    struct Period: Equatable {
        var day: Int
        var open: Int64
        var close: Int64
    }

    /// The working periods of `hours` on the local days `first...last` of `calendar`, in day order: exactly the
    /// periods ``BusinessHours/seconds(from:to:calendar:)`` sums overlaps with (its weekdays, not its holidays; open
    /// and close through ``LocalCalendar/utcSecond(fromWall:)``).
    static func periods(of hours: BusinessHours, calendar: LocalCalendar, from first: Int, through last: Int)
        -> [Period]
    {
        guard last >= first else { return [] }
        return (first...last).compactMap { day in
            guard hours.isWorkday(day) else { return nil }
            let midnight = Int64(day) * 86400
            return Period(
                day: day, open: calendar.utcSecond(fromWall: midnight + Int64(hours.start)),
                close: calendar.utcSecond(fromWall: midnight + Int64(hours.end)))
        }
    }

    /// Writes `DIR/calendar/part-0.EXT` when business hours are set (over the days `span` holds; header only when
    /// no ticket was read) and `DIR/sla_targets/part-0.EXT` when SLA targets are set; nothing otherwise.
    static func write(
        folder: String, format: ExportFormat, hours: BusinessHours?, targets: [SLATarget], calendar: LocalCalendar,
        span: TicketDaySpan, level: Int32 = ExportSink.defaultLevel
    ) throws {
        if let hours {
            try writeTable("calendar", columns, folder: folder, format: format, level: level) { row, add in
                guard let first = span.first, let last = span.last else { return }
                for period in periods(of: hours, calendar: calendar, from: first, through: last) {
                    row.localDay(period.day)
                    row.time(Instant(seconds: period.open))
                    row.time(Instant(seconds: period.close))
                    try add()
                }
            }
        }
        guard !targets.isEmpty else { return }
        try writeTable("sla_targets", slaColumns, folder: folder, format: format, level: level) { row, add in
            for (i, target) in targets.enumerated() {
                row.integer(i + 1)
                if let category = target.category { row.word(category.name) } else { row.null() }
                if let priority = target.priority { row.word(priority.name) } else { row.null() }
                row.integer(target.firstReplyMinutes)
                row.integer(target.resolutionMinutes)
                try add()
            }
        }
    }

    /// One small unpartitioned table: `fill` writes each row's cells into `row` and calls `add` to end it. The
    /// table is put in place, or on failure removed. It compresses on a thread of its own, waited for before
    /// returning (and before a discard, since the thread may still be writing the part).
    private static func writeTable(
        _ name: String, _ columns: [ExportColumn], folder: String, format: ExportFormat, level: Int32,
        fill: (ExportRow, _ add: () throws -> Void) throws -> Void
    ) throws {
        let deflater = DeflateWorker(level: level)
        let table = ExportTableWriter(
            folder: folder, name: name, columns: columns, format: format, partitioned: false, deflater: deflater)
        let row = ExportRow(format: format, columns: columns)
        do {
            row.begin()
            try fill(row) {
                row.end()
                try table.add(row.bytes, day: 0)
                row.begin()
            }
            try table.commit()
            try deflater.finish()
        } catch {
            try? deflater.finish()
            table.discard()
            throw error
        }
    }
}

/// The local days the tickets read span: the earliest creation day to the latest day of a creation, first reply or
/// solve, the days a reply or resolution time can cross (an unsolved ticket's age is no figure, so no later day is
/// needed).
struct TicketDaySpan {
    private(set) var first: Int?
    private(set) var last: Int?

    mutating func add(_ ticket: TicketRecord, calendar: LocalCalendar) {
        for instant in [ticket.createdAt, ticket.firstReplyAt, ticket.solvedAt] {
            guard let instant else { continue }
            let day = Int(calendar.stamp(instant).day)
            first = min(first ?? day, day)
            last = max(last ?? day, day)
        }
    }
}

/// Passes everything ingest reads on to the export's sink, noting the days the tickets span for the calendar.
/// Ingest calls a sink on one thread, so this needs no lock.
final class TicketSpanSink: IngestSink {
    let next: IngestSink
    let calendar: LocalCalendar
    private(set) var span = TicketDaySpan()

    init(next: IngestSink, calendar: LocalCalendar) {
        self.next = next
        self.calendar = calendar
    }

    func call(_ call: CallRecord) { next.call(call) }
    func calls(_ block: [CallRecord]) { next.calls(block) }
    func ticket(_ ticket: TicketRecord) {
        span.add(ticket, calendar: calendar)
        next.ticket(ticket)
    }
    func agentEvent(_ event: AgentEvent) { next.agentEvent(event) }
    func reject(_ reject: Reject) { next.reject(reject) }
    func bytesRead(_ count: Int) { next.bytesRead(count) }
}
