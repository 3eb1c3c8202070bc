import Foundation
import HotlineModel
import Logging

/// Reads call logs and ticket exports: per file, decode, sniff the format, read records, classify them.
///
/// A file that cannot be read gives a one-line error naming it and an ``InputSummary`` with `error` set; the
/// other files are read all the same. Every record is counted as accepted or rejected. Queue logs are read in
/// the order of their first event (rotated files by content, not by name), and a call cut by rotation is
/// completed from the next file; calls still open after the last file are rejected, event by event.
public final class InputIngest {
    let context: ReadContext
    let classifier: Classifier
    let options: IngestOptions
    let logger: Logger
    /// Assembles queue_log calls across the run's files (rotated logs).
    let queueLog: QueueLogAssembler
    /// Calls a later ENTERQUEUE cut short, kept until every file is read so their events are counted where
    /// they are.
    var cutShort: [IncompleteCall] = []

    /// Throws why a CDR column list cannot be used.
    public static func validate(cdrColumns names: [String]) throws(IngestError) {
        do {
            _ = try AsteriskCDRReader.Columns.named(names)
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError(.setting, path: "cdr_columns", detail: "\(error)")
        }
    }

    /// Classifies tickets with the same rules as calls; made when the first ticket is read.
    public var ticketClassifier: TicketClassifier {
        if let madeTicketClassifier { return madeTicketClassifier }
        let made = TicketClassifier(rules: classifier.rules, symbols: context.symbols)
        madeTicketClassifier = made
        return made
    }
    private var madeTicketClassifier: TicketClassifier?

    /// The ticket values no rule matched, without making the classifier when no ticket was read (its rules cost
    /// ~4.5 M instructions to compile, about a millisecond of a one-day call report).
    public var unmatchedTicketValues: [(value: UnmatchedValue, count: Int)] { madeTicketClassifier?.unmatched ?? [] }
    lazy var ticketNormaliser = TicketNormaliser(context: context)
    /// Ticket keys read so far: a ticket read again (overlapping exports) is rejected as a duplicate.
    var ticketKeys = Set<UInt64>()

    /// Arrays of calls handed back after use, for the next blocks (any thread).
    let recordArrays = RecyclePool<[CallRecord]>()
    /// Gives an array that came through ``IngestSink/calls(_:)`` back for reuse once its calls are aggregated
    /// (any thread).
    public func recycle(_ records: [CallRecord]) {
        var records = records
        records.removeAll(keepingCapacity: true)
        recordArrays.give(records)
    }
    /// How many times a cut fell inside a record and the file was read on in order from there.
    var parallelFallbacks = 0

    /// Keep the one-line messages of unreadable files in `errorMessages` instead of logging them (a reader on
    /// another thread, whose messages are logged in file order by the thread that orders its results).
    var keepErrorMessages = false
    var errorMessages: [String] = []

    public init(context: ReadContext, classifier: Classifier, options: IngestOptions = IngestOptions(), logger: Logger)
    {
        self.context = context
        self.classifier = classifier
        self.options = options
        self.logger = logger
        self.queueLog = QueueLogAssembler(context: context)
        // On this thread, before reading threads may parse XML.
        StreamingXMLReader.setUp
    }

    /// A reader for another thread: the same options and symbol tables, its own context (interners, calendars)
    /// and classifier, one thread; it reads on its own thread only and keeps error messages for the ordering thread to log.
    func sibling() -> InputIngest {
        let context = self.context.sibling()
        // A sibling reads whole files or blocks on its own thread: it never cuts files itself.
        var options = self.options
        options.threads = 1
        let reader = InputIngest(
            context: context, classifier: classifier.sibling(symbols: context.symbols),
            options: options, logger: logger)
        reader.keepErrorMessages = true
        return reader
    }

    /// How many bytes the sniffer looks at.
    static let sampleBytes = 1 << 16

    /// The accept function of the format readers: classify the call, hand it to the sink.
    func classifying(into sink: any IngestSink) -> (inout CallRecord) -> Void {
        let classifier = self.classifier
        return { call in
            classifier.classify(&call)
            sink.call(call)
        }
    }

    /// Reads `files` into `sink`: each classified inbound call, ticket, agent event and rejected record, in
    /// reading order (queue logs last, by their first event) and file order, however many threads read.
    ///
    /// With `options.threads` above 1, a file is read one of three ways: files up to `options.smallFileBytes`
    /// side by side on the threads (``SmallFileReading``), larger calls-csv files cut into blocks
    /// (``BlockReading``, one run across consecutive ones), and anything else here, in turn.
    public func read(_ files: [String], into sink: any IngestSink) -> [InputSummary] {
        let queue = ReadingQueue(files: files, order: readingOrder(files))
        while true {
            if let ahead = queue.openedAhead {
                queue.openedAhead = nil
                readOpened(ahead.input, summary: ahead.summary, queue: queue, into: sink)
                continue
            }
            guard !queue.isDone else { break }
            if options.threads > 1 {
                let small = queue.takeSmallFiles(upTo: options.smallFileBytes)
                if !small.isEmpty {
                    SmallFileReading(ingest: self, sink: sink).read(small, into: queue)
                    continue
                }
            }
            guard let (input, summary) = queue.openNext(with: self, sink: sink) else { continue }
            readOpened(input, summary: summary, queue: queue, into: sink)
        }
        var summaries = queue.summaries
        finish(&summaries, into: sink)
        return summaries
    }

    /// Reads one file: the input summary counts its records, `error` says why it could not be read.
    public func readFile(_ path: String, index: Int32, into sink: any IngestSink) -> InputSummary {
        let queue = ReadingQueue(
            files: [path], order: [], summaries: [InputSummary(path: path == "-" ? "<stdin>" : path)])
        var summary = queue.summaries[0]
        do {
            let input = try open(path, index: index, summary: &summary, observe: sink.bytesRead)
            summary = read(input, summary: summary, queue: queue, into: sink)
        } catch {
            record(error, in: &summary)
        }
        return summary
    }

    /// Reads an opened file and stores its summary in the queue.
    private func readOpened(_ input: OpenedInput, summary: InputSummary, queue: ReadingQueue, into sink: any IngestSink)
    {
        queue.summaries[Int(input.index)] = read(input, summary: summary, queue: queue, into: sink)
    }

    /// Reads an opened file (a calls-csv that can be cut on several threads, with the calls-csv files after it in
    /// the queue) and gives its summary, concluded.
    private func read(
        _ input: OpenedInput, summary: InputSummary, queue: ReadingQueue, into sink: any IngestSink
    ) -> InputSummary {
        if input.blocks != nil {
            var read = summary
            BlockReading(ingest: self, sink: sink, queue: queue).read(first: input, summary: summary) { index, done in
                if index == input.index { read = done } else { queue.summaries[Int(index)] = done }
            }
            return read
        }
        var summary = summary
        do {
            try read(input, summary: &summary, into: sink)
            conclude(&summary)
        } catch {
            record(error, in: &summary)
        }
        return summary
    }

    /// Hands on the queue_log calls that ended in the menus, rejects the events of queued calls that never ended, and
    /// notes calls whose start was before the log.
    public func finish(_ summaries: inout [InputSummary], into sink: any IngestSink) {
        func rejectEvents(of call: IncompleteCall) {
            for location in call.events where Int(location.file) < summaries.count {
                let file = Int(location.file)
                summaries[file].accepted -= 1
                summaries[file].rejectedByKind[.incompleteCall, default: 0] += 1
                sink.reject(
                    Reject(
                        file: summaries[file].path, line: Int(location.line), field: "callid", kind: .incompleteCall,
                        detail: "call \(call.callID) \(call.reason)"))
            }
        }
        for call in cutShort { rejectEvents(of: call) }
        cutShort = []
        queueLog.drainIVR(accept: classifying(into: sink))
        queueLog.drainIncomplete(rejectEvents(of:))
        for (file, n) in queueLog.derivedStarts.sorted(by: { $0.key < $1.key }) where Int(file) < summaries.count {
            summaries[Int(file)].notes.append(
                "\(n) \(n == 1 ? "call" : "calls") ended without their ENTERQUEUE in the log: enqueue time derived from the wait and talk"
            )
        }
        for (file, n) in queueLog.ivrOnlyCalls.sorted(by: { $0.key < $1.key }) where Int(file) < summaries.count {
            summaries[Int(file)].notes.append(
                "\(n) \(n == 1 ? "call" : "calls") chose in the menus (IVRAPPEND) and never entered a queue: IVR-only")
        }
        for (file, n) in queueLog.didsAlone.sorted(by: { $0.key < $1.key }) where Int(file) < summaries.count {
            summaries[Int(file)].notes.append(
                "\(n) DID \(n == 1 ? "event" : "events") of callids that reached no menu choice and no queue")
        }
    }

    /// Sets the summary's error and logs the one line naming the file.
    func record(_ error: Error, in summary: inout InputSummary) {
        // Everything ingest throws is an IngestError; anything else (a system error from below) cannot read.
        let error = error as? IngestError ?? .unreadable(path: summary.path, reason: "\(error)")
        summary.error = error
        let message = error.description
        if keepErrorMessages { errorMessages.append(message) } else { logger.error("\(message)") }
    }

    /// Opens `path`, decodes and recognises it, and reads a calls-csv header; the summary gets the format, the
    /// encoding and notes so far.
    func open(
        _ path: String, index: Int32, summary: inout InputSummary, observe: ((Int) -> Void)?
    ) throws -> OpenedInput {
        let display = path == "-" ? "<stdin>" : path
        let probe = try self.probe(path, summary: &summary, observe: observe)
        let bomLength = probe.bomLength
        var stream: ByteSource = PrefixedByteSource(prefix: probe.sample, skipping: bomLength, then: probe.file)
        if let name = probe.encoding.iconvName {
            stream = try Transcoder(source: stream, from: name, path: display)
        }
        var input = OpenedInput(
            path: path, display: display, index: index, format: probe.format, stream: stream, head: probe.head,
            gzip: probe.gzip)
        if probe.format == .callsCSV {
            // A plain UTF-8 file on disk can be cut into blocks for several threads; its header is then read
            // with a small buffer, as the blocks are read apart.
            let cut =
                options.threads > 1 && probe.encoding.iconvName == nil && probe.gzip == nil
                && probe.opened.size != nil
            var limits = context.limits
            if cut { limits.chunkBytes = min(limits.chunkBytes, 1 << 14) }
            let csv = CSVReader(source: stream, limits: limits)
            let header = try Self.callsCSVHeader(
                csv, path: display, summary: &summary, mapping: context.mappings.callsColumns)
            input.callsCSV = (csv, header)
            if cut {
                input.blocks = BlockReading.ParallelRead(path: path, offset: bomLength + csv.offset, line: csv.nextLine)
            }
        }
        return input
    }

    /// The start of a file, read once: inflated when gzip, its encoding, the decoded head and the format.
    struct Probe {
        var opened: FileByteSource
        /// What the records are read from after the sample: the file, or its inflated bytes.
        var file: ByteSource
        var sample: [UInt8]
        var gzip: GzipByteSource?
        var encoding: TextEncoding
        var bomLength: Int
        var head: String
        var format: InputFormat
    }

    /// Reads the start of `path` and recognises it; the summary gets the encoding and the notes so far.
    func probe(_ path: String, summary: inout InputSummary, observe: ((Int) -> Void)?) throws -> Probe {
        let display = path == "-" ? "<stdin>" : path
        let opened = try FileByteSource(path: path)
        var file: ByteSource = observe.map { CountingByteSource(opened, observe: $0) } ?? opened
        var sample = try Self.readSample(file)
        var gzip: GzipByteSource?
        if GzipByteSource.isGzip(sample) {
            // Compressed (a rotated log): everything after this reads the inflated bytes.
            let inflating = try GzipByteSource(
                source: PrefixedByteSource(prefix: sample, skipping: 0, then: file), path: display)
            gzip = inflating
            file = inflating
            sample = try Self.readSample(file)
            summary.notes.append("gzip-compressed")
        }
        guard !sample.isEmpty else { throw IngestError.empty(path: display) }
        let encoding: TextEncoding
        let bomLength: Int
        switch TextEncoding.detect(sample: sample) {
        case .text(let found, let bom): (encoding, bomLength) = (found, bom)
        case .binary(let what):
            throw IngestError.notACallLog(path: display, reason: what)
        }
        summary.encoding = encoding.rawValue
        if encoding == .utf8 && !UTF8Validation.isValid(sample, allowTruncatedEnd: true) {
            summary.notes.append(
                "bytes that are not valid UTF-8 (nor Chinese GB18030): records with them in a field the figures use are rejected"
            )
        }
        let head = try Self.decodedHead(sample, encoding: encoding, bomLength: bomLength, path: display)
        let format = try recognise(path, display: display, head: head, sample: sample)
        summary.format = format
        return Probe(
            opened: opened, file: file, sample: sample, gzip: gzip, encoding: encoding, bomLength: bomLength,
            head: head, format: format)
    }

    /// The format of a file: the one forced or configured for it, or what its start looks like.
    private func recognise(_ path: String, display: String, head: String, sample: [UInt8]) throws -> InputFormat {
        if let format = options.forcedFormat ?? options.formatOverrides[path] { return format }
        switch FormatSniffer.sniff(head) {
        case .format(let sniffed): return sniffed
        case .unknown(let reason):
            // A Zendesk page whose side-loaded `users` (or a long `next_page`) come before its `tickets`: the key
            // is looked for in the whole sample, not only the head.
            if head.drop(while: \.isWhitespace).hasPrefix("{"), FormatSniffer.hasTicketsArray(sample) {
                return .ticketsJSON
            }
            let first = head.split(whereSeparator: \.isNewline).first.map { FormatSniffer.csvFields(String($0)) }
            // A calls export whose columns the configuration maps is a calls-csv.
            if !context.mappings.callsColumns.isEmpty, let first,
                CallsCSVReader.Header(names: first, mapping: context.mappings.callsColumns) != nil
            {
                return .callsCSV
            }
            // A ticket export whose columns the configuration maps.
            if !context.mappings.ticketColumns.isEmpty, let first,
                TicketsCSVReader.Header(names: first, mapping: context.mappings.ticketColumns) != nil
            {
                return .ticketsCSV
            }
            // A cdr_custom layout the user named is recognised by its times being where it says.
            if let names = options.cdrColumnNames, let columns = try? AsteriskCDRReader.Columns.named(names), let first,
                AsteriskCDRReader.Columns.fits(first, columns)
            {
                return .asteriskCDR
            }
            throw IngestError.notACallLog(path: display, reason: Self.explain(head, fallback: reason))
        }
    }

    /// Reads the records of an opened file on this thread, with its format's reader.
    func read(_ input: OpenedInput, summary: inout InputSummary, into sink: any IngestSink) throws {
        defer {
            if let trailing = input.gzip?.trailingBytes, trailing > 0 {
                summary.notes.append(
                    "\(trailing) \(trailing == 1 ? "byte" : "bytes") after the end of the gzip data, not gzip, ignored (as gzip does)"
                )
            }
        }
        try input.format.reader.read(input, in: self, summary: &summary, into: sink)
    }

    /// The CDR layout the first line of a file shows, if any.
    static func cdrLayout(_ head: String) -> AsteriskCDRReader.Columns? {
        FormatSniffer.firstLines(of: head, upTo: 1).first.flatMap {
            AsteriskCDRReader.Columns.detect(FormatSniffer.csvFields(String($0)))
        }
    }

    /// What a file's counts say once it is read: the count notes, and an error when it gave not one record (a
    /// recognised layout with nothing in it is as wrong an input as an unreadable file, and `--strict` counts it).
    func conclude(_ summary: inout InputSummary) {
        if summary.error == nil, summary.records == 0, let format = summary.format {
            record(IngestError.noRecords(path: summary.path, found: format.nothingFound), in: &summary)
        }
        if summary.timestampsWithoutOffset > 0 {
            let n = summary.timestampsWithoutOffset
            summary.notes.append(
                "\(n) \(n == 1 ? "timestamp" : "timestamps") without offset, read in \(context.sourceCalendar.zone.identifier)"
            )
        }
        if summary.gapBytes > 0 {
            let n = summary.gapBytes
            summary.notes.append(
                "\(n) NUL or control \(n == 1 ? "byte" : "bytes") between lines skipped (first before line \(summary.firstGapLine ?? 1)); the lines around them were read"
            )
        }
        if summary.outbound > 0 {
            let n = summary.outbound
            summary.notes.append("\(n) outbound \(n == 1 ? "call" : "calls"), left out of queue figures")
        }
        if summary.internalCalls > 0 {
            let n = summary.internalCalls
            summary.notes.append(
                "\(n) internal \(n == 1 ? "call" : "calls") (extension to extension), left out of queue figures")
        }
    }

    /// Reads a calls-csv header row, noting the columns it ignores.
    private static func callsCSVHeader(
        _ csv: CSVReader, path: String, summary: inout InputSummary, mapping: [String: String]
    ) throws -> CallsCSVReader.Header {
        guard let names = try csv.nextRecordStrings(path: path) else { throw IngestError.empty(path: path) }
        guard let header = CallsCSVReader.Header(names: names, mapping: mapping) else {
            let found = names.prefix(6).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
            throw IngestError.notACallLog(
                path: path,
                reason:
                    "the header names no call_id and enqueued_at (calls) nor id and created at (tickets) columns (found: \(found))"
            )
        }
        let missing = header.missingRequired
        guard missing.isEmpty else {
            throw IngestError.notACallLog(
                path: path, reason: "calls-csv header lacks \(missing.map(\.rawValue).joined(separator: ", "))")
        }
        if !header.ignored.isEmpty {
            summary.notes.append("ignored columns: \(header.ignored.joined(separator: ", "))")
        }
        return header
    }
}
