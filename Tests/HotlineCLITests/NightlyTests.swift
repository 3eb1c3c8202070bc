import Foundation
import Testing

/// The nightly job as cron runs it: an inbox, a store, an output folder, and the same figures as a report over
/// all the files at once.
@Suite(.enabled(if: EndToEnd.binary != nil, "needs the hotline binary: run `swift build` first"))
struct NightlyTests {
    let scratch = NSTemporaryDirectory() + "hotline-nightly-\(UUID().uuidString)"
    var inbox: String { scratch + "/inbox" }
    var config: String { scratch + "/hotline.yaml" }
    var store: String { scratch + "/store/hotline.sqlite" }

    init() throws {
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: scratch + "/store", withIntermediateDirectories: true)
        try writeConfig()
    }

    /// The configuration of the job: the nightly section, with its inbox, store and extra lines as given.
    func writeConfig(
        inbox: String = "[inbox]", store: String = "store/hotline.sqlite", output: String = "out", extra: String = ""
    ) throws {
        try """
        time_zone: Asia/Shanghai
        nightly:
          inbox: \(inbox)
          store: \(store)
          output: \(output)
        \(extra)
        """.write(toFile: config, atomically: true, encoding: .utf8)
    }

    static let header =
        "call_id,queue,category,direction,caller,agent,enqueued_at,answered_at,ended_at,wait_s,talk_s,hold_s,wrap_s,outcome,ivr_path,csat"

    /// A calls-csv day file of `n` answered calls from 10:00, callers shared between days (repeat calls).
    func writeDay(_ day: String, _ n: Int, name: String? = nil, idPrefix: String = "C") throws {
        var lines = [Self.header]
        for i in 0..<n {
            let m = i * 7 % 60
            let mm = m < 10 ? "0\(m)" : "\(m)"
            lines.append(
                "\(idPrefix)\(day)-\(i),hotline-cn,退款,inbound,1380000000\(i % 4),A\(i % 3),\(day)T10:\(mm):00+08:00,\(day)T10:\(mm):20+08:00,\(day)T10:\(mm):50+08:00,20,30,0,10,answered,,\(1 + i % 5)"
            )
        }
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: inbox + "/" + (name ?? "calls-\(day).csv"), atomically: true, encoding: .utf8)
    }

    func nightly(_ date: String, _ extra: [String] = []) throws -> EndToEnd.Result {
        try EndToEnd.run(["nightly", "--config", config, "--date", date] + extra)
    }

    /// The report's figures without data quality (which lists different files for a store and a folder), as
    /// JSON with sorted keys.
    func figures(_ arguments: [String]) throws -> String {
        let run = try EndToEnd.run(arguments + ["--config", config, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        object["data_quality"] = nil
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// The "Offered" figure of a text report's headline.
    func offered(_ path: String) throws -> String? {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let line = text.split(separator: "\n").first { $0.hasPrefix("  Offered ") }
        return line?.split(separator: " ").dropFirst().first.map(String.init)
    }

    @Test func twoRunsOverTheSameInboxChangeNothingByteForByte() throws {
        try writeDay("2026-11-16", 12)
        try writeDay("2026-11-17", 9)
        let first = try nightly("2026-11-17")
        #expect(first.status == 0 && first.stderr.isEmpty && first.stdout.isEmpty, "\(first.stderr)")
        let outputs = [
            "daily/2026-11-17.html", "daily/2026-11-17.txt", "daily/2026-11-17.json",
            "week-to-date/2026-11-17.html", "month-to-date/2026-11-17.txt", "index.html",
        ]
        let before = ([store] + outputs.map { scratch + "/out/" + $0 }).map(bytes)
        #expect(before.allSatisfy { $0 != nil })
        #expect(try nightly("2026-11-17").status == 0)
        #expect(([store] + outputs.map { scratch + "/out/" + $0 }).map(bytes) == before)
    }

    @Test func theStoreGivesTheFiguresOfAReportOverAllTheFiles() throws {
        try writeDay("2026-11-16", 12)
        #expect(try nightly("2026-11-16").status == 0)
        try writeDay("2026-11-17", 9)
        try writeDay("2026-11-18", 5)
        #expect(try nightly("2026-11-18").status == 0)
        let period = ["--from", "2026-11-16", "--to", "2026-11-18"]
        #expect(try figures(["report", "--store", store] + period) == figures(["report", inbox] + period))
    }

    @Test func aFileArrivingLateForAnEarlierDayUpdatesThatDayAndItsReport() throws {
        try writeDay("2026-11-16", 4)
        #expect(try nightly("2026-11-16").status == 0)
        let daily = scratch + "/out/daily/2026-11-16.txt"
        #expect(try offered(daily) == "4")
        // The merchant line's export for the same day arrives a night late.
        try writeDay("2026-11-16", 3, name: "merchant-2026-11-16.csv", idPrefix: "M")
        try writeDay("2026-11-17", 2)
        #expect(try nightly("2026-11-17").status == 0)
        #expect(try offered(daily) == "7")
        let period = ["--from", "2026-11-16", "--to", "2026-11-16"]
        #expect(try figures(["report", "--store", store] + period) == figures(["report", inbox] + period))
    }

    @Test func aNightThatFailsAfterItsCommitLeavesTheLateDaysReportsToTheNextRun() throws {
        try writeDay("2026-11-16", 4)
        #expect(try nightly("2026-11-16").status == 0)
        let daily = scratch + "/out/daily/2026-11-16.txt"
        #expect(try offered(daily) == "4")
        // Late data for 11-16 lands in the store, but the daily folder is a file tonight: no report can be written
        // (this holds for root too, which a chmod would not stop).
        try writeDay("2026-11-16", 3, name: "merchant-2026-11-16.csv", idPrefix: "M")
        try writeDay("2026-11-17", 2)
        let folder = scratch + "/out/daily"
        try FileManager.default.moveItem(atPath: folder, toPath: folder + ".aside")
        try "not a folder\n".write(toFile: folder, atomically: true, encoding: .utf8)
        let failed = try nightly("2026-11-17")
        #expect(failed.status == 1 && failed.stderr.contains("daily/2026-11-16"), "\(failed.stderr)")
        try FileManager.default.removeItem(atPath: folder)
        try FileManager.default.moveItem(atPath: folder + ".aside", toPath: folder)
        #expect(try offered(daily) == "4")
        // The next run reads nothing new, and still writes the stale report.
        let next = try nightly("2026-11-17", ["--verbose"])
        #expect(next.status == 0 && next.stderr.contains("0 files read"), "\(next.stderr)")
        #expect(try offered(daily) == "7")
        #expect(try offered(scratch + "/out/daily/2026-11-17.txt") == "2")
        // Once written, it is not pending any more: the run after changes no byte.
        let store = bytes(self.store)
        let after = try nightly("2026-11-17", ["--verbose"])
        #expect(after.status == 0 && after.stderr.contains("0 reports written"), "\(after.stderr)")
        #expect(bytes(self.store) == store)
    }

    /// The repeat-call figure of day `date` from `arguments` (a report from the store or over the inbox).
    func repeatRate(_ arguments: [String], _ date: String) throws -> Double? {
        let run = try EndToEnd.run(
            arguments + ["--from", date, "--to", date, "--config", config, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Any])
        return totals["repeat_call_rate"] as? Double
    }

    @Test func repeatCallsAcrossMidnightFollowTheExactRuleInTheStore() throws {
        // A answered 23:58-00:00:30; B, the caller's second line, during it; the next day A's transfer leg (same
        // call id) and E, enqueued exactly at A's end: no repeat. A late export adds F one millisecond after.
        let h = Self.header
        try """
        \(h)
        A,hotline-cn,退款,inbound,13800000001,A1,2026-11-16T23:58:00+08:00,2026-11-16T23:58:10+08:00,2026-11-17T00:00:30+08:00,10,140,0,0,transferred,,
        B,hotline-cn,退款,inbound,13800000001,,2026-11-16T23:59:00+08:00,,2026-11-16T23:59:30+08:00,30,,0,0,abandoned,,

        """.write(toFile: inbox + "/calls-2026-11-16.csv", atomically: true, encoding: .utf8)
        #expect(try nightly("2026-11-16").status == 0)
        try """
        \(h)
        E,hotline-cn,退款,inbound,13800000001,,2026-11-17T00:00:30+08:00,,2026-11-17T00:01:00+08:00,30,,0,0,abandoned,,
        A,vip,退款,inbound,13800000001,A2,2026-11-17T00:00:40+08:00,2026-11-17T00:00:50+08:00,2026-11-17T00:03:00+08:00,10,130,0,0,answered,,

        """.write(toFile: inbox + "/calls-2026-11-17.csv", atomically: true, encoding: .utf8)
        #expect(try nightly("2026-11-17").status == 0)
        #expect(try repeatRate(["report", "--store", store], "2026-11-16") == 0)
        #expect(try repeatRate(["report", inbox], "2026-11-16") == 0)
        try """
        \(h)
        F,merchant,退款,inbound,13800000001,,2026-11-17T00:00:30.001+08:00,,2026-11-17T00:01:00+08:00,29.999,,0,0,abandoned,,

        """.write(toFile: inbox + "/merchant-2026-11-17.csv", atomically: true, encoding: .utf8)
        // No call export for the 18th: the night still derives the days before, and says the 18th is missing.
        #expect(try nightly("2026-11-18").status == 5)
        #expect(try repeatRate(["report", "--store", store], "2026-11-16") == 1)
        #expect(try repeatRate(["report", inbox], "2026-11-16") == 1)
    }

    @Test func aDayWhoseCallExportIsMissingIsAnAlarmInTheExitCodeTheReportAndTheIndex() throws {
        for day in ["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13", "2026-11-14", "2026-11-15"] {
            try writeDay(day, 40)
            #expect(try nightly(day).status == 0)
        }
        // Monday's export never arrives; Tuesday's does.
        let monday = try nightly("2026-11-16")
        #expect(monday.status == 5)
        #expect(monday.stderr.contains("2026-11-16: only 0 calls read, usually 40: the call export is missing"))
        let text = try String(contentsOfFile: scratch + "/out/daily/2026-11-16.txt", encoding: .utf8)
        #expect(text.split(separator: "\n").dropFirst().first?.hasPrefix("ALARM: 2026-11-16 has 0 calls") == true)
        let html = try String(contentsOfFile: scratch + "/out/daily/2026-11-16.html", encoding: .utf8)
        #expect(html.contains("<a href=\"2026-11-15.html\">← day before</a> <a href=\"../index.html\">all reports</a>"))
        let index = try String(contentsOfFile: scratch + "/out/index.html", encoding: .utf8)
        #expect(index.contains("<tr class=\"missing\"><th>Mon 2026-11-16<br><span class=\"quiet\">no calls</span>"))
        try writeDay("2026-11-17", 40)
        #expect(try nightly("2026-11-17").status == 0)
    }

    @Test func aGrownQueueLogGivesTheFiguresOfReadingItWhole() throws {
        func event(_ t: Int, _ id: String, _ agent: String, _ verb: String, _ data: String) -> String {
            "\(t)|\(id)|support|\(agent)|\(verb)|\(data)"
        }
        let day1 = 1_794_794_400  // 2026-11-16T10:00:00+08:00
        var lines: [String] = []
        for i in 0..<6 {
            let t = day1 + i * 300
            lines += [
                event(t, "q\(i)", "NONE", "ENTERQUEUE", "|1380000000\(i % 3)|1"),
                event(t + 15, "q\(i)", "Agent/100\(i % 2)", "CONNECT", "15|u\(i)|3"),
                event(t + 200, "q\(i)", "Agent/100\(i % 2)", "COMPLETECALLER", "15|185|1"),
            ]
        }
        let path = inbox + "/queue_log"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try nightly("2026-11-16").status == 0)
        // The next day the PBX appends to the same file.
        for i in 0..<4 {
            let t = day1 + 86_400 + i * 400
            lines += [
                event(t, "r\(i)", "NONE", "ENTERQUEUE", "|1380000000\(i % 3)|1"),
                event(t + 30, "r\(i)", "NONE", "ABANDON", "1|1|30"),
            ]
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try nightly("2026-11-17").status == 0)
        let period = ["--from", "2026-11-16", "--to", "2026-11-17"]
        #expect(try figures(["report", "--store", store] + period) == figures(["report", inbox] + period))
    }

    @Test func aSecondRunWhileTheFirstHoldsTheLockExitsFour() throws {
        try writeDay("2026-11-16", 3)
        let lock = open(store + ".lock", O_RDWR | O_CREAT, 0o644)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        let run = try nightly("2026-11-16")
        #expect(run.status == 4)
        #expect(run.stderr.contains("another nightly run holds"))
        #expect(!FileManager.default.fileExists(atPath: scratch + "/out"))
    }

    @Test func aBrokenInputIsNamedWhileTheRestOfTheNightLands() throws {
        try writeDay("2026-11-16", 5)
        try Data([0x00, 0xFF, 0x00, 0x13, 0x37]).write(to: URL(fileURLWithPath: inbox + "/garbage.bin"))
        let run = try nightly("2026-11-16")
        #expect(run.status == 1)
        #expect(run.stderr.contains("garbage.bin"))
        #expect(try offered(scratch + "/out/daily/2026-11-16.txt") == "5")
    }

    @Test func aDamagedOrForeignStoreIsAClearErrorAndIsLeftAlone() throws {
        try writeDay("2026-11-16", 3)
        try Data("not a database at all".utf8).write(to: URL(fileURLWithPath: store))
        let run = try nightly("2026-11-16")
        #expect(run.status == 1)
        #expect(run.stderr.contains("not a hotline store"))
        #expect(bytes(store) == Data("not a database at all".utf8))
    }

    @Test func dryRunShowsWhatWouldBeReadAndWritesNothing() throws {
        try writeDay("2026-11-16", 3)
        let run = try nightly("2026-11-16", ["--dry-run"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("would read \(inbox)/calls-2026-11-16.csv (new)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch + "/store").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: scratch + "/out"))
    }

    @Test func aSettingsChangeAsksForARebuild() throws {
        try writeDay("2026-11-16", 3)
        #expect(try nightly("2026-11-16").status == 0)
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try ("interval_minutes: 15\n" + text).write(toFile: config, atomically: true, encoding: .utf8)
        let refused = try nightly("2026-11-16")
        #expect(refused.status == 1 && refused.stderr.contains("run with --rebuild"))
        #expect(try nightly("2026-11-16", ["--rebuild"]).status == 0)
        let period = ["--from", "2026-11-16", "--to", "2026-11-16"]
        #expect(try figures(["report", "--store", store] + period) == figures(["report", inbox] + period))
    }

    @Test func reportsOlderThanTheRetentionAreRemovedAndTheIndexListsTheRest() throws {
        try writeConfig(extra: "  retention_days: 2\n")
        for day in ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"] {
            try writeDay(day, 2)
            #expect(try nightly(day).status == 0)
        }
        let daily = try FileManager.default.contentsOfDirectory(atPath: scratch + "/out/daily").sorted()
        #expect(daily.allSatisfy { $0 >= "2026-11-17" }, "\(daily)")
        let index = try String(contentsOfFile: scratch + "/out/index.html", encoding: .utf8)
        #expect(index.contains("daily/2026-11-19.html") && !index.contains("2026-11-16"))
    }

    @Test func aStoreReportByADimensionTheStoreDoesNotKeepIsAUsageError() throws {
        let run = try EndToEnd.run(["report", "--store", store, "--by", "agent"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--by agent is not kept in the store"))
    }

    @Test func theFirstRunCreatesTheStoreFolderAndAnInboxEntryCanNameItsFormat() throws {
        try writeConfig(inbox: "[{path: inbox, format: calls-csv}]", store: "new/folder/hotline.sqlite")
        try writeDay("2026-11-16", 3, name: "export.txt")
        let run = try nightly("2026-11-16")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch + "/new/folder/hotline.sqlite"))
        #expect(try offered(scratch + "/out/daily/2026-11-16.txt") == "3")
    }

    @Test func aFIFOInTheInboxIsSkippedAndNamedAndTheNightCompletes() throws {
        try writeDay("2026-11-16", 3)
        #expect(mkfifo(inbox + "/stuck.csv", 0o600) == 0)
        let run = try nightly("2026-11-16")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "hotline: warning: \(inbox)/stuck.csv: skipped: not a regular file (a FIFO)\n")
        #expect(try offered(scratch + "/out/daily/2026-11-16.txt") == "3")
        // The lock was let go: the next night runs.
        #expect(try nightly("2026-11-16").status == 0)
    }

    @Test func anInboxLinkToAFileOutsideIsNotReadAndNothingOfItIsQuoted() throws {
        try writeDay("2026-11-16", 3)
        let secret = scratch + "/secret.txt"
        try "root:SECRET-HASH:19000:0:99999:7:::\n".write(toFile: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: inbox + "/shadow.csv", withDestinationPath: secret)
        // A link to a file inside the inbox is read (once).
        try FileManager.default.createSymbolicLink(
            atPath: inbox + "/again.csv", withDestinationPath: "calls-2026-11-16.csv")
        let run = try nightly("2026-11-16")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stderr
                == "hotline: warning: \(inbox)/shadow.csv: skipped: a symbolic link to a file outside the inbox\n")
        #expect(try offered(scratch + "/out/daily/2026-11-16.txt") == "3")
        let stored = try #require(bytes(store))
        #expect(stored.range(of: Data("SECRET".utf8)) == nil)
    }

    @Test func aFileThatIsNotAnExportIsNamedWithoutItsContent() throws {
        try writeDay("2026-11-16", 3)
        try "db_password: hunter2\napi_token: abc\n".write(
            toFile: inbox + "/notes.txt", atomically: true, encoding: .utf8)
        let run = try nightly("2026-11-16")
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "\(inbox)/notes.txt: not a call log or ticket export: no known header or line layout (the first line has no comma, tab, semicolon or pipe)"
            ))
        #expect(!run.stderr.contains("hunter2"))
        let stored = try #require(bytes(store))
        #expect(stored.range(of: Data("hunter2".utf8)) == nil)
    }

    @Test func retentionRemovesOnlyTheReportsTheJobWrote() throws {
        try writeConfig(extra: "  retention_days: 2\n")
        let daily = scratch + "/out/daily"
        try FileManager.default.createDirectory(atPath: daily + "/2026-01-01.html", withIntermediateDirectories: true)
        for name in [
            "2026-01-01.csv", "2026-01-01.html.bak", "2026-01-01-export.txt", "2026-01-01.txt",
            "callbacks-2026-01-01.csv", "callbacks-2026-01-01.csv.bak",
        ] {
            try Data("keep".utf8).write(to: URL(fileURLWithPath: daily + "/" + name))
        }
        try writeDay("2026-11-16", 2)
        #expect(try nightly("2026-11-16").status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: daily).sorted()
        #expect(
            left == [
                "2026-01-01-export.txt", "2026-01-01.csv", "2026-01-01.html", "2026-01-01.html.bak",
                "2026-11-16.html", "2026-11-16.json", "2026-11-16.txt", "callbacks-2026-01-01.csv.bak",
                "callbacks-2026-11-16.csv",
            ])
    }

    @Test func anOutputFolderInsideTheInboxIsAConfigurationErrorNamingBoth() throws {
        try writeConfig(output: "inbox/reports")
        try writeDay("2026-11-16", 2)
        let run = try nightly("2026-11-16")
        #expect(run.status == 2)
        #expect(run.stderr.contains("nightly.output (\(scratch)/inbox/reports) is inside the inbox (\(inbox))"))
        #expect(!FileManager.default.fileExists(atPath: inbox + "/reports"))
    }

    @Test func aReportNameLinkedToAnInboxFileIsNotWrittenOverIt() throws {
        try writeDay("2026-11-16", 2)
        let export = inbox + "/calls-2026-11-16.csv"
        let before = bytes(export)
        try FileManager.default.createDirectory(atPath: scratch + "/out/daily", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: scratch + "/out/daily/2026-11-16.txt", withDestinationPath: export)
        let run = try nightly("2026-11-16")
        #expect(run.status == 1)
        #expect(run.stderr.contains("2026-11-16.txt: is an inbox file; the report is not written over it"))
        #expect(bytes(export) == before)
        #expect(FileManager.default.fileExists(atPath: scratch + "/out/daily/2026-11-16.html"))
    }
}
