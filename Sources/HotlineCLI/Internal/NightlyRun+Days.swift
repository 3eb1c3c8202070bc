import Foundation
import HotlineIngest
import HotlineMetrics
import HotlineModel
import HotlineStore

/// The night's reading steps: each changed file alone (its days), then the day snapshots those days affect.
extension NightlyRun {
    /// What reading the changed files learnt.
    struct FilesRead {
        var files: [NightChanges.FileRead] = []
        /// The manifest after tonight, by path (only tonight's files for a rebuild).
        var manifest: [String: ManifestEntry]
        /// The days the changed files touch, now or before they changed.
        var dirty = Set<Int32>()

        /// Whether every one of `files` reads the same alone, so its recording can stand for it (by the format
        /// its manifest entry names).
        func canBeRecorded(_ files: [String]) -> Bool {
            files.allSatisfy { FileRecording.canStandAlone(manifest[$0]?.summary.format) }
        }
    }

    /// The day snapshots derived again, and the days left with no file.
    struct DerivedDays {
        var snapshots: [DaySnapshot] = []
        var removedDays: [Int32] = []
    }

    /// Reads each new or changed file alone: its summary, rejects and the days it touches. A file that can stand
    /// alone is recorded (``NightRecordings/readAlone(_:)``), so the days derived after read it no more.
    func readChanged(
        _ changes: InboxChanges, inbox: Inbox, recordings: NightRecordings?, _ outcome: inout Outcome
    ) -> FilesRead {
        var read = FilesRead(manifest: rebuild ? [:] : changes.known)
        for file in changes.changed {
            let alone = recordings?.readAlone(file.path) ?? readAlone(file.path, overrides: inbox.overrides)
            let (summary, rejects, days) = (alone.summary, alone.rejects, alone.days)
            if let error = summary.error {
                logger.error("\(file.path): \(error.reason)")
                outcome.failures.append("\(file.path): \(error.reason)")
            }
            outcome.rejected += summary.rejected
            if let old = read.manifest[file.path] { read.dirty.formUnion(old.days) }
            read.dirty.formUnion(days)
            let entry = ManifestEntry(
                path: file.path, size: file.size, modified: file.modified, sha256: file.digest, summary: summary,
                days: days)
            read.manifest[file.path] = entry
            read.files.append(.init(entry: entry, rejects: rejects, unmatched: alone.unmatched))
            outcome.filesRead += 1
            logger.info(
                "read \(file.path): \(summary.records) records, \(summary.rejected) rejected, \(days.count) days")
        }
        return read
    }

    /// Reads one file in a pass of its own: what ``NightRecordings/readAlone(_:)`` learns from a recording.
    private func readAlone(_ path: String, overrides: [String: InputFormat]) -> NightRecordings.FileAlone {
        var rejects: [Reject] = []
        let pass = pipeline(files: [path], overrides: overrides).pass { rejects.append($0) }
        return NightRecordings.FileAlone(
            summary: pass.summaries.first ?? InputSummary(path: path), rejects: rejects, unmatched: pass.unmatched,
            days: Set(pass.calls.byDay.keys).union(pass.tickets.eventDays).sorted())
    }

    /// Derives again the snapshots of the days the changed files affect (every stored day for a rebuild), each from
    /// all the files around it. A day one of whose files has left the inbox keeps its stored figures.
    func deriveDays(
        _ read: FilesRead, inbox: Inbox, store: Store, recordings: NightRecordings?, _ outcome: inout Outcome
    ) throws -> DerivedDays {
        var derived = DerivedDays()
        var daysToDerive = Set<Int32>()
        for day in read.dirty { for d in (day - 3)...(day + 1) { daysToDerive.insert(d) } }
        if rebuild, let stored = try store.storedDays() { daysToDerive.formUnion(stored) }
        var filesByDay: [Int32: [String]] = [:]
        for entry in read.manifest.values { for day in entry.days { filesByDay[day, default: []].append(entry.path) } }
        let missing = Set(read.manifest.keys).subtracting(inbox.files)
        // Each file's rejects are exported with the first day it touches (``ExportSink/NightDay``).
        var firstDayFiles: [Int32: Set<String>] = [:]
        for entry in read.manifest.values {
            if let first = entry.days.min() { firstDayFiles[first, default: []].insert(entry.path) }
        }
        // Each file of the night is read once and its recording kept while a day still to derive needs it.
        let days = daysToDerive.sorted()
        func around(_ day: Int32) -> Set<String> {
            var files = Set<String>()
            for d in (day - 1)...(day + 3) { files.formUnion(filesByDay[d] ?? []) }
            return files
        }
        var lastUse: [String: Int32] = [:]
        for day in days { for file in around(day) { lastUse[file] = day } }
        for day in days {
            defer { recordings?.forget(lastUse.filter { $0.value == day }.keys) }
            guard filesByDay[day] != nil else {
                derived.removedDays.append(day)
                if let folder = config.nightly.export {
                    do {
                        try ExportSink.removeDay(Int(day), folder: folder)
                    } catch {
                        logger.error("\(error)")
                        outcome.failures.append("\(error)")
                    }
                }
                continue
            }
            let around = around(day)
            if let gone = around.intersection(missing).sorted().first {
                let message =
                    "\(gone) is no longer in the inbox; \(CivilDate(dayNumber: Int(day))) keeps its stored figures"
                logger.error("\(message)")
                outcome.failures.append(message)
                continue
            }
            let files = around.sorted()
            let standAlone = read.canBeRecorded(files)
            derived.snapshots.append(
                try snapshot(
                    day: day, files: files, overrides: inbox.overrides, rejectFiles: firstDayFiles[day] ?? [],
                    recordings: standAlone ? recordings : nil, &outcome))
            outcome.daysDerived += 1
        }
        if let folder = config.nightly.export, !derived.snapshots.isEmpty {
            do {
                try OutputFile.write(ExportSchema.json(format: .csv, rejectsByDay: true), to: folder + "/_schema.json")
            } catch {
                logger.error("\(error)")
                outcome.failures.append("\(error)")
            }
        }
        return derived
    }

    /// The snapshot of one day from the files around it, and with `nightly.export` the day's export from the same
    /// reading (its partitions replaced; a failure to write them is the night's, the snapshot stands). With
    /// `recordings`, the files' records come from their recordings (each file read once a night) when all of them
    /// could be recorded; otherwise, and without, the files are read together again.
    private func snapshot(
        day: Int32, files: [String], overrides: [String: InputFormat], rejectFiles: Set<String>,
        recordings: NightRecordings?, _ outcome: inout Outcome
    ) throws -> DaySnapshot {
        var query = CallQuery()
        query.from = CivilDate(dayNumber: Int(day))
        query.to = query.from
        query.dimensions = DaySnapshot.callDimensions
        query.ticketDimensionsOverride = DaySnapshot.ticketDimensions
        query.keepsWaitingTimelines = true
        query.keepsDayProfiles = false
        var pipeline = self.pipeline(files: files, overrides: overrides, query: query)
        pipeline.journeyByCallDay = true
        if let folder = config.nightly.export {
            pipeline.export = ExportSink.Options(
                folder: folder, calendar: LocalCalendar(zone: zone, intervalMinutes: settings.intervalMinutes),
                settings: settings, query: query, night: .init(day: Int(day), rejectFiles: rejectFiles))
        }
        let pass = recordings?.pass(of: files, with: pipeline) ?? pipeline.pass()
        do {
            try pass.export?.finish()
        } catch {
            logger.error("\(error)")
            outcome.failures.append("\(error)")
        }
        return DaySnapshot(
            day: day, calls: pass.calls, tickets: pass.tickets, journey: pass.journey, symbols: pass.symbols,
            calendar: pass.calendar)
    }
}
