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

    /// The page. Every string in it, the dates and weekdays, the notes and the words of the links, goes through
    /// ``HTMLWriter``'s escaping: a date here is only ever a file name's, so it is treated as input.
    public func render(_ days: [Day]) -> String {
        let s = ReportStrings.of(language)
        let c = s.columns
        var w = HTMLWriter(out: "")
        w.documentStart(language: s.htmlLang, title: s.index.title, css: ReportStyle.css + Self.css)
        w.element("h1", s.index.title)
        w.element("p", s.index.note(DisplayFormat.percent(serviceLevelTarget)), class: "meta")
        w.raw("<section>\n")
        w.tableHead([
            s.index.day, c.offered, c.serviceLevel, c.abandonment, s.index.daily, s.index.weekToDate,
            s.index.monthToDate,
        ])
        for day in days { row(day, s, &w) }
        w.tableEnd()
        w.raw("</section>\n")
        w.documentEnd()
        return w.out
    }

    /// The page's own rule beside the report style: a day missing its calls stands out.
    private static let css = "\ntr.missing td, tr.missing th { background: #fbe9e7; }"

    /// The folders of a day's reports, in the columns' order.
    private static let folders = ["daily", "week-to-date", "month-to-date"]

    /// One day: its date and weekday (and why its data looks missing), its figures, links to its reports.
    private func row(_ day: Day, _ s: ReportStrings, _ w: inout HTMLWriter<String>) {
        w.start("tr", class: day.missing == nil ? nil : "missing")
        w.start("th")
        w.text("\(s.weekday(of: day.date, else: day.weekday)) \(day.date)")
        if let missing = day.missing {
            w.raw("<br>")
            w.element("span", missing, class: "quiet")
        }
        w.end("th")
        w.element("td", day.offered.map(DisplayFormat.count) ?? DisplayFormat.none, class: "n")
        let low = (day.serviceLevel ?? 1) < serviceLevelTarget
        w.element("td", DisplayFormat.percent(day.serviceLevel), class: low ? "n low" : "n")
        w.element("td", DisplayFormat.percent(day.abandonmentRate), class: "n")
        for folder in Self.folders {
            w.start("td")
            if day.folders.contains(folder) {
                w.link(s.index.html, href: "\(folder)/\(day.date).html")
                w.raw(" · ")
                w.link(s.index.text, href: "\(folder)/\(day.date).txt")
            }
            w.end("td")
        }
        w.raw("</tr>\n")
    }
}
