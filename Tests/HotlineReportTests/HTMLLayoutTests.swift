import Foundation
import HotlineMetrics
import Testing

@testable import HotlineReport

/// The HTML on a phone and on paper: what the stylesheet and markup promise (looked at in headless Chromium at
/// 390 and 1280 px and printed to PDF; these pin what those looks found).
@Suite struct HTMLLayoutTests {
    let html: String

    init() throws { html = try HTMLReportRenderer().rendered(GoldenReport.make()) }

    @Test func everyTableAndChartScrollsSidewaysInItsOwnBoxNotThePage() {
        let tables = html.components(separatedBy: "<table").count - 1
        let boxedTables = html.components(separatedBy: "<div class=\"scroll\">\n<table").count - 1
        let charts = html.components(separatedBy: "<svg class=\"chart\"").count - 1
        let boxedCharts = html.components(separatedBy: "<div class=\"scroll\">\n<svg class=\"chart\"").count - 1
        #expect(tables > 0 && boxedTables == tables)
        #expect(charts > 0 && boxedCharts == charts)
        #expect(ReportStyle.css.contains(".scroll { overflow-x: auto;"))
        #expect(!ReportStyle.css.contains("section { overflow-x"))
    }

    @Test func cardsTakeTwoColumnsBelow600PixelsAndMayShrink() throws {
        let phone = try #require(ReportStyle.css.range(of: "@media (max-width: 600px)"))
        #expect(
            ReportStyle.css[phone.upperBound...].contains(
                ".cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }"))
        #expect(ReportStyle.css.contains("repeat(4, minmax(0, 1fr))"))
    }

    @Test func chartTextNeverDrawsBelowElevenPixels() {
        // 960-unit charts: 11 units at >= 960 px; below 1040 px of page, 16.5 units on a chart at least 640 px wide.
        #expect(ReportStyle.css.contains("svg .axis { font-size: 11px;"))
        #expect(ReportStyle.css.contains("svg.chart { min-width: 640px; }\n  svg .axis { font-size: 16.5px; }"))
        #expect(16.5 * 640 / 960 >= 11)
    }

    @Test func printIsA4WithColoursAndNoWholeSectionKeptTogether() {
        #expect(ReportStyle.css.contains("@page { size: A4;"))
        #expect(ReportStyle.css.contains("print-color-adjust: exact"))
        #expect(!ReportStyle.css.contains("section { break-inside: avoid"))
        #expect(ReportStyle.css.contains("thead { display: table-header-group;"))
    }

    @Test func thePageLoadsNothingFromOutside() {
        // Escaped input text may spell `src=`; markup that loads something may not appear.
        for reference in ["<img", "<script", "<link", "<iframe", " src=\"", "href=\"http", "@import", "url("] {
            #expect(!html.contains(reference), "found \(reference)")
        }
    }
}
