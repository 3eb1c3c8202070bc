import Foundation
import HotlineModel

/// The open queue_log calls moved out of memory: a queue_log whose ends never came (a PBX that stopped writing
/// them, a log cut before its ends) can hold tens of millions of calls open, and even at ~130 bytes each that is
/// more memory than a cron job may take.
///
/// ``OpenCallTable`` moves its oldest calls here when it holds more than its bound; each move writes one run of
/// calls sorted by key to one temporary file (made with `mkstemp` and unlinked at once, so nothing is left behind
/// however the process ends). In memory each run keeps a Bloom filter (10 bits a call: about 1% of look-ups for a
/// call not there read one block) and every 64th key with its place in the file, so a later event of a spilled
/// call finds it with one `pread` of at most 64 records, and a call is back in memory the moment an event of it
/// arrives. What the spill holds costs about 2 bytes of memory a call.
final class OpenCallSpill {
    /// A call as it was when it left memory: its state, its callid and the locations of its events.
    struct Record {
        var call: OpenCallTable.Call
        var callID: [UInt8]
        var events: [RecordLocation]
    }

    private struct Run {
        /// Byte range of the run in the file.
        var start: Int
        var end: Int
        /// Every 64th key of the run and the byte offset of its record.
        var sampleKeys: [UInt64]
        var sampleOffsets: [Int]
        var bloom: [UInt64]
        /// Keys brought back into memory (their records in the file are dead).
        var taken = Set<UInt64>()
        var count: Int

        func mayHold(_ key: UInt64) -> Bool {
            let bits = UInt64(bloom.count * 64)
            let (a, b) = OpenCallSpill.hashes(key)
            for i: UInt64 in 0..<3 {
                let bit = (a &+ i &* b) % bits
                if bloom[Int(bit >> 6)] & (1 << (bit & 63)) == 0 { return false }
            }
            return true
        }
    }

    private let fd: Int32
    private var runs: [Run] = []
    private var fileEnd = 0

    /// Calls in the spill, not brought back.
    private(set) var count = 0

    /// Nil when no temporary file can be made (the caller keeps its calls in memory then).
    init?() {
        var template = Array((FileManager.default.temporaryDirectory.path + "/hotline-open-calls-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { return nil }
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Writes `records` (any order) as one run; false when the disk refused (nothing is kept then).
    func write(_ records: [Record]) -> Bool {
        let sorted = records.sorted { $0.call.key < $1.call.key }
        var bytes: [UInt8] = []
        var sampleKeys: [UInt64] = []
        var sampleOffsets: [Int] = []
        // 10 bits a call, in whole words.
        var bloom = [UInt64](repeating: 0, count: max(1, (sorted.count * 10 + 63) / 64))
        let bits = UInt64(bloom.count * 64)
        for (i, record) in sorted.enumerated() {
            if i % 64 == 0 {
                sampleKeys.append(record.call.key)
                sampleOffsets.append(fileEnd + bytes.count)
            }
            let (a, b) = Self.hashes(record.call.key)
            for i: UInt64 in 0..<3 {
                let bit = (a &+ i &* b) % bits
                bloom[Int(bit >> 6)] |= 1 << (bit & 63)
            }
            Self.encode(record, into: &bytes)
        }
        guard writeAll(bytes, at: fileEnd) else { return false }
        runs.append(
            Run(
                start: fileEnd, end: fileEnd + bytes.count, sampleKeys: sampleKeys, sampleOffsets: sampleOffsets,
                bloom: bloom, count: sorted.count))
        fileEnd += bytes.count
        count += sorted.count
        return true
    }

    /// The spilled call with `key`, taken out of the spill; nil when it is not there (or the disk fails to give
    /// it back: the call then stays where it is and is reported incomplete at the end).
    func take(_ key: UInt64) -> Record? {
        for r in runs.indices.reversed() where runs[r].mayHold(key) && !runs[r].taken.contains(key) {
            let run = runs[r]
            // The last sample at or below the key starts the block that holds it.
            var low = 0
            var high = run.sampleKeys.count
            while low < high {
                let mid = (low + high) / 2
                if run.sampleKeys[mid] <= key { low = mid + 1 } else { high = mid }
            }
            guard low > 0 else { continue }
            let from = run.sampleOffsets[low - 1]
            let to = low < run.sampleOffsets.count ? run.sampleOffsets[low] : run.end
            guard let block = readAll(to - from, at: from) else { continue }
            var offset = 0
            while offset < block.count, let record = Self.decode(block, at: &offset) {
                if record.call.key == key {
                    runs[r].taken.insert(key)
                    count -= 1
                    return record
                }
                if record.call.key > key { break }
            }
        }
        return nil
    }

    /// Calls `body` with every call still in the spill, run by run, each run in the order of the calls' first
    /// lines (one run in memory at a time), and empties the spill.
    func drain(_ body: (Record) -> Void) {
        for run in runs {
            guard let bytes = readAll(run.end - run.start, at: run.start) else { continue }
            var records: [Record] = []
            records.reserveCapacity(run.count - run.taken.count)
            var offset = 0
            while offset < bytes.count, let record = Self.decode(bytes, at: &offset) {
                if !run.taken.contains(record.call.key) { records.append(record) }
            }
            records.sort {
                ($0.call.location.file, $0.call.location.line) < ($1.call.location.file, $1.call.location.line)
            }
            for record in records { body(record) }
        }
        runs = []
        count = 0
    }

    // MARK: - Encoding

    /// Two hashes of the key from one 64-bit mix; the Bloom filter's three probes are a + i b (double hashing).
    fileprivate static func hashes(_ key: UInt64) -> (UInt64, UInt64) {
        var h = key &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        return (h, (h >> 32) | 1)
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func read<T: FixedWidthInteger>(_: T.Type, _ bytes: [UInt8], at offset: inout Int) -> T? {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { return nil }
        var value: T = 0
        for i in 0..<size { value |= T(bytes[offset + i]) << (8 * i) }
        offset += size
        return value
    }

    private static func encode(_ record: Record, into bytes: inout [UInt8]) {
        let c = record.call
        append(c.key, to: &bytes)
        append(c.enqueuedAt, to: &bytes)
        append(c.answeredAt, to: &bytes)
        append(c.caller, to: &bytes)
        append(c.holdSeconds.bitPattern, to: &bytes)
        append(c.queue.rawValue, to: &bytes)
        append(c.agent.rawValue, to: &bytes)
        bytes.append(c.flags)
        append(c.ivrPath.rawValue, to: &bytes)
        append(c.ivrMillis, to: &bytes)
        append(UInt32(record.callID.count), to: &bytes)
        bytes.append(contentsOf: record.callID)
        append(UInt32(record.events.count), to: &bytes)
        for e in record.events {
            append(e.file, to: &bytes)
            append(e.line, to: &bytes)
        }
    }

    private static func decode(_ bytes: [UInt8], at offset: inout Int) -> Record? {
        guard let key = read(UInt64.self, bytes, at: &offset), let enqueued = read(Int64.self, bytes, at: &offset),
            let answered = read(Int64.self, bytes, at: &offset), let caller = read(UInt64.self, bytes, at: &offset),
            let hold = read(UInt64.self, bytes, at: &offset), let queue = read(UInt32.self, bytes, at: &offset),
            let agent = read(UInt32.self, bytes, at: &offset), let flags = read(UInt8.self, bytes, at: &offset),
            let ivrPath = read(UInt32.self, bytes, at: &offset), let ivrMillis = read(Int32.self, bytes, at: &offset),
            let idLength = read(UInt32.self, bytes, at: &offset), offset + Int(idLength) <= bytes.count
        else { return nil }
        let callID = Array(bytes[offset..<offset + Int(idLength)])
        offset += Int(idLength)
        guard let eventCount = read(UInt32.self, bytes, at: &offset) else { return nil }
        var events: [RecordLocation] = []
        events.reserveCapacity(Int(eventCount))
        for _ in 0..<eventCount {
            guard let file = read(Int32.self, bytes, at: &offset), let line = read(Int32.self, bytes, at: &offset)
            else { return nil }
            events.append(RecordLocation(file: file, line: line))
        }
        guard let first = events.first else { return nil }
        let call = OpenCallTable.Call(
            key: key, enqueuedAt: enqueued, answeredAt: answered, caller: caller,
            holdSeconds: Double(bitPattern: hold), idOffset: 0, location: first, queue: Symbol(rawValue: queue),
            agent: Symbol(rawValue: agent), lastLink: OpenCallTable.noLink, flags: flags,
            ivrPath: Symbol(rawValue: ivrPath), ivrMillis: ivrMillis)
        return Record(call: call, callID: callID, events: events)
    }

    // MARK: - File

    private func writeAll(_ bytes: [UInt8], at offset: Int) -> Bool {
        bytes.withUnsafeBytes { ChunkedWrite.all($0, to: fd, at: offset) == nil }
    }

    private func readAll(_ count: Int, at offset: Int) -> [UInt8]? {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
            guard let base = out.baseAddress else { return }
            var done = 0
            while done < count {
                let n = pread(fd, base + done, count - done, off_t(offset + done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    failed = true
                    break
                }
                done += n
            }
            initialized = failed ? 0 : count
        }
        return failed ? nil : bytes
    }
}
