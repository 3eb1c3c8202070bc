import HotlineModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading many small files on several threads, with the result of reading them on one.
///
/// A directory of FreeSWITCH CDRs holds a file per call: opening, recognising and parsing each costs more than
/// its records. Worker threads read small files whole, each with its own reader over the run's shared symbol
/// tables, and this thread takes the results back in reading order: records, rejects, the input summary and the
/// one-line error of a file that cannot be read, as one thread would have given them. A file whose reading
/// depends on the files before it (an Asterisk queue log, whose calls run across rotated files; a ticket export,
/// whose tickets count once across exports) is left to this thread, at its turn.
extension InputIngest {
    /// What a worker made of one small file.
    struct SmallFileRead {
        var summary: InputSummary
        var records: [CallRecord] = []
        var rejects: [Reject] = []
        var unmatched: [UnmatchedValue: Int] = [:]
        var errors: [String] = []
        /// The file is read by the ordering thread instead (it depends on the files before it).
        var ordered = false
    }

    /// How many files from `position` in `order` are small regular files, and their sizes.
    func smallFiles(_ files: [String], order: [Int], from position: Int) -> [Int] {
        var sizes: [Int] = []
        while position + sizes.count < order.count {
            let path = files[order[position + sizes.count]]
            var info = stat()
            guard path != "-", stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                Int(info.st_size) <= parallelSmallFileBytes
            else { break }
            sizes.append(Int(info.st_size))
        }
        return sizes
    }

    /// Reads small files on the worker threads, handing their results on in the order given.
    func readSmallFiles(
        _ files: [(index: Int, path: String, size: Int)], into summaries: inout [InputSummary],
        accept: (inout CallRecord) -> Void, reject: (Reject) -> Void
    ) {
        let workers = BlockWorkers<InputIngest>(threads: parallelThreads) { self.sibling() }
        defer { workers.finish() }
        // Files go to the threads in groups (up to 64 files, 2 MB): one hand-off per file cost more in thread
        // switches than the threads gained.
        var groups: [ArraySlice<(index: Int, path: String, size: Int)>] = []
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
        let inFlight = parallelThreads * 2
        var pending: [Pending<[SmallFileRead]>] = []
        var next = 0
        func handNext() {
            let reads = pending[next].take() ?? []
            for (i, file) in groups[next].enumerated() {
                hand(i < reads.count ? reads[i] : nil, of: file, into: &summaries, accept: accept, reject: reject)
            }
            next += 1
        }
        for group in groups {
            let read = Pending<[SmallFileRead]>()
            workers.submit { reader in read.fulfil(group.map { reader.readWhole($0.path, index: Int32($0.index)) }) }
            pending.append(read)
            if pending.count - next >= inFlight { handNext() }
        }
        while next < pending.count { handNext() }
    }

    /// Hands on what a worker read, or reads the file here when it had to wait its turn.
    private func hand(
        _ read: SmallFileRead?, of file: (index: Int, path: String, size: Int), into summaries: inout [InputSummary],
        accept: (inout CallRecord) -> Void, reject: (Reject) -> Void
    ) {
        guard let read, !read.ordered else {
            summaries[file.index] = readFile(file.path, index: Int32(file.index), accept: accept, reject: reject)
            return
        }
        for message in read.errors { logger.error("\(message)") }
        for rejected in read.rejects { reject(rejected) }
        for var call in read.records { accept(&call) }
        classifier.addUnmatched(read.unmatched)
        onBytesRead?(file.size)
        summaries[file.index] = read.summary
    }

    /// Reads one file whole, on a worker thread.
    private func readWhole(_ path: String, index: Int32) -> SmallFileRead {
        var result = SmallFileRead(summary: InputSummary(path: path))
        do {
            let input = try open(path, index: index, summary: &result.summary)
            if input.format == .asteriskQueueLog || input.format.isTickets {
                result.ordered = true
                return result
            }
            try read(
                input, summary: &result.summary, accept: { result.records.append($0) },
                reject: { result.rejects.append($0) })
            conclude(&result.summary)
        } catch {
            record(error, in: &result.summary)
        }
        result.errors = errorMessages
        errorMessages = []
        result.unmatched = classifier.takeUnmatched()
        return result
    }
}
