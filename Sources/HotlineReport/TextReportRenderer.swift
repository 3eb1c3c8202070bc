import HotlineMetrics

/// The plain-text report: 100 columns at most, aligned tables, for a terminal or a cron e-mail.
///
/// Sections: headline with the change vs the previous period, queue load by time of day, days, categories
/// and subcategories, queues, busiest hours (hour x weekday), wait before answer, data quality.
public struct TextReportRenderer: ReportRenderer {
    public init() {}

    public func render<Output: TextOutputStream>(_ report: Report, into out: inout Output) {
        header(report, &out)
        // A ticket export alone gives a ticket report: the call sections would be empty tables.
        let calls = report.tickets == nil || report.totals.offered > 0
        // The first screen of the morning e-mail: what needs attention, the headline, the queues; the long tables
        // follow.
        if calls {
            exceptions(report, &out)
            headline(report, &out)
            queues(report, &out)
        }
        if let tickets = report.tickets {
            ticketHeadline(tickets, comparing: report.period.previousFrom != nil, &out)
        }
        if calls {
            intervals(report, &out)
            if report.days.count > 1 { days(report, &out) }
            categories(report, &out)
            if !report.agents.isEmpty { agents(report, &out) }
        }
        if let tickets = report.tickets { ticketSections(tickets, &out) }
        if calls {
            staffing(report, &out)
            heatmap(report, &out)
            waits(report, &out)
        }
        dataQuality(report, &out)
    }

    func section<Output: TextOutputStream>(_ title: String, _ note: String = "", _ out: inout Output) {
        out.write("\n" + fitted(title.uppercased() + (note.isEmpty ? "" : "  (" + note + ")")))
    }

    private func header<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        let p = r.period
        let t = r.thresholds
        let span = DisplayFormat.span(from: p.from, to: p.to, days: p.days, separator: " .. ") ?? "no data"
        let title =
            r.tickets == nil
            ? "HOTLINE CALL REPORT" : r.totals.offered > 0 ? "HOTLINE CALL AND TICKET REPORT" : "HOTLINE TICKET REPORT"
        out.write(fitted("\(title)  \(span)"))
        for missing in r.exceptions where missing.kind == .missingData {
            out.write(
                fitted(
                    "ALARM: \(missing.day) has \(DisplayFormat.count(missing.offered, "call")), usually "
                        + "\(DisplayFormat.count(missing.usual)): the call data is missing or incomplete."))
        }
        if r.tickets != nil && r.totals.offered == 0 {
            // A ticket report: the call thresholds say nothing here.
            out.write(fitted("Time zone \(DisplayFormat.zone(p))."))
        } else {
            out.write(fitted("Time zone \(DisplayFormat.zone(p)), \(p.intervalMinutes)-minute intervals."))
            out.write(
                "Service level: answered in \(t.serviceLevelSeconds) s, target \(DisplayFormat.percent(t.serviceLevelTarget)).\n"
            )
            out.write(
                "Abandons under \(t.shortAbandonSeconds) s are short and left out of rates; repeat window \(t.repeatWindowHours) h.\n"
            )
        }
        if let comparison = p.comparison {
            out.write(
                fitted("Changes compare with \(comparison)" + (p.comparisonPartial.map { "; \($0)" } ?? "") + "."))
        }
        if !r.filters.queues.isEmpty || !r.filters.categories.isEmpty {
            let parts = [
                r.filters.queues.isEmpty
                    ? nil : "queues " + r.filters.queues.map(TerminalText.sanitized).joined(separator: ", "),
                r.filters.categories.isEmpty ? nil : "categories " + r.filters.categories.joined(separator: ", "),
            ].compactMap { $0 }
            out.write(fitted("Only \(parts.joined(separator: "; "))."))
            if !r.filters.queues.isEmpty && r.tickets != nil {
                out.write(fitted("Tickets are not filtered by queue: a ticket export names no queue."))
            }
        }
        for warning in r.warnings { out.write(fitted("Note: " + TerminalText.sanitized(warning) + ".")) }
        let q = r.dataQuality
        out.write(
            fitted(
                "Inputs: \(DisplayFormat.count(q.inputs.count, "file")), \(DisplayFormat.count(q.records, "record")): "
                    + "\(DisplayFormat.count(q.accepted)) accepted, \(DisplayFormat.count(q.rejected)) rejected"
                    + (q.filesFailed > 0 ? "; \(DisplayFormat.count(q.filesFailed, "file")) unreadable" : "")
                    + (q.rejected + q.filesFailed > 0 ? " (see DATA QUALITY)" : "") + "."))
        if q.callsOutsidePeriod > 0 {
            out.write(
                fitted(
                    "\(DisplayFormat.count(q.callsOutsidePeriod, "call")) read fall outside the period or filters "
                        + "and are left out of its figures."))
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
            var cells = [f.label + (f.provisional ? " *" : ""), DisplayFormat.figure(f.value, kind: f.kind)]
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
        // The target status follows its row, after the last column: up to 24 columns.
        table.render(into: &text, indent: "  ", limit: 76)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() where !(i == lines.count - 1 && line.isEmpty) {
            let note = i > 0 && i - 1 < notes.count ? notes[i - 1] : ""
            out.write(String(line) + (note.isEmpty ? "" : "   " + note) + "\n")
        }
        let t = r.totals
        out.write(
            fitted(
                "  Also: \(DisplayFormat.count(t.shortAbandoned, "short abandon")), \(DisplayFormat.count(t.timedOut)) timed out, "
                    + "\(DisplayFormat.count(t.callback, "callback")); longest wait \(DisplayFormat.duration(t.longestWaitSeconds))."
            ))
        out.write(
            fitted(
                "  CSAT response rate \(DisplayFormat.percent(t.csatResponseRate))"
                    + (t.npsResponses > 0 ? "; NPS \(DisplayFormat.fixed(t.nps ?? 0, decimals: 1))" : "") + "."))
        if let after = r.period.repeatsProvisionalAfter {
            out.write(
                wrapped(
                    "* Provisional, not compared: answered calls after \(after) may still turn out repeats, their callers may still call back."
                ))
        }
    }

    static let loadColumns: [(String, Int)] = [
        ("Offered", 8), ("Answered", 8), ("Abandon", 7), ("Short", 5), ("SL", 6), ("Aband%", 6), ("ASA", 5),
        ("Wait p90", 8), ("AHT", 6), ("CSAT", 4),
    ]

    static let groupColumns: [(String, Int)] = [
        ("Offered", 8), ("Share", 6), ("SL", 6), ("Aband%", 6), ("ASA", 5), ("AHT", 6), ("CSAT", 4), ("Sat%", 6),
        ("Repeat", 6),
    ]

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
            out.write("  Values no category rule matched (\(DisplayFormat.count(total)) records, counted as other):\n")
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
    func wrapped(_ message: String, indent: Int = 2) -> String {
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

    /// The end of a long path, which is the part that tells files apart, in at most `columns` display columns.
    static func tail(_ path: String, _ columns: Int) -> String {
        guard TerminalText.width(path) > columns else { return path }
        var kept = String.UnicodeScalarView()
        var used = 1
        for scalar in path.unicodeScalars.reversed() {
            let w = TerminalText.isWide(scalar) ? 2 : 1
            if used + w > columns { break }
            kept.insert(scalar, at: kept.startIndex)
            used += w
        }
        return "~" + String(kept)
    }

    /// `line` and its line end when it fits 100 columns, else wrapped at its spaces (continuations four further in).
    func fitted(_ line: String) -> String {
        guard TerminalText.width(line) > 100 else { return line + "\n" }
        let indent = line.prefix { $0 == " " }.count
        return wrapped(String(line.dropFirst(indent)), indent: indent)
    }
}
