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
    let logger: Logger
    private let queueLog: QueueLogAssembler
    /// Calls a later ENTERQUEUE cut short, kept until every file is read so their events are counted where
    /// they are.
    private var cutShort: [IncompleteCall] = []
    /// Called with the number of raw bytes read from a file, chunk by chunk (for a progress display).
    public var onBytesRead: ((Int) -> Void)?
    /// Read every file as this format instead of sniffing it.
    public var forcedFormat: InputFormat?
    /// The format of particular files (the nightly inbox's `format:`), before sniffing.
    public var formatOverrides: [String: InputFormat] = [:]
    /// The field order of Asterisk CDR files written by a cdr_custom mapping (`clid,src,dst,...`); nil to
    /// recognise cdr_csv and the common custom order from the first line.
    public var cdrColumnNames: [String]?

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

    /// Called with each classified ticket of a ticket export; tickets are counted and dropped when nil.
    public var acceptTicket: ((inout TicketRecord) -> Void)?
    /// Classifies tickets with the same rules as calls.
    public private(set) lazy var ticketClassifier = TicketClassifier(rules: classifier.rules, symbols: context.symbols)
    lazy var ticketNormaliser = TicketNormaliser(context: context)
    /// Ticket keys read so far: a ticket read again (overlapping exports) is rejected as a duplicate.
    var ticketKeys = Set<UInt64>()

    /// Takes a block of classified calls at once, in order with those given to `accept` (parallel reading hands
    /// blocks on whole); nil to have them one by one.
    public var acceptBatch: (([CallRecord]) -> Void)?
    /// Arrays of calls handed back after use, for the next blocks (any thread).
    let recordArrays = RecyclePool<[CallRecord]>()
    /// Gives an array that came through `acceptBatch` back for reuse once its calls are aggregated (any thread).
    public func recycle(_ records: [CallRecord]) {
        var records = records
        records.removeAll(keepingCapacity: true)
        recordArrays.give(records)
    }
    /// Threads that parse a large calls-csv file; 1 reads every file on the calling thread.
    public var parallelThreads = 1
    /// The size of the blocks files are cut into for those threads. Any size of file is cut: a small one is one
    /// block, read beside the blocks of the files around it.
    public var parallelBlockBytes = 2 << 20
    /// Files up to this size are read whole on the worker threads, side by side (their records are held until
    /// their turn); larger calls-csv files are cut into blocks.
    public var parallelSmallFileBytes = 1 << 20
    /// How many times a cut fell inside a record and the file was read on in order from there.
    var parallelFallbacks = 0

    /// Keep the one-line messages of unreadable files in `errorMessages` instead of logging them (a reader on
    /// another thread, whose messages are logged in file order by the thread that orders its results).
    var keepErrorMessages = false
    var errorMessages: [String] = []

    /// Called with each agent state change (login, logoff, pause, unpause, ring not answered) a queue log holds.
    public var onAgentEvent: ((AgentEvent) -> Void)?

    public init(context: ReadContext, classifier: Classifier, logger: Logger) {
        self.context = context
        self.classifier = classifier
        self.logger = logger
        self.queueLog = QueueLogAssembler(context: context)
        // On this thread, before reading threads may parse XML.
        StreamingXMLReader.setUp
    }

    /// A reader for another thread: the same settings and symbol tables, its own context (interners, calendars)
    /// and classifier; it reads on its own thread only and keeps error messages for the ordering thread to log.
    func sibling() -> InputIngest {
        let context = self.context.sibling()
        let reader = InputIngest(
            context: context, classifier: Classifier(rules: classifier.rules, symbols: context.symbols), logger: logger)
        reader.forcedFormat = forcedFormat
        reader.formatOverrides = formatOverrides
        reader.cdrColumnNames = cdrColumnNames
        reader.keepErrorMessages = true
        return reader
    }

    /// How many bytes the sniffer looks at.
    static let sampleBytes = 1 << 16

    /// Reads `files`. `accept` gets each classified inbound call, `reject` each rejected record, in reading order
    /// (queue logs last, by their first event) and file order, however many threads read.
    ///
    /// With `parallelThreads` above 1, a file is read one of three ways: files up to `parallelSmallFileBytes` side
    /// by side on the threads (``readSmallFiles(_:into:accept:reject:)``), larger calls-csv files cut into blocks
    /// (``readInBlocks(first:summary:openNext:finished:accept:reject:)``, one run across consecutive ones), and
    /// anything else here, in turn.
    public func read(
        _ files: [String], accept: (inout CallRecord) -> Void, reject: (Reject) -> Void
    ) -> [InputSummary] {
        var summaries = files.map { InputSummary(path: $0 == "-" ? "<stdin>" : $0) }
        let order = readingOrder(files)
        var position = 0
        // A file a run of blocks opened and could not cut: read next, on this thread.
        var openedAhead: (input: OpenedInput, summary: InputSummary)?
        while true {
            let input: OpenedInput
            var summary: InputSummary
            if let ahead = openedAhead {
                (input, summary) = ahead
                openedAhead = nil
            } else {
                guard position < order.count else { break }
                if parallelThreads > 1 {
                    let sizes = smallFiles(files, order: order, from: position)
                    if !sizes.isEmpty {
                        readSmallFiles(
                            sizes.enumerated().map { (order[position + $0], files[order[position + $0]], $1) },
                            into: &summaries, accept: accept, reject: reject)
                        position += sizes.count
                        continue
                    }
                }
                let index = order[position]
                position += 1
                summary = summaries[index]
                do {
                    input = try open(files[index], index: Int32(index), summary: &summary)
                } catch {
                    record(error, in: &summary)
                    summaries[index] = summary
                    continue
                }
            }
            if input.blocks != nil {
                // Calls-csv files that can be cut are read as one run: the next is opened and cut while the last
                // blocks of the one before are parsed.
                readInBlocks(
                    first: input, summary: summary,
                    openNext: {
                        while position < order.count {
                            let index = order[position]
                            position += 1
                            var next = summaries[index]
                            do {
                                let opened = try open(files[index], index: Int32(index), summary: &next)
                                if opened.blocks != nil { return (opened, next) }
                                openedAhead = (opened, next)
                                return nil
                            } catch {
                                record(error, in: &next)
                                summaries[index] = next
                            }
                        }
                        return nil
                    },
                    finished: { index, read in
                        summaries[Int(index)] = read
                        conclude(&summaries[Int(index)])
                    }, accept: accept, reject: reject)
                continue
            }
            do {
                try read(input, summary: &summary, accept: accept, reject: reject)
                conclude(&summary)
            } catch {
                record(error, in: &summary)
            }
            summaries[Int(input.index)] = summary
        }
        finish(&summaries, reject: reject)
        return summaries
    }

    /// Rejects the events of queued calls that never ended, and notes calls whose start was before the log.
    public func finish(_ summaries: inout [InputSummary], reject: (Reject) -> Void) {
        func rejectEvents(of call: IncompleteCall) {
            for location in call.events where Int(location.file) < summaries.count {
                let file = Int(location.file)
                summaries[file].accepted -= 1
                summaries[file].rejectedByKind[.incompleteCall, default: 0] += 1
                reject(
                    Reject(
                        file: summaries[file].path, line: Int(location.line), field: "callid", kind: .incompleteCall,
                        detail: "call \(call.callID) \(call.reason)"))
            }
        }
        for call in cutShort { rejectEvents(of: call) }
        cutShort = []
        queueLog.drainIncomplete(rejectEvents(of:))
        for (file, n) in queueLog.derivedStarts.sorted(by: { $0.key < $1.key }) where Int(file) < summaries.count {
            summaries[Int(file)].notes.append(
                "\(n) \(n == 1 ? "call" : "calls") ended without their ENTERQUEUE in the log: enqueue time derived from the wait and talk"
            )
        }
    }

    /// A file opened and recognised, ready for its records to be read.
    struct OpenedInput {
        var path: String
        var display: String
        var index: Int32
        var format: InputFormat
        var stream: ByteSource
        var head: String
        /// A calls-csv: its CSV reader after the header, and the header.
        var callsCSV: (csv: CSVReader, header: CallsCSVReader.Header)?
        /// Set when the records can be cut into blocks for several threads.
        var blocks: ParallelRead?
        /// The inflating source of a gzip file, which counts bytes after the gzip data.
        var gzip: GzipByteSource?
    }

    /// Reads one file: the input summary counts its records, `error` says why it could not be read.
    public func readFile(
        _ path: String, index: Int32, accept: (inout CallRecord) -> Void, reject: (Reject) -> Void
    ) -> InputSummary {
        var summary = InputSummary(path: path == "-" ? "<stdin>" : path)
        do {
            let input = try open(path, index: index, summary: &summary)
            try read(input, summary: &summary, accept: accept, reject: reject)
            conclude(&summary)
        } catch {
            record(error, in: &summary)
        }
        return summary
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
    func open(_ path: String, index: Int32, summary: inout InputSummary) throws -> OpenedInput {
        let display = path == "-" ? "<stdin>" : path
        let opened = try FileByteSource(path: path)
        var file: ByteSource = onBytesRead.map { CountingByteSource(opened, observe: $0) } ?? opened
        var sample = try Self.readSample(file)
        var compressed = false
        var gzip: GzipByteSource?
        if GzipByteSource.isGzip(sample) {
            // Compressed (a rotated log): everything after this reads the inflated bytes.
            let inflating = try GzipByteSource(
                source: PrefixedByteSource(prefix: sample, skipping: 0, then: file), path: display)
            gzip = inflating
            file = inflating
            sample = try Self.readSample(file)
            summary.notes.append("gzip-compressed")
            compressed = true
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
        var stream: ByteSource = PrefixedByteSource(prefix: sample, skipping: bomLength, then: file)
        if let name = encoding.iconvName { stream = try Transcoder(source: stream, from: name, path: display) }
        let head = try Self.decodedHead(sample, encoding: encoding, bomLength: bomLength, path: display)
        let format = try recognise(path, display: display, head: head, sample: sample)
        summary.format = format
        var input = OpenedInput(
            path: path, display: display, index: index, format: format, stream: stream, head: head, gzip: gzip)
        if format == .callsCSV {
            // A plain UTF-8 file on disk can be cut into blocks for several threads; its header is then read
            // with a small buffer, as the blocks are read apart.
            let cut = parallelThreads > 1 && encoding.iconvName == nil && !compressed && opened.size != nil
            var limits = context.limits
            if cut { limits.chunkBytes = min(limits.chunkBytes, 1 << 14) }
            let csv = CSVReader(source: stream, limits: limits)
            let header = try Self.callsCSVHeader(
                csv, path: display, summary: &summary, mapping: context.mappings.callsColumns)
            input.callsCSV = (csv, header)
            if cut { input.blocks = ParallelRead(path: path, offset: bomLength + csv.offset, line: csv.nextLine) }
        }
        return input
    }

    /// The format of a file: the one forced or configured for it, or what its start looks like.
    private func recognise(_ path: String, display: String, head: String, sample: [UInt8]) throws -> InputFormat {
        if let forcedFormat = forcedFormat ?? formatOverrides[path] { return forcedFormat }
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
            if let names = cdrColumnNames, let columns = try? AsteriskCDRReader.Columns.named(names), let first,
                AsteriskCDRReader.Columns.fits(first, columns)
            {
                return .asteriskCDR
            }
            throw IngestError.notACallLog(path: display, reason: Self.explain(head, fallback: reason))
        }
    }

    /// Reads the records of an opened file on this thread (a calls-csv with `blocks` on several).
    func read(
        _ input: OpenedInput, summary: inout InputSummary, accept: (inout CallRecord) -> Void,
        reject: (Reject) -> Void
    ) throws {
        let (display, index, stream) = (input.display, input.index, input.stream)
        defer {
            if let trailing = input.gzip?.trailingBytes, trailing > 0 {
                summary.notes.append(
                    "\(trailing) \(trailing == 1 ? "byte" : "bytes") after the end of the gzip data, not gzip, ignored (as gzip does)"
                )
            }
        }
        let classify = { (call: inout CallRecord) in
            self.classifier.classify(&call)
            accept(&call)
        }
        switch input.format {
        case .callsCSV:
            guard let (csv, header) = input.callsCSV else { return }
            if input.blocks != nil {
                var read = summary
                readInBlocks(
                    first: input, summary: summary, openNext: { nil }, finished: { read = $1 }, accept: accept,
                    reject: reject)
                summary = read
                return
            }
            let reader = CallsCSVReader(header: header, context: context, fileIndex: index, path: display)
            try reader.read(csv, summary: &summary, accept: classify, reject: reject)
        case .asteriskQueueLog:
            try readQueueLog(
                stream, head: input.head, path: display, index: index, summary: &summary, accept: classify,
                reject: reject)
        case .freeswitchXMLCDR:
            let reader = FreeSwitchCDRReader(source: stream, context: context, fileIndex: index, path: display)
            try reader.read(summary: &summary, accept: classify, reject: reject)
        case .asteriskCDR, .freeswitchCDRCSV:
            let named = try cdrColumnNames.map(AsteriskCDRReader.Columns.named)
            let reader = AsteriskCDRReader(
                csv: CSVReader(source: stream, limits: context.limits), context: context, fileIndex: index,
                path: display,
                mapping: named
                    ?? (input.format == .freeswitchCDRCSV && Self.cdrLayout(input.head) == nil
                        ? .freeswitchDefault : nil))
            try reader.read(summary: &summary, accept: classify, reject: reject)
        case .ticketsCSV, .ticketsXML, .ticketsJSON:
            try readTickets(
                stream, format: input.format, path: display, index: index, summary: &summary, reject: reject)
        }
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

    private func readQueueLog(
        _ stream: ByteSource, head: String, path: String, index: Int32, summary: inout InputSummary,
        accept: (inout CallRecord) -> Void, reject: (Reject) -> Void
    ) throws {
        let firstLine = head.split(whereSeparator: \.isNewline).first ?? ""
        let layout: QueueLogReader.Layout
        let csv: CSVReader
        if FormatSniffer.isQueueLogLine(firstLine) || (forcedFormat != nil && firstLine.contains("|")) {
            csv = CSVReader(source: stream, limits: context.limits, dialect: .pipes)
            layout = .pipes
        } else {
            csv = CSVReader(source: stream, limits: context.limits)
            guard let names = try csv.nextRecordStrings(path: path),
                let columns = QueueLogReader.TableColumns(names: names)
            else {
                throw IngestError.notACallLog(
                    path: path, reason: "queue_log export without callid, event and time columns")
            }
            layout = .table(columns)
        }
        let reader = QueueLogReader(
            csv: csv, layout: layout, context: context, assembler: queueLog, fileIndex: index, path: path)
        try reader.read(
            summary: &summary, accept: accept, reject: reject, cutShort: { cutShort.append($0) },
            agentEvent: { onAgentEvent?($0) })
    }

}
