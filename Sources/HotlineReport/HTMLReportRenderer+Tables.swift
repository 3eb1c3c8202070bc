import HotlineMetrics
import HotlineModel

/// The table sections of the HTML report: load by time of day, days, categories, queues, agents, staffing.
extension HTMLReportRenderer {
    /// A table row: the cells that name the row (the first a header cell), then its figures, each one that misses
    /// its target (the row's own, else the default) flagged `low`.
    func figureRow(_ keys: [String], _ figures: [FigureCell], rowClass: String? = nil, _ w: inout HTMLWriter<String>) {
        w.raw(rowClass.map { "<tr class=\"\($0)\">" } ?? "<tr>")
        for (i, key) in keys.enumerated() {
            if i == 0 { w.element("th", key) } else { w.element("td", key, class: "n") }
        }
        for cell in figures { w.element("td", cell.text, class: cell.offTarget ? "n low" : "n") }
        w.raw("</tr>\n")
    }

    func days(_ r: Report, _ w: inout HTMLWriter<String>) {
        let target = r.thresholds.serviceLevelTarget
        w.raw("<section>\n")
        let c = s.columns
        w.element("h2", s.sections.days)
        w.raw(
            SVGChart.load(
                labels: r.days.map { String($0.date.suffix(5)) }, figures: r.days.map(\.figures), target: target,
                title: s.notes.chartDays, labelEvery: max(1, r.days.count / 14)))
        w.raw(SVGChart.loadLegend(target: target, s))
        let table = FigureTables.days
        w.tableHead([c.date, c.weekday] + table.htmlTitles(s))
        for row in r.days {
            figureRow(
                [row.date, s.weekday(of: row.date, else: row.weekday)],
                table.cells(row, s, target: r.thresholds.defaultTarget), &w)
        }
        w.tableEnd()
        w.raw("</section>\n")
    }

    func categories(_ r: Report, _ w: inout HTMLWriter<String>) {
        w.raw("<section>\n")
        w.element("h2", s.sections.categories)
        let categories = FigureTables.group(figures: { (c: CategoryRow) in c.figures }, share: { $0.share })
        let subcategories = FigureTables.group(figures: { (g: GroupRow) in g.figures }, share: { $0.share })
        w.tableHead([s.columns.categoryAndSubcategory] + categories.htmlTitles(s))
        // Off target in red: a category's own target, else the default.
        for c in r.categories {
            figureRow(
                [language == .english ? "\(c.category) · \(c.chineseName)" : c.chineseName],
                categories.cells(c, s, target: c.target), rowClass: "cat", &w)
            for sub in c.subcategories {
                figureRow(
                    [sub.name.isEmpty ? s.unspecified : sub.name], subcategories.cells(sub, s, target: sub.target),
                    rowClass: "sub", &w)
            }
        }
        w.tableEnd()
        if let own = FigureCells.ownTargets(
            r.categories.map { (language == .english ? $0.category : $0.chineseName, $0.target) },
            default: r.thresholds.defaultTarget, s)
        {
            w.element("p", own, class: "quiet")
        }
        w.element(
            "p",
            s.notes.htmlCategoriesNote(
                SatisfiedScores.text(r.thresholds.satisfiedScore), r.thresholds.repeatWindowHours),
            class: "quiet")
        w.raw("</section>\n")
    }

    func queues(_ r: Report, _ w: inout HTMLWriter<String>) {
        w.raw("<section>\n")
        w.element("h2", s.sections.queues)
        let table = FigureTables.group(figures: { (q: GroupRow) in q.figures }, share: { $0.share })
        w.tableHead([s.columns.queue] + table.htmlTitles(s))
        for q in r.queues {
            figureRow([q.name.isEmpty ? s.noQueue : q.name], table.cells(q, s, target: q.target), &w)
        }
        w.tableEnd()
        if let own = FigureCells.ownTargets(
            r.queues.map { ($0.name, $0.target) }, default: r.thresholds.defaultTarget, s)
        {
            w.element("p", own, class: "quiet")
        }
        w.raw("</section>\n")
    }

    func agents(_ r: Report, _ w: inout HTMLWriter<String>) {
        let sessions = r.agents.contains { $0.loggedInSeconds != nil }
        w.raw("<section>\n")
        let c = s.columns
        w.element("h2", s.sections.agents)
        w.tableHead(
            [c.agent, c.answered, c.aht, c.handleTime, c.transfer, c.csat]
                + (sessions ? [c.loggedIn, c.paused, c.occupancy, c.rangNoAnswer] : []))
        for a in r.agents { w.row(FigureCells.agent(a, sessions: sessions)) }
        w.tableEnd()
        if sessions {
            w.element("p", s.notes.htmlAgentsNote, class: "quiet")
        }
        w.raw("</section>\n")
    }

    func staffing(_ r: Report, _ w: inout HTMLWriter<String>) {
        let t = r.thresholds
        let observed = r.staffing.contains { $0.observedAgents != nil }
        w.raw("<section>\n")
        let c = s.columns
        w.element("h2", s.sections.htmlStaffing)
        w.tableHead(
            [c.start, c.callsPerDay, c.aht, c.required] + (observed ? [c.observed, c.gap] : [])
                + [c.serviceLevelAtRequired, c.asaAtRequired, c.occupancy])
        for row in r.staffing where row.callsPerDay > 0 {
            w.raw("<tr>")
            w.element("th", row.start)
            w.element("td", DisplayFormat.fixed(row.callsPerDay, decimals: 1), class: "n")
            w.element("td", DisplayFormat.duration(row.ahtSeconds), class: "n")
            w.element("td", DisplayFormat.count(row.requiredAgents), class: "n")
            if observed {
                let seen = row.observedAgents ?? 0
                let gap = seen - Double(row.requiredAgents)
                let missed = (row.observedServiceLevel ?? 1) < t.serviceLevelTarget
                w.element("td", DisplayFormat.fixed(seen, decimals: 1), class: "n")
                w.element(
                    "td", gap < 0 ? DisplayFormat.fixed(gap, decimals: 1) : missed ? s.notes.htmlGapMissed : s.ok,
                    class: gap < 0 || missed ? "n low" : "n")
            }
            w.element("td", DisplayFormat.percent(row.serviceLevel), class: "n")
            w.element("td", DisplayFormat.duration(row.asaSeconds), class: "n")
            w.element("td", DisplayFormat.percent(row.occupancy), class: "n")
            w.raw("</tr>\n")
        }
        w.tableEnd()
        w.element(
            "p",
            s.notes.htmlStaffingNote(DisplayFormat.percent(t.serviceLevelTarget), t.serviceLevelSeconds, observed),
            class: "quiet")
        if !r.staffingByWeekday.isEmpty {
            w.element("h3", s.notes.htmlStaffingByWeekday)
            w.raw("<ul>\n")
            for day in r.staffingByWeekday {
                let runs = StaffingRun.runs(
                    day.rows, target: t.serviceLevelTarget, intervalMinutes: r.period.intervalMinutes)
                w.raw("<li>")
                w.element("b", s.notes.weekdayDays(s.weekday(named: day.weekday), day.days) + ": ")
                w.text(runs.isEmpty ? s.ok : runs.map { $0.text(s) }.joined(separator: "; "))
                w.raw("</li>\n")
            }
            w.raw("</ul>\n")
        }
        w.raw("</section>\n")
    }
}
