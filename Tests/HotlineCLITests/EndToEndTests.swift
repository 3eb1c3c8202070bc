import Foundation
import Testing

/// Runs the built `hotline` binary on fixture files, as a user or cron would, and checks stdout, stderr, the
/// files written and the exit code.
@Suite(.enabled(if: EndToEnd.binary != nil, "needs the hotline binary: run `swift build` first"))
struct EndToEndTests {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    let scratch = NSTemporaryDirectory() + "hotline-e2e-\(UUID().uuidString)"

    init() throws { try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true) }

    @Test func textReportGoesToStandardOutputAndRejectsAreCounted() throws {
        let run = try EndToEnd.run(["report", fixtures + "/calls-small.csv", "--tz", "Asia/Shanghai"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("HOTLINE CALL REPORT  2026-11-16 .. 2026-11-17 (2 days)"))
        #expect(run.stdout.contains("10 records: 8 accepted, 2 rejected"))
        // The reason wraps after a long path: only its start is on the line of the path.
        #expect(run.stdout.contains("calls-small.csv:10: csat: expected 1-5 or"))
        #expect(run.stdout.contains("'9'"))  // the reason wraps onto the next line after the long path
        #expect(run.stdout.contains("category \"快递查询\""))
        #expect(run.stderr == "hotline: warning: 2 records rejected; see the data-quality section.\n")
    }

    @Test func strictTurnsRejectsIntoExitCodeThree() throws {
        let run = try EndToEnd.run([
            "report", fixtures + "/calls-small.csv", "--strict", "--output", scratch + "/r.json",
        ])
        #expect(run.status == 3)
        #expect(FileManager.default.fileExists(atPath: scratch + "/r.json"))
    }

    @Test func everyOutputIsWrittenAndTheRejectsFileNamesFileLineFieldAndReason() throws {
        let run = try EndToEnd.run([
            "report", fixtures + "/calls-small.csv", "--tz", "Asia/Shanghai", "--output", scratch + "/r.html",
            "--output", scratch + "/r.csv", "--output", scratch + "/r.json", "--rejects", scratch + "/rejects.csv",
            "--by", "queue",
        ])
        #expect(run.status == 0 && run.stdout.isEmpty)
        let csv = try String(contentsOfFile: scratch + "/r.csv", encoding: .utf8)
        #expect(csv.hasPrefix("queue,offered,answered,abandoned,short_abandoned,timed_out,callback,service_level,"))
        #expect(csv.contains("\nhotline-en,2,1,1,0,0,0,0.5,0.5,5,5,5,5,60,315,0,0,4,1,1\n"))
        let rejects = try String(contentsOfFile: scratch + "/rejects.csv", encoding: .utf8)
        #expect(rejects.hasPrefix("file,line,field,reason,record\n"))
        #expect(rejects.contains("calls-small.csv,11,outcome,\"unknown outcome: expected answered, abandoned"))
        #expect(!rejects.contains("13800000010"))  // caller masked
        let html = try String(contentsOfFile: scratch + "/r.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)  // no temporary files left behind
    }

    @Test func anUnreadableInputIsNamedAndTheOthersAreStillReported() throws {
        let run = try EndToEnd.run([
            "report", fixtures + "/calls-small.csv", fixtures + "/daily-summary.csv", scratch + "/missing.csv",
            "--format", "json",
        ])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "daily-summary.csv: not a call log or ticket export: the header names no call_id and enqueued_at (calls) nor id and created at (tickets) columns"
            ))
        #expect(run.stderr.contains("missing.csv: cannot read: no such file or directory"))
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let quality = try #require(json?["data_quality"] as? [String: Any])
        #expect(quality["files_failed"] as? Int == 2)
        #expect(quality["accepted"] as? Int == 8)
    }

    @Test func standardInputIsReadAsDash() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixtures + "/calls-small.csv"))
        let run = try EndToEnd.run(["check", "-"], input: data)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("<stdin>: calls-csv, UTF-8, 10 records, 8 accepted, 2 rejected\n"))
    }

    @Test func checkOfSeveralFilesEndsWithTheirTotals() throws {
        let run = try EndToEnd.run(["check", fixtures + "/calls-small.csv", fixtures + "/daily-summary.csv"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\n2 files: 10 records, 8 accepted, 2 rejected; 1 unreadable\n"))
    }

    @Test func checkListsRejectsByReasonAndExitsThreeWhenStrict() throws {
        let run = try EndToEnd.run(["check", fixtures + "/calls-small.csv", "--strict"])
        #expect(run.status == 3)
        #expect(run.stdout.contains("Rejected by reason:\n  unknown outcome: 1\n  score out of range: 1\n"))
    }

    @Test func checkPrintsNoEscapeSequenceFromTheDataAndCutsLongValues() throws {
        // A label that would clear the screen and set the terminal's title, and a 300 kB one no rule matches.
        let header =
            "call_id,queue,category,direction,caller,agent,enqueued_at,answered_at,ended_at,wait_s,talk_s,hold_s,wrap_s,outcome,ivr_path,csat\n"
        func row(_ id: String, _ label: String) -> String {
            "\(id),q,\(label),inbound,13800138000,A1,2026-11-16T10:00:00+08:00,2026-11-16T10:00:15+08:00,"
                + "2026-11-16T10:05:00+08:00,15,285,0,0,answered,,\n"
        }
        let path = scratch + "/escapes.csv"
        let long = String(repeating: "z", count: 300_000)
        try Data(
            (header + row("C1", "x").replacingOccurrences(of: ",,\n", with: ",,\u{1B}[2J\u{1B}]0;owned\u{07}\n")
                + row("C2", long)).utf8
        ).write(
            to: URL(fileURLWithPath: path))
        let run = try EndToEnd.run(["check", path])
        #expect(!run.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(run.stdout.contains("csat: expected 1-5 or empty, found '\u{FFFD}[2J\u{FFFD}]0;owned\u{FFFD}'"))
        #expect(run.stdout.contains("category \"" + String(repeating: "z", count: 200) + "…\": 1"))
        #expect(run.stdout.utf8.count < 4000)
    }

    @Test func sourceZoneReadsServerTimesWhileTheReportKeepsItsOwnZone() throws {
        let run = try EndToEnd.run([
            "report", fixtures + "/Master.csv", "--tz", "Asia/Shanghai", "--source-tz", "UTC", "--by", "date,hour",
            "--format", "csv",
        ])
        #expect(run.status == 0)
        // 02:00 UTC is 10:00 in Shanghai.
        #expect(run.stdout.split(separator: "\n").dropFirst().first?.hasPrefix("2026-11-16,10,1,1,") == true)
    }

    @Test func theOutageDayOfTheSamplesOpensWithItsCollapseAndNamesTheCategoryThatJumped() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples").path
        let run = try EndToEnd.run([
            "report", samples, "--config", samples + "/hotline.yaml", "--from", "2026-11-10", "--to", "2026-11-10",
            "--format", "json",
        ])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let exceptions = try #require(object["exceptions"] as? [[String: Any]])
        let first = try #require(exceptions.first)
        #expect(first["kind"] as? String == "service_level" && first["from"] as? String == "2026-11-10T10:00:00+08:00")
        #expect((first["calls_affected"] as? Int ?? 0) > 500)
        #expect(
            exceptions.contains {
                $0["kind"] as? String == "category_share" && $0["category"] as? String == "payment"
                    && $0["subcategory"] as? String == "failed"
            })
        let period = try #require(object["period"] as? [String: Any])
        #expect(period["previous_from"] as? String == "2026-11-03")
        // Two days later the tickets pile up: the ticket exceptions follow the call ones.
        let thursday = try EndToEnd.run([
            "report", samples, "--config", samples + "/hotline.yaml", "--from", "2026-11-12", "--to", "2026-11-12",
            "--format", "json",
        ])
        let later = try #require(try JSONSerialization.jsonObject(with: Data(thursday.stdout.utf8)) as? [String: Any])
        let kinds = (later["exceptions"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        // Whole-period exceptions (the queues' own targets, the tickets) follow those bound to a time.
        let wholePeriod = ["queue_below_target", "backlog_jump", "ticket_sla_breaches"]
        let firstWhole = try #require(kinds.firstIndex { wholePeriod.contains($0) })
        #expect(kinds[firstWhole...].allSatisfy { wholePeriod.contains($0) })
        #expect(kinds.contains("backlog_jump") && kinds.contains("ticket_sla_breaches"))
    }

    @Test func aQueueFilterThatMatchesNoCallWarnsAndNamesTheQueuesRead() throws {
        let run = try EndToEnd.run(["report", fixtures + "/calls-small.csv", "--queue", "nosuchqueue"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("queue 'nosuchqueue' matched no call; queues read: "))
        #expect(run.stdout.contains("Note: queue 'nosuchqueue' matched no call"))
    }

    @Test func anOnlyInputThatCannotBeReadPrintsNoReport() throws {
        let binary = scratch + "/blob.dat"
        try Data([0, 1, 2, 0, 0, 7, 0]).write(to: URL(fileURLWithPath: binary))
        let run = try EndToEnd.run(["report", binary])
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr.contains("no input could be read: no report written"))
    }

    @Test(arguments: ["80", "80%", "0.8"])
    func aServiceLevelTargetMeansTheSameInEveryUnit(target: String) throws {
        let run = try EndToEnd.run(["report", fixtures + "/calls-small.csv", "--sl-target", target])
        #expect(run.status == 0)
        #expect(run.stdout.contains("target 80.0%"))
    }

    @Test func queueLegsAnsweredByQueueWithoutAnAgentAreNotAnsweredCalls() throws {
        // An Issabel PBX's Master.csv: 33 Queue legs of queue 500 (three written twice by ForkCDR), 32 ANSWERED by
        // Queue() itself, 3 with an agent bridged; 20 of the calls dialled from extensions; one extension call and
        // one outbound call that reach no queue.
        let run = try EndToEnd.run([
            "report", fixtures + "/issabel-queue-500-Master.csv", "--tz", "Asia/Shanghai", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["offered"] as? Int == 30 && totals["answered"] as? Int == 3)
        #expect(totals["abandoned"] as? Int == 21 && totals["short_abandoned"] as? Int == 6)
        #expect(totals["service_level"] as? Double == 0.125)
        let queues = try #require(object["queues"] as? [[String: Any]])
        #expect(queues.compactMap { $0["name"] as? String } == ["500"])
    }

    @Test func aCSVWrittenAloneIsTheCSVWrittenBesideTheFullReport() throws {
        // Alone, CSV skips the day profiles (exceptions, comparisons, the day map): its tables must not change.
        let common = [
            "report", fixtures + "/calls-small.csv", "--tz", "Asia/Shanghai", "--by", "date,queue,category",
            "--from", "2026-11-17", "--to", "2026-11-17",
        ]
        let alone = try EndToEnd.run(common + ["--output", scratch + "/alone.csv"])
        let beside = try EndToEnd.run(common + ["--output", scratch + "/beside.csv", "--output", scratch + "/r.html"])
        #expect(alone.status == 0 && beside.status == 0)
        let csv = try String(contentsOfFile: scratch + "/alone.csv", encoding: .utf8)
        #expect(csv.split(separator: "\n").count > 1)
        #expect(csv == (try String(contentsOfFile: scratch + "/beside.csv", encoding: .utf8)))
        #expect(alone.stderr == beside.stderr)
    }

    @Test func aCDRColumnMappingReadsACustomOrder() throws {
        let columns = "src,dst,start,answer,end,duration,billsec,disposition,dcontext"
        let run = try EndToEnd.run([
            "report", fixtures + "/custom-cdr.csv", "--cdr-columns", columns, "--tz", "Asia/Shanghai", "--by", "queue",
            "--format", "csv",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\nsupport,1,1,0,0,0,0,1,0,20,20,20,20,20,180,"))
        let bad = try EndToEnd.run(["check", fixtures + "/custom-cdr.csv", "--cdr-columns", "src,dst"])
        #expect(
            bad.status == 2
                && bad.stderr.contains(
                    "lacks start (or calldate), end (or duration), billsec, disposition (or hangup_cause)")
        )
    }

    @Test func aConfiguredColumnMappingReadsAnotherExportAndFlagsOverrideTheFile() throws {
        let run = try EndToEnd.run([
            "report", fixtures + "/foreign/export.csv", "--config", fixtures + "/foreign.yaml", "--by", "date,interval",
            "--format", "csv",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\n2026-11-16,10:00,2,1,1,0,0,0,0.5,0.5,8,"))  // the file's 60-minute interval
        let fifteen = try EndToEnd.run([
            "report", fixtures + "/foreign/export.csv", "--config", fixtures + "/foreign.yaml", "--interval", "15m",
            "--by", "date,interval", "--format", "csv",
        ])
        #expect(fifteen.stdout.contains("\n2026-11-16,10:00,2,"))  // both calls in 10:00-10:15
        #expect(fifteen.status == 0)
    }

    @Test func aBadConfigurationIsAUsageErrorNamingFileLineAndKey() throws {
        let bad = scratch + "/bad.yaml"
        try "interval_minutes: 30\nservice_level:\n  target: lots\n".write(
            toFile: bad, atomically: true, encoding: .utf8)
        let run = try EndToEnd.run(["report", fixtures + "/calls-small.csv", "--config", bad])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.yaml:3: service_level.target: expected a share such as 80, 80% or 0.8"))
    }

    @Test func staffingGivesTheErlangCTableAsCSV() throws {
        let run = try EndToEnd.run([
            "staffing", fixtures + "/calls-small.csv", "--tz", "Asia/Shanghai", "--interval", "60m", "--format", "csv",
        ])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(
            lines.first == "start,calls_per_day,aht_s,required_agents,service_level,asa_s,occupancy,observed_agents")
        #expect(lines.count == 25)  // 24 hours
        // 09:00 on the mean of two days: 4 calls -> 2 per day; 10:00: 1 call -> 0.5.
        #expect(lines[10].hasPrefix("09:00,2,") && lines[11].hasPrefix("10:00,0.5,"))
        #expect(try EndToEnd.run(["staffing", fixtures + "/calls-small.csv", "--format", "html"]).status == 2)
    }

    @Test func theTicketTableIsTheCSVWithTicketsAndTheReportCarriesBoth() throws {
        let dir = scratch + "/tickets"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let csv = """
            Id,Status,Priority,Tags,Created at,Solved at
            1,Solved,High,refund,2026-11-16 10:00:00,2026-11-16 12:30:00
            2,Open,Low,password,2026-11-16 11:00:00,
            3,Closed,High,refund,2026-11-17 09:00:00,2026-11-17 10:00:00

            """
        try csv.write(toFile: dir + "/zendesk.csv", atomically: true, encoding: .utf8)
        let table = try EndToEnd.run([
            "report", dir + "/zendesk.csv", fixtures + "/calls-small.csv", "--tz", "Asia/Shanghai", "--tickets",
            "--by", "date,priority", "--format", "csv",
        ])
        #expect(table.status == 0)
        #expect(
            table.stdout.split(separator: "\n").map(String.init) == [
                "date,priority,created,solved,backlog,first_reply_p50_min,first_reply_p90_min,resolution_p50_min,resolution_p90_min,sla_breach_rate,reopen_rate,satisfaction",
                "2026-11-16,high,1,1,0,,,150,150,,,", "2026-11-16,low,1,0,1,,,,,,,", "2026-11-17,high,1,1,0,,,60,60,,,",
            ])
        let text = try EndToEnd.run([
            "report", dir + "/zendesk.csv", fixtures + "/calls-small.csv", "--tz", "Asia/Shanghai",
        ])
        #expect(text.stdout.hasPrefix("HOTLINE CALL AND TICKET REPORT"))
        #expect(text.stdout.contains("TICKETS BY CATEGORY"))
    }

    @Test(arguments: ["1", "2"])
    func aPipeAsInputIsReadFromItsStart(threads: String) throws {
        // `<(zcat calls.csv.gz)` is a pipe: nothing may read its start before the reader does.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            "-c", "\"$0\" report --threads \(threads) <(cat \"$1\")", EndToEnd.binary ?? "",
            fixtures + "/calls-small.csv",
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("10 records: 8 accepted, 2 rejected"))
    }

    @Test func cellsThatWouldStartASpreadsheetFormulaAreWrittenAsText() throws {
        let header =
            "call_id,queue,category,direction,caller,agent,enqueued_at,answered_at,ended_at,wait_s,talk_s,hold_s,wrap_s,outcome,ivr_path,csat\n"
        let times = "2026-11-16T10:00:00+08:00,2026-11-16T10:00:10+08:00,2026-11-16T10:05:00+08:00,10,290,0,0"
        let export =
            header + "C1,\"=HYPERLINK(\"\"http://x\"\")\",refund,inbound,13800138000,A1,\(times),answered,,\n"
            + "=1+2,q,refund,inbound,13800138001,A1,\(times),lost,,\n"
        let path = scratch + "/formula.csv"
        try Data(export.utf8).write(to: URL(fileURLWithPath: path))
        let run = try EndToEnd.run([
            "report", path, "--by", "queue", "--format", "csv", "--rejects", scratch + "/rejects.csv",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\n\"'=HYPERLINK(\"\"http://x\"\")\",1,1,"))
        let rejects = try String(contentsOfFile: scratch + "/rejects.csv", encoding: .utf8)
        #expect(rejects.contains(",\"'=1+2,q,refund,"))
    }

    @Test func offsetsOtherThanTheMachinesZoneWarnOnceWhenNoZoneWasNamed() throws {
        let tokyo = ["TZ": "Asia/Tokyo"]
        let run = try EndToEnd.run(["report", fixtures + "/calls-small.csv"], environment: tokyo)
        #expect(run.status == 0)
        let warnings = run.stderr.split(separator: "\n").filter { $0.contains("this machine's zone") }
        #expect(warnings.count == 1)
        #expect(
            warnings.first?.hasSuffix(
                "calls-small.csv: timestamps carry UTC+08:00, but days and intervals are counted in this machine's zone, Asia/Tokyo (UTC+09:00), as no --tz or time_zone names one; choose with --tz (e.g. an IANA name such as Asia/Shanghai, or +08:00) or time_zone in the configuration"
            ) == true)
        #expect(run.stdout.contains("Time zone Asia/Tokyo (UTC+09:00), 30-minute intervals."))
        let named = try EndToEnd.run(["report", fixtures + "/calls-small.csv", "--tz", "UTC"], environment: tokyo)
        #expect(!named.stderr.contains("this machine's zone"))
    }

    @Test func everyReportPrintsTheZoneAndTheOffsetItUsed() throws {
        let text = try EndToEnd.run(["report", fixtures + "/calls-small.csv", "--tz", "Asia/Shanghai"])
        #expect(text.stdout.contains("\nTime zone Asia/Shanghai (UTC+08:00), 30-minute intervals.\n"))
        let html = try EndToEnd.run(["report", fixtures + "/calls-small.csv", "--tz", "+08:00", "--format", "html"])
        #expect(html.stdout.contains("time zone UTC+08:00 ·"))
        let json = try EndToEnd.run(["report", fixtures + "/calls-small.csv", "--tz", "+08:00", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let period = try #require(object?["period"] as? [String: Any])
        #expect(period["time_zone"] as? String == "UTC+08:00")
        #expect((period["utc_offsets"] as? [[String: Any]])?.first?["offset"] as? String == "UTC+08:00")
    }

    @Test func staffingWritesItsOutputFileAtomically() throws {
        let target = scratch + "/staffing.csv"
        let run = try EndToEnd.run([
            "staffing", fixtures + "/calls-small.csv", "--tz", "Asia/Shanghai", "-o", target,
        ])
        #expect(run.status == 0 && run.stdout.isEmpty)
        let csv = try String(contentsOfFile: target, encoding: .utf8)
        #expect(csv.hasPrefix("start,calls_per_day,aht_s,required_agents,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).filter { $0.hasPrefix(".") }.isEmpty)
        let over = try EndToEnd.run(["staffing", fixtures + "/calls-small.csv", "-o", fixtures + "/calls-small.csv"])
        #expect(over.status == 2 && over.stderr.contains("is an input of this run"))
    }

    @Test func errorsAreOneLineWithOnePrefix() throws {
        for arguments in [["reprt"], ["report", "x.csv", "--bogus"], ["report", "x.csv", "--from", "2026-11-31"]] {
            let run = try EndToEnd.run(arguments)
            #expect(run.status == 2)
            #expect(run.stderr.hasPrefix("hotline: error: ") && run.stderr.filter { $0 == "\n" }.count == 1)
        }
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try EndToEnd.run(["report", "x.csv", "--by", "colour"]).status == 2)
        #expect(try EndToEnd.run(["frobnicate"]).status == 2)
    }

    @Test func everyLineOfTheSampleTextReportsFitsOneHundredColumns() throws {
        #expect(try EndToEnd.run(["samples", "--out", scratch + "/s"]).status == 0)
        let config = scratch + "/s/hotline.yaml"
        // English here (the samples' configuration says Chinese): ReportLanguageTests checks both languages.
        let runs = [
            ["report", scratch + "/s", "--config", config, "--lang", "en"],
            [
                "report", scratch + "/s", "--config", config, "--lang", "en", "--from", "2026-11-16", "--to",
                "2026-11-22",
            ],
            [
                "report", scratch + "/s", "--config", config, "--lang", "en", "--from", "2026-11-10", "--to",
                "2026-11-10", "--interval", "15m",
            ],
        ]
        for arguments in runs {
            let run = try EndToEnd.run(arguments)
            #expect(run.status == 0 && run.stdout.contains("DATA QUALITY"))
            for line in run.stdout.split(separator: "\n") {
                // Two columns for East Asian Width W and F (the samples' Chinese), one for the rest.
                let columns = line.unicodeScalars.reduce(0) { n, s in
                    n
                        + ((0x1100...0x115F).contains(s.value) || (0x2E80...0xA4CF).contains(s.value)
                            || (0xAC00...0xD7A3).contains(s.value) || (0xF900...0xFAFF).contains(s.value)
                            || (0xFF00...0xFF60).contains(s.value) || (0xFFE0...0xFFE6).contains(s.value) ? 2 : 1)
                }
                #expect(columns <= 100, "\(arguments.last ?? ""): \(columns) columns: \(line)")
            }
        }
    }

    @Test func aRecognisedFileWithNoRecordIsAnErrorThatStrictCounts() throws {
        let path = scratch + "/view.xml"
        try "<?xml version=\"1.0\"?>\n<tickets type=\"array\" count=\"2\"><item/><item/></tickets>\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let plain = try EndToEnd.run(["report", path])
        #expect(plain.status == 1)
        #expect(plain.stderr.contains("\(path): no records: no <ticket> element; the document holds <item> elements"))
        #expect(try EndToEnd.run(["report", path, "--strict"]).status == 3)
        #expect(try EndToEnd.run(["check", path, "--strict"]).status == 3)
    }

    @Test func samplesAreTheSameBytesForTheSameSeed() throws {
        #expect(try EndToEnd.run(["samples", "--out", scratch + "/a", "--seed", "7"]).status == 0)
        #expect(try EndToEnd.run(["samples", "--out", scratch + "/b", "--seed", "7"]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch + "/a").sorted()
        #expect(names.count == 33)  // 28 days, the GB18030 export, two ticket exports, a queue_log, hotline.yaml
        for name in names {
            #expect(FileManager.default.contentsEqual(atPath: scratch + "/a/" + name, andPath: scratch + "/b/" + name))
        }
    }
}

enum EndToEnd {
    /// The `hotline` binary built beside the tests (so a sanitizer build's tests run its own binary), else the
    /// debug binary of `swift build`; nil when neither is there.
    static let binary: String? = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("hotline").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent(".build/debug/hotline").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary ?? "/nonexistent")
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
