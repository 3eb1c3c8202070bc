import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

/// The report's period holds its days as dates and writes them as the `YYYY-MM-DD` strings the JSON always had.
@Suite struct ReportPeriodTests {
    func json(_ period: ReportPeriod) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(period), as: UTF8.self)
    }

    @Test func thePeriodsDaysAreEncodedAsTheStringsTheyWere() throws {
        let period = ReportPeriod(
            from: CivilDate(parsing: "2026-11-09"), to: CivilDate(parsing: "2026-11-15"), days: 7,
            timeZone: "Asia/Shanghai", intervalMinutes: 30)
        let text = try json(period)
        #expect(text.contains("\"from\":\"2026-11-09\""))
        #expect(text.contains("\"to\":\"2026-11-15\""))
    }

    @Test func aPeriodWithoutDaysEncodesNullsNotMissingKeys() throws {
        let text = try json(ReportPeriod(from: nil, to: nil, days: 0, timeZone: "UTC", intervalMinutes: 30))
        #expect(text.contains("\"from\":null"))
        #expect(text.contains("\"to\":null"))
    }

    @Test func aReportsPeriodIsTheDatesOfItsQuery() throws {
        var query = CallQuery()
        query.from = CivilDate(parsing: "2026-11-16")
        query.to = CivilDate(parsing: "2026-11-17")
        let f = CallFactory()
        let report = f.report([f.call(at: 0)], query: query)
        #expect(report.period.from == CivilDate(parsing: "2026-11-16"))
        #expect(report.period.to?.description == "2026-11-17")
    }
}
