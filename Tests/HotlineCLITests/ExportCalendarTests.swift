import Foundation
import HotlineModel
import Testing

@testable import HotlineCLI

/// The calendar of the business hours and the SLA targets in `hotline export` (docs/EXPORT.md), the tables the
/// ticket SQL measures business time and breaches with (docs/SQL.md).
struct ExportCalendarTests {
    let shanghai = LocalCalendar(zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt, intervalMinutes: 30)
    /// Mon-Fri 09:00-18:00 with Wednesday 2026-11-11 a holiday.
    let hours = BusinessHours(
        weekdays: [0, 1, 2, 3, 4], start: 9 * 3600, end: 18 * 3600,
        holidays: [CivilDate(year: 2026, month: 11, day: 11)])

    func utc(_ text: String) -> Int64 {
        let formatter = ISO8601DateFormatter()
        return Int64(formatter.date(from: text)?.timeIntervalSince1970 ?? 0)
    }

    @Test func theCalendarHasAWorkingPeriodPerWorkingDayNotAHolidayNorAWeekendInUTC() {
        let monday = CivilDate(year: 2026, month: 11, day: 9).dayNumber
        let periods = ExportCalendar.periods(of: hours, calendar: shanghai, from: monday, through: monday + 6)
        // Mon, Tue, Thu, Fri: 09:00-18:00 in Shanghai is 01:00-10:00 UTC; Wed is a holiday, Sat and Sun are off.
        #expect(
            periods.map(\.day) == [monday, monday + 1, monday + 3, monday + 4],
            "\(periods.map { CivilDate(dayNumber: $0.day) })")
        #expect(periods.first?.open == utc("2026-11-09T01:00:00Z"))
        #expect(periods.first?.close == utc("2026-11-09T10:00:00Z"))
        #expect(periods.last?.open == utc("2026-11-13T01:00:00Z"))
        #expect(periods.last?.close == utc("2026-11-13T10:00:00Z"))
    }

    @Test func theWorkingPeriodsSumToTheBusinessSecondsOfAnySpan() {
        let monday = CivilDate(year: 2026, month: 11, day: 9).dayNumber
        let periods = ExportCalendar.periods(of: hours, calendar: shanghai, from: monday - 3, through: monday + 10)
        let spans: [(String, String)] = [
            ("2026-11-09T00:30:00Z", "2026-11-16T03:15:42Z"), ("2026-11-10T09:59:59Z", "2026-11-12T01:00:01Z"),
            ("2026-11-11T02:00:00Z", "2026-11-11T05:00:00Z"), ("2026-11-14T02:00:00Z", "2026-11-16T00:00:00Z"),
        ]
        for (a, b) in spans {
            let from = utc(a)
            let to = utc(b)
            let overlap = periods.reduce(Int64(0)) { sum, p in sum + max(0, min(p.close, to) - max(p.open, from)) }
            #expect(
                overlap == hours.seconds(from: Instant(seconds: from), to: Instant(seconds: to), calendar: shanghai),
                "\(a) - \(b)")
        }
    }

    @Test func noDaysGiveNoPeriods() {
        #expect(ExportCalendar.periods(of: hours, calendar: shanghai, from: 10, through: 9).isEmpty)
    }
}

/// `hotline export` of a ticket export with and without business hours.
@Suite(.enabled(if: EndToEnd.binary != nil, "needs the hotline binary: run `swift build` first"))
struct ExportCalendarCommandTests {
    /// Three tickets in Shanghai: created Mon 2026-11-09, replied Tue, solved Thu 2026-11-12 (over the holiday);
    /// the latest day any of them touches is Fri 2026-11-13.
    let tickets = """
        Id,Requester,Assignee,Group,Subject,Tags,Status,Priority,Via,Ticket type,Created at,Updated at,Solved at,Reopens,Replies,First reply time in minutes,Full resolution time in minutes,Satisfaction Score
        1,Customer 1,A,G,s,refund,Closed,High,Voice,Problem,2026-11-09 17:00:00,2026-11-12 10:00:00,2026-11-12 10:00:00,0,1,1200,,Good
        2,Customer 2,A,G,s,refund,Open,Urgent,Voice,Problem,2026-11-10 09:00:00,2026-11-10 09:00:00,,0,0,,,
        3,Customer 3,A,G,s,refund,Solved,Normal,Voice,Problem,2026-11-13 08:00:00,2026-11-13 12:00:00,2026-11-13 12:00:00,0,1,30,,
        """

    func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "hotline-calendar-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func gunzip(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Exports the tickets with `config`; the output folder.
    func export(config: String) throws -> String {
        let folder = try scratch()
        try tickets.write(toFile: folder + "/tickets.zendesk.csv", atomically: true, encoding: .utf8)
        try config.write(toFile: folder + "/hotline.yaml", atomically: true, encoding: .utf8)
        let run = try EndToEnd.run([
            "export", folder + "/tickets.zendesk.csv", "--config", folder + "/hotline.yaml", "--tz", "Asia/Shanghai",
            "--out", folder + "/out",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        return folder + "/out"
    }

    @Test func businessHoursGiveACalendarOfTheTicketDaysWithoutHolidaysOrWeekendsAndTheSLATargetsInOrder() throws {
        let out = try export(
            config: """
                tickets:
                  business_hours: {days: [mon, tue, wed, thu, fri], start: "09:00", end: "18:00"}
                  holidays: [2026-11-11]
                  sla:
                    - {category: complaint, priority: urgent, first_reply_minutes: 30}
                    - {priority: high, first_reply_minutes: 60, resolution_minutes: 960}

                """)
        #expect(
            try gunzip(out + "/calendar/part-0.csv.gz") == """
                local_day,open_at,close_at
                2026-11-09,2026-11-09T01:00:00.000Z,2026-11-09T10:00:00.000Z
                2026-11-10,2026-11-10T01:00:00.000Z,2026-11-10T10:00:00.000Z
                2026-11-12,2026-11-12T01:00:00.000Z,2026-11-12T10:00:00.000Z
                2026-11-13,2026-11-13T01:00:00.000Z,2026-11-13T10:00:00.000Z

                """)
        #expect(
            try gunzip(out + "/sla_targets/part-0.csv.gz") == """
                rule,category,priority,first_reply_min,resolution_min
                1,complaint,urgent,30,
                2,,high,60,960

                """)
        let schema = try String(contentsOfFile: out + "/_schema.json", encoding: .utf8)
        #expect(schema.contains("\"calendar\"") && schema.contains("\"sla_targets\""))
    }

    @Test func noBusinessHoursNoCalendarAndNoSLATargetsNoTable() throws {
        let out = try export(config: "time_zone: Asia/Shanghai\n")
        #expect(FileManager.default.fileExists(atPath: out + "/tickets"))
        #expect(!FileManager.default.fileExists(atPath: out + "/calendar"))
        #expect(!FileManager.default.fileExists(atPath: out + "/sla_targets"))
    }
}
