import Foundation
import Testing

/// `nightly.export`: the night writes the export partitions of every day it derives, as `hotline export` would.
extension NightlyTests {
    var warehouse: String { scratch + "/warehouse" }

    /// The configuration with `nightly.export: warehouse`.
    func writeExportConfig() throws {
        try writeConfig()
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try text.replacingOccurrences(of: "  output: out\n", with: "  output: out\n  export: warehouse\n")
            .write(toFile: config, atomically: true, encoding: .utf8)
    }

    /// The rows of a gzip CSV file after its header, through `gzip -dc`.
    func gzipRows(_ path: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "gzip -dc \(path)")
        return Array(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).dropFirst())
    }

    /// Every file under the export folder, relative to it, sorted.
    func exportedFiles() -> [String] {
        let all = FileManager.default.enumerator(atPath: warehouse)?.compactMap { $0 as? String } ?? []
        return all.filter { $0.hasSuffix(".gz") || $0.hasSuffix(".json") }.sorted()
    }

    @Test func aNightWithAnExportWritesTheDaysPartitionsAsHotlineExportDoes() throws {
        try writeExportConfig()
        try writeDay("2026-11-16", 12)
        try writeDay("2026-11-17", 9)
        let run = try nightly("2026-11-17")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            exportedFiles() == [
                "_schema.json", "calls/day=2026-11-16/part-0.csv.gz", "calls/day=2026-11-17/part-0.csv.gz",
            ])
        let day16 = try gzipRows(warehouse + "/calls/day=2026-11-16/part-0.csv.gz")
        #expect(day16.count == 12)
        #expect(day16.allSatisfy { $0.contains(",2026-11-16,") })
        // The same rows as `hotline export` over the same files (the night reads each day with its neighbours).
        let out = scratch + "/export"
        let export = try EndToEnd.run(["export", inbox, "--config", config, "--out", out])
        #expect(export.status == 0, "\(export.stderr)")
        for day in ["2026-11-16", "2026-11-17"] {
            let path = "/calls/day=\(day)/part-0.csv.gz"
            #expect(try gzipRows(warehouse + path).sorted() == gzipRows(out + path).sorted(), "\(day)")
        }
        let schema = try String(contentsOfFile: warehouse + "/_schema.json", encoding: .utf8)
        #expect(schema.contains("\"rejects\": {\n      \"partitioned_by_day\": true"))
    }

    @Test func aSecondNightAndARebuildLeaveTheExportedBytesUnchanged() throws {
        try writeExportConfig()
        try writeDay("2026-11-16", 12)
        try writeDay("2026-11-17", 9)
        #expect(try nightly("2026-11-17").status == 0)
        let names = exportedFiles()
        let before = names.map { bytes(warehouse + "/" + $0) }
        #expect(try nightly("2026-11-17").status == 0)
        #expect(exportedFiles() == names)
        #expect(names.map { bytes(warehouse + "/" + $0) } == before)
        // A rebuild derives every day again: the same bytes.
        #expect(try nightly("2026-11-17", ["--rebuild"]).status == 0)
        #expect(exportedFiles() == names)
        #expect(names.map { bytes(warehouse + "/" + $0) } == before)
    }

    @Test func aDayDerivedAgainReplacesItsPartitionAndItsFilesRejects() throws {
        try writeExportConfig()
        try writeDay("2026-11-16", 4)
        #expect(try nightly("2026-11-16").status == 0)
        let calls16 = warehouse + "/calls/day=2026-11-16/part-0.csv.gz"
        #expect(try gzipRows(calls16).count == 4)
        // A late file for the 16th with one bad row: the day is derived again with it.
        try writeDay("2026-11-16", 3, name: "merchant-2026-11-16.csv", idPrefix: "M")
        let merchant = inbox + "/merchant-2026-11-16.csv"
        let bad =
            "X1,hotline-cn,退款,inbound,13800000009,A1,2026-11-16T11:00:00+08:00,,2026-11-16T11:01:00+08:00,60,0,0,0,exploded,,\n"
        try (String(contentsOfFile: merchant, encoding: .utf8) + bad).write(
            toFile: merchant, atomically: true, encoding: .utf8)
        let second = try nightly("2026-11-16")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try gzipRows(calls16).count == 7)
        let rejects16 = warehouse + "/rejects/day=2026-11-16/part-0.csv.gz"
        let rejects = try gzipRows(rejects16)
        #expect(rejects.count == 1 && rejects.first?.hasPrefix(merchant + ",5,outcome,") == true, "\(rejects)")
        // The merchant file corrected: its reject goes; moved to the 18th: the 16th is the first file's alone again.
        try FileManager.default.removeItem(atPath: merchant)
        try writeDay("2026-11-18", 3, name: "merchant-2026-11-16.csv", idPrefix: "M")
        let third = try nightly("2026-11-16")
        #expect(third.status == 0, "\(third.stderr)")
        #expect(try gzipRows(calls16).count == 4)
        #expect(!FileManager.default.fileExists(atPath: rejects16))
        #expect(try gzipRows(warehouse + "/calls/day=2026-11-18/part-0.csv.gz").count == 3)
    }
}
