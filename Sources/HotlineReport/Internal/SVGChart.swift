import HotlineMetrics
import HotlineModel

/// The report's charts as inline SVG: no script, no network, printable.
///
/// Each chart sits in a `scroll` box: the SVG scales with the page down to a minimum width (ReportStyle), below
/// which it scrolls sideways, so its 11-pixel text never shrinks below 11 pixels on a phone.
///
/// Coordinates are written with one decimal through ``DisplayFormat/fixed(_:decimals:)`` so the same report
/// gives the same bytes on every machine.
enum SVGChart {
    static let answered = "#2f6db5"
    static let abandoned = "#e07b39"
    static let other = "#b9c2cc"
    static let serviceLevel = "#1a8f4c"
    static let target = "#c0392b"

    static func f(_ v: Double) -> String { DisplayFormat.fixed(v, decimals: 1) }

    /// One stacked bar per group (answered, abandoned, the rest of offered), with the service-level line on a
    /// 0-100 % axis at the right and the target as a dashed line.
    static func load(
        labels: [String], figures: [CallFigures], target: Double, title: String, labelEvery: Int
    ) -> String {
        let width = 960.0
        let height = 280.0
        let left = 64.0
        let right = 48.0
        let top = 16.0
        let bottom = 40.0
        let plotW = width - left - right
        let plotH = height - top - bottom
        let most = Double(max(1, figures.map(\.offered).max() ?? 1))
        let scale = niceCeiling(most)
        let slot = plotW / Double(max(1, figures.count))
        let barW = max(1, slot * 0.72)
        var svg =
            "<div class=\"scroll\">\n<svg class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(HTMLWriter<String>.escape(title))\">\n"
        svg += grid(left: left, top: top, width: plotW, height: plotH, scale: scale, percentAxis: true)
        // Bars.
        for (i, fig) in figures.enumerated() {
            let x = left + slot * Double(i) + (slot - barW) / 2
            var y = top + plotH
            for (value, color) in [
                (fig.answered, answered), (fig.abandoned, abandoned),
                (fig.offered - fig.answered - fig.abandoned, other),
            ] where value > 0 {
                let h = plotH * Double(value) / scale
                y -= h
                svg += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(barW))\" height=\"\(f(h))\" fill=\"\(color)\"/>"
            }
            if i % labelEvery == 0 {
                svg +=
                    "<text x=\"\(f(x + barW / 2))\" y=\"\(f(top + plotH + 16))\" class=\"axis\" text-anchor=\"middle\">\(HTMLWriter<String>.escape(labels[i]))</text>"
            }
            svg += "\n"
        }
        // Target and service-level line.
        let targetY = top + plotH - plotH * target
        svg +=
            "<line x1=\"\(f(left))\" y1=\"\(f(targetY))\" x2=\"\(f(left + plotW))\" y2=\"\(f(targetY))\" stroke=\"\(Self.target)\" stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/>\n"
        var path = ""
        var pen = false
        for (i, fig) in figures.enumerated() {
            guard let sl = fig.serviceLevel else {
                pen = false
                continue
            }
            let x = left + slot * (Double(i) + 0.5)
            let y = top + plotH - plotH * sl
            path += (pen ? " L" : " M") + "\(f(x)) \(f(y))"
            pen = true
        }
        if !path.isEmpty {
            svg += "<path d=\"\(path.dropFirst())\" fill=\"none\" stroke=\"\(serviceLevel)\" stroke-width=\"2\"/>\n"
        }
        svg +=
            "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" class=\"base\"/>\n"
        svg += "</svg>\n</div>\n"
        return svg
    }

    /// The legend that goes with ``load(labels:figures:target:title:labelEvery:)``.
    static func loadLegend(target: Double, _ s: ReportStrings) -> String {
        let n = s.notes
        func e(_ text: String) -> String { HTMLWriter<String>.escape(text) }
        return "<p class=\"legend\"><span class=\"sw\" style=\"background:\(answered)\"></span>\(e(n.legendAnswered)) "
            + "<span class=\"sw\" style=\"background:\(abandoned)\"></span>\(e(n.legendAbandoned)) "
            + "<span class=\"sw\" style=\"background:\(other)\"></span>\(e(n.legendOther)) "
            + "<span class=\"ln\" style=\"border-color:\(serviceLevel)\"></span>\(e(n.legendServiceLevel)) "
            + "<span class=\"ln dash\" style=\"border-color:\(Self.target)\"></span>"
            + "\(e(n.legendTarget(DisplayFormat.percent(target))))</p>\n"
    }

    /// A histogram of answered calls by wait, with the service-level threshold marked.
    static func waits(_ buckets: [WaitBucket], threshold: Int, _ s: ReportStrings) -> String {
        let frame = Frame()
        let (left, top, plotW, plotH) = (frame.left, frame.top, frame.plotW, frame.plotH)
        let scale = niceCeiling(Double(max(1, buckets.map(\.calls).max() ?? 1)))
        let slot = plotW / Double(max(1, buckets.count))
        var svg = frame.open(label: s.notes.chartWaits, scale: scale)
        for (i, b) in buckets.enumerated() {
            let h = plotH * Double(b.calls) / scale
            let x = left + slot * Double(i) + slot * 0.1
            let within = (b.to ?? Int.max) <= threshold
            svg +=
                "<rect x=\"\(f(x))\" y=\"\(f(top + plotH - h))\" width=\"\(f(slot * 0.8))\" height=\"\(f(h))\" fill=\"\(within ? answered : other)\"/>"
            // The catalogue's own words, as written before it (`> 600 s` unescaped): byte-identical English.
            let label = s.notes.chartWaitBucket(b.from, b.to)
            svg +=
                "<text x=\"\(f(x + slot * 0.4))\" y=\"\(f(top + plotH + 16))\" class=\"axis\" text-anchor=\"middle\">\(label)</text>"
            svg +=
                "<text x=\"\(f(x + slot * 0.4))\" y=\"\(f(top + plotH - h - 4))\" class=\"axis\" text-anchor=\"middle\">\(DisplayFormat.percent(b.share))</text>\n"
        }
        svg +=
            "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" class=\"base\"/>\n"
        svg += "</svg>\n</div>\n"
        return svg
    }

    /// The plot area of the 220-pixel charts (waits, resolution times, backlog): the opening tag and the grid.
    struct Frame {
        let width = 960.0
        let height = 220.0
        let left = 64.0
        let top = 16.0
        let bottom = 40.0
        var plotW: Double { width - left - 16 }
        var plotH: Double { height - top - bottom }

        func open(label: String, scale: Double) -> String {
            "<div class=\"scroll\">\n<svg class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(HTMLWriter<String>.escape(label))\">\n"
                + grid(left: left, top: top, width: plotW, height: plotH, scale: scale, percentAxis: false)
        }
    }

    /// Five horizontal grid lines with the count axis on the left and, optionally, 0-100 % on the right.
    static func grid(left: Double, top: Double, width: Double, height: Double, scale: Double, percentAxis: Bool)
        -> String
    {
        var svg = ""
        for k in 0...4 {
            let y = top + height - height * Double(k) / 4
            let count = DisplayFormat.count(Int(scale * Double(k) / 4))
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(left + width))\" y2=\"\(f(y))\" class=\"grid\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" class=\"axis\" text-anchor=\"end\">\(count)</text>"
            if percentAxis {
                svg += "<text x=\"\(f(left + width + 6))\" y=\"\(f(y + 4))\" class=\"axis\">\(k * 25)%</text>"
            }
            svg += "\n"
        }
        return svg
    }

    /// A round axis maximum at least `value` whose quarters are whole numbers: 4, 8, 20, 40, then 1, 2 or 4 times a
    /// power of ten from 100 (a maximum of 5 would label 1.25 as "1").
    static func niceCeiling(_ value: Double) -> Double {
        for small in [4.0, 8, 20, 40] where small >= value { return small }
        var power = 100.0
        while true {
            for step in [1.0, 2, 4] where step * power >= value { return step * power }
            power *= 10
        }
    }
}

/// The ticket charts.
extension SVGChart {
    /// One colour per category, in taxonomy order.
    static let categoryColors = ["#2f6db5", "#e07b39", "#1a8f4c", "#9aa5b1", "#c0392b"]

    static func categoryLegend(_ s: ReportStrings) -> String {
        var html = "<p class=\"legend\">"
        for (category, color) in zip(CallCategory.allCases, categoryColors) {
            html += "<span class=\"sw\" style=\"background:\(color)\"></span>\(s.category(category)) "
        }
        return html + "</p>\n"
    }

    /// Solved tickets by resolution time, one bar per bucket stacked by category.
    static func resolution(_ buckets: [ResolutionBucket], _ s: ReportStrings) -> String {
        let frame = Frame()
        let (left, top, plotW, plotH) = (frame.left, frame.top, frame.plotW, frame.plotH)
        let totals = buckets.map { $0.counts.reduce(0, +) }
        let all = max(1, totals.reduce(0, +))
        let scale = niceCeiling(Double(max(1, totals.max() ?? 1)))
        let slot = plotW / Double(max(1, buckets.count))
        var svg = frame.open(label: s.notes.chartResolution, scale: scale)
        for (i, bucket) in buckets.enumerated() {
            let x = left + slot * Double(i) + slot * 0.1
            var y = top + plotH
            for (count, color) in zip(bucket.counts, categoryColors) where count > 0 {
                let h = plotH * Double(count) / scale
                y -= h
                svg +=
                    "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(slot * 0.8))\" height=\"\(f(h))\" fill=\"\(color)\"/>"
            }
            svg +=
                "<text x=\"\(f(x + slot * 0.4))\" y=\"\(f(top + plotH + 16))\" class=\"axis\" text-anchor=\"middle\">\(s.tickets.resolutionBucket(bucket.fromMinutes, bucket.toMinutes, bucket.label))</text>"
            if totals[i] > 0 {
                svg +=
                    "<text x=\"\(f(x + slot * 0.4))\" y=\"\(f(y - 4))\" class=\"axis\" text-anchor=\"middle\">\(DisplayFormat.percent(Double(totals[i]) / Double(all)))</text>"
            }
            svg += "\n"
        }
        svg +=
            "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" class=\"base\"/>\n"
        return svg + "</svg>\n</div>\n"
    }

    /// Tickets created per day (bars) and the backlog at each day's end (line), on one count axis.
    static func backlog(_ days: [TicketDayRow], _ s: ReportStrings) -> String {
        let frame = Frame()
        let (left, top, plotW, plotH) = (frame.left, frame.top, frame.plotW, frame.plotH)
        let scale = niceCeiling(Double(max(1, days.map { max($0.created, $0.backlog) }.max() ?? 1)))
        let slot = plotW / Double(max(1, days.count))
        let labelEvery = max(1, days.count / 14)
        var svg = frame.open(label: s.notes.chartBacklog, scale: scale)
        var path = ""
        for (i, day) in days.enumerated() {
            let x = left + slot * Double(i) + slot * 0.15
            let h = plotH * Double(day.created) / scale
            svg +=
                "<rect x=\"\(f(x))\" y=\"\(f(top + plotH - h))\" width=\"\(f(slot * 0.7))\" height=\"\(f(h))\" fill=\"\(other)\"/>"
            path +=
                (i == 0 ? "M" : " L")
                + "\(f(left + slot * (Double(i) + 0.5))) \(f(top + plotH - plotH * Double(day.backlog) / scale))"
            if i % labelEvery == 0 {
                svg +=
                    "<text x=\"\(f(x + slot * 0.35))\" y=\"\(f(top + plotH + 16))\" class=\"axis\" text-anchor=\"middle\">\(day.date.suffix(5))</text>"
            }
            svg += "\n"
        }
        svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(target)\" stroke-width=\"2\"/>\n"
        svg +=
            "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" class=\"base\"/>\n"
        return svg + "</svg>\n</div>\n"
    }
}
