import HotlineIngest
import HotlineModel

/// The night's files, each read once into a ``FileRecording`` with one reader (one symbol table for the night),
/// and aggregated from the recordings for every day around them: a new daily export re-derives five days, each
/// from the five or six files around it, and was read again for each.
final class NightRecordings {
    private let reader: CallPipeline.Reader
    private var recordings: [String: FileRecording] = [:]
    /// Every file recorded tonight, in the order first read: a recorded record's `location.file` indexes it.
    private var files: [String] = []

    init(reader: CallPipeline.Reader) { self.reader = reader }

    /// The pass `pipeline` would make over `paths`, from their recordings (reading those not yet read); nil when
    /// one of them cannot be recorded (``FileRecording/canStandAlone(_:)``), to be read together instead.
    func pass(of paths: [String], with pipeline: CallPipeline) -> CallPipeline.Pass? {
        guard let chosen = recorded(paths) else { return nil }
        let ingest = reader.ingest()
        return pipeline.aggregate(reader, ingest: ingest, files: files, holdsTickets: false) { sink in
            for recording in chosen { recording.replay(into: sink) }
            return chosen.map(\.summary)
        }
    }

    /// What reading one file alone gave: its summary, rejects, unmatched values and the days its calls fall on.
    struct FileAlone {
        var summary: InputSummary
        var rejects: [Reject]
        var unmatched: [(value: UnmatchedValue, count: Int)]
        var days: [Int32]
    }

    /// Reads `path` alone, as a pass over it alone would (``NightlyRun/readChanged(_:inbox:recordings:_:)``),
    /// when it can stand alone; the recording is kept for the days around it while the recordings kept stay under
    /// ``keptEventsLimit`` records. Nil when the file cannot be recorded (read it in a pass of its own instead).
    func readAlone(_ path: String) -> FileAlone? {
        let ingest = reader.ingest()
        guard recordings[path] == nil, FileRecording.canStandAlone(ingest.format(of: path)) else { return nil }
        // The file's own unmatched values: what the classifier counted before is dropped, and no other reading
        // uses it until they are taken.
        _ = reader.classifier.takeUnmatchedList()
        let recording = record(path, with: ingest)
        let unmatched = reader.classifier.takeUnmatchedList()
        // A file that fails to read is read again in a pass of its own, which words its error as a report would.
        guard FileRecording.canStandAlone(recording.summary.format), recording.summary.error == nil else {
            forget([path])
            return nil
        }
        let alone = FileAlone(
            summary: recording.summary, rejects: recording.rejects, unmatched: unmatched,
            days: recording.callDays(calendar: reader.context.calendar))
        // Kept only while under the limit; one let go counts no more.
        if alone.days.isEmpty || keptEvents + recording.eventCount > Self.keptEventsLimit {
            forget([path])
        } else {
            keptEvents += recording.eventCount
        }
        return alone
    }

    /// How many records the recordings made by ``readAlone(_:)`` may hold before the next ones are let go (read
    /// again for their days): about 110 bytes each (a rebuild of 31 days of 20,000 calls kept them all, its peak
    /// 121 MB -> 188 MB), so a rebuild of a year holds at most about 55 MB more.
    static let keptEventsLimit = 500_000
    private var keptEvents = 0

    /// Lets go of recordings no day still to derive needs, but for those ``keep(_:)`` holds.
    func forget<S: Sequence<String>>(_ paths: S) {
        for path in paths where !kept.contains(path) { recordings[path] = nil }
    }

    /// Keeps the recordings of `paths`, once read, for a reading after the days (the night's callback list).
    func keep(_ paths: [String]) { kept.formUnion(paths) }
    private var kept = Set<String>()

    /// The context the recordings were read with: their callers, symbols and calendar.
    var context: ReadContext { reader.context }

    /// Gives the records of `paths` to `sink` from their recordings (reading those not yet read), in that order,
    /// and their summaries; nil when one of them cannot be recorded, to be read instead.
    func replay(_ paths: [String], into sink: any IngestSink) -> [InputSummary]? {
        guard let chosen = recorded(paths) else { return nil }
        for recording in chosen { recording.replay(into: sink) }
        return chosen.map(\.summary)
    }

    /// The recordings of `paths` (reading those not yet read); nil when one of them cannot be recorded.
    private func recorded(_ paths: [String]) -> [FileRecording]? {
        var chosen: [FileRecording] = []
        for path in paths {
            let recording = recordings[path] ?? record(path)
            guard FileRecording.canStandAlone(recording.summary.format), recording.summary.error == nil else {
                return nil
            }
            chosen.append(recording)
        }
        return chosen
    }

    private func record(_ path: String, with ingest: InputIngest? = nil) -> FileRecording {
        let recording = FileRecording(path: path)
        recording.summary = (ingest ?? reader.ingest()).readFile(path, index: Int32(files.count), into: recording)
        files.append(path)
        recordings[path] = recording
        return recording
    }
}
