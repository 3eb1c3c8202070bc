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
        var chosen: [FileRecording] = []
        for path in paths {
            let recording = recordings[path] ?? record(path)
            guard FileRecording.canStandAlone(recording.summary.format), recording.summary.error == nil else {
                return nil
            }
            chosen.append(recording)
        }
        let ingest = reader.ingest()
        return pipeline.aggregate(reader, ingest: ingest, files: files, holdsTickets: false) { sink in
            for recording in chosen { recording.replay(into: sink) }
            return chosen.map(\.summary)
        }
    }

    /// Lets go of recordings no day still to derive needs.
    func forget<S: Sequence<String>>(_ paths: S) {
        for path in paths { recordings[path] = nil }
    }

    private func record(_ path: String) -> FileRecording {
        let recording = FileRecording(path: path)
        recording.summary = reader.ingest().readFile(path, index: Int32(files.count), into: recording)
        files.append(path)
        recordings[path] = recording
        return recording
    }
}
