import Foundation
import HotlineModel

/// Reading calls-csv files on several threads, with the result of reading them on one.
///
/// Files are cut into blocks (``CSVBlockSplitter``); worker threads parse and classify blocks, each with its own
/// context, interners and classifier over the run's shared symbol tables; this thread takes the blocks back in
/// reading order and hands their records and rejects on, with line numbers made absolute. So the aggregator sees
/// the calls in the order one thread would, and the rejects file is in file order. Consecutive calls-csv files
/// form one run: the next file is opened and cut while the last blocks of the one before are parsed, so small
/// files are read in parallel too.
///
/// A cut is checked by the block before it: when that block's last record was not closed by a line end at the
/// cut (a quote the splitter took for an opening one was plain text, a quoted field ran over the cut, a record
/// longer than the block), the blocks read past it are dropped, the file is read in order from that record for
/// a block's length, and the cutting starts again from a record boundary found that way. So the records are
/// those of one thread for any input; only a file with such quoting is read partly on one thread.
final class BlockReading {
    /// Where the records of a file that can be cut start.
    struct ParallelRead {
        /// The file on disk (not the name shown).
        var path: String
        /// After a byte-order mark and the header.
        var offset: Int
        var line: Int
    }

    /// What a worker thread keeps from block to block: its own ingest (context, classifier) and a CSV reader per
    /// file.
    struct BlockReader {
        var ingest: InputIngest
        var readers: [Int32: CallsCSVReader] = [:]
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

    /// A file of a run: where its cutting is, and its summary while its blocks come back.
    final class RunFile {
        let input: OpenedInput
        let header: CallsCSVReader.Header
        let start: ParallelRead
        let splitter: CSVBlockSplitter
        /// Reads the file in order after a bad cut, on the ordering thread.
        let sequential: CallsCSVReader
        var summary: InputSummary
        /// The line of the next block handed on.
        var line: Int
        var cutDone = false
        var error: Error?

        init(
            input: OpenedInput, header: CallsCSVReader.Header, start: ParallelRead, summary: InputSummary,
            context: ReadContext, blockBytes: Int, buffers: RecyclePool<UnsafeMutablePointer<UInt8>>
        ) throws {
            self.input = input
            self.header = header
            self.start = start
            self.summary = summary
            line = start.line
            splitter = try CSVBlockSplitter(
                path: start.path, from: start.offset, blockBytes: blockBytes, buffers: buffers)
            sequential = CallsCSVReader(header: header, context: context, fileIndex: input.index, path: input.display)
        }
    }

    private let ingest: InputIngest
    private let sink: any IngestSink
    private let queue: ReadingQueue
    private let workers: BlockWorkers<BlockReader>
    private let buffers = RecyclePool<UnsafeMutablePointer<UInt8>>()
    /// The files of the run in order; a file is let go (its buffers, its open descriptors) once its summary is
    /// handed on.
    private var files: [RunFile?] = []
    /// Blocks submitted, in reading order; `next` is the first not yet handed on.
    private var pending: [(file: Int, block: CSVBlockSplitter.Block, parsed: Pending<ParsedBlock>)] = []
    private var next = 0
    /// The file being cut.
    private var cutting = 0
    /// Files whose summaries are handed on.
    private var doneFiles = 0
    private var moreFiles = true
    private var finished: (Int32, InputSummary) -> Void = { _, _ in }

    init(ingest: InputIngest, sink: any IngestSink, queue: ReadingQueue) {
        self.ingest = ingest
        self.sink = sink
        self.queue = queue
        workers = BlockWorkers<BlockReader>(threads: ingest.options.threads) { BlockReader(ingest: ingest.sibling()) }
    }

    /// Reads `first` and the calls-csv files after it in the queue that can be cut too, calling `finished` with
    /// each file's summary (concluded) in reading order.
    func read(first: OpenedInput, summary: InputSummary, finished: @escaping (Int32, InputSummary) -> Void) {
        self.finished = finished
        defer {
            workers.finish()
            while let buffer = buffers.take() { buffer.deallocate() }
        }
        join(first, summary)
        // One block waiting per thread keeps them busy; more only holds memory.
        let inFlight = ingest.options.threads + 1
        while true {
            while pending.count - next < inFlight, cutOrOpen() {}
            finishFiles()
            guard next < pending.count else { break }
            if !handOnNext() { break }
        }
        finishFiles()
    }

    /// Submits the next block of the file being cut, or opens the next file of the run; false when there is
    /// nothing more to cut.
    private func cutOrOpen() -> Bool {
        if cutting < files.count {
            guard let file = files[cutting], !file.cutDone else {
                cutting += 1
                return true
            }
            do {
                if let block = try file.splitter.next() {
                    submit(block, of: file, at: cutting)
                } else {
                    file.cutDone = true
                }
            } catch {
                file.error = error
                file.cutDone = true
            }
            return true
        }
        if moreFiles, let (input, summary) = queue.openNextCuttable(with: ingest, sink: sink) {
            join(input, summary)
            return true
        }
        moreFiles = false
        return false
    }

    private func join(_ input: OpenedInput, _ summary: InputSummary) {
        guard let start = input.blocks, let header = input.callsCSV?.header else { return }
        do {
            let file = try RunFile(
                input: input, header: header, start: start, summary: summary, context: ingest.context,
                blockBytes: ingest.options.blockBytes, buffers: buffers)
            file.splitter.onBytesRead = sink.bytesRead
            files.append(file)
        } catch {
            var failed = summary
            ingest.record(error, in: &failed)
            finished(input.index, failed)
        }
    }

    private func submit(_ block: CSVBlockSplitter.Block, of file: RunFile, at position: Int) {
        let parsed = Pending<ParsedBlock>()
        let (header, index, display, encoding) = (
            file.header, file.input.index, file.input.display, file.summary.encoding
        )
        let (splitter, limits, arrays) = (file.splitter, ingest.context.limits, ingest.recordArrays)
        workers.submit { state in
            let reader =
                state.readers[index]
                ?? CallsCSVReader(header: header, context: state.ingest.context, fileIndex: index, path: display)
            state.readers[index] = reader
            parsed.fulfil(
                Self.parse(
                    block, reader: reader, classifier: state.ingest.classifier, path: display, encoding: encoding,
                    limits: limits, arrays: arrays))
            splitter.recycle(block.bytes)
        }
        pending.append((position, block, parsed))
    }

    /// Hands on the summaries of files whose blocks have all come back, in order.
    private func finishFiles() {
        while doneFiles < files.count, let file = files[doneFiles], file.cutDone,
            !pending[next...].contains(where: { $0.file == doneFiles })
        {
            if let error = file.error { ingest.record(error, in: &file.summary) }
            ingest.conclude(&file.summary)
            finished(file.input.index, file.summary)
            files[doneFiles] = nil
            doneFiles += 1
        }
    }

    /// Hands on the next block's records and rejects, with line numbers made absolute; after a bad cut, reads the
    /// file in order from the record across it. False when its file is gone (a block always comes back).
    private func handOnNext() -> Bool {
        let (position, block) = (pending[next].file, pending[next].block)
        // A block always comes back; were one missing, it is read again in order from its start.
        var parsed =
            pending[next].parsed.take()
            ?? ParsedBlock(counts: InputSummary(path: ""), resume: CallsCSVReader.Resume(offset: 0, line: 1))
        next += 1
        if next > 64 {
            pending.removeFirst(next)
            next = 0
        }
        // Files are let go only once none of their blocks is pending.
        guard let file = files[position] else { return false }
        file.summary.addCounts(parsed.counts)
        ingest.classifier.addUnmatched(parsed.unmatched)
        let shift = file.line - 1
        for var rejected in parsed.rejects {
            rejected.line += shift
            sink.reject(rejected)
        }
        if shift != 0 {
            let lines = Int32(clamping: shift)
            for i in parsed.records.indices { parsed.records[i].location.line += lines }
        }
        sink.calls(parsed.records)
        guard let resume = parsed.resume else {
            file.line += parsed.lines
            return true
        }
        readOnInOrder(file, at: position, from: block.offset + resume.offset, line: shift + resume.line)
        return true
    }

    /// The cut was inside a record: what was read past it is dropped (in this file and the ones after), and the
    /// file is read in order from that record until a record boundary a block further on.
    private func readOnInOrder(_ file: RunFile, at position: Int, from start: Int, line: Int) {
        for later in pending[next...] { _ = later.parsed.take() }
        pending = []
        next = 0
        for case let later? in files[(position + 1)...] {
            later.splitter.restart(at: later.start.offset)
            later.cutDone = false
        }
        cutting = position
        ingest.parallelFallbacks += 1
        ingest.logger.debug("\(file.input.display): line \(line): a record across a block cut; reading on in order")
        do {
            let source = try FileByteSource(path: file.start.path)
            try source.seek(to: start)
            let csv = CSVReader(
                source: CountingByteSource(source, observe: sink.bytesRead), limits: ingest.context.limits,
                firstLine: line)
            if let stop = try file.sequential.read(
                csv, summary: &file.summary, offsetLimit: ingest.options.blockBytes,
                accept: ingest.classifying(into: sink), reject: sink.reject)
            {
                file.splitter.restart(at: start + stop.offset)
                file.line = stop.line
                file.cutDone = false
            } else {
                file.cutDone = true
            }
        } catch {
            file.error = error
            file.cutDone = true
        }
    }

    /// Parses one block on a worker thread.
    private static func parse(
        _ block: CSVBlockSplitter.Block, reader: CallsCSVReader, classifier: Classifier, path: String,
        encoding: String, limits: CSVReader.Limits, arrays: RecyclePool<[CallRecord]>
    ) -> ParsedBlock {
        let csv = CSVReader(borrowing: block.bytes, count: block.count, limits: limits, endIsCut: !block.isLast)
        var parsed = ParsedBlock(
            records: arrays.take() ?? [],
            counts: InputSummary(path: path, format: .callsCSV, encoding: encoding))
        parsed.records.reserveCapacity(block.count / 128)
        do {
            parsed.resume = try reader.read(
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
