import Foundation
import HotlineModel

/// Reading one large calls-csv file on several threads, with the result of reading it on one.
///
/// The file is cut into blocks (``CSVBlockSplitter``); worker threads parse and classify blocks, each with its own
/// context, interners and classifier over the run's shared symbol tables; this thread takes the blocks back in
/// file order and hands their records and rejects on, with line numbers made absolute. So the aggregator sees the
/// calls in the order one thread would, and the rejects file is in file order.
///
/// A cut is checked by the block before it: when that block's last record was not closed by a line end at the
/// cut (a quote the splitter took for an opening one was plain text, a quoted field ran over the cut, a record
/// longer than the block), the blocks read past it are dropped, the file is read in order from that record for
/// a block's length, and the cutting starts again from a record boundary found that way. So the records are
/// those of one thread for any input; only a file with such quoting is read partly on one thread.
extension InputIngest {
    struct ParallelRead {
        /// The file on disk (not the name shown).
        var path: String
        /// Where the records start in the file (after a byte-order mark and the header).
        var offset: Int
        var line: Int
    }

    /// What a worker thread keeps from block to block.
    struct BlockReader {
        var reader: CallsCSVReader
        var classifier: Classifier
        var context: ReadContext
    }

    /// A parsed block, in its own line numbers and offsets.
    struct ParsedBlock {
        var records: [CallRecord] = []
        var rejects: [Reject] = []
        var counts: InputSummary
        var lines = 0
        var resume: CallsCSVReader.Resume?
        /// Labels no rule matched, counted here so a block dropped after a bad cut counts nothing.
        var unmatched: [UnmatchedValue: Int] = [:]
    }

    func readCallsCSVInParallel(
        _ file: ParallelRead, header: CallsCSVReader.Header, display: String, index: Int32,
        summary: inout InputSummary, accept: (inout CallRecord) -> Void, reject: (Reject) -> Void
    ) throws {
        let shared = context
        let rules = classifier.rules
        let encoding = summary.encoding
        let limits = context.limits
        let workers = BlockWorkers<BlockReader>(threads: parallelThreads) {
            let context = shared.sibling()
            let classifier = Classifier(rules: rules, symbols: context.symbols)
            return BlockReader(
                reader: CallsCSVReader(header: header, context: context, fileIndex: index, path: display),
                classifier: classifier, context: context)
        }
        defer { workers.finish() }
        let arrays = recordArrays
        let splitter = try CSVBlockSplitter(path: file.path, from: file.offset, blockBytes: parallelBlockBytes)
        splitter.onBytesRead = onBytesRead
        // One block waiting per thread keeps them busy; more only holds memory.
        let inFlight = parallelThreads + 1
        var pending: [(block: CSVBlockSplitter.Block, parsed: Pending<ParsedBlock>)] = []
        var next = 0
        var exhausted = false
        var line = file.line
        let sequential = CallsCSVReader(header: header, context: context, fileIndex: index, path: display)
        let classify = { (call: inout CallRecord) in
            self.classifier.classify(&call)
            accept(&call)
        }
        while true {
            while !exhausted && pending.count - next < inFlight {
                guard let block = try splitter.next() else {
                    exhausted = true
                    break
                }
                let parsed = Pending<ParsedBlock>()
                let handOver = block
                workers.submit { state in
                    parsed.fulfil(
                        Self.parse(
                            handOver, with: &state, path: display, encoding: encoding, limits: limits, arrays: arrays))
                    splitter.recycle(handOver.bytes)
                }
                pending.append((block, parsed))
            }
            guard next < pending.count else { break }
            let block = pending[next].block
            guard var parsed = pending[next].parsed.take() else { break }
            next += 1
            if next > 64 {
                pending.removeFirst(next)
                next = 0
            }
            summary.addCounts(parsed.counts)
            classifier.addUnmatched(parsed.unmatched)
            let shift = line - 1
            for var rejected in parsed.rejects {
                rejected.line += shift
                reject(rejected)
            }
            if shift != 0 {
                let lines = Int32(clamping: shift)
                for i in parsed.records.indices { parsed.records[i].location.line += lines }
            }
            if let acceptBatch {
                acceptBatch(parsed.records)
            } else {
                for var call in parsed.records { accept(&call) }
                parsed.records.removeAll(keepingCapacity: true)
                arrays.give(parsed.records)
            }
            guard let resume = parsed.resume else {
                line += parsed.lines
                continue
            }
            // The cut was inside a record: what was read past it is dropped, and the file is read in order from
            // that record until a record boundary at least a block further on.
            for later in pending[next...] { _ = later.parsed.take() }
            pending = []
            next = 0
            let start = block.offset + resume.offset
            parallelFallbacks += 1
            logger.debug("\(display): line \(shift + resume.line): record across a block cut; reading on in order")
            let source = try FileByteSource(path: file.path)
            try source.seek(to: start)
            let csv = CSVReader(
                source: onBytesRead.map { CountingByteSource(source, observe: $0) } ?? source, limits: limits,
                firstLine: shift + resume.line)
            if let stop = try sequential.read(
                csv, summary: &summary, offsetLimit: parallelBlockBytes, accept: classify, reject: reject)
            {
                splitter.restart(at: start + stop.offset)
                line = stop.line
                exhausted = false
            } else {
                exhausted = true
            }
        }
    }

    /// Parses one block on a worker thread; the block's bytes are freed with its CSV reader.
    private static func parse(
        _ block: CSVBlockSplitter.Block, with state: inout BlockReader, path: String, encoding: String,
        limits: CSVReader.Limits, arrays: RecyclePool<[CallRecord]>
    ) -> ParsedBlock {
        let csv = CSVReader(borrowing: block.bytes, count: block.count, limits: limits)
        var parsed = ParsedBlock(
            records: arrays.take() ?? [],
            counts: InputSummary(path: path, format: InputFormat.callsCSV.rawValue, encoding: encoding))
        parsed.records.reserveCapacity(block.count / 128)
        let classifier = state.classifier
        do {
            parsed.resume = try state.reader.read(
                csv, summary: &parsed.counts, cut: !block.isLast,
                accept: { call in
                    classifier.classify(&call)
                    parsed.records.append(call)
                }, reject: { parsed.rejects.append($0) })
        } catch {
            // Reading memory does not fail; should it, the block is read again in order, where errors are named.
            return ParsedBlock(counts: InputSummary(path: path), resume: CallsCSVReader.Resume(offset: 0, line: 1))
        }
        parsed.lines = csv.nextLine - 1
        parsed.unmatched = classifier.takeUnmatched()
        return parsed
    }
}
