import HotlineMetrics
import HotlineModel

/// The journey section of the HTML report: the sentences of the text report, escalation and chaser calls by
/// category, and the queues and menu paths that send most calls on to a ticket.
extension HTMLReportRenderer {
    func journey(_ j: JourneySection, _ w: inout HTMLWriter<String>) {
        let words = s.journey
        w.raw("<section>\n")
        w.element("h2", words.title)
        for line in TextReportRenderer.journeyLines(j, s) { w.element("p", line) }
        w.tableStart()
        w.tableHead([words.category, words.answered, words.escalated, words.rate, words.chaserCalls])
        for row in j.byCategory {
            let category = CallCategory(name: row.name)
            let chasers = j.chasersByCategory.first { $0.category == category }?.calls ?? 0
            w.row([
                category.map(s.category) ?? row.name, DisplayFormat.count(row.answered),
                DisplayFormat.count(row.escalated), DisplayFormat.percent(row.rate), DisplayFormat.count(chasers),
            ])
        }
        w.tableEnd()
        for (heading, title, rows) in [
            (words.mostEscalatedQueues, words.queue, j.byQueue), (words.mostEscalatedPaths, words.path, j.byIVRPath),
        ] {
            let shown = rows.filter { $0.escalated > 0 }.prefix(TextReportRenderer.journeyRowsShown)
            guard !shown.isEmpty else { continue }
            w.element("h3", heading)
            w.tableStart()
            w.tableHead([title, words.answered, words.escalated, words.rate])
            for row in shown {
                w.row([
                    row.name, DisplayFormat.count(row.answered), DisplayFormat.count(row.escalated),
                    DisplayFormat.percent(row.rate),
                ])
            }
            w.tableEnd()
        }
        w.raw("</section>\n")
    }
}
