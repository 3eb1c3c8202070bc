import Foundation
import Testing

/// `hotline report --store A --store B`: the nightly stores of two sites of a group, one report.
@Suite(.enabled(if: EndToEnd.binary != nil, "needs the hotline binary: run `swift build` first"))
struct SiteMergeTests {
    let scratch = NSTemporaryDirectory() + "hotline-sites-\(UUID().uuidString)"

    func site(_ name: String) -> (inbox: String, config: String, store: String) {
        (scratch + "/\(name)/inbox", scratch + "/\(name)/hotline.yaml", scratch + "/\(name)/store.sqlite")
    }

    /// A site's folders and configuration: the same settings everywhere unless `extra` changes one.
    func makeSite(_ name: String, extra: String = "") throws {
        let s = site(name)
        try FileManager.default.createDirectory(atPath: s.inbox, withIntermediateDirectories: true)
        try """
        time_zone: Asia/Shanghai
        \(extra)
        nightly:
          inbox: [inbox]
          store: store.sqlite
          output: out

        """.write(toFile: s.config, atomically: true, encoding: .utf8)
    }

    /// `n` calls of `day` from 10:00, one a minute, each waiting 20 s from `second` past the minute; callers and
    /// agents of the site's own.
    func writeDay(_ name: String, _ day: String, _ n: Int, second: Int) throws {
        var lines = [
            "call_id,queue,category,direction,caller,agent,enqueued_at,answered_at,ended_at,wait_s,talk_s,hold_s,wrap_s,outcome,ivr_path,csat"
        ]
        func clock(_ minute: Int, _ second: Int) -> String {
            let m = minute % 60
            let s = second % 60
            return "\(10 + minute / 60):\(m < 10 ? "0" : "")\(m):\(s < 10 ? "0" : "")\(s)"
        }
        for i in 0..<n {
            let enqueued = clock(i, second)
            let answered = clock(i, second + 20)
            let ended = clock(i + 1, second + 20)
            lines.append(
                "\(name)-\(day)-\(i),hotline-cn,退款,inbound,\(name == "a" ? "138" : "139")0000000\(i % 3),\(name.uppercased())\(i % 2),\(day)T\(enqueued)+08:00,\(day)T\(answered)+08:00,\(day)T\(ended)+08:00,20,60,0,0,answered,,"
            )
        }
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: site(name).inbox + "/calls-\(day).csv", atomically: true, encoding: .utf8)
    }

    func nightly(_ name: String, _ date: String) throws -> EndToEnd.Result {
        try EndToEnd.run(["nightly", "--config", site(name).config, "--date", date])
    }

    /// The report as JSON with sorted keys, without data quality (which lists stores' and folders' files
    /// differently) and the merged sites' names.
    func figures(_ arguments: [String]) throws -> String {
        let run = try EndToEnd.run(arguments + ["--config", site("a").config, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        object["data_quality"] = nil
        object["sites"] = nil
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    @Test func twoSitesStoresMergeIntoTheReportOverBothSitesFiles() throws {
        try makeSite("a")
        try makeSite("b")
        // A's calls wait in the first 20 s of each minute, B's in the second half: never together, so the merged
        // peak is 1 where adding the sites' peaks would say 2.
        for (day, n) in [("2026-11-16", 12), ("2026-11-17", 9)] {
            try writeDay("a", day, n, second: 0)
            try writeDay("b", day, n - 2, second: 30)
        }
        #expect(try nightly("a", "2026-11-17").status == 0)
        #expect(try nightly("b", "2026-11-17").status == 0)
        let period = ["--from", "2026-11-16", "--to", "2026-11-17"]
        let merged = try figures(["report", "--store", site("a").store, "--store", site("b").store] + period)
        #expect(merged == (try figures(["report", site("a").inbox, site("b").inbox] + period)))
        #expect(merged.contains("\"peak_waiting\":1"))
        #expect(!merged.contains("\"peak_waiting\":2"))

        let text = try EndToEnd.run(
            ["report", "--store", site("a").store, "--store", site("b").store, "--config", site("a").config] + period)
        // The text wraps at the terminal's width: compare with the words joined by single spaces.
        let words = text.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Sites merged: \(site("a").store), \(site("b").store). A caller's repeat calls"))
    }

    @Test func storesBuiltWithDifferentSettingsAreRefusedNamingBoth() throws {
        try makeSite("a")
        try makeSite("b", extra: "service_level:\n  threshold_seconds: 30")
        try writeDay("a", "2026-11-16", 3, second: 0)
        try writeDay("b", "2026-11-16", 3, second: 0)
        #expect(try nightly("a", "2026-11-16").status == 0)
        #expect(try nightly("b", "2026-11-16").status == 0)
        let run = try EndToEnd.run([
            "report", "--store", site("a").store, "--store", site("b").store, "--config", site("a").config,
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains(site("a").store) && run.stderr.contains(site("b").store))
        #expect(run.stderr.contains("different settings") && run.stdout.isEmpty)
    }

    @Test func theSameStoreTwiceIsRefused() throws {
        try makeSite("a")
        try writeDay("a", "2026-11-16", 3, second: 0)
        #expect(try nightly("a", "2026-11-16").status == 0)
        let run = try EndToEnd.run([
            "report", "--store", site("a").store, "--store", site("a").store, "--config", site("a").config,
        ])
        #expect(run.status == 2 && run.stderr.contains("same store twice"))
    }
}
