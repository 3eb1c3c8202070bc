import HotlineMetrics
import HotlineModel

/// The nightly job's `index.html`: every day kept, newest first, with its key figures (offered, service level,
/// abandonment, coloured by target) and its reports; days whose call data is missing are marked.
public struct IndexPageRenderer {
    public struct Day: Sendable {
        public var date: String
        public var weekday: String
        public var offered: Int?
        public var serviceLevel: Double?
        public var abandonmentRate: Double?
        /// Why the day's data looks missing; nil when it does not.
        public var missing: String?
        /// The folders (`daily`, `week-to-date`, `month-to-date`) holding a report of the day.
        public var folders: [String]

        public init(
            date: String, weekday: String, offered: Int?, serviceLevel: Double?, abandonmentRate: Double?,
            missing: String?, folders: [String]
        ) {
            self.date = date
            self.weekday = weekday
            self.offered = offered
            self.serviceLevel = serviceLevel
            self.abandonmentRate = abandonmentRate
            self.missing = missing
            self.folders = folders
        }
    }

    public var serviceLevelTarget: Double
    /// The language of the page; the nightly job's reports are in the same.
    public var language: ReportLanguage

    public init(serviceLevelTarget: Double, language: ReportLanguage = .english) {
        self.serviceLevelTarget = serviceLevelTarget
        self.language = language
    }

    public func render(_ days: [Day]) -> String {
        let s = ReportStrings.of(language)
        let c = s.columns
        var w = HTMLWriter(out: "")
        w.raw("<!DOCTYPE html>\n<html lang=\"\(s.htmlLang)\">\n<head>\n<meta charset=\"utf-8\">\n")
        w.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        w.text(s.index.title)
        w.raw("</title>\n")
        w.raw(
            "<style>\n" + ReportStyle.css
                + "\ntr.missing td, tr.missing th { background: #fbe9e7; }\n</style>\n</head>\n<body>\n")
        w.element("h1", s.index.title)
        w.element("p", s.index.note(DisplayFormat.percent(serviceLevelTarget)), class: "meta")
        w.raw("<section>\n")
        w.tableHead([
            s.index.day, c.offered, c.serviceLevel, c.abandonment, s.index.daily, s.index.weekToDate,
            s.index.monthToDate,
        ])
        for day in days {
            w.raw(day.missing == nil ? "<tr>" : "<tr class=\"missing\">")
            w.raw("<th>")
            w.text("\(s.weekday(of: day.date, else: day.weekday)) \(day.date)")
            if let missing = day.missing {
                w.raw("<br>")
                w.element("span", missing, class: "quiet")
            }
            w.raw("</th>")
            w.element("td", day.offered.map(DisplayFormat.count) ?? DisplayFormat.none, class: "n")
            let low = (day.serviceLevel ?? 1) < serviceLevelTarget
            w.element("td", DisplayFormat.percent(day.serviceLevel), class: low ? "n low" : "n")
            w.element("td", DisplayFormat.percent(day.abandonmentRate), class: "n")
            for folder in ["daily", "week-to-date", "month-to-date"] {
                w.raw("<td>")
                if day.folders.contains(folder) {
                    for (ext, label) in [("html", s.index.html), ("txt", s.index.text)] {
                        if ext == "txt" { w.raw(" · ") }
                        w.raw("<a href=\"")
                        w.text("\(folder)/\(day.date).\(ext)")
                        w.raw("\">\(label)</a>")
                    }
                }
                w.raw("</td>")
            }
            w.raw("</tr>\n")
        }
        w.tableEnd()
        w.raw("</section>\n</body>\n</html>\n")
        return w.out
    }
}
