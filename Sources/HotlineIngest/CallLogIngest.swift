import Foundation
import HotlineModel
import Logging

/// Reads call-log files: per file, decode, sniff the format, read records, classify them.
///
/// A file that cannot be read gives a one-line error naming it and an ``InputSummary`` with `error` set; the
/// other files are read all the same. Every record is counted as accepted or rejected. Queue logs are read in
/// the order of their first event (rotated files by content, not by name), and a call cut by rotation is
/// completed from the next file; calls still open after the last file are rejected, event by event.
public final class CallLogIngest {
    private let context: ReadContext
    private let classifier: Classifier
    private let logger: Logger
    private let queueLog: QueueLogAssembler
    /// Calls a later ENTERQUEUE cut short, kept until every file is read so their events are counted where
    /// they are.
    private var cutShort: [IncompleteCall] = []
    /// Called with the number of raw bytes read from a file, chunk by chunk (for a progress display).
    public var onBytesRead: ((Int) -> Void)?
    /// Read every file as this format instead of sniffing it.
    public var forcedFormat: InputFormat?
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

    /// Queue logs in the order of their first event, the other files as given.
    private func readingOrder(_ files: [String]) -> [Int] {
        var others: [Int] = []
        var logs: [(index: Int, first: Double)] = []
        for (index, path) in files.enumerated() {
            if path != "-", let first = Self.firstQueueLogTime(path) {
                logs.append((index, first))
            } else {
                others.append(index)
            }
        }
        return others + logs.sorted { ($0.first, $0.index) < ($1.first, $1.index) }.map(\.index)
    }

    /// The time of the first event, when `path` looks like a queue log (raw or table export).
    static func firstQueueLogTime(_ path: String) -> Double? {
        guard let file = try? FileByteSource(path: path), var bytes = try? readSample(file, limit: 4096) else {
            return nil
        }
        if GzipByteSource.isGzip(bytes) {
            guard let file = try? FileByteSource(path: path),
                let inflated = try? GzipByteSource(source: file, path: path),
                let head = try? readSample(inflated, limit: 4096)
            else { return nil }
            bytes = head
        }
        let head = String(decoding: bytes, as: UTF8.self)
        guard FormatSniffer.sniff(head) == .format(.asteriskQueueLog) else { return nil }
        let lines = head.split(whereSeparator: \.isNewline)
        if let raw = lines.first(where: FormatSniffer.isQueueLogLine) {
            return Double(raw.split(separator: "|", omittingEmptySubsequences: false)[0])
        }
        guard lines.count > 1,
            let columns = QueueLogReader.TableColumns(names: lines[0].split(separator: ",").map(String.init))
        else { return nil }
        let row = lines[1].split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        }
        return columns.time < row.count ? Double(row[columns.time]) : nil
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
            var stream: ByteSource = PrefixedByteSource(prefix: sample, skipping: bomLength, then: file)
            if let name = encoding.iconvName { stream = try Transcoder(source: stream, from: name, path: display) }
            let head = try Self.decodedHead(sample, encoding: encoding, bomLength: bomLength, path: display)
            let format: InputFormat
            if let forcedFormat {
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
            guard format.isReadable else { throw IngestError.unsupported(path: display, format: format) }
            summary.format = format.rawValue
            let classify = { (call: inout CallRecord) in
                self.classifier.classify(&call)
                accept(&call)
            }
            switch format {
            case .callsCSV:
                try readCallsCSV(
                    stream, path: display, index: index, summary: &summary, accept: classify, reject: reject)
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

    private func readCallsCSV(
        _ stream: ByteSource, path: String, index: Int32, summary: inout InputSummary,
        accept: (inout CallRecord) -> Void,
        reject: (Reject) -> Void
    ) throws {
        let csv = CSVReader(source: stream, limits: context.limits)
        guard let names = try csv.nextRecordStrings() else { throw IngestError.empty(path: path) }
        guard let header = CallsCSVReader.Header(names: names, mapping: context.callsColumns) else {
            let found = names.prefix(6).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
            throw IngestError.notACallLog(
                path: path, reason: "the header names no call_id and enqueued_at columns (found: \(found))")
        }
        let missing = header.missingRequired
        guard missing.isEmpty else {
            throw IngestError.notACallLog(
                path: path, reason: "calls-csv header lacks \(missing.map(\.rawValue).joined(separator: ", "))")
        }
        if !header.ignored.isEmpty {
            summary.notes.append("ignored columns: \(header.ignored.joined(separator: ", "))")
        }
        let reader = CallsCSVReader(csv: csv, header: header, context: context, fileIndex: index, path: path)
        try reader.read(summary: &summary, accept: accept, reject: reject)
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

    /// The start of the file as text, for sniffing: transcoded when it is not UTF-8.
    static func decodedHead(_ sample: [UInt8], encoding: TextEncoding, bomLength: Int, path: String) throws -> String {
        let bytes = Array(sample.dropFirst(bomLength).prefix(8192))
        guard let name = encoding.iconvName else { return String(decoding: bytes, as: UTF8.self) }
        let transcoder = try Transcoder(source: MemoryByteSource(bytes), from: name, path: path)
        var out = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var filled = 0
        while filled < out.count {
            let n = try out.withUnsafeMutableBytes {
                try transcoder.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...]))
            }
            if n == 0 { break }
            filled += n
        }
        return String(decoding: out.prefix(filled), as: UTF8.self)
    }

    /// Why a file is not a call log, in the words a user recognises: a CSV header says what it named instead.
    static func explain(_ head: String, fallback: String) -> String {
        let first = head.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let names = first.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")) }
        if names.count >= 2 && names.allSatisfy({ !$0.isEmpty && $0.count < 40 && Double($0) == nil }) {
            return
                "the header names no call_id and enqueued_at columns (found: \(names.prefix(6).joined(separator: ", ")))"
        }
        return fallback
    }

    private static func readSample(_ source: ByteSource, limit: Int = sampleBytes) throws -> [UInt8] {
        var sample = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < sample.count {
            let n = try sample.withUnsafeMutableBytes { raw in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
            }
            if n == 0 { break }
            filled += n
        }
        sample.removeLast(sample.count - filled)
        return sample
    }
}
