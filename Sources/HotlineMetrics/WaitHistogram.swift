import HotlineModel

/// Exact counts of waits at 1-second resolution: percentiles from it are exact, and histograms merge by adding.
///
/// A wait of w milliseconds counts in second ⌈w / 1000⌉, the smallest whole second it does not exceed, so the
/// nearest-rank percentile "smallest w such that at least q of the values are <= w" reads straight off it.
/// Seconds below ``denseLimit`` live in an array; longer (rare) waits in a dictionary.
public struct WaitHistogram: Sendable, Equatable {
    static let denseLimit = 7200

    private(set) var dense: [UInt32] = []
    private(set) var sparse: [Int: Int] = [:]
    public private(set) var count = 0

    public init() {}

    /// The histogram of these counts by second, `count` their sum (decoding). Empty slots at the end are dropped:
    /// ``addSeconds(_:count:)`` never makes them, and equal histograms must compare equal.
    init(dense: [UInt32], count: Int) {
        var dense = dense
        while dense.last == 0 { dense.removeLast() }
        self.dense = dense
        self.count = count
    }

    @inline(__always) public mutating func add(_ wait: Milliseconds) {
        addSeconds(Int(max(0, wait).ceilDivided(by: 1000)), count: 1)
    }

    /// Counts a duration in whole minutes, ⌈d / 60 s⌉ (ticket reply and resolution times use the same
    /// histogram at minute resolution).
    @inline(__always) public mutating func add(minutesOf duration: Milliseconds) {
        addSeconds(Int(max(0, duration).ceilDivided(by: 60_000)), count: 1)
    }

    @inline(__always) mutating func addSeconds(_ second: Int, count n: Int) {
        count += n
        if second < Self.denseLimit {
            if second >= dense.count { grow(toHold: second) }
            dense[second] &+= UInt32(n)
        } else {
            sparse[second, default: 0] += n
        }
    }

    /// Zeros up to `second`, with room for twice as many: each new longest wait of a histogram took a new buffer
    /// (a hundred thousand a month of calls, 3% of the aggregation). Capacity is not compared, counts are.
    @inline(never) private mutating func grow(toHold second: Int) {
        let needed = second + 1
        if dense.capacity < needed { dense.reserveCapacity(Swift.max(needed, 2 * dense.count, 16)) }
        dense.append(contentsOf: repeatElement(0, count: needed - dense.count))
    }

    public mutating func merge(_ other: WaitHistogram) {
        count += other.count
        if other.dense.count > dense.count {
            dense.append(contentsOf: repeatElement(0, count: other.dense.count - dense.count))
        }
        // A plain loop over both buffers: merging a year of stored days is mostly this.
        dense.withUnsafeMutableBufferPointer { mine in
            other.dense.withUnsafeBufferPointer { theirs in
                for i in 0..<theirs.count { mine[i] &+= theirs[i] }
            }
        }
        for (unit, n) in other.sparse { sparse[unit, default: 0] += n }
    }

    /// Nearest-rank percentile in whole seconds, `percent` in 1...100; nil when empty.
    ///
    /// The rank is ⌈percent × n / 100⌉ computed in integers, so p90 of 10 values is the 9th, never the 10th.
    public func percentile(_ percent: Int) -> Int? {
        guard count > 0 else { return nil }
        let rank = max(1, (percent * count + 99) / 100)
        var seen = 0
        for (second, n) in dense.enumerated() {
            seen += Int(n)
            if seen >= rank { return second }
        }
        for second in sparse.keys.sorted() {
            seen += sparse[second] ?? 0
            if seen >= rank { return second }
        }
        return nil
    }

    /// How many values fall in `lower..<upper` seconds (upper nil = no bound).
    public func count(from lower: Int, to upper: Int?) -> Int {
        var total = 0
        for (second, n) in dense.enumerated() where second >= lower && (upper.map { second < $0 } ?? true) {
            total += Int(n)
        }
        for (second, n) in sparse where second >= lower && (upper.map { second < $0 } ?? true) { total += n }
        return total
    }
}
