import Foundation
import Testing

/// `nightly.formats`: the workbook (and any other format) among the reports a night writes.
extension NightlyTests {
    @Test func configuredFormatsAreWrittenForEveryReportAndAgainByteForByte() throws {
        try writeConfig(extra: "  formats: [html, text, xlsx, csv]")
        try writeDay("2026-11-16", 12)
        let first = try nightly("2026-11-16")
        #expect(first.status == 0 && first.stderr.isEmpty, "\(first.stderr)")
        let outputs = ["daily", "week-to-date", "month-to-date"].flatMap { folder in
            ["html", "txt", "xlsx", "csv"].map { "\(scratch)/out/\(folder)/2026-11-16.\($0)" }
        }
        let before = outputs.map(bytes)
        #expect(before.allSatisfy { $0 != nil })
        #expect(bytes(scratch + "/out/daily/2026-11-16.json") == nil)
        #expect(bytes(scratch + "/out/daily/2026-11-16.xlsx")?.starts(with: [0x50, 0x4B, 0x03, 0x04]) == true)
        #expect(try nightly("2026-11-16").status == 0)
        #expect(outputs.map(bytes) == before)
        let folder = try FileManager.default.contentsOfDirectory(atPath: scratch + "/out/daily")
        #expect(!folder.contains { $0.hasPrefix(".") })
    }
}
