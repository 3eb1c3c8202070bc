import HotlineModel
import Logging

/// Reads call-log files: per file, decode, sniff the format, read records, classify them.
///
/// A file that cannot be read gives a one-line error naming it and an ``InputSummary`` with `error` set; the
/// other files are read all the same. Every record is counted as accepted or rejected.
public final class CallLogIngest {
    private let context: ReadContext
    private let classifier: Classifier
    private let logger: Logger
    /// Called with the number of raw bytes read from a file, chunk by chunk (for a progress display).
    public var onBytesRead: ((Int) -> Void)?

    public init(context: ReadContext, classifier: Classifier, logger: Logger) {
        self.context = context
        self.classifier = classifier
        self.logger = logger
    }

    /// How many bytes the sniffer looks at.
    static let sampleBytes = 1 << 16

    /// Reads `files` in order. `accept` gets each classified inbound call, `reject` each rejected record.
    public func read(
        _ files: [String], accept: (inout CallRecord) -> Void, reject: (Reject) -> Void
    ) -> [InputSummary] {
        files.enumerated().map { index, path in
            readFile(path, index: Int32(index), accept: accept, reject: reject)
        }
    }

    public func readFile(
        _ path: String, index: Int32, accept: (inout CallRecord) -> Void, reject: (Reject) -> Void
    ) -> InputSummary {
        let display = path == "-" ? "<stdin>" : path
        var summary = InputSummary(path: display)
        do {
            let opened = try FileByteSource(path: path)
            let file: ByteSource = onBytesRead.map { CountingByteSource(opened, observe: $0) } ?? opened
            let sample = try Self.readSample(file)
            guard !sample.isEmpty else { throw IngestError.empty(path: display) }
            guard case .text(let encoding, let bomLength) = TextEncoding.detect(sample: sample) else {
                throw IngestError.notACallLog(path: display, reason: "binary data, not a text export")
            }
            summary.encoding = encoding.rawValue
            var stream: ByteSource = PrefixedByteSource(prefix: sample, skipping: bomLength, then: file)
            if let name = encoding.iconvName { stream = try Transcoder(source: stream, from: name, path: display) }
            let csv = CSVReader(source: stream, limits: context.limits)
            guard let names = try csv.nextRecordStrings() else { throw IngestError.empty(path: display) }
            guard let header = CallsCSVReader.Header(names: names) else {
                let found = names.prefix(6).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
                throw IngestError.notACallLog(
                    path: display, reason: "the header names no call_id and enqueued_at columns (found: \(found))")
            }
            let missing = header.missingRequired
            guard missing.isEmpty else {
                throw IngestError.notACallLog(
                    path: display,
                    reason: "calls-csv header lacks \(missing.map(\.rawValue).joined(separator: ", "))")
            }
            summary.format = InputFormat.callsCSV.rawValue
            if !header.ignored.isEmpty {
                summary.notes.append("ignored columns: \(header.ignored.joined(separator: ", "))")
            }
            let reader = CallsCSVReader(csv: csv, header: header, context: context, fileIndex: index, path: display)
            try reader.read(
                summary: &summary,
                accept: { call in
                    classifier.classify(&call)
                    accept(&call)
                }, reject: reject)
            if summary.timestampsWithoutOffset > 0 {
                let n = summary.timestampsWithoutOffset
                summary.notes.append(
                    "\(n) \(n == 1 ? "timestamp" : "timestamps") without offset, read in \(context.calendar.zone.identifier)"
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

    private static func readSample(_ source: ByteSource) throws -> [UInt8] {
        var sample = [UInt8](repeating: 0, count: sampleBytes)
        var filled = 0
        while filled < sample.count {
            let n = try sample.withUnsafeMutableBytes { raw throws in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
            }
            if n == 0 { break }
            filled += n
        }
        sample.removeLast(sample.count - filled)
        return sample
    }
}

/// The input formats `hotline` reads.
public enum InputFormat: String, CaseIterable, Sendable {
    case callsCSV = "calls-csv"
}
