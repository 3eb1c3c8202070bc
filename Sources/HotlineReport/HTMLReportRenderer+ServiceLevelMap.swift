import HotlineMetrics

extension HTMLReportRenderer {
    /// Service level by date and interval: an outage is a red block where the days around it are green.
    func serviceLevelHeatmap(_ r: Report, _ w: inout HTMLWriter<String>) {
        let target = r.thresholds.serviceLevelTarget
        let minutes = r.period.intervalMinutes
        let slots = r.serviceLevelByDay.map(\.offered.count).max() ?? 0
        guard slots > 0 else { return }
        w.raw("<section>\n")
        w.element("h2", s.sections.serviceLevelMap)
        w.element("p", s.notes.serviceLevelMapNote(DisplayFormat.percent(target)), class: "meta")
        w.tableStart(class: "heat slmap")
        w.raw("<thead><tr>")
        w.element("th", s.columns.weekday)
        for slot in 0..<slots where (slot * minutes) % 60 == 0 {
            let hour = slot * minutes / 60
            w.raw("<th colspan=\"\(60 / max(1, minutes))\">\(hour < 10 ? "0" : "")\(hour)</th>")
        }
        w.raw("</tr></thead>\n<tbody>\n")
        for day in r.serviceLevelByDay {
            w.raw("<tr><th>")
            w.text(s.exceptions.dated(s.weekday(of: day.date, else: day.weekday), String(day.date.dropFirst(5))))
            w.raw("</th>")
            for slot in 0..<slots {
                let offered = slot < day.offered.count ? day.offered[slot] : 0
                let level = slot < day.serviceLevel.count ? day.serviceLevel[slot] : nil
                guard offered > 0, let level else {
                    w.raw("<td></td>")
                    continue
                }
                let color: String
                if offered < 5 {
                    color = "#eef1f4"
                } else if level >= target {
                    color = "#7cc49a"
                } else {
                    // From light red just under the target to deep red at 0%.
                    let depth = min(1, (target - level) / max(target, 0.01))
                    let green = Int(200 - depth * 170)
                    color = "rgb(\(230 - Int(depth * 40)),\(green),\(green))"
                }
                let start = slot * minutes
                let clock = "\(start / 60 < 10 ? "0" : "")\(start / 60):\(start % 60 < 10 ? "0" : "")\(start % 60)"
                w.raw("<td style=\"background:\(color)\" title=\"")
                w.text(s.notes.serviceLevelMapCell(day.date, clock, DisplayFormat.percent(level), offered))
                w.raw("\"></td>")
            }
            w.raw("</tr>\n")
        }
        w.tableEnd()
        w.raw("</section>\n")
    }
}
