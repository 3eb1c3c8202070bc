import ArgumentParser
import Foundation
import HotlineConfig
import HotlineIngest
import HotlineMetrics
import HotlineModel
import HotlineStore

extension HotlineCommand {
    /// `hotline nightly`: the cron job over the configured inbox, with the store and the morning reports.
    struct Nightly: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "nightly",
            abstract: "The nightly job: read new inbox files into the store, write the day, week and month reports.",
            discussion: """
                Reads the configuration's nightly.inbox; a file already stored with the same content is skipped, a \
                new or changed one is read and the days it touches (and the three before, for repeat calls) are \
                derived again from every file around them. All store changes land in one transaction; reports are \
                written to temporary files and renamed. Silent on success unless --verbose. Exit codes: 0 ok; 1 \
                an input or output failed (the rest landed); 2 usage or configuration error; 3 with --strict, \
                records rejected; 4 another run holds the lock.
                """)

        // Its own option, not ConfigOptions': the job cannot run without one, and the help says so.
        @Option(
            help: ArgumentHelp(
                "YAML configuration file with a nightly section (docs/CONFIG.md).", valueName: "file"))
        var config: String
        @OptionGroup var language: LanguageOptions

        @Option(
            help: ArgumentHelp(
                "The day to report on (default: yesterday in the configured zone).", valueName: "YYYY-MM-DD"))
        var date: String?

        @Flag(help: "Show what would be read and written, and change nothing.")
        var dryRun = false

        @Flag(help: "Read every inbox file again and recompute every stored day (after a settings change).")
        var rebuild = false

        @Flag(help: "Log what is read and written (to standard error).")
        var verbose = false

        @Flag(help: "Print the day's text report on standard output (for a cron MAILTO).")
        var printReport = false

        @Flag(help: "Exit 3 when a file read tonight had rejected records.")
        var strict = false

        @Flag(
            help: ArgumentHelp("Read each derived day's files together again (measuring, tests).", visibility: .hidden))
        var readEachDay = false

        func validate() throws {
            let config = try ConfigOptions.load(config)
            guard !config.nightly.inbox.isEmpty, config.nightly.store != nil, config.nightly.output != nil else {
                throw ValidationError(
                    "configuration: nightly needs nightly.inbox, nightly.store and nightly.output (docs/CONFIG.md).")
            }
            for (key, folder) in [
                ("nightly.output", config.nightly.output), ("nightly.callbacks", config.nightly.callbacks),
                ("nightly.export", config.nightly.export),
            ] {
                if let folder, let problem = Self.overlap(output: folder, inbox: config.nightly.inbox, key: key) {
                    throw ValidationError("configuration: \(problem)")
                }
            }
            if let date, let problem = CivilDate.problem(parsing: date) {
                throw ValidationError("--date \(problem).")
            }
        }

        /// Why the output folder cannot be where it is: inside an inbox folder, its reports would be read as inputs
        /// and retention would remove inputs named by a date. Nil when it is elsewhere.
        static func overlap(output: String, inbox: [NightlySettings.Inbox], key: String = "nightly.output") -> String? {
            let folder = OutputFile.resolvedFolder(output)
            for entry in inbox {
                // A file named alone gives only itself: its folder is not read.
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: entry.path, isDirectory: &isDirectory),
                    !isDirectory.boolValue
                {
                    continue
                }
                let root = OutputFile.resolvedFolder(InputResolver.root(of: entry.path))
                if folder == root || folder.hasPrefix(root == "/" ? "/" : root + "/") {
                    return
                        "\(key) (\(output)) is inside the inbox (\(entry.path)): the reports would be read as inputs and old inputs removed with them. Put the output folder outside the inbox."
                }
            }
            return nil
        }

        func run() throws {
            let logger = DiagnosticLogHandler.logger(verbose: verbose || dryRun)
            let config = try ConfigOptions.load(config)
            let settings = MetricSettings(config)
            let zone = ZoneName.resolved(config.timeZone) ?? .current
            let run = NightlyRun(
                config: config, settings: settings, zone: zone,
                sourceZone: ZoneName.resolved(config.sourceTimeZone),
                date: date.flatMap(CivilDate.init(parsing:)), dryRun: dryRun, rebuild: rebuild, logger: logger,
                language: language.resolved(config), readsEachDay: readEachDay)
            let outcome: NightlyRun.Outcome
            do {
                outcome = try run.run()
            } catch let failure as NightlyRun.Failure {
                logger.error("\(failure.description)")
                if case .locked = failure { throw HotlineExit.locked }
                throw HotlineExit.failure
            } catch let error as StoreError {
                logger.error("\(error.description)")
                throw HotlineExit.failure
            }
            logger.info(
                "\(outcome.filesRead) files read, \(outcome.daysDerived) days derived, \(outcome.written.count) reports written"
            )
            if printReport, let text = outcome.dailyText {
                do {
                    try OutputFile.standardOutput().write(text)
                } catch {
                    logger.error("\(error)")
                    throw HotlineExit.failure
                }
            }
            if let missing = outcome.missingData { logger.error("\(missing)") }
            if !outcome.failures.isEmpty { throw HotlineExit.failure }
            if outcome.missingData != nil { throw HotlineExit.missingData }
            if strict && outcome.rejected > 0 {
                logger.error("\(outcome.rejected) records rejected in tonight's files (--strict)")
                throw HotlineExit.strictInputErrors
            }
        }
    }
}
