import Foundation
import HotlineMetrics
import Testing

@testable import HotlineReport

/// Every report names its zone and the UTC offsets it counted in.
@Suite struct ZoneLineTests {
    func acrossTheAutumnChange() -> Report {
        var report = GoldenReport.make()
        report.period.timeZone = "Europe/Berlin"
        report.period.utcOffsets = [ZoneOffset(seconds: 7200), ZoneOffset(seconds: 3600, since: "2026-10-25 02:00")]
        return report
    }

    @Test func aDaylightSavingChangeInsideThePeriodShowsBothOffsets() throws {
        let line = "Europe/Berlin (UTC+02:00, UTC+01:00 from 2026-10-25 02:00)"
        let report = acrossTheAutumnChange()
        #expect(try TextReportRenderer().rendered(report).contains("Time zone \(line), 60-minute intervals.\n"))
        #expect(try HTMLReportRenderer().rendered(report).contains("time zone \(line) ·"))
        #expect(try StaffingRenderer(format: .text).rendered(report).contains(line))
        let json = try JSONReportRenderer().rendered(report)
        #expect(json.contains("\"offset\" : \"UTC+01:00\",\n        \"since\" : \"2026-10-25 02:00\""))
    }

    @Test func aFixedOffsetIsNamedOnce() throws {
        var report = GoldenReport.make()
        report.period.timeZone = "UTC+08:00"
        report.period.utcOffsets = [ZoneOffset(seconds: 28800)]
        #expect(try TextReportRenderer().rendered(report).contains("Time zone UTC+08:00, 60-minute intervals.\n"))
    }
}
