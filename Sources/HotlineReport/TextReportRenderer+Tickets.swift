import HotlineMetrics
import HotlineModel

/// The ticket sections of the text report: headline, categories, priorities, SLA breaches, the resolution-time
/// distribution and the backlog by day.
extension TextReportRenderer {
    /// The ticket headline, right after the calls' (docs/DESIGN.md, "Reports", part 4).
    func ticketHeadline<Output: TextOutputStream>(
        _ t: TicketSection, comparing: Bool, thresholds: MetricSettings, _ out: inout Output
    ) {
        section(s.sections.tickets, s.tickets.clockNote(t.businessHours), &out)
        let c = s.textColumns
        let columns =
            comparing
            ? [("", 36), (c.thisPeriod, 12), (c.previous, 10), (c.change, 10)] : [("", 36), (c.thisPeriod, 12)]
        var table = TextTable(columns)
        for f in t.headline {
            var cells = [s.label(of: f, thresholds, clock: t.clock), DisplayFormat.figure(f.value, kind: f.kind, s)]
            if comparing {
                cells += [
                    DisplayFormat.figure(f.previous, kind: f.kind, s), DisplayFormat.change(f.change, kind: f.kind, s),
                ]
            }
            table.add(cells)
        }
        table.render(into: &out, indent: "  ")
        let f = t.totals
        out.write(
            wrapped(
                s.tickets.solvedLine(
                    f.solved, f.resolutions, f.firstReplies, f.slaBreached, f.slaWithTarget, f.satisfactionResponses)))
        if t.outsidePeriod > 0 { out.write(wrapped(s.tickets.outsidePeriod(t.outsidePeriod))) }
        if t.solvedWithoutTime > 0 { out.write(wrapped(s.tickets.solvedWithoutTime(t.solvedWithoutTime))) }
    }

    /// The ticket tables and distributions, after the call tables (docs/DESIGN.md, "Reports", part 4).
    func ticketSections<Output: TextOutputStream>(_ t: TicketSection, _ out: inout Output) {
        let c = s.textColumns
        section(s.sections.ticketsByCategory, s.tickets.categoriesNote, &out)
        let figures = FigureTables.tickets.reading { (row: TicketGroupRow) in row.figures }
        var categories = TextTable([(c.categoryAndSubcategory, 24)] + figures.textColumns(s))
        for row in t.categories {
            categories.add(
                [categoryName(row.name, chinese: CallCategory(name: row.name)?.chineseName ?? "")]
                    + figures.cells(row, s).map(\.text))
            for sub in row.subcategories ?? [] {
                categories.add(["  " + sub.name] + figures.cells(sub, s).map(\.text))
            }
        }
        categories.render(into: &out, indent: "  ")

        section(s.sections.ticketsByPriority, "", &out)
        var priorities = TextTable([(c.priority, 24)] + figures.textColumns(s))
        for p in t.priorities {
            priorities.add([TicketPriority(name: p.name).map(s.priority) ?? p.name] + figures.cells(p, s).map(\.text))
        }
        priorities.render(into: &out, indent: "  ")

        slaMatrix(t, &out)
        resolution(t, &out)
        if t.days.count > 1 {
            section(s.sections.ticketsByDay, s.tickets.byDayNote, &out)
            var days = TextTable([
                (c.date, 10), (c.weekday, 3), Self.column(c.created, 8), Self.column(c.solved, 8),
                Self.column(c.backlog, 8),
            ])
            for d in t.days {
                days.add([
                    Self.date(d.date, s), s.weekday(of: d.date, else: d.weekday), DisplayFormat.count(d.created),
                    DisplayFormat.count(d.solved),
                    DisplayFormat.count(d.backlog),
                ])
            }
            days.render(into: &out, indent: "  ")
        }
    }

    private func slaMatrix<Output: TextOutputStream>(_ t: TicketSection, _ out: inout Output) {
        let targets = t.slaTargets.map { FigureCells.slaTarget($0, s) }
        section(s.sections.slaBreaches, s.tickets.slaNote, &out)
        guard !t.sla.isEmpty else {
            out.write(wrapped(targets.isEmpty ? s.tickets.noTargets : s.tickets.noneWithTarget))
            return
        }
        let priorities = TicketPriority.allCases.filter { p in t.sla.contains { $0.priority == p.name } }
        var table = TextTable([(s.textColumns.category, 12)] + priorities.map { (s.priority($0), 14) })
        for category in CallCategory.allCases where t.sla.contains(where: { $0.category == category.name }) {
            table.add(
                [s.category(category)]
                    + priorities.map { p in
                        FigureCells.sla(t.sla.first { $0.category == category.name && $0.priority == p.name })
                    })
        }
        table.render(into: &out, indent: "  ")
        out.write(wrapped(s.tickets.targets(targets)))
    }

    private func resolution<Output: TextOutputStream>(_ t: TicketSection, _ out: inout Output) {
        let f = t.totals
        section(
            s.sections.resolution,
            s.tickets.resolutionNote(
                DisplayFormat.minutes(f.resolutionP50Minutes, s), DisplayFormat.minutes(f.resolutionP90Minutes, s)),
            &out)
        let names = CallCategory.allCases.map(s.category)
        let c = s.textColumns
        var table = TextTable([Self.column(c.within, 8)] + names.map { ($0, 9) } + [(c.all, 7)])
        let totals = t.resolutionDistribution.map { $0.counts.reduce(0, +) }
        let most = totals.max() ?? 0
        for (bucket, total) in zip(t.resolutionDistribution, totals) {
            table.add(
                [s.tickets.resolutionBucket(bucket.fromMinutes, bucket.toMinutes, bucket.label)]
                    + bucket.counts.map(DisplayFormat.count) + [DisplayFormat.count(total)])
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
