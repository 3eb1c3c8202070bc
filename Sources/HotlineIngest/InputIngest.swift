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

    /// Why a CDR column list cannot be used, or nil when it can.
    public static func problem(withCDRColumns names: [String]) -> String? {
        do {
            _ = try AsteriskCDRReader.Columns.named(names)
            return nil
        } catch {
            return "\(error)"
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
    /// The size of the blocks a file is cut into for those threads, and the size from which a file is cut.
    public var parallelBlockBytes = 2 << 20
    public var parallelMinimumBytes = 4 << 20
    /// How many times a cut fell inside a record and the file was read on in order from there.
    var parallelFallbacks = 0

    /// Called with each agent state change (login, logoff, pause, unpause, ring not answered) a queue log holds.
    public var onAgentEvent: ((AgentEvent) -> Void)?

    public init(context: ReadContext, classifier: Classifier, logger: Logger) {
        self.context = context
        self.classifier = classifier
        self.logger = logger
        self.queueLog = QueueLogAssembler(context: context)
    }

    /// How many bytes the sniffer looks at.
    static let sampleBytes = 1 << 16

    /// Reads `files`. `accept` gets each classified inbound call, `reject` each rejected record.
    public func read(
        _ files: [String], accept: (inout CallRecord) -> Void, reject: (Reject) -> Void
    ) -> [InputSummary] {
        var summaries = files.map { InputSummary(path: $0 == "-" ? "<stdin>" : $0) }
        for index in readingOrder(files) {
            summaries[index] = readFile(files[index], index: Int32(index), accept: accept, reject: reject)
        }
        finish(&summaries, reject: reject)
        return summaries
    }

    /// Rejects the events of queued calls that never ended, and notes calls whose start was before the log.
    public func finish(_ summaries: inout [InputSummary], reject: (Reject) -> Void) {
        for call in cutShort + queueLog.drainIncomplete() {
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
        cutShort = []
        for (file, n) in queueLog.derivedStarts.sorted(by: { $0.key < $1.key }) where Int(file) < summaries.count {
            summaries[Int(file)].notes.append(
                "\(n) \(n == 1 ? "call" : "calls") ended without their ENTERQUEUE in the log: enqueue time derived from the wait and talk"
            )
        }
    }

    public func readFile(
        _ path: String, index: Int32, accept: (inout CallRecord) -> Void, reject: (Reject) -> Void
    ) -> InputSummary {
        let display = path == "-" ? "<stdin>" : path
        var summary = InputSummary(path: display)
        do {
            let opened = try FileByteSource(path: path)
            var file: ByteSource = onBytesRead.map { CountingByteSource(opened, observe: $0) } ?? opened
            var sample = try Self.readSample(file)
            if GzipByteSource.isGzip(sample) {
                // Compressed (a rotated log): everything after this reads the inflated bytes.
                file = try GzipByteSource(
                    source: PrefixedByteSource(prefix: sample, skipping: 0, then: file), path: display)
                sample = try Self.readSample(file)
                summary.notes.append("gzip-compressed")
            }
            guard !sample.isEmpty else { throw IngestError.empty(path: display) }
            guard case .text(let encoding, let bomLength) = TextEncoding.detect(sample: sample) else {
                throw IngestError.notACallLog(path: display, reason: "binary data, not a text export")
            }
            summary.encoding = encoding.rawValue
            if encoding == .utf8 && !UTF8Validation.isValid(sample, allowTruncatedEnd: true) {
                summary.notes.append(
                    "bytes that are not valid UTF-8 (nor Chinese GB18030): records with them in a field the figures use are rejected"
                )
            }
            // A plain UTF-8 file on disk can be cut into blocks for several threads, if large enough to pay.
            var parallel: ParallelRead?
            if parallelThreads > 1, encoding.iconvName == nil, !summary.notes.contains("gzip-compressed"),
                let size = opened.size, size >= parallelMinimumBytes
            {
                parallel = ParallelRead(path: path, offset: bomLength, line: 1)
            }
            var stream: ByteSource = PrefixedByteSource(prefix: sample, skipping: bomLength, then: file)
            if let name = encoding.iconvName { stream = try Transcoder(source: stream, from: name, path: display) }
            let head = try Self.decodedHead(sample, encoding: encoding, bomLength: bomLength, path: display)
            let format: InputFormat
            if let forcedFormat = forcedFormat ?? formatOverrides[path] {
                format = forcedFormat
            } else {
                switch FormatSniffer.sniff(head) {
                case .format(let sniffed): format = sniffed
                case .unknown(let reason):
                    // A calls export whose columns the configuration maps is a calls-csv.
                    if !context.callsColumns.isEmpty, let first = head.split(whereSeparator: \.isNewline).first,
                        CallsCSVReader.Header(
                            names: FormatSniffer.csvFields(String(first)), mapping: context.callsColumns) != nil
                    {
                        format = .callsCSV
                        break
                    }
                    // A ticket export whose columns the configuration maps.
                    if !context.ticketColumns.isEmpty, let first = head.split(whereSeparator: \.isNewline).first,
                        TicketsCSVReader.Header(
                            names: FormatSniffer.csvFields(String(first)), mapping: context.ticketColumns) != nil
                    {
                        format = .ticketsCSV
                        break
                    }
                    // A cdr_custom layout the user named is recognised by its times being where it says.
                    if let names = cdrColumnNames, let columns = try? AsteriskCDRReader.Columns.named(names),
                        let first = head.split(whereSeparator: \.isNewline).first,
                        AsteriskCDRReader.Columns.fits(FormatSniffer.csvFields(String(first)), columns)
                    {
                        format = .asteriskCDR
                        break
                    }
                    throw IngestError.notACallLog(path: display, reason: Self.explain(head, fallback: reason))
                }
            }
            summary.format = format.rawValue
            let classify = { (call: inout CallRecord) in
                self.classifier.classify(&call)
                accept(&call)
            }
            switch format {
            case .callsCSV:
                try readCallsCSV(
                    stream, path: display, index: index, summary: &summary, parallel: parallel, accept: accept,
                    classify: classify, reject: reject)
            case .asteriskQueueLog:
                try readQueueLog(
                    stream, head: head, path: display, index: index, summary: &summary, accept: classify, reject: reject
                )
            case .freeswitchXMLCDR:
                let reader = FreeSwitchCDRReader(source: stream, context: context, fileIndex: index, path: display)
                try reader.read(summary: &summary, accept: classify, reject: reject)
            case .asteriskCDR:
                let reader = AsteriskCDRReader(
                    csv: CSVReader(source: stream, limits: context.limits), context: context, fileIndex: index,
                    path: display, mapping: try cdrColumnNames.map(AsteriskCDRReader.Columns.named))
                try reader.read(summary: &summary, accept: classify, reject: reject)
            case .ticketsCSV, .ticketsXML, .ticketsJSON:
                try readTickets(
                    stream, format: format, path: display, index: index, summary: &summary, reject: reject)
            }
            if summary.timestampsWithoutOffset > 0 {
                let n = summary.timestampsWithoutOffset
                summary.notes.append(
                    "\(n) \(n == 1 ? "timestamp" : "timestamps") without offset, read in \(context.sourceCalendar.zone.identifier)"
                )
            }
            if summary.outbound > 0 {
                let n = summary.outbound
                summary.notes.append("\(n) outbound \(n == 1 ? "call" : "calls"), left out of queue figures")
            }
        } catch let error as IngestError {
            summary.error = error.reason
            logger.error("\(error.description)")
        } catch {
            summary.error = "\(error)"
            logger.error("\(display): \(error)")
        }
        return summary
    }

    /// `accept` takes classified calls; `classify` classifies, then hands on to `accept`.
    private func readCallsCSV(
        _ stream: ByteSource, path: String, index: Int32, summary: inout InputSummary, parallel: ParallelRead?,
        accept: (inout CallRecord) -> Void, classify: (inout CallRecord) -> Void, reject: (Reject) -> Void
    ) throws {
        let csv = CSVReader(source: stream, limits: context.limits)
        guard let names = try csv.nextRecordStrings() else { throw IngestError.empty(path: path) }
        guard let header = CallsCSVReader.Header(names: names, mapping: context.callsColumns) else {
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
        if var parallel {
            parallel.offset += csv.offset
            parallel.line = csv.nextLine
            try readCallsCSVInParallel(
                parallel, header: header, display: path, index: index, summary: &summary, accept: accept,
                reject: reject)
            return
        }
        let reader = CallsCSVReader(header: header, context: context, fileIndex: index, path: path)
        try reader.read(csv, summary: &summary, accept: classify, reject: reject)
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
            guard let names = try csv.nextRecordStrings(), let columns = QueueLogReader.TableColumns(names: names)
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
