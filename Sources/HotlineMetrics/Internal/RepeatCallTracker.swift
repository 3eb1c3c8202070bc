import Foundation
import HotlineModel

/// Finds the answered calls whose caller called again within the repeat window after the call ended.
///
/// The rule (docs/METRICS.md): an answered call is a repeat when another call of its caller was enqueued strictly
/// after it ended and no later than the window after its end, compared to the millisecond; a call enqueued while
/// it was still going on (a second line) and a leg of the same call (same call id: a transfer into another queue)
/// never count.
///
/// Exact for any input order, in bounded memory. Every call with a known caller becomes a 32-byte entry (caller,
/// enqueue millisecond, end, call id key, the group to credit). The caller is its key hashed by MurmurHash3's
/// finaliser, which is a bijection of 64-bit numbers: equal hashes are equal callers, so no table of callers is
/// needed, and the hashes spread evenly for the sort. (A table giving each caller a dense number was a cache miss
/// per call and 67 MB for the 2.5M callers of a 10M-call report.) Entries collect in a buffer of ``runCapacity``;
/// a full buffer is sorted by caller (one counting pass on the hash's top bits, then by hash and enqueue time within
/// each bucket, stably) and appended as a run to one temporary file, unlinked as soon as it is made, so nothing is
/// left behind however the run ends (a report killed at 3 a.m. does not fill the disk with runs). The sorting and
/// writing of a run happen on another thread while the next buffer fills (``SpillJob``), one run at a time.
/// ``resolve(window:credit:)`` merges the runs and the last buffer, sorted in memory — or sorts the one buffer —
/// into each caller's calls in time order (same millisecond: input order), bucket by bucket of the hashes
/// (``mergeByBuckets(_:total:cap:into:credit:)``), and sweeps them with the caller's answered calls still waiting
/// for a later call (``Sweep``); with ``spillsAside``, the upper half of the hashes is merged on another thread
/// (``MergeJob``).
///
/// - Complexity: O(1) per call to add; O(n) to resolve (O(n log k) over k runs for a bucket of the merge beyond
///   its cap), times the calls of one caller that overlap in time (a handful). Memory: the buffer and the sort's
///   second array; the runs on disk (32 bytes per call); to merge, a block of each run and a bucket (at most
///   ``mergeCap`` entries) with its sort's second array.
struct RepeatCallTracker {
    struct Entry: Equatable {
        /// Enqueue time in milliseconds, relative to ``base``.
        var enqueued: Int64
        /// The caller key's hash (``DenseIndex/mix(_:)``, one to one).
        var caller: UInt64
        /// End of the call in milliseconds after its enqueue time (at most ~49 days).
        var endDelta: UInt32
        /// The low half of the call id key; 0 for a call without an id (then no other call is its leg).
        var call: UInt32
        /// The group to credit if this call is a repeat, plus one; 0 for a call that only counts as "again".
        var cellPlusOne: UInt32

        var end: Int64 { enqueued + Int64(endDelta) }
    }

    /// Entries held in memory before a run goes to disk: 512K entries, 16 MB. Spilling aside needs three times that
    /// (the buffer filling, and on the spilling thread the full one and its sort's second array), less than
    /// the runs of 1M entries sorted on the aggregating thread needed; on one thread the second array stays between
    /// spills too (made once, not per run). 2M entries made the peak of a 10M-call report 35 MB higher at the same
    /// speed.
    let runCapacity: Int
    /// The most entries of one bucket the merge gathers and sorts at once (2 MB); the rest of a larger bucket, one
    /// caller's hundreds of thousands of calls, goes through the heap.
    var mergeCap: Int { min(runCapacity, 1 << 16) }
    private var buffer: [Entry] = []
    /// The runs, in the order they were made: on disk, or kept in memory when the disk refused them.
    private var runs: [Run] = []
    /// Entries written to the spill file so far: where the next run goes.
    private var spilledEntries = 0
    private var spillFile: SpillFile?
    /// The run being sorted and written on another thread, if any.
    private var spilling: SpillJob?
    /// The buffer the last spill job emptied, kept to fill again (its pages are already mapped).
    private var spare: [Entry] = []
    /// The sort's second array, kept from run to run (with the job while one is in flight).
    private var scratch: [Entry] = []
    private var base: Int64?

    /// Whether runs are sorted and written on another thread (a report with more than one thread).
    let spillsAside: Bool

    init(runCapacity: Int = 1 << 19, spillsAside: Bool = false) {
        self.runCapacity = max(1, runCapacity)
        self.spillsAside = spillsAside
    }

    fileprivate enum Run {
        /// Where it starts in the spill file and its length, in entries.
        case onDisk(offset: Int, count: Int)
        case inMemory([Entry])

        var count: Int {
            switch self {
            case .onDisk(_, let count): count
            case .inMemory(let entries): entries.count
            }
        }
    }

    /// Records a call; `cell` names the group it credits when it is an answered call that turns out a repeat.
    mutating func add(caller: CallerKey, call: UInt64, enqueued: Instant, ended: Instant, cell: UInt32?) {
        let origin = base ?? enqueued.milliseconds
        base = origin
        if buffer.capacity < runCapacity { buffer.reserveCapacity(runCapacity) }
        // The key's low half, kept non-zero for a call that has an id.
        let callTag = call == 0 ? 0 : max(1, UInt32(truncatingIfNeeded: call ^ (call >> 32)))
        buffer.append(
            Entry(
                enqueued: enqueued.milliseconds &- origin, caller: DenseIndex<CallerKey>.mix(caller.rawValue),
                endDelta: UInt32(clamping: max(0, ended.milliseconds - enqueued.milliseconds)), call: callTag,
                cellPlusOne: cell.map { $0 + 1 } ?? 0))
        if buffer.count == runCapacity { spill() }
    }

    /// Calls `credit(cell)` once for every answered call that is a repeat. The tracker is spent afterwards.
    mutating func resolve(window: Milliseconds, credit: (UInt32) -> Void) {
        var sweep = Sweep(window: window)
        finishSpilling()
        spare = []
        // The last buffer is the last run, sorted here and read from memory: writing it out to read it back at once
        // would only cost time.
        Self.sortByCaller(&buffer, scratch: &scratch)
        scratch = []
        let last = buffer
        buffer = []
        if runs.isEmpty {
            for entry in last { sweep.next(entry, credit: credit) }
        } else {
            runs.append(.inMemory(last))
            let total = runs.reduce(0) { $0 + $1.count }
            if spillsAside, let cuts = cuts(at: 1 << 63) {
                // Callers whose hash is below the middle here, the others on another thread: each caller's calls
                // are in one half, and credits are counts, so the halves give what one merge gives. The merge was
                // the last, one-thread second of a 10M-call report on two threads. Half a block per reader, as two
                // merges read at once. Buckets as for all the runs (each half fills half of them).
                var upper = zip(runs, cuts).map { reader(of: $0, $1..<$0.count, block: 1 << 12) }
                let job = MergeJob(taking: &upper, total: total, cap: mergeCap, window: window)
                var lower = zip(runs, cuts).map { reader(of: $0, 0..<$1, block: 1 << 12) }
                Self.mergeByBuckets(&lower, total: total, cap: mergeCap, into: &sweep, credit: credit)
                for (cell, n) in job.wait().enumerated() {
                    for _ in 0..<n { credit(UInt32(cell)) }
                }
            } else {
                // 256 KB a reader: a block stays in the cache from its read to its merge (with 2 MB blocks, the
                // 20 runs of a 10M-call report, the merge waited for each entry's load: 15% more of its time).
                var all = runs.map { reader(of: $0, 0..<$0.count, block: 1 << 13) }
                Self.mergeByBuckets(&all, total: total, cap: mergeCap, into: &sweep, credit: credit)
            }
        }
        sweep.finish()
        runs = []
        spillFile = nil
    }

    /// Walks entries grouped by caller in enqueue order. A caller's answered calls wait in `pending` until a call
    /// of another call id is enqueued strictly after their end: it decides them (a repeat when no later than the
    /// window after the end). A call enqueued before an answered call ended (a second line) decides nothing, nor
    /// does a leg of the same call; both leave it waiting for the next.
    fileprivate struct Sweep {
        let window: Milliseconds
        var caller: UInt64?
        /// The caller's answered calls not decided yet: end, call id tag, group.
        var pending: [(end: Int64, call: UInt32, cellPlusOne: UInt32)] = []

        mutating func next(_ entry: Entry, credit: (UInt32) -> Void) {
            if entry.caller != caller {
                // One by one: rarely more than one, and the general removeAll cost a tenth of the sweep.
                while !pending.isEmpty { pending.removeLast() }
                caller = entry.caller
            }
            var i = 0
            while i < pending.count {
                let waiting = pending[i]
                let sameCall = waiting.call != 0 && waiting.call == entry.call
                if entry.enqueued > waiting.end && (!sameCall || entry.enqueued > waiting.end + window) {
                    if !sameCall && entry.enqueued <= waiting.end + window { credit(waiting.cellPlusOne - 1) }
                    pending.swapAt(i, pending.count - 1)
                    pending.removeLast()
                } else {
                    i += 1
                }
            }
            if entry.cellPlusOne != 0 { pending.append((entry.end, entry.call, entry.cellPlusOne)) }
        }

        mutating func finish() {
            pending.removeAll()
            caller = nil
        }
    }

    /// Orders `entries` by caller hash, then enqueue time, then input order. `scratch` is the sort's second array,
    /// kept by the caller from run to run or bucket to bucket (two new arrays of a run's size for every run were
    /// also 12 MB of a 10M-call report's peak); the sorted entries end in `entries`, the arrays swapped. With
    /// `skippingTopBits`, the entries share that many top bits of their hashes (a bucket of the merge).
    fileprivate static func sortByCaller(
        _ entries: inout [Entry], scratch: inout [Entry], skippingTopBits skip: Int = 0
    ) {
        let n = entries.count
        guard n > 1 else { return }
        // The hashes are uniform: one stable counting pass on their top bits (a quarter of n buckets, 2^18 for a
        // full run) leaves two to four entries a bucket, put in order by insertion.
        let bits = min(20, max(8, Int.bitWidth - n.leadingZeroBitCount - 2))
        let shift = UInt64(UInt64.bitWidth - bits)
        let skipped = UInt64(skip)
        // The swap below needs a second array of n entries: a larger one (the last, shorter buffer) is cut in place,
        // a smaller one grown in place when its storage allows.
        if scratch.count > n {
            scratch.removeLast(scratch.count - n)
        } else if scratch.count < n {
            if scratch.capacity < n { scratch = [] }
            scratch.append(
                contentsOf: repeatElement(
                    Entry(enqueued: 0, caller: 0, endDelta: 0, call: 0, cellPlusOne: 0), count: n - scratch.count))
        }
        var ends = [Int](repeating: 0, count: (1 << bits) + 1)
        entries.withUnsafeBufferPointer { from in
            scratch.withUnsafeMutableBufferPointer { to in
                ends.withUnsafeMutableBufferPointer { ends in
                    for k in 0..<n { ends[Int((from[k].caller << skipped) >> shift) + 1] += 1 }
                    for i in 1..<ends.count { ends[i] += ends[i - 1] }
                    // `ends[b]` is where bucket b starts, and after the scatter where it ends.
                    for k in 0..<n {
                        let entry = from[k]
                        let bucket = Int((entry.caller << skipped) >> shift)
                        to[ends[bucket]] = entry
                        ends[bucket] += 1
                    }
                    var start = 0
                    for bucket in 0..<(1 << bits) {
                        let end = ends[bucket]
                        if end - start > 32 {
                            sortLargeBucket(to, start..<end)
                        } else if end - start > 1 {
                            insertionSort(to, start..<end)
                        }
                        start = end
                    }
                }
            }
        }
        swap(&entries, &scratch)
    }

    /// Orders a small bucket (in input order) by caller hash, then enqueue time, keeping input order for ties.
    /// Two or more entries. Inlined: a call for each bucket of two to four entries was 9% of the sort's
    /// instructions.
    @inline(__always) private static func insertionSort(
        _ entries: UnsafeMutableBufferPointer<Entry>, _ range: Range<Int>
    ) {
        for i in (range.lowerBound + 1)..<range.upperBound {
            let item = entries[i]
            var j = i - 1
            while j >= range.lowerBound
                && (item.caller != entries[j].caller
                    ? item.caller < entries[j].caller : item.enqueued < entries[j].enqueued)
            {
                entries[j + 1] = entries[j]
                j -= 1
            }
            entries[j + 1] = item
        }
    }

    /// Orders a bucket of more than 32 entries (a caller with many calls: a test line, a withheld number) as
    /// ``insertionSort(_:_:)`` does, for which calls out of order would be quadratic: a comparison sort, with the
    /// position last so that ties keep input order.
    private static func sortLargeBucket(_ entries: UnsafeMutableBufferPointer<Entry>, _ range: Range<Int>) {
        var keys = range.map { (caller: entries[$0].caller, enqueued: entries[$0].enqueued, at: $0) }
        keys.sort { ($0.caller, $0.enqueued, $0.at) < ($1.caller, $1.enqueued, $1.at) }
        let sorted = keys.map { entries[$0.at] }
        for (i, entry) in zip(range, sorted) { entries[i] = entry }
    }

    /// Sorts the full buffer into a run, or with ``spillsAside`` hands it to a ``SpillJob`` and goes on with an
    /// empty one, after waiting for the job before.
    private mutating func spill() {
        guard !buffer.isEmpty else { return }
        finishSpilling()
        if spillFile == nil { spillFile = SpillFile() }
        let offset = spilledEntries
        spilledEntries += buffer.count
        guard spillsAside else {
            Self.sortByCaller(&buffer, scratch: &scratch)
            runs.append(Self.run(buffer, file: spillFile, offset: offset))
            buffer.removeAll(keepingCapacity: true)
            return
        }
        // The arrays are swapped into the job, never copied: a second reference while it sorts in place would
        // make it copy them.
        let job = SpillJob(file: spillFile, offset: offset)
        job.take(&buffer, scratch: &scratch)
        job.start()
        spilling = job
        swap(&buffer, &spare)
    }

    /// A sorted run written at entry `offset` of the spill file, or kept in memory when the disk refuses it.
    fileprivate static func run(_ sorted: [Entry], file: SpillFile?, offset: Int) -> Run {
        if let file, file.write(sorted, at: offset) { return .onDisk(offset: offset, count: sorted.count) }
        return .inMemory(sorted)
    }

    /// Waits for the run being spilled and keeps it in order.
    private mutating func finishSpilling() {
        guard let job = spilling else { return }
        let (run, emptied, scratch) = job.wait()
        runs.append(run)
        spare = emptied
        self.scratch = scratch
        spilling = nil
    }

    /// Where each run's callers hashed to `split` and above start (a binary search of each sorted run, in the file
    /// for a run on disk); nil when the disk fails to give an entry back: a cut in the wrong place would put a
    /// caller in both halves.
    private func cuts(at split: UInt64) -> [Int]? {
        var cuts: [Int] = []
        for run in runs {
            var low = 0
            var high = run.count
            while low < high {
                let middle = (low + high) / 2
                let entry: Entry
                switch run {
                case .inMemory(let entries): entry = entries[middle]
                case .onDisk(let offset, _):
                    guard let read = spillFile?.read(1, at: offset + middle)?.first else { return nil }
                    entry = read
                }
                if entry.caller < split { low = middle + 1 } else { high = middle }
            }
            cuts.append(low)
        }
        return cuts
    }

    /// A reader of the entries `range` of a run, in blocks of `block` entries from the file.
    private func reader(of run: Run, _ range: Range<Int>, block: Int) -> RunReader {
        switch run {
        case .inMemory(let entries): RunReader(entries: entries, range: range)
        case .onDisk(let offset, _):
            RunReader(file: spillFile, offset: offset + range.lowerBound, count: range.count, block: block)
        }
    }

    /// Merges sorted runs into `sweep` bucket by bucket of the callers' hashes (their top bits, 1,024 to 2,047
    /// entries a bucket on average): a bucket's entries are gathered from every run, in run order, and sorted in the
    /// cache as a run is (so ties keep input order). The binary heap of the runs' heads
    /// (``merge(_:into:below:credit:)``) took two mispredicted comparisons a level for every entry, 7% of a 10M-call
    /// report on one thread; it still merges a bucket of more than `cap` entries (a caller with very many calls), so
    /// memory stays bounded. `total`: the entries of all the runs, `readers` being all or (on two threads) half of
    /// each.
    fileprivate static func mergeByBuckets(
        _ readers: inout [RunReader], total: Int, cap: Int, into sweep: inout Sweep, credit: (UInt32) -> Void
    ) {
        let bits = min(20, max(1, Int.bitWidth - total.leadingZeroBitCount - 11))
        var gathered: [Entry] = []
        var scratch: [Entry] = []
        for bucket in 0..<(1 << bits) {
            // The first hash of the next bucket; none after the last.
            let limit: UInt64? = bucket + 1 < 1 << bits ? UInt64(bucket + 1) << UInt64(UInt64.bitWidth - bits) : nil
            gathered.removeAll(keepingCapacity: true)
            var full = false
            for r in readers.indices {
                // Stopped at the cap: the bucket goes on in this run (and perhaps later ones).
                if !readers[r].take(below: limit, into: &gathered, cap: cap) {
                    full = true
                    break
                }
            }
            sortByCaller(&gathered, scratch: &scratch, skippingTopBits: bits)
            if full {
                // What was gathered came from the first runs (the last of them in part): one more run ahead of them
                // all, so a tie still goes to the earlier input.
                // The readers moved, not copied: a copy would keep each one's block alive as the merge reads on.
                var rest = [RunReader(entries: gathered, range: gathered.indices)]
                rest.append(contentsOf: readers)
                readers = []
                merge(&rest, into: &sweep, below: limit, credit: credit)
                readers = Array(rest.dropFirst())
            } else {
                for entry in gathered { sweep.next(entry, credit: credit) }
            }
        }
    }

    /// Merges sorted runs into `sweep`: by caller, enqueue time, then run (earlier runs hold earlier input).
    /// With `limit`, it stops before the first entry whose caller hash is not below it, leaving it the readers' head.
    fileprivate static func merge(
        _ readers: inout [RunReader], into sweep: inout Sweep, below limit: UInt64? = nil, credit: (UInt32) -> Void
    ) {
        // A binary heap of the runs' heads by (caller, enqueue time, run): the run before wins a tie, as in input
        // order. Scanning every run's head per entry was half a second of a 10M-call report's last, one-thread step.
        typealias Key = (caller: UInt64, enqueued: Int64, run: Int)
        @inline(__always) func before(_ a: Key, _ b: Key) -> Bool {
            (a.caller, a.enqueued, a.run) < (b.caller, b.enqueued, b.run)
        }
        var heap: [Key] = []
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let left = 2 * i + 1
                guard left < heap.count else { return }
                let right = left + 1
                let child = right < heap.count && before(heap[right], heap[left]) ? right : left
                guard before(heap[child], heap[i]) else { return }
                heap.swapAt(i, child)
                i = child
            }
        }
        for (run, reader) in readers.enumerated() {
            if let head = reader.head { heap.append((head.caller, head.enqueued, run)) }
        }
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
        while let top = heap.first, limit.map({ top.caller < $0 }) ?? true, let entry = readers[top.run].head {
            sweep.next(entry, credit: credit)
            readers[top.run].advance()
            if let next = readers[top.run].head {
                heap[0] = (next.caller, next.enqueued, top.run)
            } else {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            siftDown(0)
        }
    }

    /// Reads a run, or a range of one, in blocks of `block` entries.
    fileprivate struct RunReader {
        private var file: SpillFile?
        private var offset = 0
        private var remaining = 0
        private let blockEntries: Int
        private var block: [Entry] = []
        private var position = 0
        private var end = 0
        private(set) var head: Entry?

        init(file: SpillFile?, offset: Int, count: Int, block: Int) {
            self.file = file
            self.offset = offset
            remaining = count
            blockEntries = block
            refill()
        }

        init(entries: [Entry], range: Range<Int>) {
            blockEntries = 0
            block = entries
            position = range.lowerBound
            end = range.upperBound
            head = position < end ? entries[position] : nil
        }

        mutating func advance() {
            position += 1
            if position >= end { refill() } else { head = block[position] }
        }

        /// Moves the entries from the head on whose caller hash is below `limit` (all, without one) to the end of
        /// `out`, a block's worth at a time, until `out` holds `cap` entries. False when it stopped at the cap with
        /// such an entry left. (Entry by entry, the optional head and the append's uniqueness check were 88
        /// instructions an entry of the merge.)
        mutating func take(below limit: UInt64?, into out: inout [Entry], cap: Int) -> Bool {
            while head != nil {
                let last = min(end, position + max(0, cap - out.count))
                var stop = last
                if let limit {
                    stop = block.withUnsafeBufferPointer { entries in
                        var i = position
                        while i < last && entries[i].caller < limit { i += 1 }
                        return i
                    }
                }
                out.append(contentsOf: block[position..<stop])
                if stop < end {
                    position = stop
                    head = block[stop]
                    return stop < last || !(limit.map { block[stop].caller < $0 } ?? true)
                }
                position = end
                refill()
            }
            return true
        }

        private mutating func refill() {
            let count = min(remaining, blockEntries)
            guard let file, count > 0, let read = file.read(count, at: offset) else {
                head = nil
                file = nil
                block = []
                return
            }
            block = read
            offset += count
            remaining -= count
            position = 0
            end = count
            head = block.first
        }
    }
}

/// Sorts a full buffer into a run and writes it to the spill file on another thread, while the calls after it are
/// added: sorting and writing the runs was a quarter of the aggregating thread's time in a 10M-call report (the
/// file system here writes 280 MB/s), and that thread is what a report on two threads waits for. A run the disk
/// refuses stays in memory: exact, only not bounded. A tracker with a job in flight is not to be copied (the copies
/// would share the job and the file).
private final class SpillJob: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let file: SpillFile?
    private let offset: Int
    // Taken before the job starts, used by the job's thread, given back by `wait` after it signals `done`.
    private var entries: [RepeatCallTracker.Entry] = []
    private var scratch: [RepeatCallTracker.Entry] = []
    private var run: RepeatCallTracker.Run?

    init(file: SpillFile?, offset: Int) {
        self.file = file
        self.offset = offset
    }

    /// Swaps in the full buffer and the sort's second array (the caller is left with empty ones).
    func take(_ entries: inout [RepeatCallTracker.Entry], scratch: inout [RepeatCallTracker.Entry]) {
        swap(&self.entries, &entries)
        swap(&self.scratch, &scratch)
    }

    func start() {
        // A thread of its own, not a shared pool's: the owner blocks on `done`, and an owner on a pool thread
        // waiting for a job queued behind it on the same pool could wait for ever.
        let thread = Thread { [self] in
            RepeatCallTracker.sortByCaller(&entries, scratch: &scratch)
            run = RepeatCallTracker.run(entries, file: file, offset: offset)
            entries.removeAll(keepingCapacity: true)
            done.signal()
        }
        thread.start()
    }

    /// Waits for the job: the run, the buffer it was given, emptied, to fill again, and the sort's second array.
    /// Called once.
    func wait() -> (
        run: RepeatCallTracker.Run, emptied: [RepeatCallTracker.Entry], scratch: [RepeatCallTracker.Entry]
    ) {
        done.wait()
        var emptied: [RepeatCallTracker.Entry] = []
        var scratch: [RepeatCallTracker.Entry] = []
        take(&emptied, scratch: &scratch)
        return (run ?? .inMemory([]), emptied, scratch)
    }
}

/// Merges the runs' upper half of callers on another thread (``RepeatCallTracker/resolve(window:credit:)``),
/// counting the repeats it finds by cell for the owner to credit once it is waited for.
private final class MergeJob: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Swapped in before the thread starts and out by it, so the readers (and their first blocks) have one owner;
    // `counts` is written by the thread before it signals `done`, read by the owner after waiting for it.
    private var readers: [RepeatCallTracker.RunReader] = []
    private var counts: [Int] = []

    init(taking readers: inout [RepeatCallTracker.RunReader], total: Int, cap: Int, window: Milliseconds) {
        swap(&self.readers, &readers)
        let thread = Thread { [self] in
            var readers: [RepeatCallTracker.RunReader] = []
            swap(&readers, &self.readers)
            var sweep = RepeatCallTracker.Sweep(window: window)
            RepeatCallTracker.mergeByBuckets(&readers, total: total, cap: cap, into: &sweep) { cell in
                let i = Int(cell)
                if i >= counts.count { counts += repeatElement(0, count: i + 1 - counts.count) }
                counts[i] += 1
            }
            sweep.finish()
            done.signal()
        }
        thread.start()
    }

    /// The repeats found, by cell number.
    func wait() -> [Int] {
        done.wait()
        return counts
    }
}

/// The temporary file the runs go to: made with `mkstemp` and unlinked at once, so it lives only as long as the
/// descriptor (closed with the tracker, or by the system when the process ends, however it ends). A spill job writes
/// its run, the next starts after it is waited for; the runs are read after the last, by two merges at once with
/// two threads (`pread` at given offsets shares no file position).
private final class SpillFile: @unchecked Sendable {
    private let fd: Int32
    private let stride = MemoryLayout<RepeatCallTracker.Entry>.stride

    init?() {
        var template = Array((FileManager.default.temporaryDirectory.path + "/hotline-repeats-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { return nil }
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Writes `entries` at entry `offset`; false when the disk refused.
    func write(_ entries: [RepeatCallTracker.Entry], at offset: Int) -> Bool {
        entries.withUnsafeBytes { ChunkedWrite.all($0, to: fd, at: offset * stride) == nil }
    }

    /// Reads `count` entries at entry `offset`; nil when the disk fails to give them back.
    func read(_ count: Int, at offset: Int) -> [RepeatCallTracker.Entry]? {
        var failed = false
        let entries = [RepeatCallTracker.Entry](unsafeUninitializedCapacity: count) { out, initialized in
            guard let base = out.baseAddress else { return }
            let raw = UnsafeMutableRawPointer(base)
            var done = 0
            let total = count * stride
            while done < total {
                let n = pread(fd, raw + done, total - done, off_t(offset * stride + done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    failed = true
                    break
                }
                done += n
            }
            initialized = failed ? 0 : count
        }
        return failed ? nil : entries
    }
}
