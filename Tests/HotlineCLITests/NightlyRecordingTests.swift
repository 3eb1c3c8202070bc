import Foundation
import Testing

/// A night reads each file once and derives the days around it from the recordings; reading each day's files
/// together again (`--read-each-day`, the way before) must give the same reports, store figures and export.
/// The night's folders hold the same paths both ways, so the reports' bytes compare too.
extension NightlyTests {
    /// Every file under `folder`, relative to it, with its bytes (gzip parts decompressed: their members may be cut
    /// differently, their rows may not).
    func contents(of folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let names = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        for name in names {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder),
                !isFolder.boolValue
            else { continue }
            files[name] =
                name.hasSuffix(".gz")
                ? Data(try gzipRows(folder + "/" + name).joined(separator: "\n").utf8) : bytes(folder + "/" + name)
        }
        return files
    }

    @Test func daysDerivedFromRecordingsEqualDaysReadTogetherAgain() throws {
        try writeExportConfig()
        try writeDay("2026-11-16", 12)
        try writeDay("2026-11-17", 9)
        for day in 19...23 { try writeDay("2026-11-\(day)", 7 + day % 3) }
        // A call waiting across midnight, a repeat caller of the day before, a label no rule knows and a row
        // rejected: the file's unmatched values and rejects are learnt from its recording the second way.
        try """
        \(Self.header)
        L1,hotline-cn,退款,inbound,13800000001,A1,2026-11-17T23:59:30+08:00,2026-11-18T00:00:40+08:00,2026-11-18T00:02:00+08:00,70,80,0,5,answered,,4
        L2,hotline-cn,未知标签,inbound,13800000002,,2026-11-18T08:00:00+08:00,,2026-11-18T08:01:00+08:00,60,0,0,0,abandoned,,
        L3,hotline-cn,账单,inbound,13800000003,A2,2026-11-18T09:00:00+08:00,2026-11-18T09:00:10+08:00,2026-11-18T09:03:00+08:00,abc,170,0,5,answered,,
        """.write(toFile: inbox + "/late.csv", atomically: true, encoding: .utf8)
        // A queue log of 2026-11-23: the days around it (from the 20th) are read together whichever way.
        let t = 1_795_399_200  // 2026-11-23T10:00:00+08:00
        try """
        \(t)|q1|support|NONE|ENTERQUEUE||13800000001|1
        \(t + 15)|q1|support|Agent/1001|CONNECT|15|u1|3
        \(t + 200)|q1|support|Agent/1001|COMPLETECALLER|15|185|1
        \(t + 300)|q2|support|NONE|ENTERQUEUE||13800000009|1
        \(t + 360)|q2|support|NONE|ABANDON|1|1|60

        """.write(toFile: inbox + "/queue_log", atomically: true, encoding: .utf8)
        // The same night twice from nothing: each day's files read together, then once a night.
        var runs: [(figures: String, quality: String, outputs: [String: Data], parts: [String: Data])] = []
        for extra in [["--read-each-day"], []] {
            for folder in [scratch + "/store", scratch + "/out", warehouse] {
                try? FileManager.default.removeItem(atPath: folder)
            }
            let run = try nightly("2026-11-23", extra)
            #expect(run.status == 0, "\(run.stderr)")
            let figures = try figures(["report", "--store", store, "--from", "2026-11-16", "--to", "2026-11-23"])
            let quality = try dataQuality(["report", "--store", store, "--from", "2026-11-16", "--to", "2026-11-23"])
            runs.append((figures, quality, try contents(of: scratch + "/out"), try contents(of: warehouse)))
        }
        #expect(runs[0].outputs.keys.contains("daily/2026-11-23.html"))
        // The abandoned caller of the queue log is on the list, read again with the log whichever way.
        let callbacks = String(decoding: runs[0].outputs["daily/callbacks-2026-11-23.csv"] ?? Data(), as: UTF8.self)
        #expect(callbacks.contains("*******0009,"), "\(callbacks)")
        #expect(runs[0].parts.keys.contains("calls/day=2026-11-18/part-0.csv.gz"))
        #expect(runs[0].parts.keys.contains { $0.hasPrefix("rejects/") })
        #expect(runs[0].quality.contains("未知标签"))
        #expect(runs[0].quality.contains("abc"))
        #expect(runs[0].figures == runs[1].figures)
        #expect(runs[0].quality == runs[1].quality)
        #expect(runs[0].outputs == runs[1].outputs)
        #expect(runs[0].parts == runs[1].parts)
    }

    /// A store report's unmatched values and first rejects, as JSON.
    func dataQuality(_ arguments: [String]) throws -> String {
        let run = try EndToEnd.run(arguments + ["--config", config, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let quality = try #require(object["data_quality"] as? [String: Any])
        let kept = ["unmatched": quality["unmatched"] ?? [], "first_rejects": quality["first_rejects"] ?? []]
        return String(decoding: try JSONSerialization.data(withJSONObject: kept, options: [.sortedKeys]), as: UTF8.self)
    }
}
