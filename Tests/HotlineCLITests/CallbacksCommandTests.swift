import Foundation
import Testing

/// `hotline callbacks` as the call-back team runs it.
@Suite(.enabled(if: EndToEnd.binary != nil, "needs the hotline binary: run `swift build` first"))
struct CallbacksCommandTests {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    @Test func callersAreMaskedUnlessTheTeamAsksToSeeThem() throws {
        let masked = try EndToEnd.run([
            "callbacks", fixtures + "/calls-small.csv", "--tz", "Asia/Shanghai", "--date", "2026-11-17", "--format",
            "csv",
        ])
        #expect(masked.status == 0, "\(masked.stderr)")
        #expect(masked.stdout.hasPrefix("caller,first_attempt,last_attempt,attempts,longest_wait_s,category,queue\n"))
        // T3 abandoned on the 16th but was answered five minutes later; T7 hung up on the 17th and never called again.
        #expect(masked.stdout.contains("*******0007,2026-11-17 11:30:00,2026-11-17 11:30:00,1,3,other,hotline-cn"))
        #expect(!masked.stdout.contains("13800000007") && !masked.stdout.contains("0003"))
        let shown = try EndToEnd.run([
            "callbacks", fixtures + "/calls-small.csv", "--tz", "Asia/Shanghai", "--date", "2026-11-17", "--format",
            "csv", "--show-callers",
        ])
        #expect(shown.stdout.contains("13800000007,2026-11-17 11:30:00"))
    }

    @Test func aDayWithoutMissedCallersSaysSo() throws {
        let run = try EndToEnd.run([
            "callbacks", fixtures + "/calls-small.csv", "--tz", "Asia/Shanghai", "--date", "2026-11-10",
        ])
        #expect(run.stdout == "No caller to call back for 2026-11-10.\n")
    }

    @Test func aWindowOutsideItsBoundsIsAUsageError() throws {
        let run = try EndToEnd.run(["callbacks", fixtures + "/calls-small.csv", "--window", "0"])
        #expect(run.status == 64 || run.status == 2)
        #expect(run.stderr.contains("--window 0"))
    }

    @Test func theConfigurationSetsTheDefaultWindowAndWhetherCallersShow() throws {
        let folder = NSTemporaryDirectory() + "hotline-callbacks-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // 13800001111 abandons at 09:00 and is answered 90 minutes after that call ended.
        let calls = [
            "call_id,queue,category,direction,caller,agent,enqueued_at,answered_at,ended_at,wait_s,talk_s,hold_s,wrap_s,outcome",
            "M1,hotline-cn,退款,inbound,13800001111,,2026-11-17T09:00:00+08:00,,2026-11-17T09:01:00+08:00,60,0,0,0,abandoned",
            "M2,hotline-cn,退款,inbound,13800001111,A1,2026-11-17T10:31:00+08:00,2026-11-17T10:31:10+08:00,2026-11-17T10:35:00+08:00,10,230,0,0,answered",
        ]
        try (calls.joined(separator: "\n") + "\n").write(
            toFile: folder + "/calls.csv", atomically: true, encoding: .utf8)
        try "time_zone: Asia/Shanghai\ncallbacks: {window_hours: 1, show_callers: true}\n".write(
            toFile: folder + "/hotline.yaml", atomically: true, encoding: .utf8)
        func list(_ extra: [String]) throws -> String {
            try EndToEnd.run(["callbacks", folder + "/calls.csv", "--date", "2026-11-17", "--format", "csv"] + extra)
                .stdout
        }
        // By default a day: the answer came in time, only the header.
        #expect(try list(["--tz", "Asia/Shanghai"]).split(separator: "\n").count == 1)
        let configured = try list(["--config", folder + "/hotline.yaml"])
        #expect(configured.contains("\n13800001111,2026-11-17 09:00:00"), "\(configured)")
        #expect(try list(["--config", folder + "/hotline.yaml", "--window", "2"]).split(separator: "\n").count == 1)
    }
}
