import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics
@testable import HotlineReport

/// The `ivr_drop_off` exception as the manager reads it, in English and Chinese, in the text and HTML reports.
@Suite struct IVRDropOffWordingTests {
    var report: Report {
        var report = GoldenReport.make()
        report.exceptions = [
            ReportException(
                kind: .ivrDropOff, from: "2026-11-16T00:00:00+08:00", to: "2026-11-17T00:00:00+08:00",
                day: "2026-11-16", fromClock: "00:00", toClock: "24:00", ivrNode: "主菜单>支付>支付失败",
                figure: "drop_off", value: 0.18, usual: 0.06, usualDays: 4, callsAffected: 30, offered: 250,
                abandoned: 45)
        ]
        return report
    }

    @Test func theTextReportNamesTheNodeItsDropOffAndItsUsual() throws {
        let english = try TextReportRenderer().rendered(report)
        #expect(english.contains("IVR node 主菜单>支付>支付失败: 18.0% of callers hung up there (usually 6.0%)"))
        #expect(english.contains("45 of 250 calls hung up there, 30 more than usual"))
        let chinese = try TextReportRenderer(language: .chinese).rendered(report)
        #expect(chinese.contains("IVR 节点 主菜单>支付>支付失败：18.0% 的来电在此挂机 (通常 6.0%)"))
        #expect(chinese.contains("进入 250 通，其中 45 通在此挂机，比通常多 30 通"))
    }

    @Test func theHTMLReportNamesTheNodeEscaped() throws {
        var report = self.report
        report.exceptions[0].ivrNode = "<b>菜单</b>"
        let html = try HTMLReportRenderer().rendered(report)
        #expect(html.contains("IVR node &lt;b&gt;菜单&lt;/b&gt;: 18.0% of callers hung up there"))
    }
}
