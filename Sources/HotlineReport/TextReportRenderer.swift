import HotlineMetrics

/// The plain-text report: 100 columns at most, aligned tables, for a terminal or a cron e-mail.
///
/// Sections: headline with the change vs the previous period, queue load by time of day, days, categories
/// and subcategories, queues, busiest hours (hour x weekday), wait before answer, data quality.
public struct TextReportRenderer: ReportRenderer {
    public init() {}

    public func render<Output: TextOutputStream>(_ report: Report, into out: inout Output) {
        header(report, &out)
        headline(report, &out)
        intervals(report, &out)
        if report.days.count > 1 { days(report, &out) }
        categories(report, &out)
        queues(report, &out)
        if !report.agents.isEmpty { agents(report, &out) }
        staffing(report, &out)
        heatmap(report, &out)
        waits(report, &out)
        dataQuality(report, &out)
    }

    private func section<Output: TextOutputStream>(_ title: String, _ note: String = "", _ out: inout Output) {
        out.write("\n" + title.uppercased() + (note.isEmpty ? "" : "  (" + note + ")") + "\n")
    }

    private func header<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        let p = r.period
        let t = r.thresholds
        let span =
            p.from.map { from in "\(from) .. \(p.to ?? from) (\(p.days) \(p.days == 1 ? "day" : "days"))" }
            ?? "no calls"
        out.write("HOTLINE CALL REPORT  \(span)\n")
        out.write("Time zone \(p.timeZone), \(p.intervalMinutes)-minute intervals. ")
        out.write(
            "Service level: answered in \(t.serviceLevelSeconds) s, target \(DisplayFormat.percent(t.serviceLevelTarget)).\n"
        )
        out.write(
            "Abandons under \(t.shortAbandonSeconds) s are short and left out of rates; repeat window \(t.repeatWindowHours) h.\n"
        )
        if let from = p.previousFrom, let to = p.previousTo { out.write("Changes compare with \(from) .. \(to).\n") }
        if !r.filters.queues.isEmpty || !r.filters.categories.isEmpty {
            let parts = [
                r.filters.queues.isEmpty
                    ? nil : "queues " + r.filters.queues.map(TerminalText.sanitized).joined(separator: ", "),
                r.filters.categories.isEmpty ? nil : "categories " + r.filters.categories.joined(separator: ", "),
            ].compactMap { $0 }
            out.write("Only \(parts.joined(separator: "; ")).\n")
        }
        let q = r.dataQuality
        out.write(
            "Inputs: \(DisplayFormat.count(q.inputs.count, "file")), \(DisplayFormat.count(q.records, "record")): "
                + "\(DisplayFormat.count(q.accepted)) accepted, \(DisplayFormat.count(q.rejected)) rejected"
                + (q.filesFailed > 0 ? "; \(DisplayFormat.count(q.filesFailed, "file")) unreadable" : "")
                + (q.rejected + q.filesFailed > 0 ? " (see DATA QUALITY)" : "") + ".\n")
        if q.callsOutsidePeriod > 0 {
            out.write(
                "\(DisplayFormat.count(q.callsOutsidePeriod, "call")) read fall outside the period or filters "
                    + "and are left out of its figures.\n")
        }
    }

    private func headline<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        section("Headline", "", &out)
        let comparing = r.period.previousFrom != nil
        let columns =
            comparing
            ? [("", 36), ("This period", 12), ("Previous", 10), ("Change", 10)] : [("", 36), ("This period", 12)]
        var table = TextTable(columns)
        var notes: [String] = []
        for f in r.headline {
            var cells = [f.label, DisplayFormat.figure(f.value, kind: f.kind)]
            if comparing {
                cells += [DisplayFormat.figure(f.previous, kind: f.kind), DisplayFormat.change(f.change, kind: f.kind)]
            }
            table.add(cells)
            if let target = f.target, let value = f.value {
                notes.append(
                    value >= target
                        ? "target \(DisplayFormat.percent(target)) met"
                        : "BELOW target \(DisplayFormat.percent(target))")
            } else {
                notes.append("")
            }
        }
        var text = ""
        table.render(into: &text, indent: "  ")
        // The target status follows its row, after the last column.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() where !(i == lines.count - 1 && line.isEmpty) {
            let note = i > 0 && i - 1 < notes.count ? notes[i - 1] : ""
            out.write(String(line) + (note.isEmpty ? "" : "   " + note) + "\n")
        }
        let t = r.totals
        out.write(
            "  Also: \(DisplayFormat.count(t.shortAbandoned, "short abandon")), \(DisplayFormat.count(t.timedOut)) timed out, "
                + "\(DisplayFormat.count(t.callback, "callback")); longest wait \(DisplayFormat.duration(t.longestWaitSeconds)).\n"
        )
        out.write(
            "  CSAT response rate \(DisplayFormat.percent(t.csatResponseRate))"
                + (t.npsResponses > 0 ? "; NPS \(DisplayFormat.fixed(t.nps ?? 0, decimals: 1))" : "") + ".\n")
        if let after = r.period.repeatsProvisionalAfter {
            out.write(
                wrapped(
                    "Repeat calls are provisional after \(after): those callers may still call back."))
        }
    }

    private static let loadColumns: [(String, Int)] = [
        ("Offered", 8), ("Answered", 8), ("Abandon", 7), ("Short", 5), ("SL", 6), ("Aband%", 6), ("ASA", 5),
        ("Wait p90", 8), ("AHT", 6), ("CSAT", 4),
    ]

    private func intervals<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
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

    private func days<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        section("Days", "", &out)
        var table = TextTable([("Date", 10), ("Day", 3)] + Self.loadColumns + [("Repeat", 6), ("Peak", 4)])
        for row in r.days {
            table.add(
                [row.date, row.weekday] + FigureCells.load(row.figures)
                    + [DisplayFormat.percent(row.figures.repeatCallRate), DisplayFormat.count(row.peakWaiting)])
        }
        table.render(into: &out, indent: "  ")
    }

    private static let groupColumns: [(String, Int)] = [
        ("Offered", 8), ("Share", 6), ("SL", 6), ("Aband%", 6), ("ASA", 5), ("AHT", 6), ("CSAT", 4), ("Sat%", 6),
        ("Repeat", 6),
    ]

    private func categories<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        section(
            "Categories and subcategories",
            "Sat% = CSAT 4-5; Repeat = caller back within \(r.thresholds.repeatWindowHours) h", &out)
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

    private func queues<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        section("Queues", "", &out)
        var table = TextTable([("Queue", 28)] + Self.groupColumns)
        for q in r.queues {
            table.add([q.name.isEmpty ? "(no queue)" : q.name] + FigureCells.group(q.figures, share: q.share))
        }
        table.render(into: &out, indent: "  ")
    }

    private func agents<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
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
        for a in r.agents { table.add(FigureCells.agent(a, sessions: sessions)) }
        table.render(into: &out, indent: "  ")
    }

    private func staffing<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
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
                cells += [
                    DisplayFormat.fixed(seen, decimals: 1), gap < 0 ? DisplayFormat.fixed(gap, decimals: 1) : "ok",
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
                    "Observed = distinct agents answering calls in the interval, mean per day; Gap < 0 = fewer than required."
                ))
        }
    }

    private func heatmap<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        let peak = r.heatmap.flatMap { $0 }.max() ?? 0
        section("Busiest hours", "offered calls by hour and weekday; * marks the busiest hour", &out)
        var table = TextTable(
            [("Hour", 4)] + ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map { ($0, 8) } + [("All", 8)])
        for hour in 0..<24 {
            let cells = (0..<7).map { day -> String in
                let n = r.heatmap[day][hour]
                return DisplayFormat.count(n) + (n == peak && peak > 0 ? "*" : "")
            }
            let all = (0..<7).reduce(0) { $0 + r.heatmap[$1][hour] }
            table.add([(hour < 10 ? "0" : "") + "\(hour)"] + cells + [DisplayFormat.count(all)])
        }
        table.render(into: &out, indent: "  ")
    }

    private func waits<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        let t = r.totals
        section(
            "Wait before answer",
            "answered calls; p50 \(DisplayFormat.duration(t.waitP50Seconds)), p90 \(DisplayFormat.duration(t.waitP90Seconds)), "
                + "p99 \(DisplayFormat.duration(t.waitP99Seconds))", &out)
        let most = r.waitDistribution.map(\.calls).max() ?? 0
        for bucket in r.waitDistribution {
            let label = bucket.to.map { "\(bucket.from)-\($0) s" } ?? "over \(bucket.from - 1) s"
            let bar =
                most > 0 ? String(repeating: "#", count: Int((Double(bucket.calls) / Double(most) * 40).rounded())) : ""
            out.write(
                "  " + TerminalText.padRight(label, 12) + TerminalText.padLeft(DisplayFormat.count(bucket.calls), 9)
                    + TerminalText.padLeft(DisplayFormat.percent(bucket.share), 7) + "  " + bar + "\n")
        }
    }

    private func dataQuality<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        let q = r.dataQuality
        section("Data quality", "", &out)
        var table = TextTable([
            ("File", 38), ("Format", 9), ("Encoding", 14), ("Records", 8), ("Accepted", 8), ("Rejected", 8),
        ])
        let listing = InputListing(q.inputs)
        for input in listing.shown {
            table.add([
                Self.tail(input.path, 38), input.format.isEmpty ? "-" : input.format,
                input.encoding.isEmpty ? "-" : input.encoding, DisplayFormat.count(input.records),
                DisplayFormat.count(input.accepted), DisplayFormat.count(input.rejected),
            ])
        }
        if !listing.shown.isEmpty { table.render(into: &out, indent: "  ") }
        if let summary = listing.summary { out.write(wrapped(summary)) }
        for input in listing.shown {
            if let error = input.error { out.write(wrapped("ERROR \(input.path): \(error)")) }
            for note in input.notes { out.write(wrapped("Note \(input.path): \(note)")) }
        }
        if !q.rejectsByReason.isEmpty {
            out.write(
                wrapped(
                    "Rejected by reason: "
                        + q.rejectsByReason.map { "\($0.reason) \(DisplayFormat.count($0.count))" }.joined(
                            separator: ", ")
                        + "."))
            out.write("  First rejects:\n")
            for reject in q.firstRejects { out.write(wrapped(reject, indent: 4)) }
        } else {
            out.write("  No record was rejected.\n")
        }
        if q.unmatched.isEmpty {
            out.write("  Every call matched a category rule.\n")
        } else {
            let total = q.unmatched.reduce(0) { $0 + $1.count }
            out.write("  Values no category rule matched (\(DisplayFormat.count(total)) calls, counted as other):\n")
            for u in q.unmatched.prefix(15) {
                out.write(
                    "    " + TerminalText.padRight("\(u.field) \"\(u.value)\"", 60)
                        + TerminalText.padLeft(DisplayFormat.count(u.count), 10) + "\n")
            }
            if q.unmatched.count > 15 {
                out.write("    ... and \(q.unmatched.count - 15) more values (see the JSON report).\n")
            }
        }
    }

    /// A message in lines of at most 100 columns, `indent` spaces before the first line, four more before the rest.
    private func wrapped(_ message: String, indent: Int = 2) -> String {
        var lines: [String] = []
        var line = ""
        for word in TerminalText.sanitized(message).split(separator: " ").map({
            TerminalText.truncated(String($0), to: 90)
        }) {
            let margin = lines.isEmpty ? indent : indent + 4
            if !line.isEmpty && margin + TerminalText.width(line) + 1 + TerminalText.width(word) > 100 {
                lines.append(line)
                line = word
            } else {
                line += line.isEmpty ? word : " " + word
            }
        }
        lines.append(line)
        let first = String(repeating: " ", count: indent)
        let rest = String(repeating: " ", count: indent + 4)
        return lines.enumerated().map { ($0.offset == 0 ? first : rest) + $0.element }.joined(separator: "\n") + "\n"
    }

    /// The end of a long path, which is the part that tells files apart.
    static func tail(_ path: String, _ columns: Int) -> String {
        guard TerminalText.width(path) > columns else { return path }
        return "~" + String(path.suffix(columns - 1))
    }
}
