import HotlineMetrics
import HotlineModel

/// The ticket sections of the text report: headline, categories, priorities, SLA breaches, the resolution-time
/// distribution and the backlog by day.
extension TextReportRenderer {
    /// The ticket headline, right after the calls' (DESIGN.md section 1).
    func ticketHeadline<Output: TextOutputStream>(_ t: TicketSection, comparing: Bool, _ out: inout Output) {
        let clock =
            t.businessHours.map { "times in business hours, \($0)" } ?? "calendar times (no business hours configured)"
        section("Tickets", clock, &out)
        let columns =
            comparing
            ? [("", 36), ("This period", 12), ("Previous", 10), ("Change", 10)] : [("", 36), ("This period", 12)]
        var table = TextTable(columns)
        for f in t.headline {
            var cells = [f.label, DisplayFormat.figure(f.value, kind: f.kind)]
            if comparing {
                cells += [DisplayFormat.figure(f.previous, kind: f.kind), DisplayFormat.change(f.change, kind: f.kind)]
            }
            table.add(cells)
        }
        table.render(into: &out, indent: "  ")
        let s = t.totals
        out.write(
            wrapped(
                "Solved \(DisplayFormat.count(s.solved)) with \(DisplayFormat.count(s.resolutions, "resolution time")); "
                    + "\(DisplayFormat.count(s.firstReplies)) first-reply times measured; SLA: "
                    + "\(DisplayFormat.count(s.slaBreached)) of \(DisplayFormat.count(s.slaWithTarget)) solved with a target breached; "
                    + "satisfaction from \(DisplayFormat.count(s.satisfactionResponses, "rating"))."))
        if t.outsidePeriod > 0 {
            out.write(
                wrapped(
                    "\(DisplayFormat.count(t.outsidePeriod, "ticket")) read fall outside the period or filters (the backlog still counts them)."
                ))
        }
        if t.solvedWithoutTime > 0 {
            out.write(
                wrapped(
                    "\(DisplayFormat.count(t.solvedWithoutTime, "ticket")) solved or closed without a solve time: left out of resolution figures and the backlog."
                ))
        }
    }

    /// The ticket tables and distributions, after the call tables (DESIGN.md sections 4 and 5).
    func ticketSections<Output: TextOutputStream>(_ t: TicketSection, _ out: inout Output) {
        section("Tickets by category", "created on the day; solved, resolution, SLA and Sat% on the solve day", &out)
        var categories = TextTable([("Category / subcategory", 24)] + FigureCells.ticketColumns)
        for c in t.categories {
            let chinese = CallCategory(name: c.name)?.chineseName ?? ""
            categories.add(["\(c.name) \(chinese)"] + FigureCells.ticket(c.figures))
            for sub in c.subcategories ?? [] { categories.add(["  " + sub.name] + FigureCells.ticket(sub.figures)) }
        }
        categories.render(into: &out, indent: "  ")

        section("Tickets by priority", "", &out)
        var priorities = TextTable([("Priority", 24)] + FigureCells.ticketColumns)
        for p in t.priorities { priorities.add([p.name] + FigureCells.ticket(p.figures)) }
        priorities.render(into: &out, indent: "  ")

        slaMatrix(t, &out)
        resolution(t, &out)
        if t.days.count > 1 {
            section("Tickets by day", "Backlog = open at the end of the day", &out)
            var days = TextTable([("Date", 10), ("Day", 3), ("Created", 8), ("Solved", 8), ("Backlog", 8)])
            for d in t.days {
                days.add([
                    d.date, d.weekday, DisplayFormat.count(d.created), DisplayFormat.count(d.solved),
                    DisplayFormat.count(d.backlog),
                ])
            }
            days.render(into: &out, indent: "  ")
        }
    }

    private func slaMatrix<Output: TextOutputStream>(_ t: TicketSection, _ out: inout Output) {
        let targets = t.slaTargets.map(FigureCells.slaTarget)
        section("SLA breaches", "breached / solved with a target, by category and priority", &out)
        guard !t.sla.isEmpty else {
            out.write(
                wrapped(
                    targets.isEmpty
                        ? "No SLA targets configured (tickets.sla in the configuration)."
                        : "No solved ticket in the period has a target."))
            return
        }
        let priorities = TicketPriority.allCases.filter { p in t.sla.contains { $0.priority == p.name } }
        var table = TextTable([("Category", 12)] + priorities.map { ($0.name, 14) })
        for category in CallCategory.allCases where t.sla.contains(where: { $0.category == category.name }) {
            table.add(
                [category.name]
                    + priorities.map { p in
                        FigureCells.sla(t.sla.first { $0.category == category.name && $0.priority == p.name })
                    })
        }
        table.render(into: &out, indent: "  ")
        out.write(wrapped("Targets (first match wins): " + targets.joined(separator: "; ") + "."))
    }

    private func resolution<Output: TextOutputStream>(_ t: TicketSection, _ out: inout Output) {
        let f = t.totals
        section(
            "Resolution time",
            "solved tickets; p50 \(DisplayFormat.minutes(f.resolutionP50Minutes)), p90 \(DisplayFormat.minutes(f.resolutionP90Minutes))",
            &out)
        let names = CallCategory.allCases.map(\.name)
        var table = TextTable([("Within", 8)] + names.map { ($0, 9) } + [("All", 7)])
        let totals = t.resolutionDistribution.map { $0.counts.reduce(0, +) }
        let most = totals.max() ?? 0
        for (bucket, total) in zip(t.resolutionDistribution, totals) {
            table.add([bucket.label] + bucket.counts.map(DisplayFormat.count) + [DisplayFormat.count(total)])
        }
        var text = ""
        // A bar after the numbers, sized to the bucket's share of the busiest one: up to 22 columns.
        table.render(into: &text, indent: "  ", limit: 78)
        let lines = text.split(separator: "\n")
        for (i, line) in lines.enumerated() {
            let total = i > 0 ? totals[i - 1] : 0
            let bar = most > 0 ? String(repeating: "#", count: Int((Double(total) / Double(most) * 20).rounded())) : ""
            out.write(String(line) + (bar.isEmpty ? "" : "  " + bar) + "\n")
        }
    }
}
