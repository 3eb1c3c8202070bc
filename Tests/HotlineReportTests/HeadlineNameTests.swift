import HotlineMetrics
import Testing

@testable import HotlineReport

/// Headline figures: named through their typed ``HeadlineKey``, coloured by their own direction.
@Suite struct HeadlineNameTests {
    @Test func headlineKeysAreWrittenToJSONAsTheirSnakeCaseNames() throws {
        let report = GoldenReport.make()
        let tickets = try #require(report.tickets)
        let keys = (report.headline + tickets.headline).map(\.key.rawValue)
        #expect(keys.contains("service_level") && keys.contains("abandonment_rate") && keys.contains("backlog"))
        #expect(keys.allSatisfy { $0 == $0.lowercased() && !$0.contains(" ") })
    }

    @Test func theCardColourFollowsTheFiguresDirectionNotItsKey() {
        let renderer = HTMLReportRenderer()
        func card(_ direction: FigureDirection) -> String {
            var w = HTMLWriter(out: "")
            let figure = HeadlineFigure(
                key: .offered, label: "Made up", kind: .rate, value: 0.5, previous: 0.4, direction: direction)
            renderer.cards([figure], comparing: true, thresholds: MetricSettings(), &w)
            return w.out
        }
        #expect(card(.higherIsBetter).contains("<div class=\"change good\">"))
        #expect(card(.lowerIsBetter).contains("<div class=\"change bad\">"))
        #expect(card(.neutral).contains("<div class=\"change\">"))
    }
}
