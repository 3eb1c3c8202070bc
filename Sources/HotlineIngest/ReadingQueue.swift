import HotlineModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files of one read in reading order, taken one after another by whichever way reads them (here, in
/// blocks, or whole on the worker threads), and the summary of each, in the order the files were given.
final class ReadingQueue {
    let files: [String]
    let order: [Int]
    private(set) var position = 0
    var summaries: [InputSummary]
    /// A file a run of blocks opened and could not cut: read next, on the ordering thread.
    var openedAhead: (input: OpenedInput, summary: InputSummary)?

    init(files: [String], order: [Int], summaries: [InputSummary]? = nil) {
        self.files = files
        self.order = order
        self.summaries = summaries ?? files.map { InputSummary(path: $0 == "-" ? "<stdin>" : $0) }
    }

    var isDone: Bool { position >= order.count }

    /// Opens the next file; nil when it could not be opened (its summary then says why).
    func openNext(with ingest: InputIngest, sink: any IngestSink) -> (OpenedInput, InputSummary)? {
        guard !isDone else { return nil }
        let index = order[position]
        position += 1
        var summary = summaries[index]
        do {
            return (
                try ingest.open(files[index], index: Int32(index), summary: &summary, observe: sink.bytesRead), summary
            )
        } catch {
            ingest.record(error, in: &summary)
            summaries[index] = summary
            return nil
        }
    }

    /// Opens files until one is a calls-csv that can be cut into blocks; one that cannot is kept in
    /// `openedAhead` and ends the run.
    func openNextCuttable(with ingest: InputIngest, sink: any IngestSink) -> (OpenedInput, InputSummary)? {
        while !isDone {
            guard let (opened, summary) = openNext(with: ingest, sink: sink) else { continue }
            if opened.blocks != nil { return (opened, summary) }
            openedAhead = (opened, summary)
            return nil
        }
        return nil
    }

    /// Takes the small regular files next in order (up to `limit` bytes each): their indexes, paths and sizes.
    func takeSmallFiles(upTo limit: Int) -> [SmallFileReading.File] {
        var taken: [SmallFileReading.File] = []
        while position < order.count {
            let index = order[position]
            let path = files[index]
            var info = stat()
            guard path != "-", stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= limit
            else { break }
            taken.append(SmallFileReading.File(index: index, path: path, size: Int(info.st_size)))
            position += 1
        }
        return taken
    }
}
