import HotlineMetrics

extension HTMLReportRenderer {
    /// How many exceptions the HTML report lists (all are in the JSON report).
    static let exceptionsShown = 20

    /// What needs attention, first: most calls affected first.
    func exceptions(_ r: Report, _ w: inout HTMLWriter<String>) {
        w.raw("<section class=\"attention\">\n")
        w.element("h2", s.sections.needsAttention)
        guard !r.exceptions.isEmpty else {
            w.element("p", s.exceptions.nothingStandsOut, class: "calm")
            w.raw("</section>\n")
            return
        }
        w.element("p", s.exceptions.htmlNote, class: "meta")
        w.raw("<ol>\n")
        for e in r.exceptions.prefix(Self.exceptionsShown) {
            let (figure, detail) = ExceptionWording.what(e, report: r, s)
            w.raw("<li class=\"\(e.kind.rawValue)\"><span class=\"when\">")
            w.text(ExceptionWording.when(e, report: r, s))
            w.raw("</span> ")
            w.element("span", figure, class: "what")
            if let detail { w.element("span", detail, class: "detail") }
            w.raw("</li>\n")
        }
        w.raw("</ol>\n")
        let more = r.exceptions.count - Self.exceptionsShown
        if more > 0 { w.element("p", s.exceptions.moreHTML(more), class: "meta") }
        w.raw("</section>\n")
    }
}
