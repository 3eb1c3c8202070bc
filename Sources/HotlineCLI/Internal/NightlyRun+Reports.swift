import Foundation
import HotlineMetrics
import HotlineModel
import HotlineReport
import HotlineStore

/// The night's last step: the reports from the store, `index.html`, and retention.
extension NightlyRun {
    /// One report to write: a folder's report of a period ending on `to`.
    struct ReportJob {
        var folder: String
        var from: CivilDate
        var to: CivilDate
        var formats: [OutputFormat]
        /// The stored pending day this job writes again, cleared once it is written.
        var pending: Int32?
    }

    /// Writes the day's, week-to-date and month-to-date reports and the earlier days' still due, then removes
    /// reports past retention and writes `index.html`.
    func renderReports(store: Store, inputs: Set<String>, _ outcome: inout Outcome) throws {
        let day = reportDate()
        let cutoff = day.dayNumber - config.nightly.retentionDays
        let due = try reportJobs(store: store, day: day, cutoff: cutoff)
        var done = due.done
        let reports = try StoreReport.build(
            due.jobs.map { job in
                var query = CallQuery()
                query.from = job.from
                query.to = job.to
                return StoreReport(
                    stores: [(store.path, store)], settings: settings, ticketSettings: TicketSettings(config),
                    query: query, zone: zone, exceptionSettings: ExceptionSettings(config))
            })
        for (job, report) in zip(due.jobs, reports) {
            if write(job, report, day: day, inputs: inputs, &outcome), let pending = job.pending {
                done.append(pending)
            }
        }
        do {
            try store.clearPendingReports(done)
        } catch {
            // The reports are written; the next run writes them again, byte for byte the same.
            logger.error("\(error)")
            outcome.failures.append("\(error)")
        }
        prune(before: cutoff)
        try writeIndex(store: store, day: day, inputs: inputs, &outcome)
    }

    /// Tonight's three reports, and the earlier days' reports still to be written (tonight's late days and any a
    /// failed night left); `done` lists the pending days past retention or without a report to rewrite.
    private func reportJobs(store: Store, day: CivilDate, cutoff: Int) throws -> (jobs: [ReportJob], done: [Int32]) {
        let monday = CivilDate(dayNumber: day.dayNumber - day.weekday)
        let first = CivilDate(year: day.year, month: day.month, day: 1)
        var jobs = [
            ReportJob(folder: "daily", from: day, to: day, formats: dailyFormats),
            ReportJob(folder: "week-to-date", from: monday, to: day, formats: periodFormats),
            ReportJob(folder: "month-to-date", from: first, to: day, formats: periodFormats),
        ]
        var done: [Int32] = []
        for late in try store.pendingReports() {
            let date = CivilDate(dayNumber: Int(late))
            if Int(late) >= cutoff && needsRewrite(date) {
                jobs.append(ReportJob(folder: "daily", from: date, to: date, formats: dailyFormats, pending: late))
            } else {
                done.append(late)
            }
        }
        return (jobs, done)
    }

    /// Writes the formats of one job's report, built from the store; returns whether every one was written.
    private func write(
        _ job: ReportJob, _ report: Report, day: CivilDate, inputs: Set<String>, _ outcome: inout Outcome
    ) -> Bool {
        var written = true
        var report = report
        if job.folder == "daily" {
            report.navigation = ReportNavigation(
                previous: "\(CivilDate(dayNumber: job.to.dayNumber - 1)).html",
                next: "\(CivilDate(dayNumber: job.to.dayNumber + 1)).html", index: "../index.html")
        }
        let tonightsDaily = job.folder == "daily" && job.to == day
        for format in job.formats {
            let path = "\(outputDirectory)/\(job.folder)/\(job.to).\(format.fileExtension)"
            guard let bytes = rendered(report, as: format, for: path, &outcome) else {
                written = false
                continue
            }
            if format == .text && tonightsDaily { outcome.dailyText = String(decoding: bytes, as: UTF8.self) }
            written = write(bytes, to: path, inputs: inputs, &outcome) && written
        }
        if tonightsDaily,
            let missing = report.exceptions.first(where: { $0.kind == .missingData && $0.day == day.description })
        {
            outcome.missingData =
                "\(day): only \(missing.offered) calls read, usually \(Int((missing.usual ?? 0).rounded())): the call export is missing or incomplete"
        }
        return written
    }

    /// Whether an earlier day's daily report is to be written again: yes while its HTML report is there, or while
    /// the daily folder cannot be looked into (not a folder, no permission: the write fails and names the problem,
    /// and the day stays pending); no when the folder is there without it (never written, or removed) or is gone.
    func needsRewrite(_ date: CivilDate) -> Bool {
        let folder = "\(outputDirectory)/daily"
        var info = stat()
        if stat(folder, &info) != 0 { return errno != ENOENT }
        guard info.st_mode & S_IFMT == S_IFDIR else { return true }
        if stat("\(folder)/\(date).html", &info) == 0 { return true }
        return errno != ENOENT
    }

    /// Writes `bytes` as `path` (see ``OutputFile``) unless the file already holds exactly them. A report that
    /// cannot be written is a failure of the night; the other reports are still written. Returns whether the file
    /// holds `bytes` afterwards.
    @discardableResult
    func write(_ bytes: [UInt8], to path: String, inputs: Set<String>, _ outcome: inout Outcome) -> Bool {
        guard !inputs.contains(OutputFile.identity(of: path)) else {
            let message = "\(path): is an inbox file; the report is not written over it"
            logger.error("\(message)")
            outcome.failures.append(message)
            return false
        }
        var info = stat()
        // Only a regular file is read back: reading a FIFO would wait for a writer.
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
            let existing = FileManager.default.contents(atPath: path), existing.elementsEqual(bytes)
        {
            return true
        }
        do {
            try OutputFile.write(bytes: bytes, to: path)
            outcome.written.append(path)
            return true
        } catch {
            logger.error("\(error)")
            outcome.failures.append("\(error)")
            return false
        }
    }

    /// Removes the reports of days before `cutoff` (day number): only files named as the job names them
    /// (`2026-11-16.html`), never anything else a folder holds.
    private func prune(before cutoff: Int) {
        for folder in ["daily", "month-to-date", "week-to-date"] {
            let extensions = prunedExtensions
            let dir = "\(outputDirectory)/\(folder)"
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() {
                let parts = name.split(separator: ".", omittingEmptySubsequences: false)
                guard parts.count == 2, parts[0].count == 10, extensions.contains(String(parts[1])),
                    let date = CivilDate(parsing: String(parts[0])), date.dayNumber < cutoff
                else { continue }
                var info = stat()
                guard lstat("\(dir)/\(name)", &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                if unlink("\(dir)/\(name)") == 0 {
                    logger.info("removed \(dir)/\(name) (older than \(config.nightly.retentionDays) days)")
                } else {
                    logger.warning("\(dir)/\(name): cannot remove: \(OutputFile.errnoText())")
                }
            }
        }
    }
}
