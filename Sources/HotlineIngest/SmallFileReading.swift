import HotlineModel

/// Reading many small files on several threads, with the result of reading them on one.
///
/// A directory of FreeSWITCH CDRs holds a file per call: opening, recognising and parsing each costs more than
/// its records. Worker threads read small files whole, each with its own reader over the run's shared symbol
/// tables, and this thread takes the results back in reading order: records, rejects, the input summary and the
/// one-line error of a file that cannot be read, as one thread would have given them. A file whose reading
/// depends on the files before it (an Asterisk queue log, whose calls run across rotated files; a ticket export,
/// whose tickets count once across exports) is left to this thread, at its turn.
struct SmallFileReading {
    struct File {
        var index: Int
        var path: String
        var size: Int
    }

    /// What a worker made of one small file.
    struct Read {
        var summary: InputSummary
        var collected = CollectingSink()
        var unmatched: [UnmatchedValue: Int] = [:]
        var errors: [String] = []
        /// The file is read by the ordering thread instead (it depends on the files before it).
        var ordered = false
    }

    let ingest: InputIngest
    let sink: any IngestSink

    /// Reads `files` on the worker threads, handing their results on in the order given and storing their
    /// summaries in `queue`.
    func read(_ files: [File], into queue: ReadingQueue) {
        let workers = BlockWorkers<InputIngest>(threads: ingest.options.threads) { ingest.sibling() }
        defer { workers.finish() }
        // Files go to the threads in groups (up to 64 files, 2 MB): one hand-off per file cost more in thread
        // switches than the threads gained.
        var groups: [ArraySlice<File>] = []
        var start = 0
        var bytes = 0
        for (i, file) in files.enumerated() {
            if i > start && (i - start == 64 || bytes + file.size > 2 << 20) {
                groups.append(files[start..<i])
                start = i
                bytes = 0
            }
            bytes += file.size
        }
        groups.append(files[start...])
        let inFlight = ingest.options.threads * 2
        var pending: [Pending<[Read]>] = []
        var next = 0
        func handNext() {
            let reads = pending[next].take() ?? []
            for (i, file) in groups[next].enumerated() {
                queue.summaries[file.index] = hand(i < reads.count ? reads[i] : nil, of: file)
            }
            next += 1
        }
        for group in groups {
            let read = Pending<[Read]>()
            workers.submit { reader in read.fulfil(group.map { Self.readWhole($0, with: reader) }) }
            pending.append(read)
            if pending.count - next >= inFlight { handNext() }
        }
        while next < pending.count { handNext() }
    }

    /// Hands on what a worker read, or reads the file here when it had to wait its turn; gives its summary.
    private func hand(_ read: Read?, of file: File) -> InputSummary {
        guard let read, !read.ordered else {
            return ingest.readFile(file.path, index: Int32(file.index), into: sink)
        }
        for message in read.errors { ingest.logger.error("\(message)") }
        for rejected in read.collected.rejects { sink.reject(rejected) }
        for call in read.collected.calls { sink.call(call) }
        ingest.classifier.addUnmatched(read.unmatched)
        sink.bytesRead(file.size)
        return read.summary
    }

    /// Reads one file whole, on a worker thread.
    private static func readWhole(_ file: File, with reader: InputIngest) -> Read {
        var result = Read(summary: InputSummary(path: file.path))
        do {
            let input = try reader.open(file.path, index: Int32(file.index), summary: &result.summary, observe: nil)
            if input.format == .asteriskQueueLog || input.format.isTickets {
                result.ordered = true
                return result
            }
            try reader.read(input, summary: &result.summary, into: result.collected)
            reader.conclude(&result.summary)
        } catch {
            reader.record(error, in: &result.summary)
        }
        result.errors = reader.errorMessages
        reader.errorMessages = []
        result.unmatched = reader.classifier.takeUnmatched()
        return result
    }
}
