import HotlineMetrics
import HotlineModel

/// The table sections of the text report: load by time of day, days, categories, queues, agents, staffing.
extension TextReportRenderer {
    func intervals<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        let c = s.textColumns
        section(s.sections.queueLoad, s.notes.loadNote(r.period.days), &out)
        let figures = FigureTables.intervals
        var table = TextTable([(c.start, 5)] + figures.textColumns(s))
        var marked = false
        for row in r.intervals where row.figures.offered > 0 || r.period.days <= 1 {
            table.add([row.start] + Self.marked(figures.cells(row, s, target: r.thresholds.defaultTarget), &marked))
        }
        table.render(into: &out, indent: "  ")
        if marked { out.write(fitted("  " + s.notes.offTargetMark)) }
        let quiet = r.intervals.filter { $0.figures.offered == 0 }.count
        if quiet > 0 && r.period.days > 1 { out.write(s.notes.quietIntervals(quiet)) }
    }

    func days<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        section(s.sections.days, "", &out)
        // Wider figures widen their column; the date is never cut.
        let c = s.textColumns
        let figures = FigureTables.days
        let date = TerminalText.width(s.tableDate(CivilDate(year: 2026, month: 11, day: 10)))
        var table = TextTable([(c.date, date), (c.weekday, 3)] + figures.textColumns(s), firstMinimum: date)
        var marked = false
        for row in r.days {
            table.add(
                [Self.date(row.date, s), s.weekday(of: row.date, else: row.weekday)]
                    + Self.marked(figures.cells(row, s, target: r.thresholds.defaultTarget), &marked))
        }
        table.render(into: &out, indent: "  ")
        if marked { out.write(fitted("  " + s.notes.offTargetMark)) }
    }

    func categories<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        section(
            s.sections.categories,
            s.notes.categoriesNote(SatisfiedScores.text(r.thresholds.satisfiedScore), r.thresholds.repeatWindowHours),
            &out)
        let categories = FigureTables.group(figures: { (c: CategoryRow) in c.figures }, share: { $0.share })
        let subcategories = FigureTables.group(figures: { (g: GroupRow) in g.figures }, share: { $0.share })
        var table = TextTable([(s.textColumns.categoryAndSubcategory, 28)] + categories.textColumns(s))
        var marked = false
        for c in r.categories {
            table.add(
                [categoryName(c.category, chinese: c.chineseName)]
                    + Self.marked(categories.cells(c, s, target: c.target), &marked))
            for sub in c.subcategories {
                table.add(
                    ["  " + (sub.name.isEmpty ? s.unspecified : sub.name)]
                        + Self.marked(subcategories.cells(sub, s, target: sub.target), &marked))
            }
        }
        table.render(into: &out, indent: "  ")
        if marked { out.write(fitted("  " + s.notes.offTargetMark)) }
        let names = r.categories.map { (categoryName($0.category, chinese: $0.chineseName), $0.target) }
        if let own = FigureCells.ownTargets(names, default: r.thresholds.defaultTarget, s) {
            out.write(fitted("  " + own))
        }
    }

    /// A category row's name: the key and its Chinese name in English (`payment 支付`), the Chinese name alone in
    /// Chinese.
    func categoryName(_ key: String, chinese: String) -> String {
        language == .english ? "\(key) \(chinese)" : CallCategory(name: key).map(s.category) ?? chinese
    }

    /// A `YYYY-MM-DD` date as the tables show it.
    static func date(_ text: String, _ s: ReportStrings) -> String { CivilDate(parsing: text).map(s.tableDate) ?? text }

    func queues<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        section(s.sections.queues, "", &out)
        let figures = FigureTables.group(figures: { (q: GroupRow) in q.figures }, share: { $0.share })
        var table = TextTable([(s.textColumns.queue, 28)] + figures.textColumns(s))
        var marked = false
        for q in r.queues {
            table.add(
                [q.name.isEmpty ? s.noQueue : q.name] + Self.marked(figures.cells(q, s, target: q.target), &marked))
        }
        table.render(into: &out, indent: "  ")
        if marked { out.write(fitted("  " + s.notes.offTargetMark)) }
        let names = r.queues.map { (TerminalText.sanitized($0.name), $0.target) }
        if let own = FigureCells.ownTargets(names, default: r.thresholds.defaultTarget, s) {
            out.write(fitted("  " + own))
        }
    }

    func agents<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        let sessions = r.agents.contains { $0.loggedInSeconds != nil }
        let c = s.textColumns
        section(s.sections.agents, sessions ? s.notes.agentsNote : "", &out)
        var columns: [(String, Int)] = [
            (c.agent, 24), Self.column(c.answered, 8), Self.column(c.aht, 6), Self.column(c.handleTime, 7),
            Self.column(c.transfer, 8), Self.column(c.csat, 4),
        ]
        if sessions {
            columns += [
                Self.column(c.loggedIn, 9), Self.column(c.paused, 7), Self.column(c.occupancy, 6),
                Self.column(c.rangNoAnswer, 4),
            ]
        }
        var table = TextTable(columns)
        // An e-mail lists the ten who answered most and the ten who answered least; the HTML, CSV and JSON
        // reports list everyone.
        let ranked = r.agents.sorted {
            $0.figures.answered != $1.figures.answered ? $0.figures.answered > $1.figures.answered : $0.name < $1.name
        }
        let shown = ranked.count <= 2 * Self.agentsAtEachEnd ? ranked : Array(ranked.prefix(Self.agentsAtEachEnd))
        for a in shown { table.add(FigureCells.agent(a, sessions: sessions)) }
        if ranked.count > shown.count {
            table.add(
                [s.notes.agentsMore(ranked.count - 2 * Self.agentsAtEachEnd)]
                    + Array(repeating: "", count: columns.count - 1)
            )
            for a in ranked.suffix(Self.agentsAtEachEnd) { table.add(FigureCells.agent(a, sessions: sessions)) }
        }
        table.render(into: &out, indent: "  ")
        if ranked.count > shown.count {
            out.write(fitted(s.notes.agentsShown(Self.agentsAtEachEnd, ranked.count)))
        }
    }

    /// Agents listed at each end of the text report's ranking.
    static let agentsAtEachEnd = 10

    public func staffing<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        let t = r.thresholds
        let observed = r.staffing.contains { $0.observedAgents != nil }
        let c = s.textColumns
        section(
            s.sections.staffing,
            s.notes.staffingNote(DisplayFormat.percent(t.serviceLevelTarget), t.serviceLevelSeconds),
            &out)
        var columns: [(String, Int)] = [
            (c.start, 5), Self.column(c.callsPerDay, 9), Self.column(c.aht, 6), Self.column(c.required, 8),
        ]
        if observed { columns += [Self.column(c.observed, 8), Self.column(c.gap, 6)] }
        columns += [
            Self.column(c.serviceLevelAtRequired, 7), Self.column(c.asaAtRequired, 8), Self.column(c.occupancy, 6),
        ]
        var table = TextTable(columns)
        for row in r.staffing where row.callsPerDay > 0 {
            var cells = [
                row.start, DisplayFormat.fixed(row.callsPerDay, decimals: 1), DisplayFormat.duration(row.ahtSeconds),
                DisplayFormat.count(row.requiredAgents),
            ]
            if observed {
                let seen = row.observedAgents ?? 0
                let gap = seen - Double(row.requiredAgents)
                let missed = (row.observedServiceLevel ?? 1) < t.serviceLevelTarget
                cells += [
                    DisplayFormat.fixed(seen, decimals: 1),
                    gap < 0 ? DisplayFormat.fixed(gap, decimals: 1) : missed ? s.notes.gapMissed : s.ok,
                ]
            }
            cells += [
                DisplayFormat.percent(row.serviceLevel), DisplayFormat.duration(row.asaSeconds),
                DisplayFormat.percent(row.occupancy),
            ]
            table.add(cells)
        }
        table.render(into: &out, indent: "  ")
        if observed {
            out.write(wrapped(s.notes.staffingObservedNote))
        }
        staffingByWeekday(r, &out)
    }

    /// Where each weekday's mean day was short of agents, one line a weekday.
    func staffingByWeekday<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        guard !r.staffingByWeekday.isEmpty else { return }
        section(s.sections.staffingByWeekday, s.notes.staffingByWeekdayNote, &out)
        for day in r.staffingByWeekday {
            let runs = StaffingRun.runs(
                day.rows, target: r.thresholds.serviceLevelTarget, intervalMinutes: r.period.intervalMinutes)
            let head = "  " + s.notes.weekdayDays(s.weekday(named: day.weekday), day.days) + "  "
            if runs.isEmpty {
                out.write(head + s.ok + "\n")
            } else {
                for (i, run) in runs.enumerated() {
                    out.write(
                        fitted(
                            (i == 0 ? head : String(repeating: " ", count: TerminalText.width(head))) + run.text(s)))
                }
            }
        }
    }
}
