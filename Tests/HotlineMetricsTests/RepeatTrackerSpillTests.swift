import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

/// The repeat tracker gives the same credits whether it keeps everything in memory or spills sorted runs to disk.
@Suite struct RepeatTrackerSpillTests {
    struct Call {
        var caller: UInt64
        var enqueued: Int64
        var length: Int64
        var cell: UInt32?
        /// The call id key: some calls share one (legs of a call), 0 is none.
        var id: UInt64 = 0
    }

    /// `count` calls of `callers` callers over `days`, in a shuffled order: enqueue times and lengths in steps of
    /// `step` seconds, one call in `uncredited` crediting no cell, the others `cells` cells in turn; call ids
    /// below `ids`, so some calls share one.
    static func randomCalls(
        seed: UInt64, count: Int, callers: Int64, days: Int64, step: Int64, uncredited: Int64, cells: Int, ids: Int64
    ) -> [Call] {
        var state = seed
        func next(_ n: Int64) -> Int64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((state >> 33) % UInt64(n))
        }
        return (0..<count).map { i in
            Call(
                caller: UInt64(1 + next(callers)), enqueued: 1_794_758_400 + next(days * 86400 / step) * step,
                length: next(900) * step, cell: next(uncredited) == 0 ? nil : UInt32(i % cells), id: UInt64(next(ids)))
        }
    }

    /// 5,000 calls from 300 callers over a week.
    static let calls = randomCalls(
        seed: 7, count: 5000, callers: 300, days: 7, step: 1, uncredited: 3, cells: 17, ids: 3000)

    func credits(runCapacity: Int, order: [Call], spillsAside: Bool = false) -> [UInt32: Int] {
        var tracker = RepeatCallTracker(runCapacity: runCapacity, spillsAside: spillsAside)
        for call in order {
            tracker.add(
                caller: CallerKey(rawValue: call.caller | 1 << 63), call: call.id,
                enqueued: Instant(seconds: call.enqueued),
                ended: Instant(seconds: call.enqueued + call.length), cell: call.cell)
        }
        var counts: [UInt32: Int] = [:]
        tracker.resolve(window: 72 * 3_600_000) { counts[$0, default: 0] += 1 }
        return counts
    }

    @Test(arguments: [64, 1000, 4999, 5000, 1 << 22])
    func spillingGivesTheSameCreditsAsKeepingEverythingInMemory(runCapacity: Int) {
        let sorted = Self.calls.sorted { $0.enqueued < $1.enqueued }
        let reference = credits(runCapacity: 1 << 22, order: sorted)
        #expect(reference.values.reduce(0, +) > 100)
        #expect(credits(runCapacity: runCapacity, order: Self.calls) == reference)
        #expect(credits(runCapacity: runCapacity, order: sorted.reversed()) == reference)
    }

    @Test(arguments: [64, 1000, 4999])
    func runsSortedOnAnotherThreadGiveTheSameCredits(runCapacity: Int) {
        let reference = credits(runCapacity: 1 << 22, order: Self.calls)
        #expect(credits(runCapacity: runCapacity, order: Self.calls, spillsAside: true) == reference)
        #expect(credits(runCapacity: runCapacity, order: Self.calls.reversed(), spillsAside: true) == reference)
    }

    /// The rule by brute force: an answered call is credited when another call of its caller, with another call
    /// id or none, is enqueued after it ended and no later than the window after.
    static func expectedCredits(_ calls: [Call], window: Int64) -> [UInt32: Int] {
        var counts: [UInt32: Int] = [:]
        let byCaller = Dictionary(grouping: calls, by: \.caller)
        for call in calls {
            guard let cell = call.cell else { continue }
            let end = call.enqueued + call.length
            let again = byCaller[call.caller, default: []].contains { other in
                other.enqueued > end && other.enqueued <= end + window && (call.id == 0 || other.id != call.id)
            }
            if again { counts[cell, default: 0] += 1 }
        }
        return counts
    }

    /// 12,000 calls of 5,000 callers: a few callers in each bucket of a run's sort.
    static let manyCallers = randomCalls(
        seed: 11, count: 12_000, callers: 5000, days: 40, step: 10, uncredited: 4, cells: 23, ids: 8000)

    /// Runs of 3,000 and 4,000: every bucket of the merge gathered from four or five runs (of 3,000, on two threads,
    /// one bucket a half beyond the cap: the heap).
    @Test(arguments: [64, 1000, 3000, 4000, 11_999, 1 << 22])
    func creditsFollowTheRuleWhateverTheRunsAndThreads(runCapacity: Int) {
        // Seconds in the test data, so the window in seconds too.
        let expected = Self.expectedCredits(Self.manyCallers, window: 72 * 3600)
        #expect(expected.values.reduce(0, +) > 1000)
        #expect(credits(runCapacity: runCapacity, order: Self.manyCallers) == expected)
        #expect(credits(runCapacity: runCapacity, order: Self.manyCallers, spillsAside: true) == expected)
        #expect(credits(runCapacity: runCapacity, order: Self.manyCallers.reversed(), spillsAside: true) == expected)
        #expect(
            credits(runCapacity: runCapacity, order: Self.calls) == Self.expectedCredits(Self.calls, window: 72 * 3600))
    }

    /// 6,000 calls of three callers in a shuffled order: with runs of 1,000 or more, each caller's calls fill a bucket
    /// of the run's sort far beyond what insertion sorts (its comparison sort); with runs of 64, about 21 each.
    @Test(arguments: [64, 1000, 1 << 22])
    func callersWithThousandsOfCallsInAnyOrderFollowTheRule(runCapacity: Int) {
        let calls = Self.randomCalls(
            seed: 5, count: 6000, callers: 3, days: 30, step: 60, uncredited: 3, cells: 11, ids: 4000)
        let expected = Self.expectedCredits(calls, window: 72 * 3600)
        #expect(expected.values.reduce(0, +) > 1000)
        #expect(credits(runCapacity: runCapacity, order: calls) == expected)
        #expect(credits(runCapacity: runCapacity, order: calls.reversed(), spillsAside: true) == expected)
    }

    /// The three callers of the test above replaced by three whose hashes share their top 11 bits: one bucket of
    /// the sort (8 or 11 bits for these runs) holds all their calls, told apart by the hash within it.
    @Test(arguments: [1000, 1 << 22])
    func callersSharingABucketOfTheSortAreToldApart(runCapacity: Int) throws {
        var byTopBits: [UInt64: [UInt64]] = [:]
        var sharing: [UInt64] = []
        for key in UInt64(1)..<100_000 where sharing.isEmpty {
            let top = DenseIndex<CallerKey>.mix(key | 1 << 63) >> 53
            byTopBits[top, default: []].append(key)
            if byTopBits[top, default: []].count == 3 { sharing = byTopBits[top, default: []] }
        }
        try #require(sharing.count == 3)
        let calls = Self.randomCalls(
            seed: 5, count: 6000, callers: 3, days: 30, step: 60, uncredited: 3, cells: 11, ids: 4000
        ).map { call in
            var call = call
            call.caller = sharing[Int(call.caller) - 1]
            return call
        }
        let expected = Self.expectedCredits(calls, window: 72 * 3600)
        #expect(expected.values.reduce(0, +) > 1000)
        #expect(credits(runCapacity: runCapacity, order: calls) == expected)
        #expect(credits(runCapacity: runCapacity, order: calls.reversed(), spillsAside: true) == expected)
    }

    /// All calls of one caller, so in one half of the hashes: the two-thread merge has an empty half.
    @Test func oneCallerSpilledAsideIsMergedWithAnEmptyHalf() {
        let one = Self.calls.map {
            Call(caller: 42, enqueued: $0.enqueued, length: $0.length, cell: $0.cell, id: $0.id)
        }
        let expected = Self.expectedCredits(one, window: 72 * 3600)
        #expect(!expected.isEmpty)
        #expect(credits(runCapacity: 100, order: one, spillsAside: true) == expected)
    }

    @Test func runsOnDiskLeaveNoFileBehindEvenWhileTheyAreRead() throws {
        // A report killed with SIGKILL cannot remove files: the runs' file is unlinked as soon as it is made.
        // Files still there 50 ms later: another test's tracker has its file for microseconds between mkstemp
        // and unlink.
        func leftovers() throws -> Set<String> {
            func list() throws -> Set<String> {
                Set(
                    try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
                        .filter { $0.hasPrefix("hotline-repeats-") })
            }
            let first = try list()
            Thread.sleep(forTimeInterval: 0.05)
            return first.intersection(try list())
        }
        let before = try leftovers()
        var tracker = RepeatCallTracker(runCapacity: 100)
        for call in Self.calls {
            tracker.add(
                caller: CallerKey(rawValue: call.caller | 1 << 63), call: call.id,
                enqueued: Instant(seconds: call.enqueued),
                ended: Instant(seconds: call.enqueued + call.length), cell: call.cell)
        }
        #expect(try leftovers().isSubset(of: before))
        var credited = 0
        tracker.resolve(window: 72 * 3_600_000) { _ in credited += 1 }
        #expect(credited > 100)
        #expect(try leftovers().isSubset(of: before))
    }
}
