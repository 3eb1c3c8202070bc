import Testing

@testable import HotlineMetrics

@Suite struct ErlangCTests {
    /// Expected values computed independently (Python, the same formulas as METRICS.md).
    @Test(arguments: [
        (100.0, 180.0, 0.8, 14, 0.8883500191794669, 7.835937011777246),
        (1.0, 300.0, 0.8, 1, 0.8423400885155391, 60.0),
        (250.0, 240.0, 0.8, 39, 0.8416049775312723, 10.757432018638942),
        (100.0, 180.0, 0.9, 15, 0.9414528428690223, 3.6735252122875686),
    ])
    func agentsForTheTargetMatchIndependentlyComputedValues(
        calls: Double, aht: Double, target: Double, agents: Int, serviceLevel: Double, asa: Double
    ) throws {
        let s = ErlangC.staffing(
            calls: calls, intervalSeconds: 1800, ahtSeconds: aht, thresholdSeconds: 20, target: target)
        #expect(s.agents == agents)
        #expect(abs(try #require(s.serviceLevel) - serviceLevel) < 1e-9)
        #expect(abs(try #require(s.asaSeconds) - asa) < 1e-9)
        #expect(s.occupancy == s.erlangs / Double(agents))
    }

    @Test func anIntervalWithoutCallsNeedsNoAgents() {
        let s = ErlangC.staffing(calls: 0, intervalSeconds: 1800, ahtSeconds: 300, thresholdSeconds: 20, target: 0.8)
        #expect(s.agents == 0 && s.serviceLevel == nil)
    }
}
