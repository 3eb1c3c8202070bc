import HotlineMetrics

/// The table sections of the HTML report: load by time of day, days, categories, queues, agents, staffing.
extension HTMLReportRenderer {
    /// A table row whose service-level cell (index `slIndex`) is flagged when under target.
    func loadRow(
        _ cells: [String], sl: Double?, target: Double, slIndex: Int, rowClass: String? = nil,
        _ w: inout HTMLWriter<String>
    ) {
        w.raw(rowClass.map { "<tr class=\"\($0)\">" } ?? "<tr>")
        for (i, cell) in cells.enumerated() {
            if i == 0 {
                w.element("th", cell)
            } else {
                w.element("td", cell, class: i == slIndex && (sl.map { $0 < target } ?? false) ? "n low" : "n")
            }
        }
        w.raw("</tr>\n")
    }

    func days(_ r: Report, _ w: inout HTMLWriter<String>) {
        let target = r.thresholds.serviceLevelTarget
        w.raw("<section>\n")
        w.element("h2", "Days")
        w.raw(
            SVGChart.load(
                labels: r.days.map { String($0.date.suffix(5)) }, figures: r.days.map(\.figures), target: target,
                title: "Calls and service level by day", labelEvery: max(1, r.days.count / 14)))
        w.raw(SVGChart.loadLegend(target: target))
        w.tableHead(["Date", "Day"] + Self.loadHeaders + ["Repeat", "Peak waiting"])
        for row in r.days {
            loadRow(
                [row.date, row.weekday] + FigureCells.load(row.figures) + [
                    DisplayFormat.percent(row.figures.repeatCallRate), DisplayFormat.count(row.peakWaiting),
                ],
                sl: row.figures.serviceLevel, target: target, slIndex: 6, &w)
        }
        w.tableEnd()
        w.raw("</section>\n")
    }

    func categories(_ r: Report, _ w: inout HTMLWriter<String>) {
        w.raw("<section>\n")
        w.element("h2", "Categories and subcategories")
        w.tableHead(["Category"] + Self.groupHeaders)
        // Service level under target in red, in every group table (the group cells: name, offered, share, SL, ...).
        let target = r.thresholds.serviceLevelTarget
        for c in r.categories {
            loadRow(
                ["\(c.category) · \(c.chineseName)"] + FigureCells.group(c.figures, share: c.share),
                sl: c.figures.serviceLevel, target: target, slIndex: 3, rowClass: "cat", &w)
            for s in c.subcategories {
                loadRow(
                    [s.name.isEmpty ? "(unspecified)" : s.name] + FigureCells.group(s.figures, share: s.share),
                    sl: s.figures.serviceLevel, target: target, slIndex: 3, rowClass: "sub", &w)
            }
        }
        w.tableEnd()
        w.element(
            "p",
            "Satisfied = CSAT \(r.thresholds.satisfiedScore)-5. Repeat = answered calls whose caller called again within \(r.thresholds.repeatWindowHours) h.",
            class: "quiet")
        w.raw("</section>\n")
    }

    func queues(_ r: Report, _ w: inout HTMLWriter<String>) {
        w.raw("<section>\n")
        w.element("h2", "Queues")
        w.tableHead(["Queue"] + Self.groupHeaders)
        for q in r.queues {
            loadRow(
                [q.name.isEmpty ? "(no queue)" : q.name] + FigureCells.group(q.figures, share: q.share),
                sl: q.figures.serviceLevel, target: r.thresholds.serviceLevelTarget, slIndex: 3, &w)
        }
        w.tableEnd()
        w.raw("</section>\n")
    }

    func agents(_ r: Report, _ w: inout HTMLWriter<String>) {
        let sessions = r.agents.contains { $0.loggedInSeconds != nil }
        w.raw("<section>\n")
        w.element("h2", "Agents")
        w.tableHead(
            ["Agent", "Answered", "AHT", "Handle time", "Transfer", "CSAT"]
                + (sessions ? ["Logged in", "Paused", "Occupancy", "Rang, no answer"] : []))
        for a in r.agents { w.row(FigureCells.agent(a, sessions: sessions)) }
        w.tableEnd()
        if sessions {
            w.element(
                "p",
                "Logged-in and paused time come from the queue log, clipped to the period. Occupancy = handle time / (logged in − paused).",
                class: "quiet")
        }
        w.raw("</section>\n")
    }

    func staffing(_ r: Report, _ w: inout HTMLWriter<String>) {
        let t = r.thresholds
        let observed = r.staffing.contains { $0.observedAgents != nil }
        w.raw("<section>\n")
        w.element("h2", "Staffing (Erlang C)")
        w.tableHead(
            ["Start", "Calls per day", "AHT", "Agents required"] + (observed ? ["Agents observed", "Gap"] : [])
                + ["SL at required", "ASA at required", "Occupancy"])
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
                    "td", gap < 0 ? DisplayFormat.fixed(gap, decimals: 1) : missed ? "SL missed" : "ok",
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
            "Required = the fewest agents that answer \(DisplayFormat.percent(t.serviceLevelTarget)) within \(t.serviceLevelSeconds) s for the mean day's calls and AHT of the interval (Erlang C). "
                + (observed
                    ? "Observed = distinct agents answering calls in the interval, mean per day; "
                        + "\"SL missed\": the interval missed its target with the agents it had." : ""),
            class: "quiet")
        if !r.staffingByWeekday.isEmpty {
            w.element("h3", "By weekday: intervals short of agents or below target on each weekday's mean day")
            w.raw("<ul>\n")
            for day in r.staffingByWeekday {
                let runs = StaffingRun.runs(
                    day.rows, target: t.serviceLevelTarget, intervalMinutes: r.period.intervalMinutes)
                w.raw("<li>")
                w.element("b", "\(day.weekday) (\(day.days) days): ")
                w.text(runs.isEmpty ? "ok" : runs.map(\.text).joined(separator: "; "))
                w.raw("</li>\n")
            }
            w.raw("</ul>\n")
        }
        w.raw("</section>\n")
    }
}
