import HotlineModel

/// Splits a UTF-8 byte stream into CSV records, streaming, with bounded memory.
///
/// Accepts RFC 4180: fields separated by `,`, records ended by LF, CRLF or a lone CR (a last record may lack
/// one); a field in double quotes may hold commas, line breaks and doubled quotes (`""` for `"`). A quote
/// inside an unquoted field is kept as it is. Blank lines are skipped. Rejected, while the reading goes on:
/// a record longer than ``Limits/maxRecordBytes`` (skipped to its end, quote-aware), text after a closing
/// quote, and an unmatched quote: a quoted field still open past ``Limits/maxRecordBytes`` from its record's
/// start, past ``Limits/maxQuotedLineEnds`` line ends, or at the end of the input. That is a stray `"` opening a
/// field, not a long field: the record is rejected up to the end of the line the quote is on, and the reading
/// goes on from the next line, so one stray quote costs one record, not the rest of the file.
///
/// Written by hand over raw bytes because it is the hot loop of every CSV report: the CSV packages available here
/// (SwiftCSV, CSV.swift) hand out a `String` per field, and turning every field into a String was what the
/// profile of the first queue_log reader showed costing most of its time (31 s per GB, 7 s once it read bytes).
/// Raw queue_log lines now go through ``QueueLogLineSplitter``; its table exports still come here.
///
/// - Complexity: O(n) in the input bytes; memory O(chunk size + longest record).
public final class CSVReader {
    public struct Limits: Sendable {
        public var maxRecordBytes: Int
        public var chunkBytes: Int
        /// The line ends a quoted field may hold; a quote open past more is unmatched.
        public var maxQuotedLineEnds: Int

        public init(maxRecordBytes: Int = 1 << 20, chunkBytes: Int = 1 << 20, maxQuotedLineEnds: Int = 100) {
            self.maxRecordBytes = maxRecordBytes
            self.chunkBytes = chunkBytes
            self.maxQuotedLineEnds = maxQuotedLineEnds
        }
    }

    /// How fields are separated and whether double quotes quote (CSV) or are plain text (Asterisk queue_log).
    public struct Dialect: Sendable {
        public var delimiter: UInt8
        public var quoting: Bool

        public init(delimiter: UInt8 = UInt8(ascii: ","), quoting: Bool = true) {
            self.delimiter = delimiter
            self.quoting = quoting
        }

        public static let csv = Dialect()
        /// `epoch|callid|queue|agent|EVENT|data...`: no quoting, `|` between fields.
        public static let pipes = Dialect(delimiter: UInt8(ascii: "|"), quoting: false)
    }

    /// What is wrong with a record as a whole.
    public enum Problem: Equatable, Sendable {
        case tooLong(limit: Int)
        case textAfterClosingQuote(field: Int)
        case unterminatedQuote(field: Int)
        /// A quote opening `field` on line `line` never closed within the limits; the record was cut at the end
        /// of that line.
        case unmatchedQuote(field: Int, line: Int)

        /// The reject detail of an unmatched quote `linesDown` lines below its record's first line (relative, so a
        /// record read from a block of a file says the same as one read from the whole file).
        static func unmatchedQuoteText(_ linesDown: Int) -> String {
            linesDown == 0
                ? "unmatched quote (a stray \" opening the field); reading goes on from the next line"
                : "unmatched quote \(linesDown) lines below the record's start; reading goes on from the line after it"
        }
    }

    private let source: ByteSource
    private let limits: Limits
    private let comma: UInt8
    private let quoting: Bool
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var start = 0
    private var atEnd = false
    private var line: Int
    /// Where `buffer[0]` is in the stream, so records can say where they start.
    private var origin = 0
    private var ownsBuffer = true
    private var endIsCut = false

    private var spans: UnsafeMutablePointer<FieldSpan>
    private var spanCapacity = 64
    /// Whether records without quotes take the C scan; tests turn it off to compare it with the field by field
    /// reading.
    var scansPlainRecords = true
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity: Int

    /// Reads `source`; its first byte is on line `firstLine`.
    public init(source: ByteSource, limits: Limits = Limits(), dialect: Dialect = .csv, firstLine: Int = 1) {
        self.source = source
        self.limits = limits
        self.comma = dialect.delimiter
        self.quoting = dialect.quoting
        self.line = firstLine
        capacity = max(limits.chunkBytes * 2, 1 << 12)
        buffer = .allocate(capacity: capacity)
        spans = .allocate(capacity: spanCapacity)
        scratchCapacity = 1 << 12
        scratch = .allocate(capacity: scratchCapacity)
    }

    /// Reads the `count` bytes at `bytes` and nothing else, where they lie (a block of a file cut for parallel
    /// reading); they must stay valid, and are not freed, while the reader lives.
    /// `endIsCut` says the bytes stop before the file does: a quote open at their end may close after it.
    init(
        borrowing bytes: UnsafeMutablePointer<UInt8>, count: Int, limits: Limits, dialect: Dialect = .csv,
        endIsCut: Bool = false
    ) {
        self.source = MemoryByteSource([])
        self.endIsCut = endIsCut
        self.limits = limits
        self.comma = dialect.delimiter
        self.quoting = dialect.quoting
        self.line = 1
        buffer = bytes
        capacity = count
        self.count = count
        atEnd = true
        ownsBuffer = false
        spans = .allocate(capacity: spanCapacity)
        scratchCapacity = 1 << 12
        scratch = .allocate(capacity: scratchCapacity)
    }

    /// Where the next record starts, in bytes from the start of the source.
    public var offset: Int { origin + start }

    /// The line the next record starts on.
    public var nextLine: Int { line }

    /// NUL and other control bytes skipped between records, and the line of the first run.
    public private(set) var skippedBytes = 0
    public private(set) var firstSkippedLine: Int?

    deinit {
        if ownsBuffer { buffer.deallocate() }
        spans.deallocate()
        scratch.deallocate()
    }

    /// Calls `body` with each record in turn; the view is valid only during the call.
    public func forEachRecord(_ body: (borrowing CSVRecordView) throws -> Void) throws {
        while try nextRecord(body) {}
    }

    /// Calls `body` with each record in turn until it returns false (that record counts as read) or the input ends.
    ///
    /// The loop is here, not in the caller, so the caller's closure is made once: a closure made per record retained
    /// and released what it captured on every record (a tenth of the reading thread's time in `perf`).
    public func readRecords(while body: (borrowing CSVRecordView) throws -> Bool) throws {
        var going = true
        while going, try nextRecord({ going = try body($0) }) {}
    }

    /// Calls `body` with the next record; false at the end of the input.
    @discardableResult
    public func nextRecord(_ body: (borrowing CSVRecordView) throws -> Void) throws -> Bool {
        while true {
            if start >= count {
                if atEnd { return false }
                try fill()
                continue
            }
            switch parseRecord() {
            case .record(let end, let fieldCount, let lines, let problem, let terminated):
                // Over the limit is decided by the record's length alone, however it lay in the buffer (whole
                // here, or skipped in `skipLongRecord`), so any way of cutting the input gives the same records.
                let tooLong = end - start > limits.maxRecordBytes
                let view = CSVRecordView(
                    base: UnsafePointer(buffer), scratch: UnsafePointer(scratch), spans: UnsafePointer(spans),
                    fieldCount: tooLong ? 0 : fieldCount, line: line, rawStart: start, rawEnd: tooLong ? start : end,
                    problem: tooLong ? .tooLong(limit: limits.maxRecordBytes) : problem, offset: origin + start,
                    terminated: terminated)
                start = end
                line += lines
                try body(view)
                return true
            case .blank(let end):
                start = end
                line += 1
            case .gap(let end):
                skippedBytes += end - start
                if firstSkippedLine == nil { firstSkippedLine = line }
                start = end
            case .unmatchedQuote(let field, let linesBefore, let lineEnd):
                guard let lineEnd else {
                    // The quote's line alone is over the limit: too long whatever the quote, skipped to the end of
                    // that line without looking at quotes (one that closes on the line ends the record there too).
                    try skipLongRecord(body, quoteAware: false)
                    return true
                }
                let view = CSVRecordView(
                    base: UnsafePointer(buffer), scratch: UnsafePointer(scratch), spans: UnsafePointer(spans),
                    fieldCount: 0, line: line, rawStart: start, rawEnd: lineEnd.end,
                    problem: .unmatchedQuote(field: field, line: line + linesBefore), offset: origin + start,
                    terminated: lineEnd.terminated)
                start = lineEnd.end
                line += linesBefore + 1
                try body(view)
                return true
            case .needMore:
                if count - start > limits.maxRecordBytes {
                    try skipLongRecord(body)
                    return true
                }
                try fill()
            }
        }
    }

    /// The next record's fields as strings (for a header row); nil at the end of the input. A header longer
    /// than the record limit is an error saying so (its names were not read), naming `path`.
    public func nextRecordStrings(path: String = "") throws -> [String]? {
        var fields: [String]?
        var tooLong = false
        try nextRecord { record in
            if case .tooLong = record.problem { tooLong = true }
            fields = (0..<record.fieldCount).map { record.string($0) }
        }
        if tooLong {
            throw IngestError.notACallLog(
                path: path,
                reason:
                    "the first line (the header) is longer than \(limits.maxRecordBytes) bytes, the record limit; not read"
            )
        }
        return fields
    }

    // MARK: - Parsing one record

    private enum Outcome {
        case record(end: Int, fieldCount: Int, lines: Int, problem: Problem?, terminated: Bool)
        case blank(end: Int)
        /// A run of NUL or other control bytes where a record would start.
        case gap(end: Int)
        /// A quote opening field `field` on the record's line `linesBefore` (from 0) did not close within the
        /// limits; the record ends at the end of that line (nil: not in the buffer).
        case unmatchedQuote(field: Int, linesBefore: Int, lineEnd: (end: Int, terminated: Bool)?)
        case needMore
    }

    /// A byte that is no text where a record starts: NUL and the other C0 controls but TAB, LF and CR, and DEL.
    @inline(__always) static func isGapByte(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != lf && byte != cr) || byte == 0x7F
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let lfs = UInt64(lf) &* ones
    private static let crs = UInt64(cr) &* ones

    /// The high bit of each zero byte of `v` (exact for the lowest zero byte, which is all the scan uses).
    @inline(__always) private static func zeroBytes(_ v: UInt64) -> UInt64 {
        (v &- ones) & ~v & 0x8080_8080_8080_8080
    }

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    /// The record at `start` when no quote opens before its line end and that line end is in the buffer with a byte
    /// after it; nil otherwise, for the field by field reading below from the start again. Most records of a call
    /// log have no quote: their delimiters are found sixteen bytes at a time (``PlainRecordScan``).
    @inline(__always)
    private func parsePlainRecord() -> Outcome? {
        guard
            let (end, fields) = PlainRecordScan.split(
                buffer, start: start, count: count, delimiter: comma, quoting: quoting, spans: spans,
                capacity: spanCapacity)
        else { return nil }
        return .record(end: end, fieldCount: fields, lines: 1, problem: nil, terminated: true)
    }

    /// Parses the record at `start`, or says more input is needed to finish it.
    @inline(__always)
    private func parseRecord() -> Outcome {
        let buf = buffer
        let n = count
        let comma = self.comma
        let quoting = self.quoting
        var i = start
        var newlines = 0
        var fieldCount = 0
        var scratchUsed = 0
        var problem: Problem?

        // A bare line end is a blank line, not a record.
        if buf[i] == Self.lf { return .blank(end: i + 1) }
        // NUL bytes between complete lines (what a PBX leaves in its log after an unclean shutdown) are skipped and
        // counted, not read as part of the next record: a few bad bytes never lose a line, let alone a log.
        if buf[i] < 0x20 || buf[i] == 0x7F, Self.isGapByte(buf[i]) {
            while i < n && Self.isGapByte(buf[i]) { i += 1 }
            return .gap(end: i)
        }
        if buf[i] == Self.cr {
            if i + 1 < n { return .blank(end: buf[i + 1] == Self.lf ? i + 2 : i + 1) }
            if !atEnd { return .needMore }
            return .blank(end: i + 1)
        }
        if scansPlainRecords, let plain = parsePlainRecord() { return plain }

        while true {
            if fieldCount == spanCapacity { growSpans() }
            if quoting && i < n && buf[i] == Self.quote {
                // Quoted field: find the closing quote, counting doubled quotes and line breaks.
                let contentStart = i + 1
                i += 1
                var escaped = false
                // A quote opening within the record limit that stays open past it, or past the line-end limit,
                // or to the end of the input, is a stray one (decided by positions alone, so any cutting of the
                // input into chunks decides the same).
                let linesBefore = newlines
                let watched = contentStart - start <= limits.maxRecordBytes
                let lineLimit = watched ? linesBefore + limits.maxQuotedLineEnds : Int.max
                while true {
                    while i < n && buf[i] != Self.quote {
                        if buf[i] == Self.lf {
                            newlines += 1
                            if newlines > lineLimit { break }
                        }
                        i += 1
                    }
                    if watched && i >= n && atEnd && endIsCut && newlines <= lineLimit {
                        // Maybe closed after the cut: a record cut short, which the block's reader reads again.
                        return .record(
                            end: n, fieldCount: fieldCount, lines: newlines + 1,
                            problem: .unterminatedQuote(field: fieldCount + 1), terminated: false)
                    }
                    if watched && (newlines > lineLimit || i - start > limits.maxRecordBytes || (i >= n && atEnd)) {
                        return .unmatchedQuote(
                            field: fieldCount + 1, linesBefore: linesBefore, lineEnd: lineEnd(after: contentStart))
                    }
                    if i >= n {
                        if !atEnd { return .needMore }
                        problem = problem ?? .unterminatedQuote(field: fieldCount + 1)
                        break
                    }
                    if i + 1 >= n && !atEnd { return .needMore }
                    if i + 1 < n && buf[i + 1] == Self.quote {
                        escaped = true
                        i += 2
                        continue
                    }
                    break
                }
                let contentEnd = min(i, n)
                if escaped {
                    let offset = unescape(from: contentStart, to: contentEnd, scratchAt: scratchUsed)
                    spans[fieldCount] = FieldSpan(start: scratchUsed, end: offset, inScratch: true)
                    scratchUsed = offset
                } else {
                    spans[fieldCount] = FieldSpan(start: contentStart, end: contentEnd, inScratch: false)
                }
                fieldCount += 1
                i = min(i + 1, n)
                if i >= n {
                    return .record(
                        end: n, fieldCount: fieldCount, lines: newlines + 1, problem: problem, terminated: false)
                }
                let c = buf[i]
                if c == comma {
                    i += 1
                    continue
                }
                if c == Self.lf {
                    return .record(
                        end: i + 1, fieldCount: fieldCount, lines: newlines + 1, problem: problem, terminated: true)
                }
                if c == Self.cr {
                    if i + 1 >= n && !atEnd { return .needMore }
                    let end = (i + 1 < n && buf[i + 1] == Self.lf) ? i + 2 : i + 1
                    return .record(
                        end: end, fieldCount: fieldCount, lines: newlines + 1, problem: problem, terminated: true)
                }
                // Text after the closing quote: keep reading to the end of the field, flag the record.
                problem = problem ?? .textAfterClosingQuote(field: fieldCount)
                while i < n && buf[i] != comma && buf[i] != Self.lf && buf[i] != Self.cr { i += 1 }
                if i >= n && !atEnd { return .needMore }
                if i < n && buf[i] == comma {
                    i += 1
                    continue
                }
            } else {
                // Unquoted field: up to the next comma or line end, eight bytes at a time where possible (SWAR: a
                // byte equal to comma, LF or CR is a zero byte after XOR; measured ~25% off the tokenizer).
                let fieldStart = i
                #if _endian(little)
                    let commas = UInt64(comma) &* Self.ones
                    while i + 8 <= n {
                        let v = UnsafeRawPointer(buf + i).loadUnaligned(as: UInt64.self)
                        let hit =
                            Self.zeroBytes(v ^ commas) | Self.zeroBytes(v ^ Self.lfs) | Self.zeroBytes(v ^ Self.crs)
                        if hit != 0 {
                            i += hit.trailingZeroBitCount >> 3
                            break
                        }
                        i += 8
                    }
                #endif
                while i < n {
                    let c = buf[i]
                    if c == comma || c == Self.lf || c == Self.cr { break }
                    i += 1
                }
                if i >= n && !atEnd { return .needMore }
                spans[fieldCount] = FieldSpan(start: fieldStart, end: i, inScratch: false)
                fieldCount += 1
                if i < n && buf[i] == comma {
                    i += 1
                    continue
                }
            }
            // Line end or end of input.
            if i >= n {
                return .record(
                    end: n, fieldCount: fieldCount, lines: newlines + 1, problem: problem, terminated: false)
            }
            if buf[i] == Self.lf {
                return .record(
                    end: i + 1, fieldCount: fieldCount, lines: newlines + 1, problem: problem, terminated: true)
            }
            // CR
            if i + 1 >= n && !atEnd { return .needMore }
            let end = (i + 1 < n && buf[i + 1] == Self.lf) ? i + 2 : i + 1
            return .record(
                end: end, fieldCount: fieldCount, lines: newlines + 1, problem: problem, terminated: true)
        }
    }

    /// Where the line holding `position` ends (after its LF, CR LF or lone CR), and whether a line end or the end
    /// of the input ends it; nil when the buffer ends first and more input may come.
    private func lineEnd(after position: Int) -> (end: Int, terminated: Bool)? {
        var i = position
        while i < count {
            if buffer[i] == Self.lf { return (i + 1, true) }
            if buffer[i] == Self.cr {
                if i + 1 < count { return (buffer[i + 1] == Self.lf ? i + 2 : i + 1, true) }
                return atEnd ? (i + 1, true) : nil
            }
            i += 1
        }
        // The input ends inside the quote's line. When this is a block cut from a larger file, its reader takes
        // the unterminated record for a cut in a record and reads on in order.
        return atEnd ? (count, false) : nil
    }

    /// Copies a quoted field's content with `""` turned into `"`; returns the scratch offset after it.
    private func unescape(from: Int, to: Int, scratchAt offset: Int) -> Int {
        let needed = offset + (to - from)
        if needed > scratchCapacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: needed * 2)
            bigger.update(from: scratch, count: offset)
            scratch.deallocate()
            scratch = bigger
            scratchCapacity = needed * 2
        }
        var out = offset
        var i = from
        while i < to {
            scratch[out] = buffer[i]
            out += 1
            i += (buffer[i] == Self.quote && i + 1 < to && buffer[i + 1] == Self.quote) ? 2 : 1
        }
        return out
    }

    private func growSpans() {
        let bigger = UnsafeMutablePointer<FieldSpan>.allocate(capacity: spanCapacity * 2)
        bigger.update(from: spans, count: spanCapacity)
        spans.deallocate()
        spans = bigger
        spanCapacity *= 2
    }

    // MARK: - Input

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

    private enum SkipState {
        case fieldStart, unquoted, quoted, afterQuote, carriageReturn
    }

    /// Discards a record over the size limit up to its end, then reports it. The record's end is found with the
    /// same rules as `parseRecord` (a quote opens a field only at its start; `""` inside one is a quote; text after
    /// the closing quote runs to the next comma), so a skipped record ends where a parsed one would.
    /// Without `quoteAware` (the line of a quote still open past the limit is itself over it), quotes are not
    /// looked at: the record ends at the next line end.
    private func skipLongRecord(_ body: (borrowing CSVRecordView) throws -> Void, quoteAware: Bool = true) throws {
        let quoting = self.quoting && quoteAware
        let recordLine = line
        let recordOffset = origin + start
        var state = SkipState.fieldStart
        var terminated = false
        var newlines = 0
        var i = start
        scanning: while true {
            while i < count {
                let c = buffer[i]
                i += 1
                switch state {
                case .quoted:
                    if c == Self.quote {
                        state = .afterQuote
                    } else if c == Self.lf {
                        newlines += 1
                    }
                case .carriageReturn:
                    // CR LF is one line end; a lone CR ends the record without taking the byte after it.
                    if c != Self.lf { i -= 1 }
                    terminated = true
                    break scanning
                case .fieldStart, .unquoted, .afterQuote:
                    if c == comma {
                        state = .fieldStart
                    } else if c == Self.lf {
                        terminated = true
                        break scanning
                    } else if c == Self.cr {
                        state = .carriageReturn
                    } else if c == Self.quote && quoting && state != .unquoted {
                        // Opens a quoted field at its start; after a closing quote, it is a doubled quote.
                        state = .quoted
                    } else {
                        state = .unquoted
                    }
                }
            }
            // Keep a little of the record for the rejects file, drop the rest.
            start = count
            if atEnd {
                terminated = terminated || state == .carriageReturn
                break
            }
            origin += count
            count = 0
            start = 0
            i = 0
            let n = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: capacity))
            if n == 0 { atEnd = true }
            count = n
        }
        start = min(i, count)
        line = recordLine + newlines + 1
        let view = CSVRecordView(
            base: UnsafePointer(buffer), scratch: UnsafePointer(scratch), spans: UnsafePointer(spans), fieldCount: 0,
            line: recordLine, rawStart: start, rawEnd: start,
            problem: .tooLong(limit: limits.maxRecordBytes),
            offset: recordOffset, terminated: terminated)
        try body(view)
    }
}
