import Foundation
import Testing

@testable import HotlineIngest

/// `--output report.xlsx` and the CSV encodings, as a user runs them: the workbook written atomically and the same
/// bytes every time, a failure that leaves nothing, GB18030 and BOM CSV files that the tool's own reader decodes.
@Suite(.enabled(if: EndToEnd.binary != nil, "needs the hotline binary: run `swift build` first"))
struct WorkbookAndCSVEncodingTests {
    let scratch = NSTemporaryDirectory() + "hotline-xlsx-\(UUID().uuidString)"
    var calls: String { scratch + "/calls.csv" }

    static let header =
        "call_id,queue,category,direction,caller,agent,enqueued_at,answered_at,ended_at,wait_s,talk_s,hold_s,wrap_s,outcome,ivr_path,csat"

    /// Calls answered by agents with Chinese names, and one rejected record with Chinese text.
    init() throws {
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        var lines = [Self.header]
        for (i, agent) in ["陈静", "王芳", "李娜", "陈静"].enumerated() {
            lines.append(
                "C\(i),商户热线,退款,inbound,1380000000\(i),\(agent),2026-11-16T10:0\(i):00+08:00,2026-11-16T10:0\(i):20+08:00,2026-11-16T10:0\(i):50+08:00,20,30,0,10,answered,,5"
            )
        }
        lines.append("C9,商户热线,退款,inbound,13800000009,张伟,2026-11-16T10:09:00+08:00,,,,,,,丢失,,")
        try (lines.joined(separator: "\n") + "\n").write(toFile: calls, atomically: true, encoding: .utf8)
    }

    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch).filter { $0.hasPrefix(".") }
    }

    func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try #require(FileManager.default.contents(atPath: path)))
    }

    @Test func anXLSXOutputIsAWorkbookAndTheSameRunWritesTheSameBytes() throws {
        for name in ["a.xlsx", "b.xlsx"] {
            let run = try EndToEnd.run(["report", calls, "--tz", "Asia/Shanghai", "--output", scratch + "/" + name])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let first = try bytes(scratch + "/a.xlsx")
        #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(first == (try bytes(scratch + "/b.xlsx")))
        #expect(try leftovers().isEmpty)
    }

    @Test func formatXLSXToAPipeWritesTheWorkbook() throws {
        let run = try EndToEnd.run(["report", calls, "--format", "xlsx"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("PK\u{03}\u{04}"))
    }

    @Test func aWorkbookWhoseFolderCannotBeMadeIsOneLineAndExitOne() throws {
        try Data("a file".utf8).write(to: URL(fileURLWithPath: scratch + "/blocker"))
        let target = scratch + "/blocker/report.xlsx"
        let run = try EndToEnd.run(["report", calls, "--tz", "Asia/Shanghai", "--output", target])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("hotline: error: cannot write \(target): cannot create its folder"))
        #expect(run.stderr.split(separator: "\n").filter { $0.contains("error") }.count == 1)
        #expect(try leftovers().isEmpty)
    }

    @Test(.enabled(if: geteuid() == 0, "mounting a small file system needs root"))
    func aWorkbookThatDoesNotFitLeavesTheOldFileAndNoTemporaryFile() throws {
        let disk = scratch + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        guard try EndToEnd.status("/bin/mount", ["-t", "tmpfs", "-o", "size=8k", "tmpfs", disk]) == 0 else { return }
        defer { _ = try? EndToEnd.status("/bin/umount", [disk]) }
        try Data("old".utf8).write(to: URL(fileURLWithPath: disk + "/report.xlsx"))
        let run = try EndToEnd.run(["report", calls, "--tz", "Asia/Shanghai", "--output", disk + "/report.xlsx"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("hotline: error: cannot write \(disk)/report.xlsx: "))
        // One line naming the output: libxlsxwriter's own lines (naming its scratch file) are not shown.
        #expect(run.stderr.split(separator: "\n").filter { $0.contains("error") }.count == 1, "\(run.stderr)")
        #expect(!run.stderr.contains("[ERROR]") && !run.stderr.contains(".hotline-xlsx-"))
        #expect(FileManager.default.contents(atPath: disk + "/report.xlsx") == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk) == ["report.xlsx"])
    }

    @Test func aGB18030CSVReportRoundTripsThroughTheReader() throws {
        let utf8 = scratch + "/agents-utf8.csv"
        let gb = scratch + "/agents-gb.csv"
        for (path, encoding) in [(utf8, "utf-8"), (gb, "gb18030")] {
            let run = try EndToEnd.run(["report", calls, "--by", "agent", "--output", path, "--csv-encoding", encoding])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let expected = try String(contentsOfFile: utf8, encoding: .utf8)
        #expect(expected.contains("\n陈静,2,2,"))
        let written = try bytes(gb)
        #expect(written != Array(expected.utf8))
        #expect(TextEncoding.detect(sample: written) == .text(.gb18030, bomLength: 0))
        let decoded = try InputIngest.decodedHead(written, encoding: .gb18030, bomLength: 0, path: gb)
        #expect(decoded == expected)
    }

    @Test func aBOMStartsTheReportAndRejectsCSVAndTheReaderSkipsIt() throws {
        let table = scratch + "/table.csv"
        let rejects = scratch + "/rejects.csv"
        let run = try EndToEnd.run([
            "report", calls, "--by", "agent", "--output", table, "--rejects", rejects, "--csv-bom",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        for path in [table, rejects] {
            let written = try bytes(path)
            #expect(written.starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(TextEncoding.detect(sample: written) == .text(.utf8BOM, bomLength: 3))
        }
        let text = try InputIngest.decodedHead(try bytes(rejects), encoding: .utf8BOM, bomLength: 3, path: rejects)
        #expect(text.hasPrefix("file,line,field,reason,record\n") && text.contains("张伟"))
    }

    @Test func rejectsAreWrittenInGB18030WhenAsked() throws {
        let rejects = scratch + "/rejects.csv"
        let run = try EndToEnd.run([
            "report", calls, "--rejects", rejects, "--csv-encoding", "gb18030", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let written = try bytes(rejects)
        let text = try InputIngest.decodedHead(written, encoding: .gb18030, bomLength: 0, path: rejects)
        #expect(text.contains("张伟") && text.contains("丢失"))
    }

    @Test func aBOMWithGB18030IsAUsageError() throws {
        let run = try EndToEnd.run(["report", calls, "--csv-bom", "--csv-encoding", "gb18030"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--csv-bom is a UTF-8 byte-order mark: a GB18030 file has none."))
    }

    @Test func theConfigurationsCSVSettingsApplyAndAFlagOverridesThem() throws {
        let config = scratch + "/hotline.yaml"
        try "csv:\n  bom: true\n".write(toFile: config, atomically: true, encoding: .utf8)
        let table = scratch + "/table.csv"
        var run = try EndToEnd.run(["report", calls, "--config", config, "--output", table])
        #expect(run.status == 0)
        #expect(try bytes(table).starts(with: [0xEF, 0xBB, 0xBF]))
        run = try EndToEnd.run(["report", calls, "--config", config, "--output", table, "--no-csv-bom"])
        #expect(run.status == 0)
        #expect(try bytes(table).starts(with: Array("date,".utf8)))
    }
}
