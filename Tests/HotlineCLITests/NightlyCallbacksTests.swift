import Foundation
import Testing

/// The nightly job's `callbacks-YYYY-MM-DD.csv`: the report day's callers to call back, as `hotline callbacks`
/// lists them.
extension NightlyTests {
    /// 2026-11-17: 13800001111 abandons twice; 13800002222 abandons, then is answered 89 minutes after; plus the
    /// ordinary answered calls of `writeDay`.
    func writeMissedCalls() throws {
        let lines = [
            Self.header,
            "M1,hotline-cn,退款,inbound,13800001111,,2026-11-17T09:00:00+08:00,,2026-11-17T09:01:00+08:00,60,0,0,0,abandoned,,",
            "M2,hotline-cn,退款,inbound,13800001111,,2026-11-17T09:30:00+08:00,,2026-11-17T09:32:00+08:00,120,0,0,0,abandoned,,",
            "M3,hotline-cn,退款,inbound,13800002222,,2026-11-17T11:00:00+08:00,,2026-11-17T11:01:00+08:00,60,0,0,0,abandoned,,",
            "M4,hotline-cn,退款,inbound,13800002222,A1,2026-11-17T12:30:00+08:00,2026-11-17T12:30:10+08:00,2026-11-17T12:35:00+08:00,10,290,0,0,answered,,",
        ]
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: inbox + "/missed-2026-11-17.csv", atomically: true, encoding: .utf8)
    }

    @Test func theNightWritesTheDaysCallbacksListMaskedAndASecondNightChangesNoByte() throws {
        try writeDay("2026-11-16", 12)
        try writeDay("2026-11-17", 9)
        try writeMissedCalls()
        let first = try nightly("2026-11-17")
        #expect(first.status == 0, "\(first.stderr)")
        let path = scratch + "/out/daily/callbacks-2026-11-17.csv"
        let list = try String(contentsOfFile: path, encoding: .utf8)
        let rows = list.split(separator: "\n").dropFirst()
        #expect(rows.count == 1, "\(list)")
        #expect(rows.first?.hasPrefix("*******1111,") == true, "\(list)")
        #expect(!list.contains("13800001111") && !list.contains("2222"))
        // The same list as `hotline callbacks` over the same files.
        let command = try EndToEnd.run([
            "callbacks", inbox, "--config", config, "--date", "2026-11-17", "--format", "csv",
        ])
        #expect(command.stdout == list)
        let before = bytes(path)
        #expect(try nightly("2026-11-17").status == 0)
        #expect(bytes(path) == before)
        // No file is new then, but a list that is missing is made again.
        try FileManager.default.removeItem(atPath: path)
        #expect(try nightly("2026-11-17").status == 0)
        #expect(bytes(path) == before)
    }

    @Test func theCallbacksSettingsChooseTheFolderTheWindowAndWhetherCallersShow() throws {
        try writeDay("2026-11-17", 9)
        try writeMissedCalls()
        // A window of one hour: 13800002222's answer 89 minutes after the call ended comes too late.
        try writeConfig(extra: "callbacks: {window_hours: 1, show_callers: true}")
        var text = try String(contentsOfFile: config, encoding: .utf8)
        text = text.replacingOccurrences(of: "  output: out\n", with: "  output: out\n  callbacks: team\n")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        #expect(try nightly("2026-11-17").status == 0)
        let list = try String(contentsOfFile: scratch + "/team/callbacks-2026-11-17.csv", encoding: .utf8)
        #expect(list.contains("13800001111") && list.contains("13800002222"), "\(list)")
        #expect(!FileManager.default.fileExists(atPath: scratch + "/out/daily/callbacks-2026-11-17.csv"))
    }

    /// Callers that are not phone numbers are numbered as first read, and the night reads other files than the
    /// list's (here bob's answered call of the day before, first): tied on their last attempt, they are listed by
    /// their text, the same in the night's list and in `hotline callbacks` over the whole inbox.
    @Test func callersThatAreNotNumbersTiedOnTheirLastAttemptAreListedByTheirText() throws {
        let day16 = [
            Self.header,
            "B0,hotline-cn,退款,inbound,sip:bob@example.com,A1,2026-11-16T09:00:00+08:00,2026-11-16T09:00:10+08:00,2026-11-16T09:05:00+08:00,10,290,0,0,answered,,",
        ]
        let day17 = [
            Self.header,
            "A1,hotline-cn,退款,inbound,sip:alice@example.com,,2026-11-17T09:00:00+08:00,,2026-11-17T09:01:00+08:00,60,0,0,0,abandoned,,",
            "B1,hotline-cn,退款,inbound,sip:bob@example.com,,2026-11-17T09:00:00+08:00,,2026-11-17T09:01:00+08:00,60,0,0,0,abandoned,,",
        ]
        try (day16.joined(separator: "\n") + "\n").write(
            toFile: inbox + "/a-2026-11-16.csv", atomically: true, encoding: .utf8)
        try (day17.joined(separator: "\n") + "\n").write(
            toFile: inbox + "/b-2026-11-17.csv", atomically: true, encoding: .utf8)
        try writeConfig(extra: "callbacks: {show_callers: true}")
        let run = try nightly("2026-11-17")
        #expect(run.status == 0, "\(run.stderr)")
        let list = try String(contentsOfFile: scratch + "/out/daily/callbacks-2026-11-17.csv", encoding: .utf8)
        let rows = list.split(separator: "\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) }
        #expect(rows == ["sip:alice@example.com", "sip:bob@example.com"], "\(list)")
        let command = try EndToEnd.run([
            "callbacks", inbox, "--config", config, "--date", "2026-11-17", "--format", "csv", "--show-callers",
        ])
        #expect(command.stdout == list, "\(command.stderr)")
    }
}
