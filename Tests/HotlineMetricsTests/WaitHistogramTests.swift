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

    /// Dense counts are read eight at a time while all eight are under 128, one by one otherwise: every mix of
    /// short and long numbers, wherever they fall against the eight, decodes to the numbers written and their sum.
    @Test func denseCountsDecodeAlikeInRunsOfOneByteAndLongerNumbers() throws {
        let long: [UInt32] = [128, 300, 16_384, 70_000, UInt32.max]
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 40] {
            for at in Set([0, 3, 7, 8, 9, length - 1].filter { $0 >= 0 && $0 < max(length, 1) }) {
                for value in long {
                    var counts = (0..<length).map { UInt32($0 * 37 % 128) }
                    if at < length { counts[at] = value }
                    if length > 12 { counts[length - 2] = 127 }
                    var w = BinaryWriter()
                    for n in counts { w.uint(UInt64(n)) }
                    w.uint(5)  // what follows the counts is left unread
                    var r = BinaryReader(w.bytes)
                    var out = [UInt32](repeating: 0, count: length)
                    let total = try out.withUnsafeMutableBufferPointer { try r.tallies(into: $0) }
                    #expect(out == counts)
                    #expect(total == counts.reduce(0) { $0 + Int($1) })
                    #expect(try r.uint() == 5)
                }
            }
        }
    }

    @Test func denseCountsCutShortAfterAWholeEightAreMalformed() {
        var w = BinaryWriter()
        for n in 0..<8 { w.uint(UInt64(n)) }
        w.uint(1 << 40)  // a ninth too large for its slot
        let tooLarge = w.bytes
        for (bytes, slots) in [(Array(tooLarge.prefix(8)), 9), (tooLarge, 9), (Array(repeating: 1, count: 16), 17)] {
            var r = BinaryReader(bytes)
            var out = [UInt32](repeating: 0, count: slots)
            #expect(throws: BinaryReader.Malformed.self) {
                _ = try out.withUnsafeMutableBufferPointer { try r.tallies(into: $0) }
            }
        }
    }
}
