import HotlineMetrics
import HotlineModel

/// The ticket sections of the HTML report: headline cards, resolution-time distribution, SLA breaches by
/// category and priority, backlog over the days, categories (with satisfaction) and priorities.
extension HTMLReportRenderer {
    static let ticketHeaders = FigureCells.ticketColumns.map(\.0)

    /// The ticket headline cards, right after the calls' (DESIGN.md section 1).
    func ticketHeadline(_ t: TicketSection, comparing: Bool, _ w: inout HTMLWriter<String>) {
        w.raw("<section>\n")
        w.element("h2", "Tickets")
        w.element(
            "p",
            t.businessHours.map { "Reply and resolution times count business hours only: \($0)." }
                ?? "Reply and resolution times are calendar time (no business hours configured).",
            class: "quiet")
        w.raw("</section>\n")
        cards(t.headline, comparing: comparing, &w)
        let f = t.totals
        var notes = [
            "\(DisplayFormat.count(f.solved)) solved with \(DisplayFormat.count(f.resolutions)) resolution times; "
                + "\(DisplayFormat.count(f.firstReplies)) first-reply times; satisfaction from "
                + "\(DisplayFormat.count(f.satisfactionResponses, "rating"))."
        ]
        if t.outsidePeriod > 0 {
            notes.append(
                "\(DisplayFormat.count(t.outsidePeriod, "ticket")) read fall outside the period or filters (the backlog still counts them)."
            )
        }
        if t.solvedWithoutTime > 0 {
            notes.append(
                "\(DisplayFormat.count(t.solvedWithoutTime, "ticket")) solved or closed without a solve time: left out of resolution figures and the backlog."
            )
        }
        for note in notes { w.element("p", note, class: "quiet") }
    }

    /// The ticket charts and tables, after the call tables (DESIGN.md sections 4 and 5).
    func ticketSections(_ t: TicketSection, satisfiedScore: Int, _ w: inout HTMLWriter<String>) {
        let f = t.totals
        w.raw("<section>\n")
        w.element(
            "h2",
            "Resolution time · median \(DisplayFormat.minutes(f.resolutionP50Minutes)), 90th percentile \(DisplayFormat.minutes(f.resolutionP90Minutes))"
        )
        w.raw(SVGChart.resolution(t.resolutionDistribution))
        w.raw(SVGChart.categoryLegend())
        w.raw("</section>\n")

        sla(t, &w)

        if t.days.count > 1 {
            w.raw("<section>\n")
            w.element("h2", "Ticket backlog by day")
            w.raw(SVGChart.backlog(t.days))
            w.raw(
                "<p class=\"legend\"><span class=\"sw\" style=\"background:\(SVGChart.other)\"></span>created "
                    + "<span class=\"ln\" style=\"border-color:\(SVGChart.target)\"></span>open at the end of the day</p>\n"
            )
            w.raw("</section>\n")
        }

        w.raw("<section>\n")
        w.element("h2", "Tickets by category")
        w.tableHead(["Category"] + Self.ticketHeaders)
        for c in t.categories {
            let chinese = CallCategory(name: c.name)?.chineseName ?? ""
            w.row(["\(c.name) · \(chinese)"] + FigureCells.ticket(c.figures), rowClass: "cat")
            for sub in c.subcategories ?? [] { w.row([sub.name] + FigureCells.ticket(sub.figures), rowClass: "sub") }
        }
        w.tableEnd()
        w.element(
            "p",
            "Created and first reply count on the creation day; solved, resolution, SLA, reopened and satisfaction on the solve day. "
                + "Sat% = good ratings (and scores of \(TextReportRenderer.satisfiedScores(satisfiedScore))) of all ratings.",
            class: "quiet")
        w.raw("</section>\n")

        w.raw("<section>\n")
        w.element("h2", "Tickets by priority")
        w.tableHead(["Priority"] + Self.ticketHeaders)
        for p in t.priorities { w.row([p.name] + FigureCells.ticket(p.figures)) }
        w.tableEnd()
        w.raw("</section>\n")
    }

    private func sla(_ t: TicketSection, _ w: inout HTMLWriter<String>) {
        w.raw("<section>\n")
        w.element("h2", "SLA breaches by category and priority")
        if t.sla.isEmpty {
            w.element(
                "p",
                t.slaTargets.isEmpty
                    ? "No SLA targets configured (tickets.sla in the configuration)."
                    : "No solved ticket in the period has a target.",
                class: "quiet")
        } else {
            let priorities = TicketPriority.allCases.filter { p in t.sla.contains { $0.priority == p.name } }
            w.tableHead(["Category"] + priorities.map(\.name))
            for category in CallCategory.allCases where t.sla.contains(where: { $0.category == category.name }) {
                w.raw("<tr><th>")
                w.text(category.name)
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
        let targets = t.slaTargets.map(FigureCells.slaTarget)
        if !targets.isEmpty {
            w.element(
                "p",
                "Breached / solved with a target; red above 20%. Targets, first match wins: "
                    + targets.joined(separator: "; ") + ".", class: "quiet")
        }
        w.raw("</section>\n")
    }
}
