import HotlineModel

/// A compact byte encoding for the nightly store's day snapshots: unsigned LEB128 varints, zig-zag for signed
/// values, length-prefixed UTF-8 strings. Written by hand because a year of days must decode in well under a
/// second: JSON of the same accumulators was ten times larger and slower.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func uint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int64) { uint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }
    mutating func int(_ value: Int) { int(Int64(value)) }

    mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        uint(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    mutating func optional(_ value: Int64?) {
        if let value {
            uint(1)
            int(value)
        } else {
            uint(0)
        }
    }
}

/// Reads what ``BinaryWriter`` wrote; throws on truncated or malformed bytes rather than trapping.
struct BinaryReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset >= bytes.count }

    /// A number; those under 128, one byte, without a call (most numbers of a stored day: a month-to-date report
    /// decodes millions of them every night).
    @inline(__always) mutating func uint() throws -> UInt64 {
        if offset < bytes.count {
            let b = bytes[offset]
            if b < 0x80 {
                offset += 1
                return UInt64(b)
            }
        }
        return try longUInt()
    }

    @inline(never) private mutating func longUInt() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Malformed() }
            let b = bytes[offset]
            offset += 1
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int64() throws -> Int64 {
        let u = try uint()
        return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
    }

    mutating func int() throws -> Int { Int(try int64()) }

    /// A count of elements to follow, each at least one byte: more than the bytes left is malformed (so a damaged
    /// count never reserves memory for millions of elements that are not there).
    mutating func count(max: Int = 1 << 24) throws -> Int {
        let n = try uint()
        guard n <= UInt64(max), n <= UInt64(bytes.count - offset) else { throw Malformed() }
        return Int(n)
    }

    /// A number of values counted (not of elements to follow), up to `max`.
    mutating func tally(max: Int = Int.max) throws -> Int {
        let n = try uint()
        guard n <= UInt64(max) else { throw Malformed() }
        return Int(n)
    }

    mutating func string() throws -> String {
        let n = try count()
        guard offset + n <= bytes.count else { throw Malformed() }
        defer { offset += n }
        return String(decoding: bytes[offset..<(offset + n)], as: UTF8.self)
    }

    mutating func skipString() throws {
        let n = try count()
        guard offset + n <= bytes.count else { throw Malformed() }
        offset += n
    }

    mutating func optional() throws -> Int64? { try uint() == 0 ? nil : try int64() }

    /// Steps over `n` numbers without decoding them.
    mutating func skipNumbers(_ n: Int) throws {
        let bytes = self.bytes
        var o = offset
        var left = n
        bytes.withUnsafeBufferPointer { p in
            while left > 0 && o < p.count {
                if p[o] < 0x80 { left -= 1 }
                o += 1
            }
        }
        guard left == 0 else { throw Malformed() }
        offset = o
    }

    /// Reads `out.count` numbers, each at most `UInt32.max`, into `out`, and returns their sum. One loop over the
    /// bytes instead of a ``tally(max:)`` call per number: the dense parts of the wait histograms are most of a
    /// stored day, and a month-to-date report reads a month of them every night.
    mutating func tallies(into out: UnsafeMutableBufferPointer<UInt32>) throws -> Int {
        let bytes = self.bytes
        var o = offset
        var total = 0
        try bytes.withUnsafeBufferPointer { p in
            var i = 0
            while i < out.count {
                // Eight one-byte numbers at once when the next eight bytes are all under 128 (most counts of a
                // histogram are).
                if i + 8 <= out.count, o + 8 <= p.count {
                    let word = UInt64(
                        littleEndian: UnsafeRawBufferPointer(p).loadUnaligned(fromByteOffset: o, as: UInt64.self))
                    if word & 0x8080_8080_8080_8080 == 0 {
                        for k in 0..<8 { out[i + k] = UInt32(truncatingIfNeeded: word >> (8 * UInt64(k))) & 0xFF }
                        // The eight bytes summed as four 16-bit pairs, then the pairs.
                        let pairs = (word & 0x00FF_00FF_00FF_00FF) &+ ((word >> 8) & 0x00FF_00FF_00FF_00FF)
                        total += Int((pairs &* 0x0001_0001_0001_0001) >> 48)
                        i += 8
                        o += 8
                        continue
                    }
                }
                guard o < p.count else { throw Malformed() }
                var b = p[o]
                o += 1
                var value = UInt64(b & 0x7F)
                var shift: UInt64 = 7
                while b >= 0x80 {
                    guard o < p.count, shift < 64 else { throw Malformed() }
                    b = p[o]
                    o += 1
                    value |= UInt64(b & 0x7F) << shift
                    shift += 7
                }
                guard value <= UInt64(UInt32.max) else { throw Malformed() }
                out[i] = UInt32(truncatingIfNeeded: value)
                total += Int(value)
                i += 1
            }
        }
        offset = o
        return total
    }
}

extension WaitHistogram {
    func write(to w: inout BinaryWriter) {
        let last = dense.lastIndex { $0 > 0 }.map { $0 + 1 } ?? 0
        w.uint(UInt64(last))
        for n in dense.prefix(last) { w.uint(UInt64(n)) }
        w.uint(UInt64(sparse.count))
        for (unit, n) in sparse.sorted(by: { $0.key < $1.key }) {
            w.uint(UInt64(unit))
            w.uint(UInt64(n))
        }
    }

    /// Reads a histogram; what ``write(to:)`` cannot have written (a dense part past ``denseLimit``, a count its
    /// slot cannot hold, a total that overflows) is malformed, never a trap. Empty slots are skipped, so what
    /// decodes encodes to the same bytes.
    /// Steps over a stored histogram.
    static func skip(in r: inout BinaryReader) throws {
        try r.skipNumbers(try r.count(max: denseLimit))
        try r.skipNumbers(2 * (try r.count()))
    }

    static func read(from r: inout BinaryReader) throws -> WaitHistogram {
        var h = WaitHistogram()
        func add(_ unit: Int, _ n: Int) throws {
            guard n > 0 else { return }
            guard !h.count.addingReportingOverflow(n).overflow else { throw BinaryReader.Malformed() }
            if unit < denseLimit {
                let held = unit < h.dense.count ? Int(h.dense[unit]) : 0
                guard held + n <= Int(UInt32.max) else { throw BinaryReader.Malformed() }
            } else if (h.sparse[unit] ?? 0).addingReportingOverflow(n).overflow {
                throw BinaryReader.Malformed()
            }
            h.addSeconds(unit, count: n)
        }
        let slots = try r.count(max: denseLimit)
        if slots > 0 {
            var total = 0
            let dense = try [UInt32](unsafeUninitializedCapacity: slots) { buffer, initialized in
                total = try r.tallies(into: buffer)
                initialized = slots
            }
            h = WaitHistogram(dense: dense, count: total)
        }
        for _ in 0..<(try r.count()) {
            let unit = try r.tally()
            try add(unit, try r.tally())
        }
        return h
    }
}

extension CallAccumulator {
    func write(to w: inout BinaryWriter) {
        for v in [
            offered, answered, transferred, abandoned, shortAbandoned, timedOut, callback, answeredWithinThreshold,
            csat1, csat2, csat3, csat4, csat5, npsPromoters, npsPassives, npsDetractors, repeatEligible, repeats,
        ] {
            w.int(v)
        }
        w.int(answeredWaitSum)
        w.int(handleTimeSum)
        w.optional(longestWait)
        waits.write(to: &w)
    }

    /// Reads an accumulator; without `waits` its wait histogram is stepped over, not decoded.
    static func read(from r: inout BinaryReader, waits: Bool = true) throws -> CallAccumulator {
        var a = CallAccumulator()
        a.offered = try r.int()
        a.answered = try r.int()
        a.transferred = try r.int()
        a.abandoned = try r.int()
        a.shortAbandoned = try r.int()
        a.timedOut = try r.int()
        a.callback = try r.int()
        a.answeredWithinThreshold = try r.int()
        a.csat1 = try r.int()
        a.csat2 = try r.int()
        a.csat3 = try r.int()
        a.csat4 = try r.int()
        a.csat5 = try r.int()
        a.npsPromoters = try r.int()
        a.npsPassives = try r.int()
        a.npsDetractors = try r.int()
        a.repeatEligible = try r.int()
        a.repeats = try r.int()
        a.answeredWaitSum = try r.int64()
        a.handleTimeSum = try r.int64()
        a.longestWait = try r.optional()
        if waits {
            a.waits = try WaitHistogram.read(from: &r)
        } else {
            try WaitHistogram.skip(in: &r)
        }
        return a
    }
}

extension TicketAccumulator {
    func write(to w: inout BinaryWriter) {
        for v in [
            created, solved, slaWithTarget, slaBreached, reopenKnown, reopened, good, bad, scores, scoreSum,
            scoresSatisfied,
        ] {
            w.int(v)
        }
        firstReply.write(to: &w)
        resolution.write(to: &w)
    }

    static func read(from r: inout BinaryReader) throws -> TicketAccumulator {
        var a = TicketAccumulator()
        a.created = try r.int()
        a.solved = try r.int()
        a.slaWithTarget = try r.int()
        a.slaBreached = try r.int()
        a.reopenKnown = try r.int()
        a.reopened = try r.int()
        a.good = try r.int()
        a.bad = try r.int()
        a.scores = try r.int()
        a.scoreSum = try r.int()
        a.scoresSatisfied = try r.int()
        a.firstReply = try WaitHistogram.read(from: &r)
        a.resolution = try WaitHistogram.read(from: &r)
        return a
    }
}

extension IVRAccumulator where Key == String {
    /// Paths in key order, so the same counts give the same bytes.
    func write(to w: inout BinaryWriter) {
        for n in [entries, selfServed, ivrAbandoned, queued, timed] { w.uint(UInt64(n)) }
        w.int(timeSum)
        time.write(to: &w)
        w.uint(UInt64(paths.count))
        for (path, n) in paths.sorted(by: { $0.key < $1.key }) {
            w.string(path)
            for v in [n.entries, n.selfServed, n.ivrAbandoned, n.queued, n.known, n.misrouted] { w.uint(UInt64(v)) }
        }
    }

    static func read(from r: inout BinaryReader) throws -> IVRAccumulator<String> {
        var a = IVRAccumulator<String>()
        (a.entries, a.selfServed, a.ivrAbandoned, a.queued, a.timed) = (
            try r.tally(), try r.tally(), try r.tally(), try r.tally(), try r.tally()
        )
        a.timeSum = try r.int64()
        a.time = try WaitHistogram.read(from: &r)
        for _ in 0..<(try r.count()) {
            let path = try r.string()
            var n = IVRPathCounts()
            (n.entries, n.selfServed, n.ivrAbandoned, n.queued, n.known, n.misrouted) = (
                try r.tally(), try r.tally(), try r.tally(), try r.tally(), try r.tally(), try r.tally()
            )
            a.paths[path] = n
        }
        return a
    }
}
