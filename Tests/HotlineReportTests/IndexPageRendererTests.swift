import HotlineModel
import Testing

@testable import HotlineReport

/// The nightly `index.html`: every string on it is escaped, whatever day a file name gave.
@Suite struct IndexPageRendererTests {
    func day(date: String, weekday: String = "Mon", missing: String? = nil) -> IndexPageRenderer.Day {
        IndexPageRenderer.Day(
            date: date, weekday: weekday, offered: 12, serviceLevel: 0.5, abandonmentRate: 0.25, missing: missing,
            folders: ["daily", "month-to-date"])
    }

    @Test func aHostileDateOrWeekdayIsEscapedInTheRowAndInTheLinks() {
        let hostile = "2026-11-16\"><script>alert('x')</script>&"
        let page = IndexPageRenderer(serviceLevelTarget: 0.8).render([
            day(date: hostile, weekday: "<b>Mon</b>", missing: "<img src=x>")
        ])
        #expect(!page.contains("<script>"))
        #expect(!page.contains("<b>"))
        #expect(!page.contains("<img"))
        let escaped = "2026-11-16&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"
        #expect(page.contains("<a href=\"daily/\(escaped).html\">html</a>"))
        #expect(page.contains("<a href=\"month-to-date/\(escaped).txt\">text</a>"))
        #expect(
            page.contains("<th>&lt;b&gt;Mon&lt;/b&gt; \(escaped)<br><span class=\"quiet\">&lt;img src=x&gt;</span>"))
    }

    @Test func aDayRowLinksTheReportsOfItsFoldersOnly() {
        let page = IndexPageRenderer(serviceLevelTarget: 0.8).render([day(date: "2026-11-16")])
        #expect(
            page.contains(
                "<tr><th>Mon 2026-11-16</th><td class=\"n\">12</td><td class=\"n low\">50.0%</td>"
                    + "<td class=\"n\">25.0%</td><td><a href=\"daily/2026-11-16.html\">html</a> · "
                    + "<a href=\"daily/2026-11-16.txt\">text</a></td><td></td><td>"
                    + "<a href=\"month-to-date/2026-11-16.html\">html</a> · "
                    + "<a href=\"month-to-date/2026-11-16.txt\">text</a></td></tr>\n"))
    }

    @Test func aDayMissingItsCallsIsMarkedAndThePageIsWhole() {
        let page = IndexPageRenderer(serviceLevelTarget: 0.8, language: .chinese).render([
            day(date: "2026-11-16", missing: "none")
        ])
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(page.contains("tr.missing td, tr.missing th { background: #fbe9e7; }\n</style>\n</head>\n<body>\n"))
        #expect(page.contains("<tr class=\"missing\"><th>"))
        #expect(page.hasSuffix("</tbody>\n</table>\n</div>\n</section>\n</body>\n</html>\n"))
    }
}
