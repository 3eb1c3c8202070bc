import HotlineModel
import Testing

@testable import HotlineMetrics

@Suite struct CallFiguresTests {
    let f = CallFactory()

    /// Ten calls: six answered (four within 20 s), one transferred among them, a short and a real abandon,
    /// a timeout and a callback.
    var ten: [CallRecord] {
        [
            f.call(wait: 5, talk: 100, hold: 20, wrap: 30, csat: 5),
            f.call(wait: 10, talk: 200, csat: 4),
            f.call(wait: 20, talk: 300, csat: 2),
            f.call(wait: 20.001, talk: 400),
            f.call(wait: 60, outcome: .transferred, talk: 50),
            f.call(wait: 15, talk: 150),
            f.call(wait: 3, outcome: .abandoned),
            f.call(wait: 30, outcome: .abandoned),
            f.call(wait: 600, outcome: .timeout),
            f.call(wait: 120, outcome: .callback),
        ]
    }

    @Test func shortAbandonsAreReportedButLeftOutOfRateDenominators() throws {
        let t = f.figures(ten)
        #expect(t.offered == 10 && t.answered == 6 && t.abandoned == 1 && t.shortAbandoned == 1)
        #expect(t.timedOut == 1 && t.callback == 1 && t.transferred == 1)
        // Within 20 s: waits 5, 10, 20 (exactly), 15; not 20.001 or 60. Denominator 10 - 1 short.
        #expect(t.serviceLevel == 4.0 / 9.0)
        #expect(t.abandonmentRate == 1.0 / 9.0)
    }

    @Test func speedOfAnswerAndHandleTimeAreMeansOverAnsweredCalls() throws {
        let t = f.figures(ten)
        let waits: [Double] = [5, 10, 20, 20.001, 60, 15]
        let asa = try #require(t.asaSeconds)
        #expect(abs(asa - waits.reduce(0, +) / 6) < 1e-9)
        #expect(t.ahtSeconds == (150 + 200 + 300 + 400 + 50 + 150) / 6.0)
        #expect(t.transferRate == 1.0 / 6.0)
        #expect(t.longestWaitSeconds == 600)
        #expect(t.waitP50Seconds == 15 && t.waitP90Seconds == 60)
    }

    @Test func satisfactionCountsScoresPresent() {
        let t = f.figures(ten)
        #expect(t.csatResponses == 3)
        #expect(t.csatMean == 11.0 / 3.0)
        #expect(t.csatSatisfied == 2.0 / 3.0)
        #expect(t.csatResponseRate == 3.0 / 6.0)
        #expect(t.nps == nil)
    }

    @Test func netPromoterScoreWhereZeroToTenScoresExist() {
        let t = f.figures([f.call(nps: 10), f.call(nps: 9), f.call(nps: 7), f.call(nps: 3)])
        #expect(t.nps == 25)
        #expect(t.npsResponses == 4)
    }

    @Test func emptyDenominatorsGiveNoValueNotZero() {
        let t = f.figures([f.call(wait: 2, outcome: .abandoned)])
        #expect(t.offered == 1 && t.shortAbandoned == 1)
        #expect(t.serviceLevel == nil && t.abandonmentRate == nil)
        #expect(t.asaSeconds == nil && t.ahtSeconds == nil && t.waitP50Seconds == nil)
        #expect(t.csatMean == nil && t.transferRate == nil && t.repeatCallRate == nil)
        let none = f.figures([])
        #expect(none.offered == 0 && none.longestWaitSeconds == nil)
    }

    @Test func accumulatorsMergeIntoWhatTheirCallsMakeTogether() {
        let settings = MetricSettings()
        var whole = CallAccumulator()
        var left = CallAccumulator()
        var right = CallAccumulator()
        for (i, call) in ten.enumerated() {
            whole.add(call, settings: settings)
            if i % 3 == 0 { left.add(call, settings: settings) } else { right.add(call, settings: settings) }
        }
        #expect(CallFigures(left.merging(right), settings: settings) == CallFigures(whole, settings: settings))
    }
}
