import Foundation
import HotlineModel

/// Finds the answered calls whose caller called again within the repeat window after the call ended.
///
/// The rule (docs/METRICS.md): an answered call is a repeat when another call of its caller was enqueued strictly
/// after it ended and no later than the window after its end, compared to the millisecond; a call enqueued while
/// it was still going on (a second line) and a leg of the same call (same call id: a transfer into another queue)
/// never count.
///
/// Exact for any input order, in bounded memory. Every call with a known caller becomes a 24-byte entry (caller,
/// enqueue millisecond, end, call id key, the group to credit). Entries collect in a buffer of ``runCapacity``; a
/// full buffer is sorted by caller (a stable counting sort, then by enqueue time within a caller) and appended as a
/// run to one temporary file, unlinked as soon as it is made, so nothing is left behind however the run ends (a
/// report killed at 3 a.m. does not fill the disk with runs). ``resolve(window:credit:)`` merges the runs — or
/// sorts the one buffer — into each caller's calls in time order (same millisecond: input order) and sweeps them
/// with the caller's answered calls still waiting for a later call (``Sweep``).
///
/// - Complexity: O(1) per call to add; O(n log k) to resolve over k runs, times the calls of one caller that
///   overlap in time (a handful). Memory: the buffer and the caller table; the runs are on disk (24 bytes per call).
struct RepeatCallTracker {
    struct Entry: Equatable {
        /// Enqueue time in milliseconds, relative to ``base``.
        var enqueued: Int64
        var caller: UInt32
        /// End of the call in milliseconds after its enqueue time (at most ~49 days).
        var endDelta: UInt32
        /// The low half of the call id key; 0 for a call without an id (then no other call is its leg).
        var call: UInt32
        /// The group to credit if this call is a repeat, plus one; 0 for a call that only counts as "again".
        var cellPlusOne: UInt32

        var end: Int64 { enqueued + Int64(endDelta) }
    }

    /// Entries held in memory before a run goes to disk: 1M entries, 24 MB (a spill briefly needs twice that, and
    /// the callers index). 2M entries made the peak of a 10M-call report 35 MB higher at the same speed (4.5 s).
    let runCapacity: Int
    private var buffer: [Entry] = []
    /// The runs on disk: where each starts in the spill file, in entries.
    private var runs: [(offset: Int, count: Int)] = []
    private var spillFile: SpillFile?
    private var callers = CallerTable()
    private var base: Int64?

    init(runCapacity: Int = 1 << 20) { self.runCapacity = max(1, runCapacity) }

    /// Records a call; `cell` names the group it credits when it is an answered call that turns out a repeat.
    mutating func add(caller: CallerKey, call: UInt64, enqueued: Instant, ended: Instant, cell: UInt32?) {
        let origin = base ?? enqueued.milliseconds
        base = origin
        if buffer.isEmpty { buffer.reserveCapacity(runCapacity) }
        // The key's low half, kept non-zero for a call that has an id.
        let callTag = call == 0 ? 0 : max(1, UInt32(truncatingIfNeeded: call ^ (call >> 32)))
        buffer.append(
            Entry(
                enqueued: enqueued.milliseconds &- origin, caller: UInt32(callers.index(of: caller).index),
                endDelta: UInt32(clamping: max(0, ended.milliseconds - enqueued.milliseconds)), call: callTag,
                cellPlusOne: cell.map { $0 + 1 } ?? 0))
        if buffer.count == runCapacity { spill() }
    }

    /// Brings the caller slots of `calls` into the cache ahead of adding them (see ``CallerTable/touch(_:)``).
    func warm(_ calls: ArraySlice<CallRecord>) -> UInt64 {
        var seen: UInt64 = 0
        for call in calls { if let caller = call.caller { seen ^= callers.touch(caller) } }
        return seen
    }

    /// Calls `credit(cell)` once for every answered call that is a repeat. The tracker is spent afterwards.
    mutating func resolve(window: Milliseconds, credit: (UInt32) -> Void) {
        var sweep = Sweep(window: window)
        if runs.isEmpty {
            for entry in sortedByCaller(buffer) { sweep.next(entry, credit: credit) }
        } else {
            spill()
            merge(into: &sweep, credit: credit)
        }
        sweep.finish()
        runs = []
        spillFile = nil
        buffer = []
    }

    /// Walks entries grouped by caller in enqueue order. A caller's answered calls wait in `pending` until a call
    /// of another call id is enqueued strictly after their end: it decides them (a repeat when no later than the
    /// window after the end). A call enqueued before an answered call ended (a second line) decides nothing, nor
    /// does a leg of the same call; both leave it waiting for the next.
    private struct Sweep {
        let window: Milliseconds
        var caller: UInt32?
        /// The caller's answered calls not decided yet: end, call id tag, group.
        var pending: [(end: Int64, call: UInt32, cellPlusOne: UInt32)] = []

        mutating func next(_ entry: Entry, credit: (UInt32) -> Void) {
            if entry.caller != caller {
                pending.removeAll(keepingCapacity: true)
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

    /// Entries ordered by caller, then enqueue time, then input order (the sort is stable).
    private func sortedByCaller(_ entries: [Entry]) -> [Entry] {
        var starts = [UInt32](repeating: 0, count: callers.count + 1)
        for entry in entries { starts[Int(entry.caller) + 1] += 1 }
        for i in 1..<starts.count { starts[i] += starts[i - 1] }
        var sorted = [Entry](
            repeating: Entry(enqueued: 0, caller: 0, endDelta: 0, call: 0, cellPlusOne: 0), count: entries.count)
        var next = starts
        for entry in entries {
            sorted[Int(next[Int(entry.caller)])] = entry
            next[Int(entry.caller)] += 1
        }
        // Within a caller: by enqueue time, input order kept for ties (insertion sort: groups are small and
        // usually already in order).
        for c in 0..<(starts.count - 1) {
            let from = Int(starts[c])
            let to = Int(starts[c + 1])
            guard to - from > 1 else { continue }
            for i in (from + 1)..<to {
                let item = sorted[i]
                var j = i - 1
                while j >= from && sorted[j].enqueued > item.enqueued {
                    sorted[j + 1] = sorted[j]
                    j -= 1
                }
                sorted[j + 1] = item
            }
        }
        return sorted
    }

    /// Sorts the buffer into a run on disk.
    private mutating func spill() {
        guard !buffer.isEmpty else { return }
        let sorted = sortedByCaller(buffer)
        let file = spillFile ?? SpillFile()
        spillFile = file
        let offset = runs.last.map { $0.offset + $0.count } ?? 0
        // Written straight from the sorted array: a Data copy would hold the run in memory a third time.
        if let file, file.write(sorted, at: offset) {
            runs.append((offset, sorted.count))
            buffer.removeAll(keepingCapacity: true)
        } else {
            // No room on disk: keep the entries in memory rather than lose them (exact, only not bounded).
            buffer = sorted
            spillFailed = true
        }
    }

    private var spillFailed = false

    /// Merges the sorted runs: by caller, enqueue time, then run (earlier runs hold earlier input).
    private func merge(into sweep: inout Sweep, credit: (UInt32) -> Void) {
        var readers =
            spillFile.map { file in runs.map { RunReader(file: file, offset: $0.offset, count: $0.count) } } ?? []
        if spillFailed { readers.append(RunReader(entries: sortedByCaller(buffer))) }
        while true {
            var best: Int?
            for (i, reader) in readers.enumerated() {
                guard let head = reader.head else { continue }
                if let b = best, let current = readers[b].head,
                    (current.caller, current.enqueued) <= (head.caller, head.enqueued)
                {
                    continue
                }
                best = i
            }
            guard let chosen = best, let entry = readers[chosen].head else { return }
            sweep.next(entry, credit: credit)
            readers[chosen].advance()
        }
    }

    /// Reads a run in blocks of 64K entries.
    private struct RunReader {
        private var file: SpillFile?
        private var offset = 0
        private var remaining = 0
        private var block: [Entry] = []
        private var position = 0
        private(set) var head: Entry?

        init(file: SpillFile, offset: Int, count: Int) {
            self.file = file
            self.offset = offset
            remaining = count
            refill()
        }

        init(entries: [Entry]) {
            block = entries
            head = entries.first
            position = 0
        }

        mutating func advance() {
            position += 1
            if position >= block.count { refill() } else { head = block[position] }
        }

        private mutating func refill() {
            let count = min(remaining, 1 << 16)
            guard let file, count > 0, let read = file.read(count, at: offset) else {
                head = nil
                file = nil
                return
            }
            block = read
            offset += count
            remaining -= count
            position = 0
            head = block.first
        }
    }
}

/// The temporary file the runs go to: made with `mkstemp` and unlinked at once, so it lives only as long as the
/// descriptor (closed with the tracker, or by the system when the process ends, however it ends).
private final class SpillFile {
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
        entries.withUnsafeBytes { raw in
            guard var from = raw.baseAddress else { return true }
            var left = raw.count
            var at = offset * stride
            while left > 0 {
                let n = pwrite(fd, from, left, off_t(at))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                from += n
                left -= n
                at += n
            }
            return true
        }
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
