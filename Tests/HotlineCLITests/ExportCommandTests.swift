import Foundation
import Testing

@testable import HotlineCLI

/// `hotline export`: the normalised records as day-partitioned gzip CSV for a warehouse.
@Suite(.enabled(if: EndToEnd.binary != nil, "needs the hotline binary: run `swift build` first"))
struct ExportCommandTests {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// A new empty folder for one test's output.
    func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "hotline-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The text of a gzip file, through `gzip -dc`.
    func gunzip(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "gzip -dc \(path)")
        return String(decoding: data, as: UTF8.self)
    }

    /// Every file under `folder`, relative to it, sorted.
    func files(under folder: String) -> [String] {
        let all = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return all.filter { path in
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
            return !isFolder.boolValue
        }.sorted()
    }

    func export(_ inputs: [String], _ extra: [String] = []) throws -> (String, EndToEnd.Result) {
        let out = try scratch()
        let run = try EndToEnd.run(["export"] + inputs + ["--tz", "Asia/Shanghai", "--out", out] + extra)
        return (out, run)
    }

    @Test func writesOneGzipPartPerLocalDayWithAHeaderRow() throws {
        let (out, run) = try export([fixtures + "/calls-small.csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            files(under: out) == [
                "_schema.json", "calls/day=2026-11-16/part-0.csv.gz", "calls/day=2026-11-17/part-0.csv.gz",
                "rejects/part-0.csv.gz",
            ])
        let calls = try gunzip(out + "/calls/day=2026-11-16/part-0.csv.gz")
        #expect(
            calls.hasPrefix(
                "call_key,direction,queue,category,subcategory,agent,caller_key,enqueued_at,answered_at,ended_at,local_day,local_interval,wait_s,talk_s,hold_s,wrap_s,outcome,sl_threshold_s,ivr_path,ivr_s,ivr_category,csat,nps,source_file,source_line\n"
            ))
        #expect(calls.split(separator: "\n").count == 1 + 5)
        let schema = try String(contentsOfFile: out + "/_schema.json", encoding: .utf8)
        #expect(schema.contains("\"schema_version\": 1"))
        #expect(!files(under: out).contains { $0.contains(".tmp-") })
    }

    @Test func aCallRowHasUTCTimesItsLocalDayAndIntervalDurationsOutcomeAndThreshold() throws {
        let config = try scratch() + "/hotline.yaml"
        try "service_level:\n  threshold_seconds: 20\n  queues:\n    vip: {threshold_seconds: 10}\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        let (out, run) = try export([fixtures + "/calls-small.csv"], ["--config", config, "--interval", "15m"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try gunzip(out + "/calls/day=2026-11-16/part-0.csv.gz").split(separator: "\n").map(String.init)
        let first = rows[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        // T1: 09:00:05 in Shanghai is 01:00:05 UTC; the 15-minute interval starting 09:00.
        #expect(first[0].count == 16)
        #expect(Array(first[1...5]) == ["inbound", "hotline-cn", "payment", first[4], "A1"])
        #expect(
            Array(first[7...11]) == [
                "2026-11-16T01:00:05.000Z", "2026-11-16T01:00:15.000Z", "2026-11-16T01:05:15.000Z", "2026-11-16",
                "09:00",
            ])
        #expect(Array(first[12...17]) == ["10.000", "300.000", "0.000", "30.000", "answered", "20"])
        #expect(first[21] == "5" && first[24] == "2")
        #expect(first[23].hasSuffix("calls-small.csv"))
        // An abandoned call has no answer time; the vip queue has its own threshold.
        let abandoned = rows[3].split(separator: ",", omittingEmptySubsequences: false)
        #expect(abandoned[8] == "" && abandoned[16] == "abandoned")
        let vip = rows[5].split(separator: ",", omittingEmptySubsequences: false)
        #expect(vip[2] == "vip" && vip[16] == "transferred" && vip[17] == "10")
    }

    @Test func callersAreHashedUnlessShown() throws {
        let (hashed, run) = try export([fixtures + "/calls-small.csv"])
        #expect(run.status == 0)
        let text = try gunzip(hashed + "/calls/day=2026-11-16/part-0.csv.gz")
        #expect(!text.contains("13800000001"))
        let keys = text.split(separator: "\n").dropFirst().map {
            String($0.split(separator: ",", omittingEmptySubsequences: false)[6])
        }
        // T3 and T4 are the same caller; the anonymous caller has no key.
        #expect(keys[2] == keys[3] && keys[2].count == 16 && keys[0] != keys[2])
        #expect(keys[4] == "")
        // The key of every run and version: FNV-1a 64 of "13800000001" with the SplitMix64 finish (docs/EXPORT.md),
        // computed apart from hotline.
        #expect(keys[0] == "5ba5b6d7929a0c56")
        let (again, _) = try export([fixtures + "/calls-small.csv"])
        #expect(try gunzip(again + "/calls/day=2026-11-16/part-0.csv.gz") == text)

        let (shown, _) = try export([fixtures + "/calls-small.csv"], ["--show-callers"])
        #expect(try gunzip(shown + "/calls/day=2026-11-16/part-0.csv.gz").contains(",13800000001,"))
    }

    @Test func aFormulaLikeQueueNameIsWrittenAsText() throws {
        let input = try scratch() + "/calls.csv"
        try """
        call_id,queue,category,direction,caller,agent,enqueued_at,answered_at,ended_at,wait_s,talk_s,hold_s,wrap_s,outcome
        X1,=HYPERLINK("http://x"),退款,inbound,13800000001,@A1,2026-11-16T09:00:05+08:00,2026-11-16T09:00:15+08:00,2026-11-16T09:05:15+08:00,10,300,0,30,answered

        """.write(toFile: input, atomically: true, encoding: .utf8)
        let (out, run) = try export([input])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try gunzip(out + "/calls/day=2026-11-16/part-0.csv.gz")
        #expect(text.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","))
        #expect(text.contains(",'@A1,"))
    }

    @Test func aSecondRunAndOneThreadGiveTheSameBytes() throws {
        let inputs = [fixtures + "/calls-small.csv", fixtures + "/Master.csv"]
        let (first, run) = try export(inputs)
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let (second, _) = try export(inputs)
        let (single, _) = try export(inputs, ["--threads", "1"])
        let (blocks, _) = try export(inputs, ["--threads", "4", "--parallel-block-bytes", "256"])
        let names = files(under: first)
        #expect(names.count > 2)
        for other in [second, single, blocks] {
            #expect(files(under: other) == names)
            for name in names {
                let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + name))
                let b = try Data(contentsOf: URL(fileURLWithPath: other + "/" + name))
                #expect(a == b, "\(name) differs")
            }
        }
    }

    @Test func partsClosedAndReopenedHoldTheSameRows() throws {
        let inputs = [fixtures + "/calls-small.csv", fixtures + "/Master.csv"]
        let (all, _) = try export(inputs)
        // Master.csv's call falls on the 16th again after the 17th's rows: with one part open, the 16th is closed
        // for the 17th and reopened as a second gzip member.
        let (one, run) = try export(inputs, ["--open-parts", "1", "--threads", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(files(under: one) == files(under: all))
        for name in files(under: all) where name.hasSuffix(".gz") {
            #expect(try gunzip(one + "/" + name) == gunzip(all + "/" + name), "\(name)")
        }
    }

    @Test func theRejectsFileListsABadRowWithFileLineAndField() throws {
        let (out, run) = try export([fixtures + "/calls-small.csv"], ["--strict"])
        #expect(run.status == 3)
        let rejects = try gunzip(out + "/rejects/part-0.csv.gz").split(separator: "\n").map(String.init)
        #expect(rejects.first == "file,line,field,kind,detail")
        #expect(rejects.contains { $0.hasPrefix(fixtures + "/calls-small.csv,10,csat,score out of range,") })
        #expect(rejects.contains { $0.hasPrefix(fixtures + "/calls-small.csv,11,outcome,unknown outcome,") })
        #expect(rejects.count == 3)
    }

    @Test func jsonLinesCarryTheSameColumns() throws {
        let (out, run) = try export([fixtures + "/calls-small.csv"], ["--jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        let line = try gunzip(out + "/calls/day=2026-11-16/part-0.jsonl.gz").split(separator: "\n")[0]
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["enqueued_at"] as? String == "2026-11-16T01:00:05.000Z")
        #expect(object?["queue"] as? String == "hotline-cn")
        #expect(object?["answered_at"] is NSNull == false)
        #expect(object?.count == 25)
    }

    @Test func aDayOfMoreRowsThanOneGzipMemberReadsBackWholeAndInOrder() throws {
        // 3,000 calls of one day: about 700 KB of rows, so the part is several 256 KiB members.
        let folder = try scratch()
        let input = folder + "/many.csv"
        var text =
            "call_id,queue,category,direction,caller,agent,enqueued_at,answered_at,ended_at,wait_s,talk_s,outcome\n"
        for i in 0..<3000 {
            let minute = String(format: "%02d:%02d", 8 + i / 600, i / 10 % 60)
            text += "C\(i),hotline-cn,payment,inbound,1380000\(1000 + i),A1,2026-11-16T\(minute):00+08:00,"
            text += "2026-11-16T\(minute):10+08:00,2026-11-16T\(minute):50+08:00,10,40,answered\n"
        }
        try text.write(toFile: input, atomically: true, encoding: .utf8)
        let out = folder + "/out"
        let run = try EndToEnd.run(["export", input, "--tz", "Asia/Shanghai", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let part = out + "/calls/day=2026-11-16/part-0.csv.gz"
        let csv = try gunzip(part)
        #expect(csv.utf8.count > 2 * ExportTableWriter.memberSize, "the rows span several members")
        let rows = csv.split(separator: "\n")
        #expect(rows.count == 1 + 3000)
        let lines = rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).last ?? "" }
        #expect(lines == (2...3001).map { Substring(String($0)) }, "source lines in reading order")
    }

    @Test func aJSONLinesRejectsFileWithNoRejectIsStillAGzipFile() throws {
        let (out, run) = try export([fixtures + "/Master.csv"], ["--jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(files(under: out).contains("rejects/part-0.jsonl.gz"))
        #expect(try gunzip(out + "/rejects/part-0.jsonl.gz") == "")
    }
}
