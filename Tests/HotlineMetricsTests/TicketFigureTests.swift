import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

/// Ticket figures of METRICS.md on small cases computed by hand. Times are Asia/Shanghai (+08:00).
@Suite struct TicketFigureTests {
    let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
    let symbols = SymbolTable()

    /// UTC instant of a Shanghai wall-clock time.
    func at(_ day: Int, _ hour: Int, _ minute: Int = 0, month: Int = 11) -> Instant {
        let midnight = Int64(CivilDate(year: 2026, month: month, day: day).dayNumber) * 86400
        let wall: Int64 = midnight + Int64(hour) * 3600 + Int64(minute) * 60
        return Instant(seconds: wall - 8 * 3600)
    }

    func ticket(
        _ id: Int, created: Instant, solved: Instant? = nil, reply: Instant? = nil, status: TicketStatus? = nil,
        priority: TicketPriority = .normal, category: CallCategory = .payment, reopens: Int? = 0,
        satisfaction: TicketSatisfaction? = nil
    ) -> TicketRecord {
        TicketRecord(
            location: RecordLocation(file: 0, line: Int32(id)), id: "\(id)", key: UInt64(id), category: category,
            priority: priority, status: status ?? (solved == nil ? .open : .solved), createdAt: created,
            firstReplyAt: reply, solvedAt: solved, reopens: reopens, satisfaction: satisfaction)
    }

    func section(
        _ tickets: [TicketRecord], settings: TicketSettings = TicketSettings(), from: CivilDate? = nil,
        to: CivilDate? = nil, by dims: [HotlineMetrics.Dimension] = [.date]
    ) -> TicketSection {
        var query = CallQuery()
        query.from = from
        query.to = to
        query.dimensions = dims
        let aggregator = TicketAggregator(
            settings: settings, query: query, calendar: LocalCalendar(zone: zone, intervalMinutes: 30))
        for t in tickets { aggregator.add(t) }
        return TicketSectionBuilder(
            aggregator: aggregator, symbols: symbols, fromDay: from?.dayNumber ?? aggregator.firstDay.map(Int.init),
            toDay: to?.dayNumber ?? aggregator.lastDay.map(Int.init)
        ).build()
    }

    static let weekdays = BusinessHours(weekdays: [0, 1, 2, 3, 4], start: 9 * 3600, end: 18 * 3600)

    @Test func businessTimeSkipsTheWeekendAndAHoliday() {
        var settings = TicketSettings()
        settings.businessHours = BusinessHours(
            weekdays: [0, 1, 2, 3, 4], start: 9 * 3600, end: 18 * 3600,
            holidays: [CivilDate(year: 2026, month: 11, day: 16)])
        // Friday 17:00 to Tuesday 10:00 with Monday a holiday: 1 h on Friday + 1 h on Tuesday.
        let t = ticket(1, created: at(13, 17), solved: at(17, 10), reply: at(14, 11))
        let business = section([t], settings: settings)
        #expect(business.totals.resolutionP50Minutes == 120)
        // The Saturday reply counts from Tuesday's opening: Friday's last hour, then nothing until Tuesday 09:00.
        #expect(business.totals.firstReplyP50Minutes == 60)
        #expect(business.clock == "business")
        let calendar = section([t])
        #expect(calendar.totals.resolutionP50Minutes == 3 * 1440 + 17 * 60)
        #expect(calendar.clock == "calendar")
    }

    @Test func businessTimeWithinOneDayAndOutsideTheHours() {
        let hours = Self.weekdays
        let cal = LocalCalendar(zone: zone)
        #expect(hours.seconds(from: at(16, 8), to: at(16, 9, 30), calendar: cal) == 1800)
        #expect(hours.seconds(from: at(16, 19), to: at(17, 8), calendar: cal) == 0)
        #expect(hours.seconds(from: at(16, 10), to: at(16, 10), calendar: cal) == 0)
        #expect(hours.seconds(from: at(14, 10), to: at(15, 23), calendar: cal) == 0)  // a weekend
    }

    @Test func percentilesAreNearestRankInWholeMinutes() {
        // Resolution 10, 20, ..., 100 minutes; a 30-second reply counts as 1 minute (the minute it does not exceed).
        let tickets = (1...10).map { i in
            ticket(i, created: at(16, 10), solved: at(16, 10, i * 10), reply: at(16, 10) + 30_000)
        }
        let s = section(tickets)
        #expect(s.totals.resolutionP50Minutes == 50 && s.totals.resolutionP90Minutes == 90)
        #expect(s.totals.firstReplyP50Minutes == 1 && s.totals.firstReplyP90Minutes == 1)
        #expect(s.totals.resolutions == 10 && s.totals.firstReplies == 10)
    }

    @Test func slaBreachesCountSolvedTicketsOverTheirTargetByCategoryAndPriority() {
        var settings = TicketSettings()
        settings.slaTargets = [
            SLATarget(category: .complaint, priority: .high, firstReplyMinutes: 10),
            SLATarget(priority: .high, resolutionMinutes: 60),
        ]
        let tickets = [
            ticket(1, created: at(16, 10), solved: at(16, 11), priority: .high),  // exactly 60: met
            ticket(2, created: at(16, 10), solved: at(16, 11, 1), priority: .high),  // 61: breached
            ticket(
                3, created: at(16, 10), solved: at(16, 12), reply: at(16, 10, 5), priority: .high, category: .complaint),
            ticket(
                4, created: at(16, 10), solved: at(16, 10, 30), reply: at(16, 10, 11), priority: .high,
                category: .complaint),
            ticket(5, created: at(16, 10), solved: at(16, 20), priority: .low),  // no target
            ticket(6, created: at(16, 10), priority: .high),  // never solved: not in the rate
        ]
        let s = section(tickets, settings: settings)
        #expect(s.totals.slaWithTarget == 4 && s.totals.slaBreached == 2)
        #expect(s.totals.slaBreachRate == 0.5)
        let cells = s.sla.map { "\($0.category) \($0.priority) \($0.breached)/\($0.withTarget)" }
        #expect(cells == ["payment high 1/2", "complaint high 1/2"])
    }

    @Test func backlogIsOpenTicketsAtEachLocalDayEnd() {
        let tickets = [
            ticket(1, created: at(16, 10), solved: at(17, 9)),
            ticket(2, created: at(16, 23, 59)),  // never solved
            ticket(3, created: at(17, 0, 1), solved: at(17, 12)),
            ticket(4, created: at(15, 10), solved: at(18, 10)),  // before the period, solved in it
        ]
        let s = section(
            tickets, from: CivilDate(year: 2026, month: 11, day: 16), to: CivilDate(year: 2026, month: 11, day: 18))
        #expect(s.days.map(\.backlog) == [3, 2, 1])
        #expect(s.days.map(\.created) == [2, 1, 0])
        #expect(s.days.map(\.solved) == [0, 2, 1])
        #expect(s.totals.backlog == 1 && s.totals.created == 3 && s.totals.solved == 3)
        #expect(s.outsidePeriod == 0)
    }

    @Test func aSolvedTicketWithoutASolveTimeStaysOutOfResolutionAndBacklog() {
        let s = section([ticket(1, created: at(16, 10), status: .closed), ticket(2, created: at(16, 10))])
        #expect(s.solvedWithoutTime == 1)
        #expect(s.totals.solved == 0 && s.totals.created == 2 && s.totals.backlog == 1)
    }

    @Test func reopenRateIsOverSolvedTicketsWhoseReopensAreKnown() {
        let tickets = [
            ticket(1, created: at(16, 10), solved: at(16, 11), reopens: 0),
            ticket(2, created: at(16, 10), solved: at(16, 11), reopens: 2),
            ticket(3, created: at(16, 10), solved: at(16, 11), reopens: 0),
            ticket(4, created: at(16, 10), solved: at(16, 11), reopens: nil),
            ticket(5, created: at(16, 10), reopens: 1),  // reopened and open again: not solved
        ]
        let s = section(tickets)
        #expect(s.totals.reopened == 1 && s.totals.reopenRate == 1.0 / 3.0)
    }

    @Test func satisfactionCountsGoodBadAndScoresOfFourOrMore() {
        let tickets = [
            ticket(1, created: at(16, 10), solved: at(16, 11), satisfaction: .good),
            ticket(2, created: at(16, 10), solved: at(16, 11), satisfaction: .good),
            ticket(3, created: at(16, 10), solved: at(16, 11), satisfaction: .bad),
            ticket(4, created: at(16, 10), solved: at(16, 11), satisfaction: .score(5)),
            ticket(5, created: at(16, 10), solved: at(16, 11), satisfaction: .score(2)),
            ticket(6, created: at(16, 10), solved: at(16, 11)),
        ]
        let s = section(tickets)
        #expect(s.totals.satisfaction == 3.0 / 5.0)
        #expect(s.totals.scoreMean == 3.5 && s.totals.satisfactionResponses == 5)
        #expect(section([ticket(1, created: at(16, 10), solved: at(16, 11))]).totals.satisfaction == nil)
    }

    @Test func volumeCountsOnTheCreationDayAndResolutionOnTheSolveDay() {
        let tickets = [ticket(1, created: at(16, 22), solved: at(17, 2))]
        let s = section(
            tickets, from: CivilDate(year: 2026, month: 11, day: 17), to: CivilDate(year: 2026, month: 11, day: 17))
        #expect(s.totals.created == 0 && s.totals.solved == 1 && s.totals.resolutionP50Minutes == 240)
        let table = s.table.rows.map { $0.keys + ["\($0.figures.created)", "\($0.figures.solved)"] }
        #expect(table == [["2026-11-17", "0", "1"]])
    }

    @Test func theTableByPriorityCarriesEachRowsBacklogAtThePeriodEnd() {
        let tickets = [
            ticket(1, created: at(16, 10), priority: .urgent),
            ticket(2, created: at(16, 10), solved: at(16, 12), priority: .urgent),
            ticket(3, created: at(16, 10), priority: .low),
        ]
        let s = section(tickets, by: [.priority])
        let rows = s.table.rows.map { "\($0.keys[0]) \($0.figures.created) \($0.figures.backlog ?? -1)" }
        #expect(rows == ["urgent 2 1", "low 1 1"])
        #expect(s.table.dimensions == ["priority"])
    }
}
