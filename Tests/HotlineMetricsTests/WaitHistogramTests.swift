import Testing

@testable import HotlineMetrics

@Suite struct WaitHistogramTests {
    func histogram(_ seconds: [Double]) -> WaitHistogram {
        var h = WaitHistogram()
        for s in seconds { h.add(Int64((s * 1000).rounded())) }
        return h
    }

    @Test func nearestRankIsTheSmallestValueWithEnoughAtOrBelowIt() {
        let h = histogram((1...10).map(Double.init))
        #expect(h.percentile(50) == 5)
        #expect(h.percentile(90) == 9)  // 0.9 x 10 is exactly 9: the 9th value, not the 10th
        #expect(h.percentile(99) == 10)
        #expect(h.percentile(100) == 10)
    }

    @Test func tiesShareARank() {
        let h = histogram([5, 5, 5, 10])
        #expect(h.percentile(50) == 5)
        #expect(h.percentile(75) == 5)
        #expect(h.percentile(90) == 10)
    }

    @Test func partSecondsRoundUpToTheWholeSecondTheyDoNotExceed() {
        let h = histogram([20.001, 0.2])
        #expect(h.percentile(100) == 21)
        #expect(h.percentile(50) == 1)
    }

    @Test func veryLongWaitsAreCountedExactly() {
        let h = histogram([3, 86_400, 100_000])
        #expect(h.percentile(50) == 86_400)
        #expect(h.count(from: 7200, to: nil) == 2)
    }

    @Test func emptyHistogramHasNoPercentile() {
        #expect(WaitHistogram().percentile(50) == nil)
    }

    @Test func mergingEqualsCountingTogether() {
        var a = histogram([1, 2, 9000])
        a.merge(histogram([2, 3]))
        #expect(a.count == 5)
        for p in [10, 50, 80, 99] { #expect(a.percentile(p) == histogram([1, 2, 2, 3, 9000]).percentile(p)) }
    }

    func decoded(_ bytes: [UInt8]) throws -> WaitHistogram {
        var r = BinaryReader(bytes)
        return try WaitHistogram.read(from: &r)
    }

    @Test func storedHistogramsDecodeToEqualHistograms() throws {
        for seconds in [[], [0], [1, 1, 2, 600, 600, 7199, 7200, 86_400], (0..<3000).map { Double($0 % 977) }] {
            let h = histogram(seconds)
            var w = BinaryWriter()
            h.write(to: &w)
            let back = try decoded(w.bytes)
            #expect(back == h)
            #expect(back.count == h.count)
            for p in [1, 50, 90, 100] { #expect(back.percentile(p) == h.percentile(p)) }
        }
    }

    @Test func emptySlotsAtTheEndOfAStoredDensePartAreDropped() throws {
        // Four dense slots: 0, 2, 0, 0; no sparse part.
        #expect(try decoded([4, 0, 2, 0, 0, 0]) == histogram([1, 1]))
    }

    @Test func aStoredSlotTooLargeOrCutShortIsMalformed() {
        // 2^32 in one slot.
        #expect(throws: BinaryReader.Malformed.self) { try decoded([1, 0x80, 0x80, 0x80, 0x80, 0x10, 0]) }
        // Three slots announced, two there.
        #expect(throws: BinaryReader.Malformed.self) { try decoded([3, 1, 1]) }
        // A number of more than ten bytes.
        #expect(throws: BinaryReader.Malformed.self) { try decoded([1] + Array(repeating: 0xFF, count: 11) + [1]) }
    }
}
