import HotlineMetrics
import Testing

@testable import HotlineReport

/// Headline figures: named through ``HeadlineName``, coloured by their own direction.
@Suite struct HeadlineNameTests {
    @Test func everyHeadlineKeyTheMetricsBuildHasANameInTheCatalogue() throws {
        let report = GoldenReport.make()
        let tickets = try #require(report.tickets)
        let keys = (report.headline + tickets.headline).map(\.key)
        #expect(!keys.isEmpty)
        #expect(keys.filter { HeadlineName(rawValue: $0) == nil } == [])
    }

    @Test func theCardColourFollowsTheFiguresDirectionWhateverItsKey() {
        let renderer = HTMLReportRenderer()
        func card(_ direction: FigureDirection) -> String {
            var w = HTMLWriter(out: "")
            let figure = HeadlineFigure(
                key: "no_such_key", label: "Made up", kind: .rate, value: 0.5, previous: 0.4, direction: direction)
            renderer.cards([figure], comparing: true, thresholds: MetricSettings(), &w)
            return w.out
        }
        #expect(card(.higherIsBetter).contains("<div class=\"change good\">"))
        #expect(card(.lowerIsBetter).contains("<div class=\"change bad\">"))
        #expect(card(.neutral).contains("<div class=\"change\">"))
    }
}
