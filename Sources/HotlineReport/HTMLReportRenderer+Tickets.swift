import HotlineMetrics
import HotlineModel

/// The ticket sections of the HTML report: headline cards, resolution-time distribution, SLA breaches by
/// category and priority, backlog over the days, categories (with satisfaction) and priorities.
extension HTMLReportRenderer {
    /// The ticket headline cards, right after the calls' (docs/DESIGN.md, "Reports", part 4).
    func ticketHeadline(
        _ t: TicketSection, comparing: Bool, thresholds: MetricSettings, _ w: inout HTMLWriter<String>
    ) {
        w.raw("<section>\n")
        w.element("h2", s.sections.tickets)
        w.element("p", s.tickets.htmlClockNote(t.businessHours), class: "quiet")
        w.raw("</section>\n")
        cards(t.headline, comparing: comparing, thresholds: thresholds, clock: t.clock, &w)
        let f = t.totals
        var notes = [s.tickets.htmlSolvedLine(f.solved, f.resolutions, f.firstReplies, f.satisfactionResponses)]
        if t.outsidePeriod > 0 { notes.append(s.tickets.outsidePeriod(t.outsidePeriod)) }
        if t.solvedWithoutTime > 0 { notes.append(s.tickets.solvedWithoutTime(t.solvedWithoutTime)) }
        for note in notes { w.element("p", note, class: "quiet") }
    }

    /// The ticket charts and tables, after the call tables (docs/DESIGN.md, "Reports", part 4).
    func ticketSections(_ t: TicketSection, satisfiedScore: Int, _ w: inout HTMLWriter<String>) {
        let f = t.totals
        w.raw("<section>\n")
        w.element(
            "h2",
            s.tickets.htmlResolutionTitle(
                DisplayFormat.minutes(f.resolutionP50Minutes, s), DisplayFormat.minutes(f.resolutionP90Minutes, s)))
        w.raw(SVGChart.resolution(t.resolutionDistribution, s))
        w.raw(SVGChart.categoryLegend(s))
        w.raw("</section>\n")

        sla(t, &w)

        if t.days.count > 1 {
            w.raw("<section>\n")
            w.element("h2", s.sections.htmlBacklog)
            w.raw(SVGChart.backlog(t.days, s))
            w.raw("<p class=\"legend\"><span class=\"sw\" style=\"background:\(SVGChart.other)\"></span>")
            w.text(s.notes.legendCreated)
            w.raw(" <span class=\"ln\" style=\"border-color:\(SVGChart.target)\"></span>")
            w.text(s.notes.legendBacklog)
            w.raw("</p>\n")
            w.raw("</section>\n")
        }

        w.raw("<section>\n")
        w.element("h2", s.sections.ticketsByCategory)
        let table = FigureTables.tickets.reading { (row: TicketGroupRow) in row.figures }
        w.tableHead([s.columns.category] + table.htmlTitles(s))
        for c in t.categories {
            let chinese = CallCategory(name: c.name)?.chineseName ?? ""
            let name = language == .english ? "\(c.name) · \(chinese)" : chinese.isEmpty ? c.name : chinese
            figureRow([name], table.cells(c, s), rowClass: "cat", &w)
            for sub in c.subcategories ?? [] {
                figureRow([sub.name], table.cells(sub, s), rowClass: "sub", &w)
            }
        }
        w.tableEnd()
        w.element(
            "p",
            s.tickets.htmlCategoriesNote(SatisfiedScores.text(satisfiedScore)),
            class: "quiet")
        w.raw("</section>\n")

        w.raw("<section>\n")
        w.element("h2", s.sections.ticketsByPriority)
        w.tableHead([s.columns.priority] + table.htmlTitles(s))
        for p in t.priorities {
            figureRow([TicketPriority(name: p.name).map(s.priority) ?? p.name], table.cells(p, s), &w)
        }
        w.tableEnd()
        w.raw("</section>\n")
    }

    private func sla(_ t: TicketSection, _ w: inout HTMLWriter<String>) {
        w.raw("<section>\n")
        w.element("h2", s.sections.htmlSLA)
        if t.sla.isEmpty {
            w.element("p", t.slaTargets.isEmpty ? s.tickets.noTargets : s.tickets.noneWithTarget, class: "quiet")
        } else {
            let priorities = TicketPriority.allCases.filter { p in t.sla.contains { $0.priority == p.name } }
            w.tableHead([s.columns.category] + priorities.map(s.priority))
            for category in CallCategory.allCases where t.sla.contains(where: { $0.category == category.name }) {
                w.raw("<tr><th>")
                w.text(s.category(category))
                w.raw("</th>")
                for p in priorities {
                    let cell = t.sla.first { $0.category == category.name && $0.priority == p.name }
                    w.raw((cell?.breachRate ?? 0) > 0.2 ? "<td class=\"n low\">" : "<td class=\"n\">")
                    w.text(FigureCells.sla(cell))
                    w.raw("</td>")
                }
                w.raw("</tr>\n")
            }
            w.tableEnd()
        }
        let targets = t.slaTargets.map { FigureCells.slaTarget($0, s) }
        if !targets.isEmpty { w.element("p", s.tickets.htmlTargets(targets), class: "quiet") }
        w.raw("</section>\n")
    }
}
