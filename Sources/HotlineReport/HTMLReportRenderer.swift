import HotlineMetrics
import HotlineModel

/// The HTML report: one self-contained file (inline CSS and SVG, no script, no network), readable printed.
///
/// Every string that came from an input (queues, labels, agents, file names, reject messages) is escaped.
public struct HTMLReportRenderer: ReportRenderer {
    /// The language of every heading, label and note, and of the page's `lang`.
    public var language: ReportLanguage
    var s: ReportStrings { .of(language) }

    public init(language: ReportLanguage = .english) { self.language = language }

    public func render<Output: TextOutputStream>(_ report: Report, into output: inout Output) {
        var w = HTMLWriter(out: "")
        let p = report.period
        let span = DisplayFormat.span(from: p.from, to: p.to, days: nil, separator: " – ", s) ?? s.noData
        w.raw("<!DOCTYPE html>\n<html lang=\"\(s.htmlLang)\">\n<head>\n<meta charset=\"utf-8\">\n")
        w.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        w.text(s.htmlDocumentTitle(span))
        w.raw("</title>\n<style>\n" + ReportStyle.css + "\n</style>\n</head>\n<body>\n")
        header(report, span: span, &w)
        // A ticket export alone gives a ticket report: the call sections would be empty.
        let calls = report.tickets == nil || report.totals.offered > 0
        let comparing = report.period.previousFrom != nil
        if calls { exceptions(report, &w) }
        if calls { cards(report.headline, comparing: comparing, thresholds: report.thresholds, &w) }
        if let tickets = report.tickets {
            ticketHeadline(tickets, comparing: comparing, thresholds: report.thresholds, &w)
        }
        if calls {
            load(report, &w)
            if report.days.count > 1 { days(report, &w) }
            if report.serviceLevelByDay.count > 1 { serviceLevelHeatmap(report, &w) }
            heatmap(report, &w)
            categories(report, &w)
            if let ivr = report.ivr { self.ivr(ivr, &w) }
            queues(report, &w)
            if !report.agents.isEmpty { agents(report, &w) }
        }
        if let tickets = report.tickets {
            ticketSections(tickets, satisfiedScore: report.thresholds.satisfiedScore, &w)
        }
        if let journey = report.journey { self.journey(journey, &w) }
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
                (nav.previous, s.navigation.previous), (nav.index, s.navigation.index), (nav.next, s.navigation.next),
            ] {
                w.raw("<a href=\"")
                w.text(href)
                w.raw("\">")
                w.text(label)
                w.raw("</a> ")
            }
            w.raw("</nav>\n")
        }
        w.element("h1", s.htmlTitle(r.totals.offered > 0, r.tickets != nil, span))
        for missing in r.exceptions where missing.kind == .missingData {
            w.element("p", s.alarm(missing.day, missing.offered, DisplayFormat.count(missing.usual)), class: "alarm")
        }
        let days = s.htmlDays(r.period.days, DisplayFormat.zone(r.period))
        w.element(
            "p",
            r.tickets != nil && r.totals.offered == 0
                ? days
                : days
                    + s.htmlSettings(
                        r.period.intervalMinutes, t.serviceLevelSeconds, DisplayFormat.percent(t.serviceLevelTarget)),
            class: "meta")
        if let from = r.period.previousFrom,
            let to = r.period.previousTo
        {
            w.element("p", s.comparison(from, to, r.period.days, r.period.comparisonPartial), class: "meta")
        }
        if !r.filters.queues.isEmpty || !r.filters.categories.isEmpty {
            w.element("p", s.filters(r.filters.queues, r.filters.categories), class: "meta")
        }
        if !r.filters.queues.isEmpty && r.tickets != nil {
            w.element("p", s.ticketsNotFilteredByQueue, class: "meta")
        }
        if !r.sites.isEmpty { w.element("p", s.sites(r.sites), class: "meta") }
        for warning in r.warnings { w.element("p", s.warning(warning), class: "meta") }
        let q = r.dataQuality
        w.element("p", s.htmlInputs(q.inputs.count, q.records, q.accepted, q.rejected, q.filesFailed), class: "meta")
        if q.callsOutsidePeriod > 0 {
            w.element("p", s.callsOutsidePeriod(q.callsOutsidePeriod), class: "meta")
        }
        w.raw("</header>\n")
    }

    func cards(
        _ headline: [HeadlineFigure], comparing: Bool, thresholds: MetricSettings, clock: String = "",
        _ w: inout HTMLWriter<String>
    ) {
        w.raw("<section class=\"cards\">\n")
        for f in headline {
            let missed = f.target.flatMap { target in f.value.map { $0 < target } } ?? false
            w.raw(missed ? "<div class=\"card miss\">" : "<div class=\"card\">")
            w.element("div", s.label(of: f, thresholds, clock: clock), class: "label")
            w.element("div", DisplayFormat.figure(f.value, kind: f.kind, s), class: "value")
            if let target = f.target, f.value != nil {
                let percent = DisplayFormat.percent(target)
                w.element("span", missed ? s.badgeMissed(percent) : s.badgeMet(percent), class: "badge")
            }
            if f.provisional {
                w.element("div", s.provisionalCard, class: "change")
            } else if comparing {
                // Colour says better or worse for the caller, as the figure judges it (neutral: no colour).
                let tone = f.better.map { $0 ? " good" : " bad" } ?? ""
                let arrow = (f.change ?? 0) > 0 ? "▲ " : (f.change ?? 0) < 0 ? "▼ " : ""
                w.raw("<div class=\"change\(tone)\">")
                w.text(
                    s.versus(
                        arrow + DisplayFormat.change(f.change, kind: f.kind, s),
                        DisplayFormat.figure(f.previous, kind: f.kind, s)))
                w.raw("</div>")
            }
            w.raw("</div>\n")
        }
        w.raw("</section>\n")
    }

    private func load(_ r: Report, _ w: inout HTMLWriter<String>) {
        let target = r.thresholds.serviceLevelTarget
        w.raw("<section>\n")
        w.element("h2", s.notes.htmlLoadTitle(r.period.days))
        let perHour = 60 / max(1, r.period.intervalMinutes)
        w.raw(
            SVGChart.load(
                labels: r.intervals.map(\.start), figures: r.intervals.map(\.figures), target: target,
                title: s.notes.chartLoad, labelEvery: max(1, perHour * 2)))
        w.raw(SVGChart.loadLegend(target: target, s))
        let table = FigureTables.intervals
        w.tableHead([s.columns.start] + table.htmlTitles(s))
        for row in r.intervals {
            figureRow([row.start], table.cells(row, s, target: r.thresholds.defaultTarget), &w)
        }
        w.tableEnd()
        w.raw("</section>\n")
    }

    private func heatmap(_ r: Report, _ w: inout HTMLWriter<String>) {
        let peak = max(1, r.heatmap.flatMap { $0 }.max() ?? 1)
        w.raw("<section>\n")
        w.element("h2", s.sections.htmlHeatmap)
        w.tableStart(class: "heat")
        w.raw("<thead><tr>")
        w.element("th", s.columns.hour)
        for day in s.weekdays { w.element("th", day) }
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

    private func waits(_ r: Report, _ w: inout HTMLWriter<String>) {
        let t = r.totals
        w.raw("<section>\n")
        w.element("h2", s.sections.waits)
        w.raw(SVGChart.waits(r.waitDistribution, threshold: r.thresholds.serviceLevelSeconds, s))
        w.element(
            "p",
            s.notes.htmlWaitsNote(
                DisplayFormat.duration(t.waitP50Seconds), DisplayFormat.duration(t.waitP90Seconds),
                DisplayFormat.duration(t.waitP99Seconds), DisplayFormat.duration(t.longestWaitSeconds),
                r.thresholds.serviceLevelSeconds),
            class: "quiet")
        w.raw("</section>\n")
    }

    private func dataQuality(_ r: Report, _ w: inout HTMLWriter<String>) {
        let q = r.dataQuality
        w.raw("<section>\n")
        let c = s.columns
        let d = s.dataQuality
        w.element("h2", s.sections.dataQuality)
        w.tableHead([c.file, c.format, c.encoding, c.records, c.accepted, c.rejected])
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
        if let summary = listing.summary(s) { w.element("p", summary, class: "quiet") }
        let notes = listing.shown.flatMap { input in
            (input.error.map { [d.htmlError(input.path, $0)] } ?? []) + input.notes.map { d.htmlNote(input.path, $0) }
        }
        if !notes.isEmpty {
            w.raw("<ul>\n")
            for note in notes { w.element("li", note) }
            w.raw("</ul>\n")
        }
        if q.rejectsByReason.isEmpty {
            w.element("p", d.noneRejected, class: "quiet")
        } else {
            w.element(
                "p", d.rejectedByReason(q.rejectsByReason.map { "\($0.reason) \(DisplayFormat.count($0.count))" }))
            w.raw("<ul class=\"rejects\">\n")
            for reject in q.firstRejects { w.element("li", reject) }
            w.raw("</ul>\n")
        }
        if q.unmatched.isEmpty {
            w.element("p", d.allMatched, class: "quiet")
        } else {
            w.element("p", d.htmlUnmatched)
            w.tableHead([c.field, c.value, c.calls])
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
        w.text(s.notes.footer(t.serviceLevelSeconds, t.shortAbandonSeconds))
        w.raw("</footer>\n")
    }
}
