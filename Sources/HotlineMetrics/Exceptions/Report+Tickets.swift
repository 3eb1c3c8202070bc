import HotlineModel

extension Report {
    /// Adds the ticket section, and its exceptions to the list (docs/METRICS.md, "Exceptions"): SLA breaches at least
    /// 10 points and 1.5 times above the compared period's rate (with 10 tickets with a target), and a backlog 20%
    /// and 20 tickets above the compared period's end.
    public mutating func attach(tickets: TicketSection, calendar: LocalCalendar) {
        self.tickets = tickets
        guard let from = period.from, let to = period.to, period.previousFrom != nil else { return }
        let start = ExceptionFinder.local(Int32(from.dayNumber), secondOfDay: 0, calendar: calendar)
        let end = ExceptionFinder.local(Int32(to.dayNumber), secondOfDay: 86_400, calendar: calendar)
        let compared = period.days
        func exception(_ kind: ReportException.Kind, figure: String, value: Double, usual: Double, affected: Int)
            -> ReportException
        {
            ReportException(
                kind: kind, from: start.iso, to: end.iso, day: from.description, fromClock: start.clock,
                toClock: end.clock, figure: figure, value: value, usual: usual, usualDays: compared,
                callsAffected: affected, offered: tickets.totals.solved)
        }
        func headline(_ key: HeadlineKey) -> HeadlineFigure? { tickets.headline.first { $0.key == key } }
        var found: [ReportException] = []
        if let sla = headline(.slaBreaches), let now = sla.value, let before = sla.previous,
            tickets.totals.slaWithTarget >= 10, now - before >= 0.10, now >= before * 1.5
        {
            let affected = Int((Double(tickets.totals.slaWithTarget) * (now - before)).rounded())
            found.append(
                exception(.ticketSLABreaches, figure: "sla_breach_rate", value: now, usual: before, affected: affected))
        }
        if let backlog = headline(.backlog), let now = backlog.value, let before = backlog.previous,
            now - before >= 20, now >= before * 1.2
        {
            found.append(
                exception(.backlogJump, figure: "backlog", value: now, usual: before, affected: Int(now - before)))
        }
        if !found.isEmpty { exceptions = ExceptionFinder.ranked(exceptions + found) }
    }
}
