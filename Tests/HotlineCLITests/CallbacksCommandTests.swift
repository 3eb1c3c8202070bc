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
}
