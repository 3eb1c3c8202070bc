import Foundation
import HotlineMetrics
import HotlineModel
import Testing

@testable import HotlineReport

/// `--lang zh-CN`: the text and HTML reports in Chinese, pinned by golden files; JSON and CSV the same in every
/// language.
@Suite struct ChineseReportTests {
    let report = GoldenReport.make()

    @Test func chineseTextReportMatchesItsGoldenFile() throws {
        try GoldenReport.check(try TextReportRenderer(language: .chinese).rendered(report), against: "report.zh-CN.txt")
    }

    @Test func chineseHTMLReportMatchesItsGoldenFile() throws {
        try GoldenReport.check(
            try HTMLReportRenderer(language: .chinese).rendered(report), against: "report.zh-CN.html")
    }

    @Test func chineseHTMLDeclaresItsLanguageAndNamesACJKFont() throws {
        let html = try HTMLReportRenderer(language: .chinese).rendered(report)
        #expect(html.contains("<html lang=\"zh-CN\">"))
        #expect(html.contains("\"PingFang SC\"") && html.contains("\"Microsoft YaHei\""))
        #expect(html.contains("\"Noto Sans CJK SC\""))
    }

    @Test func chineseReportsCarryNoEnglishHeadingOrLabel() throws {
        let text = try TextReportRenderer(language: .chinese).rendered(report)
        let html = try HTMLReportRenderer(language: .chinese).rendered(report)
        for english in [
            "HEADLINE", "QUEUES", "NEEDS ATTENTION", "DATA QUALITY", "Offered", "Answered", "Service level",
            "Abandonment", "This period", "Time zone", "Tickets", "Resolution", "Agents", "Staffing", " vs ",
            "target", "Mon", "Tue",
        ] {
            #expect(!text.contains(english), "text: \(english)")
            #expect(!html.contains(">" + english), "html: \(english)")
        }
        #expect(text.hasPrefix("呼叫与工单运营报表  2026年11月16日 (周一)\n"))
    }

    @Test func jsonAndCSVAreTheSameInEveryLanguage() throws {
        for format in [OutputFormat.json, .csv] {
            for tickets in [false, true] {
                let chinese = try #require(format.renderer(tickets: tickets, language: .chinese))
                let english = try #require(format.renderer(tickets: tickets, language: .english))
                #expect(try chinese.rendered(report) == english.rendered(report))
            }
        }
    }

    @Test func chineseDatesNameTheWeekdayAndNarrowColumnsDropTheYear() throws {
        let s = ReportStrings.chinese
        let day = try #require(CivilDate(parsing: "2026-11-10"))
        #expect(s.day(day) == "2026年11月10日 (周二)")
        #expect(s.tableDate(day) == "11-10")
        #expect(s.span(day, CivilDate(dayNumber: day.dayNumber + 6), 7, " .. ") == "2026年11月10日至11月16日 (共 7 天)")
    }

    @Test(arguments: [(45, "45分钟"), (307, "5小时07分"), (4560, "3天04小时")])
    func chineseTicketTimesCarryChineseUnits(minutes: Int, text: String) {
        #expect(ReportStrings.chinese.minutes(minutes) == text)
    }

    @Test func businessHoursReadAsChineseWeekdays() {
        #expect(ReportStrings.TicketStrings.chineseBusinessHours("Mon-Fri 09:00-18:00") == "周一至周五 09:00-18:00")
        #expect(
            ReportStrings.TicketStrings.chineseBusinessHours("Mon,Wed,Sat 09:00-18:00, 2 holidays")
                == "周一、周三、周六 09:00-18:00，2 个节假日")
    }
}
