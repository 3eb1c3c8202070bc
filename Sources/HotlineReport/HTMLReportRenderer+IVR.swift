import HotlineMetrics

/// The IVR section of the HTML report: a funnel of how callers left the menus, the menu tree with its drop-off,
/// and the paths whose menu choice most often names another category than the agent's.
extension HTMLReportRenderer {
    func ivr(_ ivr: IVRSection, _ w: inout HTMLWriter<String>) {
        let words = s.ivr
        w.raw("<section>\n")
        w.element("h2", words.title)
        w.raw(SVGChart.ivrFunnel(ivr, s))
        w.element(
            "p",
            words.summary(
                DisplayFormat.count(ivr.entries), DisplayFormat.count(ivr.selfServed),
                DisplayFormat.percent(ivr.selfServiceRate), DisplayFormat.count(ivr.ivrAbandoned),
                DisplayFormat.percent(ivr.abandonmentRate), DisplayFormat.count(ivr.queued),
                DisplayFormat.percent(ivr.queuedShare))
                + (ivr.timeInIVRMeanSeconds == nil
                    ? ""
                    : " "
                        + words.time(
                            DisplayFormat.duration(ivr.timeInIVRMeanSeconds),
                            DisplayFormat.duration(ivr.timeInIVRP90Seconds))),
            class: "quiet")
        w.tableStart()
        w.tableHead([words.node, words.entries, words.selfServed, words.hungUp, words.queued, words.dropOff])
        // The node's name indented by its depth; the drop-off as a bar the eye finds down the column.
        let worst = max(0.0001, ivr.nodes.compactMap(\.dropOff).max() ?? 0)
        for node in ivr.nodes {
            let parts = node.node.split(separator: ">")
            w.raw("<tr><th style=\"padding-left:\(4 + 16 * (parts.count - 1))px\">")
            w.text(parts.last.map(String.init) ?? node.node)
            w.raw("</th>")
            for n in [node.entries, node.selfServed, node.ivrAbandoned, node.queued] {
                w.element("td", DisplayFormat.count(n), class: "n")
            }
            let width = Int(((node.dropOff ?? 0) / worst * 60).rounded())
            w.raw(
                "<td class=\"n\"><span style=\"display:inline-block;width:\(width)px;height:8px;background:#c0392b;margin-right:6px\"></span>"
            )
            w.text(DisplayFormat.percent(node.dropOff))
            w.raw("</td></tr>\n")
        }
        w.tableEnd()
        let misrouted = ivr.misroutes.filter { $0.misrouted > 0 }.prefix(10)
        if !misrouted.isEmpty {
            w.element("h3", words.misroutes)
            w.element("p", words.misroutesNote, class: "quiet")
            w.tableStart()
            w.tableHead([words.path, words.queuedKnown, words.misrouted, words.rate])
            for m in misrouted {
                w.row([
                    m.path, DisplayFormat.count(m.queuedKnown), DisplayFormat.count(m.misrouted),
                    DisplayFormat.percent(m.rate),
                ])
            }
            w.tableEnd()
        }
        w.raw("</section>\n")
    }
}

extension SVGChart {
    /// How callers left the menus: one bar for all who entered, then one each for a queue, self-service and hanging
    /// up, as wide as their share.
    static func ivrFunnel(_ ivr: IVRSection, _ s: ReportStrings) -> String {
        let words = s.ivr
        let (width, left, barH, gap) = (960.0, 200.0, 26.0, 10.0)
        let bars: [(String, Int, Double?, String)] = [
            (words.funnelEntered, ivr.entries, 1, "#1f4e8c"), (words.queued, ivr.queued, ivr.queuedShare, "#3b7dd8"),
            (words.selfServed, ivr.selfServed, ivr.selfServiceRate, "#2e8b57"),
            (words.hungUp, ivr.ivrAbandoned, ivr.abandonmentRate, "#c0392b"),
        ]
        let height = Double(bars.count) * (barH + gap) + gap
        var svg =
            "<div class=\"scroll\">\n<svg class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(HTMLWriter<String>.escape(words.title))\">\n"
        for (i, bar) in bars.enumerated() {
            let y = gap + Double(i) * (barH + gap)
            let w = max(1, (width - left - 140) * (bar.2 ?? 0))
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(y + barH * 0.7))\" class=\"axis\" text-anchor=\"end\">"
            svg += HTMLWriter<String>.escape(bar.0) + "</text>"
            svg += "<rect x=\"\(f(left))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"\(f(barH))\" fill=\"\(bar.3)\"/>"
            svg += "<text x=\"\(f(left + w + 8))\" y=\"\(f(y + barH * 0.7))\" class=\"axis\">"
            svg += DisplayFormat.count(bar.1) + " (" + DisplayFormat.percent(bar.2) + ")</text>\n"
        }
        svg += "</svg>\n</div>\n"
        return svg
    }
}
