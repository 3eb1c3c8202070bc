import HotlineMetrics

/// The HTML report: one self-contained file (inline CSS and SVG, no script, no network), readable printed.
///
/// Every string that came from an input (queues, labels, agents, file names, reject messages) is escaped.
public struct HTMLReportRenderer: ReportRenderer {
    public init() {}

    public func render<Output: TextOutputStream>(_ report: Report, into output: inout Output) {
        var w = HTMLWriter(out: "")
        let p = report.period
        let span = DisplayFormat.span(from: p.from, to: p.to, days: nil, separator: " – ") ?? "no data"
        w.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        w.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        w.text("Hotline report " + span)
        w.raw("</title>\n<style>\n" + ReportStyle.css + "\n</style>\n</head>\n<body>\n")
        header(report, span: span, &w)
        // A ticket export alone gives a ticket report: the call sections would be empty.
        let calls = report.tickets == nil || report.totals.offered > 0
        let comparing = report.period.previousFrom != nil
        if calls { exceptions(report, &w) }
        if calls { cards(report.headline, comparing: comparing, &w) }
        if let tickets = report.tickets { ticketHeadline(tickets, comparing: comparing, &w) }
        if calls {
            load(report, &w)
            if report.days.count > 1 { days(report, &w) }
            if report.serviceLevelByDay.count > 1 { serviceLevelHeatmap(report, &w) }
            heatmap(report, &w)
            categories(report, &w)
            queues(report, &w)
            if !report.agents.isEmpty { agents(report, &w) }
        }
        if let tickets = report.tickets {
            ticketSections(tickets, satisfiedScore: report.thresholds.satisfiedScore, &w)
        }
        if calls {
            staffing(report, &w)
            waits(report, &w)
        }
        dataQuality(report, &w)
        footer(report, &w)
        w.raw("</body>\n</html>\n")
        output.write(w.out)
    }

    private func header(_ r: Report, span: String, _ w: inout HTMLWriter<String>) {
        let t = r.thresholds
        w.raw("<header>\n")
        if let nav = r.navigation {
            w.raw("<nav class=\"meta\">")
            for (href, label) in [
                (nav.previous, "← day before"), (nav.index, "all reports"), (nav.next, "day after →"),
            ] {
                w.raw("<a href=\"")
                w.text(href)
                w.raw("\">")
                w.text(label)
                w.raw("</a> ")
            }
            w.raw("</nav>\n")
        }
        let subject = r.tickets == nil ? "calls" : r.totals.offered > 0 ? "calls and tickets" : "tickets"
        w.element("h1", "Hotline \(subject) · " + span)
        for missing in r.exceptions where missing.kind == .missingData {
            w.element(
                "p",
                "ALARM: \(missing.day) has \(DisplayFormat.count(missing.offered, "call")), usually "
                    + "\(DisplayFormat.count(missing.usual)): the call data is missing or incomplete.", class: "alarm")
        }
        let days = "\(r.period.days) \(r.period.days == 1 ? "day" : "days") · time zone \(DisplayFormat.zone(r.period))"
        w.element(
            "p",
            r.tickets != nil && r.totals.offered == 0
                ? days
                : days + " · \(r.period.intervalMinutes)-minute intervals · "
                    + "service level = answered within \(t.serviceLevelSeconds) s, target \(DisplayFormat.percent(t.serviceLevelTarget))",
            class: "meta")
        if let comparison = r.period.comparison {
            w.element(
                "p", "Changes compare with \(comparison)" + (r.period.comparisonPartial.map { "; \($0)" } ?? "") + ".",
                class: "meta")
        }
        var filters: [String] = []
        if !r.filters.queues.isEmpty { filters.append("queues " + r.filters.queues.joined(separator: ", ")) }
        if !r.filters.categories.isEmpty {
            filters.append("categories " + r.filters.categories.joined(separator: ", "))
        }
        if !filters.isEmpty { w.element("p", "Only " + filters.joined(separator: "; ") + ".", class: "meta") }
        if !r.filters.queues.isEmpty && r.tickets != nil {
            w.element("p", "Tickets are not filtered by queue: a ticket export names no queue.", class: "meta")
        }
        for warning in r.warnings { w.element("p", "Note: " + warning + ".", class: "meta") }
        let q = r.dataQuality
        w.element(
            "p",
            "\(q.inputs.count) input \(q.inputs.count == 1 ? "file" : "files"), \(DisplayFormat.count(q.records)) records: "
                + "\(DisplayFormat.count(q.accepted)) accepted, \(DisplayFormat.count(q.rejected)) rejected"
                + (q.filesFailed > 0 ? ", \(q.filesFailed) unreadable \(q.filesFailed == 1 ? "file" : "files")" : "")
                + ".",
            class: "meta")
        if q.callsOutsidePeriod > 0 {
            w.element(
                "p",
                "\(DisplayFormat.count(q.callsOutsidePeriod, "call")) read fall outside the period or filters and are left out of its figures.",
                class: "meta")
        }
        w.raw("</header>\n")
    }

    func cards(
        _ headline: [HeadlineFigure], comparing: Bool, _ w: inout HTMLWriter<String>
    ) {
        w.raw("<section class=\"cards\">\n")
        for f in headline {
            let missed = f.target.flatMap { target in f.value.map { $0 < target } } ?? false
            w.raw(missed ? "<div class=\"card miss\">" : "<div class=\"card\">")
            w.element("div", f.label, class: "label")
            w.element("div", DisplayFormat.figure(f.value, kind: f.kind), class: "value")
            if let target = f.target, f.value != nil {
                w.element(
                    "span", (missed ? "below target " : "target met ") + DisplayFormat.percent(target), class: "badge")
            }
            if f.provisional {
                w.element("div", "provisional: not compared", class: "change")
            } else if comparing {
                // Colour says better or worse for the caller, as the figure judges it (neutral: no colour).
                let tone = f.better.map { $0 ? " good" : " bad" } ?? ""
                let arrow = (f.change ?? 0) > 0 ? "▲ " : (f.change ?? 0) < 0 ? "▼ " : ""
                w.raw("<div class=\"change\(tone)\">")
                w.text(
                    arrow + DisplayFormat.change(f.change, kind: f.kind) + " vs "
                        + DisplayFormat.figure(f.previous, kind: f.kind))
                w.raw("</div>")
            }
            w.raw("</div>\n")
        }
        w.raw("</section>\n")
    }

    static let loadHeaders = [
        "Offered", "Answered", "Abandoned", "Short", "SL", "Aband.", "ASA", "Wait p90", "AHT", "CSAT",
    ]

    private func load(_ r: Report, _ w: inout HTMLWriter<String>) {
        let target = r.thresholds.serviceLevelTarget
        w.raw("<section>\n")
        w.element("h2", "Queue load by time of day" + (r.period.days > 1 ? " (all \(r.period.days) days)" : ""))
        let perHour = 60 / max(1, r.period.intervalMinutes)
        w.raw(
            SVGChart.load(
                labels: r.intervals.map(\.start), figures: r.intervals.map(\.figures), target: target,
                title: "Offered, answered and abandoned calls by time of day, with service level",
                labelEvery: max(1, perHour * 2)))
        w.raw(SVGChart.loadLegend(target: target))
        w.tableHead(["Start"] + Self.loadHeaders + ["Peak waiting"])
        for row in r.intervals {
            loadRow(
                [row.start] + FigureCells.load(row.figures) + [DisplayFormat.count(row.peakWaiting)],
                sl: row.figures.serviceLevel, target: target, slIndex: 5, &w)
        }
        w.tableEnd()
        w.raw("</section>\n")
    }

    private func heatmap(_ r: Report, _ w: inout HTMLWriter<String>) {
        let peak = max(1, r.heatmap.flatMap { $0 }.max() ?? 1)
        w.raw("<section>\n")
        w.element("h2", "Offered calls by hour and weekday")
        w.tableStart(class: "heat")
        w.raw("<thead><tr><th>Hour</th>")
        for day in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] { w.raw("<th>\(day)</th>") }
        w.raw("</tr></thead>\n<tbody>\n")
        for hour in 0..<24 {
            w.raw("<tr><th>\(hour < 10 ? "0" : "")\(hour):00</th>")
            for day in 0..<7 {
                let n = r.heatmap[day][hour]
                let level = Double(n) / Double(peak)
                // White to deep blue; white text on the darker half.
                let red = Int(255 - level * (255 - 31))
                let green = Int(255 - level * (255 - 78))
                let blue = Int(255 - level * (255 - 140))
                let ink = level > 0.55 ? "#fff" : "#1d2733"
                w.raw(
                    "<td style=\"background:rgb(\(red),\(green),\(blue));color:\(ink)\">\(DisplayFormat.count(n))</td>")
            }
            w.raw("</tr>\n")
        }
        w.tableEnd()
        w.raw("</section>\n")
    }

    static let groupHeaders = ["Offered", "Share", "SL", "Aband.", "ASA", "AHT", "CSAT", "Satisfied", "Repeat"]

    private func waits(_ r: Report, _ w: inout HTMLWriter<String>) {
        let t = r.totals
        w.raw("<section>\n")
        w.element("h2", "Wait before answer")
        w.raw(SVGChart.waits(r.waitDistribution, threshold: r.thresholds.serviceLevelSeconds))
        w.element(
            "p",
            "Answered calls. Median \(DisplayFormat.duration(t.waitP50Seconds)), 90th percentile \(DisplayFormat.duration(t.waitP90Seconds)), "
                + "99th percentile \(DisplayFormat.duration(t.waitP99Seconds)), longest wait of any call \(DisplayFormat.duration(t.longestWaitSeconds)). "
                + "Blue bars are within the \(r.thresholds.serviceLevelSeconds) s service-level threshold.",
            class: "quiet")
        w.raw("</section>\n")
    }

    private func dataQuality(_ r: Report, _ w: inout HTMLWriter<String>) {
        let q = r.dataQuality
        w.raw("<section>\n")
        w.element("h2", "Data quality")
        w.tableHead(["File", "Format", "Encoding", "Records", "Accepted", "Rejected"])
        let listing = InputListing(q.inputs)
        for input in listing.shown {
            w.raw("<tr>")
            w.element("th", input.path)
            w.element("td", input.format.isEmpty ? "-" : input.format)
            w.element("td", input.encoding.isEmpty ? "-" : input.encoding)
            w.element("td", DisplayFormat.count(input.records), class: "n")
            w.element("td", DisplayFormat.count(input.accepted), class: "n")
            w.element("td", DisplayFormat.count(input.rejected), class: input.rejected > 0 ? "n low" : "n")
            w.raw("</tr>\n")
        }
        w.tableEnd()
        if let summary = listing.summary { w.element("p", summary, class: "quiet") }
        let notes = listing.shown.flatMap { input in
            (input.error.map { ["\(input.path): error: \($0)"] } ?? []) + input.notes.map { "\(input.path): \($0)" }
        }
        if !notes.isEmpty {
            w.raw("<ul>\n")
            for note in notes { w.element("li", note) }
            w.raw("</ul>\n")
        }
        if q.rejectsByReason.isEmpty {
            w.element("p", "No record was rejected.", class: "quiet")
        } else {
            w.element(
                "p",
                "Rejected by reason: "
                    + q.rejectsByReason.map { "\($0.reason) \(DisplayFormat.count($0.count))" }.joined(separator: ", ")
                    + ".")
            w.raw("<ul class=\"rejects\">\n")
            for reject in q.firstRejects { w.element("li", reject) }
            w.raw("</ul>\n")
        }
        if q.unmatched.isEmpty {
            w.element("p", "Every call matched a category rule.", class: "quiet")
        } else {
            w.element("p", "Values no category rule matched (counted as other): add a rule to classify them.")
            w.tableHead(["Field", "Value", "Calls"])
            for u in q.unmatched.prefix(30) {
                w.raw("<tr>")
                w.element("th", u.field)
                w.element("td", u.value)
                w.element("td", DisplayFormat.count(u.count), class: "n")
                w.raw("</tr>\n")
            }
            w.tableEnd()
        }
        w.raw("</section>\n")
    }

    private func footer(_ r: Report, _ w: inout HTMLWriter<String>) {
        let t = r.thresholds
        w.raw("<footer>")
        w.text(
            "Offered = calls that entered a queue. Service level = answered within \(t.serviceLevelSeconds) s / (offered − short abandons). "
                + "Abandonment = abandoned after \(t.shortAbandonSeconds) s or more / (offered − short abandons). ASA and wait percentiles over answered calls "
                + "(nearest rank, whole seconds). AHT = talk + hold + after-call work. Peak waiting = most calls in queue at the same second. "
                + "Generated by hotline; definitions in docs/METRICS.md.")
        w.raw("</footer>\n")
    }
}
