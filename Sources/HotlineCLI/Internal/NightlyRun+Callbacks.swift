import Foundation
import HotlineMetrics
import HotlineModel
import HotlineReport

/// The night's callback list: the report day's callers to call back, as `hotline callbacks --format csv` lists
/// them over the same files.
extension NightlyRun {
    /// Where the list of `day` goes: `nightly.callbacks`, else next to the daily reports.
    func callbacksPath(_ day: CivilDate) -> String {
        "\(config.nightly.callbacks ?? "\(outputDirectory)/daily")/callbacks-\(day).csv"
    }

    /// The inbox files the report day's list is read from, when tonight writes it: those of the day and of the
    /// window after it (a later answered call takes a caller off the list), only when tonight read one of them (or
    /// for `--rebuild`, or when the list is missing). Nil when there is no list to write.
    func callbackFiles(_ read: FilesRead) -> [String]? {
        let day = reportDate()
        // A served call counts up to the window after the last missed call ended, which may be the day after.
        let days = Int32(day.dayNumber)...Int32(day.dayNumber + (config.callbacks.windowHours + 23) / 24 + 1)
        let files = read.manifest.values.filter { $0.days.contains(where: days.contains) }.map(\.path).sorted()
        guard files.contains(where: { read.manifest[$0]?.days.contains(Int32(day.dayNumber)) == true }) else {
            return nil
        }
        guard rebuild || !read.dirty.isDisjoint(with: days) || access(callbacksPath(day), F_OK) != 0 else {
            return nil
        }
        return files
    }

    /// Writes the report day's `callbacks-YYYY-MM-DD.csv` from `files` (``callbackFiles(_:)``, nil: no list to
    /// write tonight) and prunes the lists past retention. The store keeps no caller,
    /// so the calls come from the night's `recordings` (each file read once a night) when they hold them, else
    /// the files are read again; a night without new files reads nothing, and a second night over the same inbox
    /// changes no byte.
    func writeCallbacks(
        _ files: [String]?, _ read: FilesRead, inbox: Inbox, inputs: Set<String>, recordings: NightRecordings?,
        _ outcome: inout Outcome
    ) {
        let day = reportDate()
        pruneCallbacks(before: day.dayNumber - config.nightly.retentionDays)
        guard let files else { return }
        let path = callbacksPath(day)
        if let gone = Set(files).subtracting(inbox.files).sorted().first {
            logger.warning("\(gone) is no longer in the inbox; \(path) is not written again")
            return
        }
        let windowHours = config.callbacks.windowHours
        var reading = CallbackReading(config: config, zone: zone, sourceZone: sourceZone, logger: quietLogger)
        reading.formatOverrides = inbox.overrides
        let recorded = recordings.flatMap { recordings in
            read.canBeRecorded(files)
                ? reading.read(context: recordings.context) { recordings.replay(files, into: $0) } : nil
        }
        let list = recorded ?? reading.read(files)
        let rows = list.rows(day: day.dayNumber, windowHours: windowHours)
        let csv = list.renderer(language: language, showCallers: config.callbacks.showCallers).csv(rows)
        write(Array(csv.utf8), to: path, inputs: inputs, &outcome)
    }

    /// Removes the lists of days before `cutoff` (day number), as retention removes the reports: only files named
    /// as the job names them.
    private func pruneCallbacks(before cutoff: Int) {
        let folder = (callbacksPath(CivilDate(dayNumber: cutoff)) as NSString).deletingLastPathComponent
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
            guard name.hasPrefix("callbacks-"), name.hasSuffix(".csv"), name.count == 24,
                let date = CivilDate(parsing: String(name.dropFirst(10).prefix(10))), date.dayNumber < cutoff
            else { continue }
            var info = stat()
            guard lstat("\(folder)/\(name)", &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            if unlink("\(folder)/\(name)") == 0 {
                logger.info("removed \(folder)/\(name) (older than \(config.nightly.retentionDays) days)")
            } else {
                logger.warning("\(folder)/\(name): cannot remove: \(OutputFile.errnoText())")
            }
        }
    }
}
