import HotlineMetrics

extension TextReportRenderer {
    /// How many exceptions the text report lists: the first screen of a morning e-mail.
    static let exceptionsShown = 8

    /// What needs attention, first: one line each, most calls affected first.
    func exceptions<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        section(s.sections.needsAttention, r.exceptions.isEmpty ? "" : s.exceptions.textNote, &out)
        guard !r.exceptions.isEmpty else {
            out.write(fitted("  " + s.exceptions.nothingStandsOut))
            return
        }
        let shown = r.exceptions.prefix(Self.exceptionsShown)
        let whens = shown.map { ExceptionWording.when($0, report: r, s) }
        let width = whens.map(TerminalText.width).max() ?? 0
        for (i, e) in shown.enumerated() {
            let (figure, detail) = ExceptionWording.what(e, report: r, s)
            let number = i + 1 < 10 ? " \(i + 1)." : "\(i + 1)."
            out.write(fitted(" \(number) " + TerminalText.padRight(whens[i], width) + "  " + figure))
            if let detail { out.write(fitted(String(repeating: " ", count: width + 7) + detail)) }
        }
        let more = r.exceptions.count - Self.exceptionsShown
        if more > 0 { out.write(fitted(s.exceptions.moreText(more))) }
    }
}
