import HotlineMetrics

extension HTMLReportRenderer {
    /// How many exceptions the HTML report lists (all are in the JSON report).
    static let exceptionsShown = 20

    /// What needs attention, first: most calls affected first.
    func exceptions(_ r: Report, _ w: inout HTMLWriter<String>) {
        w.raw("<section class=\"attention\">\n")
        w.element("h2", "Needs attention")
        guard !r.exceptions.isEmpty else {
            w.element(
                "p",
                "Nothing stands out: no run of intervals below target, no spike, no volume far from the usual, no missing data.",
                class: "calm")
            w.raw("</section>\n")
            return
        }
        w.element("p", "Most calls affected first; " + ExceptionWording.usualNote(r) + ".", class: "meta")
        w.raw("<ol>\n")
        for e in r.exceptions.prefix(Self.exceptionsShown) {
            let (figure, detail) = ExceptionWording.what(e, report: r)
            w.raw("<li class=\"\(e.kind.rawValue)\"><span class=\"when\">")
            w.text(ExceptionWording.when(e, report: r))
            w.raw("</span> ")
            w.element("span", figure, class: "what")
            if let detail { w.element("span", detail, class: "detail") }
            w.raw("</li>\n")
        }
        w.raw("</ol>\n")
        let more = r.exceptions.count - Self.exceptionsShown
        if more > 0 { w.element("p", "… and \(more) more in the JSON report.", class: "meta") }
        w.raw("</section>\n")
    }
}
