import HotlineModel

/// Finds the answered calls whose caller entered a queue again within the repeat window after the call ended.
///
/// Inputs come in any order, so every call with a known caller is kept as 16 bytes (enqueue second, end,
/// the group to credit, the caller's previous call) in fixed-size chunks that never move, chained per caller.
/// ``resolve(window:credit:)`` walks each caller's calls in time order: an answered call is a repeat when the
/// caller's next call (enqueued later; same second: later in the input) was enqueued no later than its end plus
/// the window. Enqueue times count to the second.
///
/// - Complexity: O(1) per call to add; O(n log k) to resolve, k the calls of the busiest caller.
struct RepeatCallTracker {
    private struct Entry {
        /// Enqueue second, relative to ``base``.
        var enqueued: Int32
        /// End of the call in milliseconds after that whole enqueue second.
        var endDelta: UInt32
        /// The group to credit if this call is a repeat, plus one; 0 for a call that only counts as "again".
        var cellPlusOne: UInt32
        /// The caller's previous entry plus one; 0 ends the chain.
        var previousPlusOne: UInt32
    }

    private static let chunkSize = 1 << 16
    private var chunks: [[Entry]] = []
    private var count = 0
    private var callers = CallerTable()
    private var latest: [UInt32] = []
    private var base: Int64?

    /// Records a call; `cell` names the group it credits when it is an answered call that turns out a repeat.
    mutating func add(caller: CallerKey, enqueued: Instant, ended: Instant, cell: UInt32?) {
        let second = enqueued.seconds
        let origin = base ?? second
        base = origin
        let relative = Int32(clamping: second - origin)
        let endDelta = UInt32(clamping: ended.milliseconds - second * 1000)
        let (index, inserted) = callers.index(of: caller)
        if inserted { latest.append(0) }
        if count % Self.chunkSize == 0 {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.chunkSize)
        }
        chunks[chunks.count - 1].append(
            Entry(
                enqueued: relative, endDelta: endDelta, cellPlusOne: cell.map { $0 + 1 } ?? 0,
                previousPlusOne: latest[index]))
        count += 1
        latest[index] = UInt32(count)
    }

    private func entry(_ i: Int) -> Entry { chunks[i / Self.chunkSize][i % Self.chunkSize] }

    /// Calls `credit(cell)` once for every answered call that is a repeat.
    func resolve(window: Milliseconds, credit: (UInt32) -> Void) {
        var calls: [(enqueued: Int32, index: Int)] = []
        for head in latest {
            calls.removeAll(keepingCapacity: true)
            var link = head
            while link != 0 {
                let i = Int(link - 1)
                calls.append((entry(i).enqueued, i))
                link = entry(i).previousPlusOne
            }
            guard calls.count > 1 else { continue }
            // The chain runs newest first; inputs in time order need only the reversal.
            calls.reverse()
            if !isSorted(calls) { calls.sort { ($0.enqueued, $0.index) < ($1.enqueued, $1.index) } }
            for k in 0..<(calls.count - 1) {
                let call = entry(calls[k].index)
                guard call.cellPlusOne != 0 else { continue }
                let end = Int64(call.enqueued) * 1000 + Int64(call.endDelta)
                let next = Int64(calls[k + 1].enqueued) * 1000
                if next <= end + window { credit(call.cellPlusOne - 1) }
            }
        }
    }

    private func isSorted(_ calls: [(enqueued: Int32, index: Int)]) -> Bool {
        for k in 1..<calls.count where (calls[k - 1].enqueued, calls[k - 1].index) > (calls[k].enqueued, calls[k].index)
        {
            return false
        }
        return true
    }
}
