import HotlineModel

/// Splits a raw Asterisk queue_log (`epoch|callid|queue|agent|EVENT|data...`) into records at line ends and into
/// fields at `|`: the records a ``CSVReader`` with the ``CSVReader/Dialect/pipes`` dialect gives, byte for byte
/// (the tests compare the two on random input), without its quoting machinery, which the raw file never needs.
///
/// The same rules: a record ends at LF, CR LF, a lone CR or the end of the input (a last line may lack its line
/// end); blank lines are skipped; NUL and other control bytes where a record would start are skipped and counted,
/// while inside a record they are field text; a record longer than ``CSVReader/Limits/maxRecordBytes`` (its line
/// end included) comes out with no fields and a ``CSVReader/Problem/tooLong(limit:)`` problem, skipped to its end.
///
/// - Complexity: O(n) in the input bytes; memory O(chunk size + longest record within the limit).
final class QueueLogLineSplitter {
    private let source: ByteSource
    private let limits: CSVReader.Limits
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var start = 0
    private var atEnd = false
    private var line: Int
    /// Where `buffer[0]` is in the stream, so records can say where they start.
    private var origin = 0
    private var spans: UnsafeMutablePointer<FieldSpan>
    private var spanCapacity = 64

    /// NUL and other control bytes skipped between records, and the line of the first run.
    private(set) var skippedBytes = 0
    private(set) var firstSkippedLine: Int?

    /// Reads `source`; its first byte is on line `firstLine`.
    init(source: ByteSource, limits: CSVReader.Limits, firstLine: Int = 1) {
        self.source = source
        self.limits = limits
        line = firstLine
        capacity = max(limits.chunkBytes * 2, 1 << 12)
        buffer = .allocate(capacity: capacity)
        spans = .allocate(capacity: spanCapacity)
    }

    deinit {
        buffer.deallocate()
        spans.deallocate()
    }

    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")
    private static let pipe = UInt8(ascii: "|")

    /// Calls `body` with each record in turn; the view is valid only during the call.
    func forEachRecord(_ body: (borrowing CSVRecordView) throws -> Void) throws {
        while true {
            if start >= count {
                if atEnd { return }
                try fill()
                continue
            }
            let first = buffer[start]
            if first == Self.lf {
                start += 1
                line += 1
                continue
            }
            if first == Self.cr {
                if start + 1 < count {
                    start += buffer[start + 1] == Self.lf ? 2 : 1
                    line += 1
                } else if atEnd {
                    start += 1
                    line += 1
                } else {
                    // Whether an LF follows is in the next chunk; what CSVReader does with a record it cannot finish.
                    try needMore(body)
                }
                continue
            }
            if CSVReader.isGapByte(first) {
                var i = start
                while i < count && CSVReader.isGapByte(buffer[i]) { i += 1 }
                skippedBytes += i - start
                if firstSkippedLine == nil { firstSkippedLine = line }
                start = i
                continue
            }
            guard let (end, fieldCount, terminated) = split() else {
                try needMore(body)
                continue
            }
            // Over the limit by the record's length alone, as in CSVReader, whatever the chunks.
            let tooLong = end - start > limits.maxRecordBytes
            let view = CSVRecordView(
                base: UnsafePointer(buffer), scratch: UnsafePointer(buffer), spans: UnsafePointer(spans),
                fieldCount: tooLong ? 0 : fieldCount, line: line, rawStart: start, rawEnd: tooLong ? start : end,
                problem: tooLong ? .tooLong(limit: limits.maxRecordBytes) : nil, offset: origin + start,
                terminated: terminated)
            start = end
            line += 1
            try body(view)
        }
    }

    /// A record cut by the end of the buffer: skipped when already over the limit, else read on with more input.
    private func needMore(_ body: (borrowing CSVRecordView) throws -> Void) throws {
        if count - start > limits.maxRecordBytes {
            try skipLongRecord(body)
        } else {
            try fill()
        }
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowSevenBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of every byte of `word` that is `|` or below 0x0E (LF, CR, and the rarer TAB and controls,
    /// which the caller tells apart). Exact for every byte, so each hit in a word is taken without reloading it.
    @inline(__always) private static func candidates(_ word: UInt64) -> UInt64 {
        let x = word ^ (UInt64(pipe) &* ones)
        let pipes = ~(((x & lowSevenBits) &+ lowSevenBits) | x)
        let low = ~(((word & lowSevenBits) &+ (UInt64(0x80 - 0x0E) &* ones)) | word)
        return (pipes | low) & highBits
    }

    /// Fields of the record at `start`, as spans; its end (after its line end) and whether a line end closed it.
    /// Nil when the buffer ends first and more input may come.
    ///
    /// Sixteen bytes at a time with SSE2 (``PlainRecordScan``, `|` and no quoting): 372 M -> 272 M instructions for
    /// this function over 830,000 lines of the benchmark's queue_log. For a line at the buffer's end or of more
    /// fields than `spans` holds, eight bytes at a time with exact masks (the generic tokenizer's record loop, three
    /// compares a word and a restart per field, was 801 M of the 4.51 G instructions of reading a 300,000-call
    /// queue_log; that loop, 407 M).
    @inline(__always) private func split() -> (end: Int, fieldCount: Int, terminated: Bool)? {
        let buf = buffer
        let n = count
        if let (end, fields) = PlainRecordScan.split(
            buf, start: start, count: n, delimiter: Self.pipe, quoting: false, spans: spans,
            capacity: spanCapacity)
        {
            return (end, fields, true)
        }
        var fieldStart = start
        var fieldCount = 0
        var i = start
        var lineEnd = -1
        #if _endian(little)
            words: while i &+ 8 <= n {
                var hits = Self.candidates(UnsafeRawPointer(buf + i).loadUnaligned(as: UInt64.self))
                // Room for a field per byte of the word, so its `|` are stored without a check each.
                if fieldCount &+ 8 > spanCapacity { growSpans() }
                let spans = self.spans
                while hits != 0 {
                    let at = i &+ hits.trailingZeroBitCount >> 3
                    let c = buf[at]
                    if c == Self.pipe {
                        spans[fieldCount] = FieldSpan(start: fieldStart, end: at, inScratch: false)
                        fieldCount &+= 1
                        fieldStart = at &+ 1
                    } else if c == Self.lf || c == Self.cr {
                        lineEnd = at
                        break words
                    }
                    hits &= hits &- 1
                }
                i &+= 8
            }
        #endif
        if lineEnd < 0 {
            while i < n {
                let c = buf[i]
                if c == Self.pipe {
                    if fieldCount == spanCapacity { growSpans() }
                    spans[fieldCount] = FieldSpan(start: fieldStart, end: i, inScratch: false)
                    fieldCount += 1
                    fieldStart = i + 1
                } else if c == Self.lf || c == Self.cr {
                    lineEnd = i
                    break
                }
                i += 1
            }
        }
        let end: Int
        let terminated: Bool
        if lineEnd < 0 {
            guard atEnd else { return nil }
            (end, terminated, lineEnd) = (n, false, n)
        } else if buf[lineEnd] == Self.lf {
            (end, terminated) = (lineEnd + 1, true)
        } else {
            // CR: one line end with an LF after it, which may be in the next chunk.
            if lineEnd + 1 >= n && !atEnd { return nil }
            (end, terminated) = (lineEnd + 1 < n && buf[lineEnd + 1] == Self.lf ? lineEnd + 2 : lineEnd + 1, true)
        }
        if fieldCount == spanCapacity { growSpans() }
        spans[fieldCount] = FieldSpan(start: fieldStart, end: lineEnd, inScratch: false)
        return (end, fieldCount + 1, terminated)
    }

    private func growSpans() {
        let bigger = UnsafeMutablePointer<FieldSpan>.allocate(capacity: spanCapacity * 2)
        bigger.update(from: spans, count: spanCapacity)
        spans.deallocate()
        spans = bigger
        spanCapacity *= 2
    }

    /// Moves the unfinished record to the front and reads the next chunk after it.
    private func fill() throws {
        if start > 0 {
            origin += start
            let remaining = count - start
            if remaining > 0 { buffer.update(from: buffer + start, count: remaining) }
            count = remaining
            start = 0
        }
        if count + limits.chunkBytes > capacity {
            let newCapacity = count + limits.chunkBytes
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            bigger.update(from: buffer, count: count)
            buffer.deallocate()
            buffer = bigger
            capacity = newCapacity
        }
        let n = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer + count, count: capacity - count))
        if n == 0 { atEnd = true }
        count += n
    }

    /// Discards a record over the size limit up to its line end (LF, CR LF or a lone CR, whose next byte stays),
    /// reading on through as many chunks as it takes, then reports it with no fields.
    private func skipLongRecord(_ body: (borrowing CSVRecordView) throws -> Void) throws {
        let recordLine = line
        let recordOffset = origin + start
        var terminated = false
        var afterCR = false
        var i = start
        scanning: while true {
            while i < count {
                let c = buffer[i]
                i += 1
                if afterCR {
                    if c != Self.lf { i -= 1 }
                    terminated = true
                    break scanning
                }
                if c == Self.lf {
                    terminated = true
                    break scanning
                }
                if c == Self.cr { afterCR = true }
            }
            start = count
            if atEnd {
                terminated = terminated || afterCR
                break
            }
            origin += count
            (count, start, i) = (0, 0, 0)
            let n = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: capacity))
            if n == 0 { atEnd = true }
            count = n
        }
        start = min(i, count)
        line = recordLine + 1
        let view = CSVRecordView(
            base: UnsafePointer(buffer), scratch: UnsafePointer(buffer), spans: UnsafePointer(spans), fieldCount: 0,
            line: recordLine, rawStart: start, rawEnd: start, problem: .tooLong(limit: limits.maxRecordBytes),
            offset: recordOffset, terminated: terminated)
        try body(view)
    }
}
