import HotlineMetrics
import HotlineModel

/// The journey section of the text report: how many calls became tickets, how long the customer waited for the
/// answer, and the calls that chased an open ticket; escalation by category, then the queues and menu paths that
/// send most calls on to a ticket.
extension TextReportRenderer {
    /// Rows of the "most escalated" tables.
    static let journeyRowsShown = 5

    func journey<Output: TextOutputStream>(_ j: JourneySection, _ out: inout Output) {
        let w = s.journey
        section(w.title, "", &out)
        for line in Self.journeyLines(j, s) { out.write(fitted("  " + line)) }
        var table = TextTable([
            (w.category, 14), (w.answered, 10), (w.escalated, 12), (w.rate, 10), (w.chaserCalls, 12),
        ])
        for row in j.byCategory {
            let category = CallCategory(name: row.name)
            let chasers = j.chasersByCategory.first { $0.category == category }?.calls ?? 0
            table.add([
                category.map(s.category) ?? row.name, DisplayFormat.count(row.answered),
                DisplayFormat.count(row.escalated), DisplayFormat.percent(row.rate), DisplayFormat.count(chasers),
            ])
        }
        table.render(into: &out, indent: "  ")
        for (heading, title, rows) in [
            (w.mostEscalatedQueues, w.queue, j.byQueue), (w.mostEscalatedPaths, w.path, j.byIVRPath),
        ] {
            let shown = rows.filter { $0.escalated > 0 }.prefix(Self.journeyRowsShown)
            guard !shown.isEmpty else { continue }
            out.write("\n" + fitted("  " + heading))
            var worst = TextTable([(title, 36), (w.answered, 10), (w.escalated, 12), (w.rate, 10)])
            for row in shown {
                worst.add([
                    row.name, DisplayFormat.count(row.answered), DisplayFormat.count(row.escalated),
                    DisplayFormat.percent(row.rate),
                ])
            }
            worst.render(into: &out, indent: "  ")
        }
    }

    /// The section's sentences, shared with the HTML report.
    static func journeyLines(_ j: JourneySection, _ s: ReportStrings) -> [String] {
        let w = s.journey
        var lines = [
            w.linked(
                DisplayFormat.count(j.linkedTickets), DisplayFormat.count(j.tickets),
                DisplayFormat.count(j.linkedByReference), DisplayFormat.count(j.linkedByPhone)),
            w.escalation(
                DisplayFormat.count(j.escalated), DisplayFormat.count(j.answered),
                DisplayFormat.percent(j.escalationRate)),
        ]
        if j.unknownReferences > 0 { lines.append(w.unknownReferences(DisplayFormat.count(j.unknownReferences))) }
        if j.resolved > 0 {
            lines.append(
                w.resolution(
                    DisplayFormat.minutes(j.contactToResolutionP50Minutes, s),
                    DisplayFormat.minutes(j.contactToResolutionP90Minutes, s), DisplayFormat.count(j.resolved)))
        }
        lines.append(w.chasers(DisplayFormat.count(j.chaserCalls), DisplayFormat.percent(j.chaserRate)))
        if j.fromStore { lines.append(w.fromStore) }
        return lines
    }
}
