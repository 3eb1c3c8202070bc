import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

/// Targets per queue and per category (docs/METRICS.md, "Targets per queue and category").
@Suite struct ServiceTargetTests {
    let f = CallFactory()

    /// The default 80% in 20 s; the queue `vip` 90% in 10 s with at most 2% abandoned.
    var settings: MetricSettings {
        var s = MetricSettings()
        s.targets.queues["vip"] = ServiceTargetOverride(
            thresholdSeconds: 10, serviceLevelTarget: 0.9, abandonmentTarget: 0.02)
        return s
    }

    @Test func aCallIsHeldToItsQueuesThresholdAndOthersToTheDefault() throws {
        // Every call waits 15 s: inside the default 20 s, outside vip's 10 s.
        let calls =
            (0..<10).map { f.call(at: Int64($0) * 60, wait: 15, queue: "vip") }
            + (0..<10).map { f.call(at: Int64($0) * 60, wait: 15, queue: "general") }
        let report = f.report(calls, settings: settings)
        let vip = try #require(report.queues.first { $0.name == "vip" })
        let general = try #require(report.queues.first { $0.name == "general" })
        #expect(vip.figures.serviceLevel == 0)
        #expect(vip.target == ServiceTarget(thresholdSeconds: 10, serviceLevelTarget: 0.9, abandonmentTarget: 0.02))
        #expect(general.figures.serviceLevel == 1)
        #expect(general.target == ServiceTarget(thresholdSeconds: 20, serviceLevelTarget: 0.8))
        // The period's service level counts each call against its own queue's threshold.
        #expect(report.totals.serviceLevel == 0.5)
    }

    @Test func aQueueTargetComesBeforeTheCategoryTargetOfTheSameCall() throws {
        var s = settings
        s.targets.categories[.complaint] = ServiceTargetOverride(thresholdSeconds: 30)
        // A 25 s complaint: in service by complaint's 30 s, out of it by vip's 10 s; in another queue, in.
        let calls = [
            f.call(wait: 25, queue: "vip", category: .complaint),
            f.call(at: 60, wait: 25, queue: "general", category: .complaint),
        ]
        let report = f.report(calls, settings: s)
        #expect(report.queues.first { $0.name == "vip" }?.figures.serviceLevel == 0)
        #expect(report.queues.first { $0.name == "general" }?.figures.serviceLevel == 1)
        let complaint = try #require(report.categories.first { $0.category == "complaint" })
        #expect(complaint.target.thresholdSeconds == 30)
        #expect(complaint.target.serviceLevelTarget == 0.8)
    }

    @Test func aQueueBelowItsOwnTargetIsAnExceptionThoughAboveTheDefault() throws {
        // vip: 85 of 100 calls within 10 s: above the default 80%, below vip's 90%; 3 abandoned (3.1% > 2%).
        let answered = (0..<97).map { i in f.call(at: Int64(i) * 30, wait: i < 85 ? 5 : 12, queue: "vip") }
        let abandoned = (0..<3).map { i in f.call(at: Int64(i) * 30 + 7, wait: 40, outcome: .abandoned, queue: "vip") }
        var query = CallQuery()
        query.from = CivilDate(parsing: "2026-11-16")
        query.to = query.from
        let report = f.report(answered + abandoned, query: query, settings: settings)
        let below = report.exceptions.filter { $0.kind == .queueBelowTarget }
        let level = try #require(below.first { $0.figure == "service_level" })
        #expect(level.queue == "vip")
        #expect(level.target == 0.9)
        #expect(level.thresholdSeconds == 10)
        #expect(level.callsAffected == 15)
        let abandonment = try #require(below.first { $0.figure == "abandonment_rate" })
        #expect(abandonment.target == 0.02)
        // 2% of 100 allows 2 abandoned calls: one beyond the target.
        #expect(abandonment.callsAffected == 1)
        // Held to the default, the same queue would raise nothing.
        let plain = f.report(answered + abandoned, query: query)
        #expect(plain.exceptions.filter { $0.kind == .queueBelowTarget }.isEmpty)
    }

    @Test func staffingMeetsTheHardestTargetOfTheCallsItAnswers() throws {
        let calls = (0..<40).map { f.call(at: Int64($0) * 45, wait: 5, talk: 300, queue: $0 % 4 == 0 ? "vip" : "q") }
        let plain = try #require(f.report(calls).staffing.first { $0.start == "10:00" })
        let strict = try #require(f.report(calls, settings: settings).staffing.first { $0.start == "10:00" })
        let vipAlone = ErlangC.staffing(
            calls: plain.callsPerDay, intervalSeconds: 1800, ahtSeconds: plain.ahtSeconds ?? 0, thresholdSeconds: 10,
            target: 0.9)
        #expect(strict.requiredAgents == max(plain.requiredAgents, vipAlone.agents))
        #expect(strict.requiredAgents > plain.requiredAgents)
    }

    @Test func withoutQueueOrCategoryTargetsTheReportSaysNothingNewOfThem() throws {
        let data = try JSONEncoder().encode(MetricSettings())
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("queueTargets"))
        #expect(!text.contains("abandonmentTarget"))
    }
}
