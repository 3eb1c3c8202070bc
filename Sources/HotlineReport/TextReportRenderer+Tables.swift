import HotlineMetrics

/// The table sections of the text report: load by time of day, days, categories, queues, agents, staffing.
extension TextReportRenderer {
    func intervals<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        let note =
            r.period.days > 1
            ? "all \(r.period.days) days together; Peak = most calls waiting at once"
            : "Peak = most calls waiting at once"
        section("Queue load by time of day", note, &out)
        var table = TextTable([("Start", 5)] + Self.loadColumns + [("Peak", 4)])
        for row in r.intervals where row.figures.offered > 0 || r.period.days <= 1 {
            table.add([row.start] + FigureCells.load(row.figures) + [DisplayFormat.count(row.peakWaiting)])
        }
        table.render(into: &out, indent: "  ")
        let quiet = r.intervals.filter { $0.figures.offered == 0 }.count
        if quiet > 0 && r.period.days > 1 { out.write("  \(quiet) intervals without calls not shown.\n") }
    }

    func days<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        section("Days", "", &out)
        // Offered one column narrower than elsewhere (its header's width): the table fits 100 columns. Wider
        // figures widen their column; the date is never cut.
        let load = [("Offered", 7)] + Self.loadColumns.dropFirst()
        var table = TextTable([("Date", 10), ("Day", 3)] + load + [("Repeat", 6), ("Peak", 4)], firstMinimum: 10)
        for row in r.days {
            table.add(
                [row.date, row.weekday] + FigureCells.load(row.figures)
                    + [DisplayFormat.percent(row.figures.repeatCallRate), DisplayFormat.count(row.peakWaiting)])
        }
        table.render(into: &out, indent: "  ")
    }

    func categories<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        section(
            "Categories and subcategories",
            "Sat% = CSAT \(Self.satisfiedScores(r.thresholds.satisfiedScore)); Repeat = caller back within \(r.thresholds.repeatWindowHours) h",
            &out)
        var table = TextTable([("Category / subcategory", 28)] + Self.groupColumns)
        for c in r.categories {
            table.add(["\(c.category) \(c.chineseName)"] + FigureCells.group(c.figures, share: c.share))
            for s in c.subcategories {
                table.add(
                    ["  " + (s.name.isEmpty ? "(unspecified)" : s.name)] + FigureCells.group(s.figures, share: s.share))
            }
        }
        table.render(into: &out, indent: "  ")
    }

    /// The scores that count as satisfied: `4-5`, or `5` alone.
    static func satisfiedScores(_ least: Int) -> String { least >= 5 ? "5" : "\(max(1, least))-5" }

    func queues<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        section("Queues", "", &out)
        var table = TextTable([("Queue", 28)] + Self.groupColumns)
        for q in r.queues {
            table.add([q.name.isEmpty ? "(no queue)" : q.name] + FigureCells.group(q.figures, share: q.share))
        }
        table.render(into: &out, indent: "  ")
    }

    func agents<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        let sessions = r.agents.contains { $0.loggedInSeconds != nil }
        section(
            "Agents",
            sessions ? "logged in and paused from the queue log; Occup. = handle time / (logged in - paused)" : "", &out
        )
        var columns: [(String, Int)] = [
            ("Agent", 24), ("Answered", 8), ("AHT", 6), ("Handle", 7), ("Transfer", 8), ("CSAT", 4),
        ]
        if sessions { columns += [("Logged in", 9), ("Paused", 7), ("Occup.", 6), ("RNA", 4)] }
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
                ["... \(ranked.count - 2 * Self.agentsAtEachEnd) more"] + Array(repeating: "", count: columns.count - 1)
            )
            for a in ranked.suffix(Self.agentsAtEachEnd) { table.add(FigureCells.agent(a, sessions: sessions)) }
        }
        table.render(into: &out, indent: "  ")
        if ranked.count > shown.count {
            out.write(
                fitted(
                    "  The \(Self.agentsAtEachEnd) agents who answered most and least; all \(ranked.count) in the HTML, CSV and JSON reports."
                ))
        }
    }

    /// Agents listed at each end of the text report's ranking.
    static let agentsAtEachEnd = 10

    public func staffing<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        let t = r.thresholds
        let observed = r.staffing.contains { $0.observedAgents != nil }
        section(
            "Staffing",
            "Erlang C: agents for \(DisplayFormat.percent(t.serviceLevelTarget)) in \(t.serviceLevelSeconds) s, per interval of the mean day",
            &out)
        var columns: [(String, Int)] = [("Start", 5), ("Calls/day", 9), ("AHT", 6), ("Required", 8)]
        if observed { columns += [("Observed", 8), ("Gap", 6)] }
        columns += [("SL then", 7), ("ASA then", 8), ("Occup.", 6)]
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
                    gap < 0 ? DisplayFormat.fixed(gap, decimals: 1) : missed ? "SL" : "ok",
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
            out.write(
                wrapped(
                    "Observed = distinct agents answering calls in the interval, mean per day; Gap < 0 = fewer than required; SL = the interval missed its target with the agents it had."
                ))
        }
        staffingByWeekday(r, &out)
    }

    /// Where each weekday's mean day was short of agents, one line a weekday.
    func staffingByWeekday<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        guard !r.staffingByWeekday.isEmpty else { return }
        section(
            "Staffing by weekday", "intervals short of agents or below target on the mean day of each weekday", &out)
        for day in r.staffingByWeekday {
            let runs = StaffingRun.runs(
                day.rows, target: r.thresholds.serviceLevelTarget, intervalMinutes: r.period.intervalMinutes)
            let head = "  \(day.weekday) (\(day.days) days)  "
            if runs.isEmpty {
                out.write(head + "ok\n")
            } else {
                for (i, run) in runs.enumerated() {
                    out.write(fitted((i == 0 ? head : String(repeating: " ", count: head.count)) + run.text))
                }
            }
        }
    }
}
