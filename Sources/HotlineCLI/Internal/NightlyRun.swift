import Foundation
import HotlineConfig
import HotlineIngest
import HotlineMetrics
import HotlineModel
import HotlineReport
import HotlineStore
import Logging

/// One night of the cron job, top to bottom: lock -> find new or changed inbox files (content hash) -> read
/// each to learn its days -> re-derive the day snapshots those days affect -> commit everything in one
/// transaction -> render the day, week-to-date and month-to-date reports from the store -> prune old outputs.
///
/// A day's snapshot is computed from every file that touched it, read together: day D from the files touching
/// D-1 (calls still waiting after midnight) to D+3 (repeat calls within 72 h), so it equals what a report over
/// all the files gives for that day. New data for day N therefore re-derives days N-3 to N+1.
struct NightlyRun {
    var config: HotlineConfiguration
    var settings: MetricSettings
    var zone: TimeZone
    var sourceZone: TimeZone?
    var date: CivilDate?
    var dryRun = false
    var rebuild = false
    var logger: Logger
    /// The language of the HTML and text reports and of `index.html`.
    var language = ReportLanguage.english

    struct Outcome {
        var filesRead = 0
        var daysDerived = 0
        var written: [String] = []
        var failures: [String] = []
        var rejected = 0
        var dailyText: String?
        /// Why the night's day looks to be missing its calls (an export that did not arrive whole); nil when not.
        var missingData: String?
    }

    enum Failure: Error, CustomStringConvertible {
        case locked(String)
        case unusable(String)

        var description: String {
            switch self {
            case .locked(let path): "another nightly run holds \(path); this one stops"
            case .unusable(let message): message
            }
        }
    }

    var storePath: String { config.nightly.store ?? "" }
    var outputDirectory: String { config.nightly.output ?? "" }

    func run() throws -> Outcome {
        // A dry run only reads: no lock file, no store created (an empty one in a temporary folder stands in).
        if !dryRun {
            let folder = (storePath as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw Failure.unusable("\(folder): cannot create the store's folder (\(error.localizedDescription))")
            }
        }
        let lock = dryRun ? nil : try RunLock(path: storePath + ".lock")
        if !dryRun && lock == nil { throw Failure.locked(storePath + ".lock") }
        defer { withExtendedLifetime(lock) {} }
        var outcome = Outcome()
        var openPath = storePath
        if dryRun && !FileManager.default.fileExists(atPath: storePath) {
            logger.notice("\(storePath): no store yet; the run would create it")
            openPath = NSTemporaryDirectory() + "hotline-dry-run-\(UUID().uuidString).sqlite"
        }
        defer { if openPath != storePath { try? FileManager.default.removeItem(atPath: openPath) } }
        let store = try Store(path: openPath, readOnly: dryRun && openPath == storePath)
        let fingerprint = SettingsFingerprint.of(config, settings: settings, zone: zone, sourceZone: sourceZone)
        if let stored = try? store.fingerprint(), stored != fingerprint, !rebuild {
            throw Failure.unusable(
                "\(storePath): the configuration's zone, interval, thresholds, rules or ticket settings changed since the store was built (\(stored) -> \(fingerprint)); run with --rebuild"
            )
        }

        // 1. The inbox: new or changed files by content hash.
        // Regular files only, and links only to files inside the inbox: a FIFO would hold the lock forever, a link
        // could lead to any file root can read.
        var overrides: [String: InputFormat] = [:]
        var files: [String] = []
        let roots = config.nightly.inbox.map { InputResolver.root(of: $0.path) }
        for entry in config.nightly.inbox {
            let resolution = InputResolver.resolve([entry.path], within: roots)
            for problem in resolution.problems {
                logger.error("\(problem.description)")
                outcome.failures.append(problem.description)
            }
            for skipped in resolution.skipped { logger.warning("\(skipped)") }
            for file in resolution.files where !files.contains(file) {
                files.append(file)
                if let format = entry.format { overrides[file] = format }
            }
        }
        let manifest = try store.manifest()
        var night = NightChanges()
        var byPath = Dictionary(uniqueKeysWithValues: manifest.map { ($0.path, $0) })
        var changed: [(path: String, size: Int64, modified: Int64, digest: String)] = []
        for file in files.sorted() {
            let (size, modified) = Self.sizeAndTime(file)
            // Same size and modification time as stored: the same file, not hashed again (a year of exports
            // would be hashed every night otherwise). Anything else is hashed; only new content is read.
            if !rebuild, let known = byPath[file], known.size == size, known.modified == modified { continue }
            let (hashedSize, digest) = try Store.sha256(path: file)
            if rebuild || byPath[file]?.sha256 != digest {
                changed.append((file, hashedSize, modified, digest))
            } else if let known = byPath[file] {
                // Touched but not changed: remember the new time, read nothing.
                var entry = known
                entry.modified = modified
                night.touched.append(entry)
            }
        }
        if dryRun {
            for file in changed {
                logger.notice("would read \(file.path) (\(byPath[file.path] == nil ? "new" : "changed"))")
            }
            logger.notice("would write the reports for \(reportDate().description) into \(outputDirectory)")
            return outcome
        }

        // 2. Read each new or changed file alone: its summary, rejects and the days it touches.
        night.fingerprint = fingerprint
        night.replaceAll = rebuild
        if rebuild { byPath = [:] }
        var dirty = Set<Int32>()
        for file in changed {
            var rejects: [Reject] = []
            let pass = pipeline(files: [file.path], overrides: overrides).pass { rejects.append($0) }
            let summary = pass.summaries.first ?? InputSummary(path: file.path)
            if let error = summary.error {
                logger.error("\(file.path): \(error.reason)")
                outcome.failures.append("\(file.path): \(error.reason)")
            }
            outcome.rejected += summary.rejected
            let days = Set(pass.calls.byDay.keys).union(pass.tickets.eventDays).sorted()
            if let old = byPath[file.path] { dirty.formUnion(old.days) }
            dirty.formUnion(days)
            let entry = ManifestEntry(
                path: file.path, size: file.size, modified: file.modified, sha256: file.digest, summary: summary,
                days: days)
            byPath[file.path] = entry
            night.files.append(.init(entry: entry, rejects: rejects, unmatched: pass.unmatched))
            outcome.filesRead += 1
            logger.info(
                "read \(file.path): \(summary.records) records, \(summary.rejected) rejected, \(days.count) days")
        }

        // 3. Re-derive the affected days from all the files around each.
        var daysToDerive = Set<Int32>()
        for day in dirty { for d in (day - 3)...(day + 1) { daysToDerive.insert(d) } }
        if rebuild, let stored = try store.storedDays() { daysToDerive.formUnion(stored) }
        var filesByDay: [Int32: [String]] = [:]
        for entry in byPath.values { for day in entry.days { filesByDay[day, default: []].append(entry.path) } }
        let missing = Set(byPath.keys).subtracting(files)
        for day in daysToDerive.sorted() {
            guard filesByDay[day] != nil else {
                night.removedDays.append(day)
                continue
            }
            var around = Set<String>()
            for d in (day - 1)...(day + 3) { around.formUnion(filesByDay[d] ?? []) }
            if let gone = around.intersection(missing).sorted().first {
                let message =
                    "\(gone) is no longer in the inbox; \(CivilDate(dayNumber: Int(day))) keeps its stored figures"
                logger.error("\(message)")
                outcome.failures.append(message)
                continue
            }
            night.snapshots.append(try snapshot(day: day, files: around.sorted(), overrides: overrides))
            outcome.daysDerived += 1
        }
        // Late records for an earlier day whose daily report exists: that report is written again. The set goes in
        // the night's transaction and is cleared report by report once written, so a night that fails after the
        // commit (killed while writing, a folder it cannot write) leaves the work to the next run.
        let reportDay = reportDate().dayNumber
        night.pendingReports = dirty.filter { Int($0) < reportDay && needsRewrite(CivilDate(dayNumber: Int($0))) }
            .sorted()
        try store.commit(night)

        // 4. The reports, from the store; none may replace an inbox file (a report's name linked to one).
        let inputs = Set(files.map(OutputFile.identity(of:)))
        try render(store: store, inputs: inputs, outcome: &outcome)
        return outcome
    }

    /// A file's size and modification time (nanoseconds), 0 when it cannot be read.
    static func sizeAndTime(_ path: String) -> (Int64, Int64) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (0, 0) }
        return (Int64(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// The pipeline for a set of files with this run's settings.
    private func pipeline(files: [String], overrides: [String: InputFormat], query: CallQuery = CallQuery())
        -> CallPipeline
    {
        var pipeline = CallPipeline.configured(
            config, inputs: files, settings: settings, query: query, zone: zone, sourceZone: sourceZone,
            logger: Logger(label: "hotline.quiet") { _ in SwiftLogNoOpLogHandler() }, threads: 1,
            firstRejectsKept: Int.max)
        pipeline.formatOverrides = overrides
        pipeline.showProgress = false
        return pipeline
    }

    private func snapshot(day: Int32, files: [String], overrides: [String: InputFormat]) throws -> DaySnapshot {
        var query = CallQuery()
        query.from = CivilDate(dayNumber: Int(day))
        query.to = query.from
        query.dimensions = DaySnapshot.callDimensions
        query.ticketDimensionsOverride = DaySnapshot.ticketDimensions
        let pass = pipeline(files: files, overrides: overrides, query: query).pass()
        return DaySnapshot(
            day: day, calls: pass.calls, tickets: pass.tickets, symbols: pass.symbols, calendar: pass.calendar)
    }

    /// The day the morning report is about: `--date`, else yesterday in the report's zone.
    func reportDate() -> CivilDate {
        if let date { return date }
        let calendar = LocalCalendar(zone: zone)
        let today = calendar.stamp(Instant(seconds: Int64(Date().timeIntervalSince1970))).day
        return CivilDate(dayNumber: Int(today) - 1)
    }

    // MARK: - Outputs

    private func render(store: Store, inputs: Set<String>, outcome: inout Outcome) throws {
        let day = reportDate()
        let monday = CivilDate(dayNumber: day.dayNumber - day.weekday)
        let first = CivilDate(year: day.year, month: day.month, day: 1)
        var jobs: [(folder: String, from: CivilDate, to: CivilDate, formats: [OutputFormat], pending: Int32?)] = [
            ("daily", day, day, dailyFormats, nil), ("week-to-date", monday, day, periodFormats, nil),
            ("month-to-date", first, day, periodFormats, nil),
        ]
        // The earlier days' reports still to be written: tonight's late days and any a failed night left.
        var done: [Int32] = []
        let cutoff = day.dayNumber - config.nightly.retentionDays
        for late in try store.pendingReports() {
            let date = CivilDate(dayNumber: Int(late))
            if Int(late) >= cutoff && needsRewrite(date) {
                jobs.append(("daily", date, date, dailyFormats, late))
            } else {
                done.append(late)
            }
        }
        for job in jobs {
            var written = true
            var query = CallQuery()
            query.from = job.from
            query.to = job.to
            var report = try StoreReport(
                store: store, settings: settings, ticketSettings: ticketSettings, query: query, zone: zone,
                exceptionSettings: ExceptionSettings(config)
            ).build()
            if job.folder == "daily" {
                report.navigation = ReportNavigation(
                    previous: "\(CivilDate(dayNumber: job.to.dayNumber - 1)).html",
                    next: "\(CivilDate(dayNumber: job.to.dayNumber + 1)).html", index: "../index.html")
            }
            for format in job.formats {
                let path = "\(outputDirectory)/\(job.folder)/\(job.to).\(format.fileExtension)"
                guard let bytes = rendered(report, as: format, for: path, outcome: &outcome) else {
                    written = false
                    continue
                }
                if format == .text && job.folder == "daily" && job.to == day {
                    outcome.dailyText = String(decoding: bytes, as: UTF8.self)
                }
                written = write(bytes, to: path, inputs: inputs, outcome: &outcome) && written
            }
            if job.folder == "daily" && job.to == day,
                let missing = report.exceptions.first(where: { $0.kind == .missingData && $0.day == day.description })
            {
                outcome.missingData =
                    "\(day): only \(missing.offered) calls read, usually \(Int((missing.usual ?? 0).rounded())): the call export is missing or incomplete"
            }
            if let pending = job.pending, written { done.append(pending) }
        }
        do {
            try store.clearPendingReports(done)
        } catch {
            // The reports are written; the next run writes them again, byte for byte the same.
            logger.error("\(error)")
            outcome.failures.append("\(error)")
        }
        prune(before: cutoff)
        let index = try indexDays(store: store)
        if outcome.missingData == nil, let tonight = index.first(where: { $0.date == day.description }),
            tonight.offered ?? 0 == 0, index.contains(where: { ($0.offered ?? 0) > 0 })
        {
            // A 24-hour hotline has calls every day: none at all is a failed export, whatever the usual.
            outcome.missingData = "\(day): no calls read: the call export is missing"
        }
        let page = IndexPageRenderer(serviceLevelTarget: settings.serviceLevelTarget, language: language).render(index)
        write(page, to: "\(outputDirectory)/index.html", inputs: inputs, outcome: &outcome)
    }

    /// Whether an earlier day's daily report is to be written again: yes while its HTML report is there, or while
    /// the daily folder cannot be looked into (not a folder, no permission: the write fails and names the problem,
    /// and the day stays pending); no when the folder is there without it (never written, or removed) or is gone.
    private func needsRewrite(_ date: CivilDate) -> Bool {
        let folder = "\(outputDirectory)/daily"
        var info = stat()
        if stat(folder, &info) != 0 { return errno != ENOENT }
        guard info.st_mode & S_IFMT == S_IFDIR else { return true }
        if stat("\(folder)/\(date).html", &info) == 0 { return true }
        return errno != ENOENT
    }

    private var ticketSettings: TicketSettings { TicketSettings(config) }

    @discardableResult
    private func write(_ text: String, to path: String, inputs: Set<String>, outcome: inout Outcome) -> Bool {
        write(Array(text.utf8), to: path, inputs: inputs, outcome: &outcome)
    }

    /// Writes `bytes` as `path` (see ``OutputFile``) unless the file already holds exactly them. A report that
    /// cannot be written is a failure of the night; the other reports are still written. Returns whether the file
    /// holds `bytes` afterwards.
    private func write(_ bytes: [UInt8], to path: String, inputs: Set<String>, outcome: inout Outcome) -> Bool {
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

    /// The days of `index.html`: every day with a report kept, newest first, with its figures from the store and
    /// whether its calls look missing (none, or fewer than the configured share of the same weekday's usual over
    /// the four weeks before).
    private func indexDays(store: Store) throws -> [IndexPageRenderer.Day] {
        let folders = ["daily", "week-to-date", "month-to-date"]
        var reports: [Int: [String]] = [:]
        for folder in folders {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: "\(outputDirectory)/\(folder)")) ?? []
            where name.hasSuffix(".html") {
                // Only the job's own names: a date, nothing else a folder may hold.
                guard let date = CivilDate(parsing: String(name.dropLast(5))), "\(date).html" == name else { continue }
                reports[date.dayNumber, default: []].append(folder)
            }
        }
        guard let first = reports.keys.min(), let last = reports.keys.max() else { return [] }
        var figures: [Int: CallAccumulator] = [:]
        try store.forEachSnapshot(Int32(first - ExceptionSettings.usualDays)...Int32(last)) { snap in
            var total = CallAccumulator()
            for row in snap.calls { total.merge(row.figures) }
            figures[Int(snap.day)] = total
        }
        let share = ExceptionSettings(config).missingShare
        let words = ReportStrings.of(language).index
        return reports.keys.sorted(by: >).map { day in
            let acc = figures[day] ?? CallAccumulator()
            let f = CallFigures(acc, settings: settings)
            let usualDays = (1...4).map { day - 7 * $0 }.compactMap { figures[$0] }.filter { $0.offered > 0 }
            let usual =
                usualDays.isEmpty ? nil : Double(usualDays.reduce(0) { $0 + $1.offered }) / Double(usualDays.count)
            var missing: String?
            if acc.offered == 0, !figures.values.allSatisfy({ $0.offered == 0 }) {
                missing = words.missing(0, nil)
            } else if let usual, Double(acc.offered) < usual * share {
                missing = words.missing(acc.offered, Int(usual.rounded()))
            }
            return IndexPageRenderer.Day(
                date: CivilDate(dayNumber: day).description,
                weekday: CivilDate.weekdayNames[CivilDate.weekday(ofDayNumber: day)],
                offered: acc.offered, serviceLevel: f.serviceLevel, abandonmentRate: f.abandonmentRate,
                missing: missing, folders: folders.filter { reports[day]?.contains($0) == true })
        }
    }
}
