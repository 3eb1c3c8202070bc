import Foundation
import HotlineConfig
import HotlineIngest
import HotlineMetrics
import HotlineModel
import HotlineReport
import HotlineStore
import Logging

/// One night of the cron job, as named steps: ``openStore()`` (lock, store, settings check) -> ``scanInbox(_:)``
/// -> ``findChanged(_:store:)`` (content hash) -> ``readChanged(_:inbox:recordings:_:)`` (each file alone, to learn its
/// days) -> ``deriveDays(_:inbox:store:recordings:_:)`` (the day snapshots those days affect) -> ``commit(_:_:_:_:)`` (one
/// transaction) -> ``renderReports(store:inputs:_:)`` (day, week-to-date, month-to-date, `index.html`,
/// retention) -> ``writeCallbacks(_:_:inbox:inputs:recordings:_:)`` (the day's callers to call back). Each step takes what the
/// steps before it found as values and returns what it found; the ``Outcome`` collects what the night tells the
/// user.
///
/// A day's snapshot is computed from every file that touched it, read together: day D from the files touching
/// D-1 (calls still waiting after midnight) to D+3 (repeat calls within 72 h), so it equals what a report over
/// all the files gives for that day. New data for day N therefore re-derives days N-3 to N+1. Each file is read
/// once a night (``NightRecordings``) when its reading does not depend on the files read with it.
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
    /// Read the files of each derived day together again instead of once a night (measuring, and the tests that
    /// pin both ways to the same bytes).
    var readsEachDay = false

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
        let opened = try openStore()
        defer { opened.close() }
        var outcome = Outcome()
        let inbox = scanInbox(&outcome)
        let changes = try findChanged(inbox, store: opened.store)
        if dryRun {
            tellDryRun(changes)
            return outcome
        }
        // Each file of the night is read once and recorded, unless asked to read each day's files again.
        let recordings =
            readsEachDay ? nil : NightRecordings(reader: pipeline(files: [], overrides: inbox.overrides).reader())
        let read = readChanged(changes, inbox: inbox, recordings: recordings, &outcome)
        // The callback list's files are kept from the days derived, for the list written last.
        let callbackFiles = callbackFiles(read)
        if let callbackFiles, read.canBeRecorded(callbackFiles) { recordings?.keep(callbackFiles) }
        let derived = try deriveDays(read, inbox: inbox, store: opened.store, recordings: recordings, &outcome)
        try commit(opened, changes, read, derived)
        // None of the reports may replace an inbox file (a report's name linked to one).
        let inputs = Set(inbox.files.map(OutputFile.identity(of:)))
        try renderReports(store: opened.store, inputs: inputs, &outcome)
        writeCallbacks(callbackFiles, read, inbox: inbox, inputs: inputs, recordings: recordings, &outcome)
        return outcome
    }

    /// The day the morning report is about: `--date`, else yesterday in the report's zone.
    func reportDate() -> CivilDate {
        if let date { return date }
        let calendar = LocalCalendar(zone: zone)
        let today = calendar.stamp(Instant(seconds: Int64(Date().timeIntervalSince1970))).day
        return CivilDate(dayNumber: Int(today) - 1)
    }

    /// What reading the inbox again says goes unsaid: each file was reported when it was first read.
    var quietLogger: Logger { Logger(label: "hotline.quiet") { _ in SwiftLogNoOpLogHandler() } }

    /// The pipeline for a set of files with this run's settings.
    func pipeline(files: [String], overrides: [String: InputFormat], query: CallQuery = CallQuery()) -> CallPipeline {
        var pipeline = CallPipeline.configured(
            config, inputs: files, settings: settings, query: query, zone: zone, sourceZone: sourceZone,
            logger: quietLogger, threads: 1,
            firstRejectsKept: Int.max)
        pipeline.formatOverrides = overrides
        pipeline.showProgress = false
        return pipeline
    }
}
