import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

@Suite struct AggregationTests {
    let f = CallFactory()

    @Test func peakWaitingIsTheMostCallsWaitingAtOnce() {
        let calls = [
            f.call(at: 0, wait: 100), f.call(at: 10, wait: 30), f.call(at: 20, wait: 5), f.call(at: 200, wait: 10),
        ]
        let report = f.report(calls)
        #expect(report.intervals[20].peakWaiting == 3)  // 10:00-10:30: at 20 s, three calls wait
        #expect(report.days.first?.peakWaiting == 3)
    }

    @Test func aCallLeavingAsAnotherEntersIsNotCountedTwice() {
        let report = f.report([f.call(at: 0, wait: 10), f.call(at: 10, wait: 10)])
        #expect(report.intervals[20].peakWaiting == 1)
    }

    @Test func aWaitAcrossHoursCountsInEveryIntervalItSpans() {
        let report = f.report([f.call(at: -600, wait: 7800, outcome: .abandoned)])  // 09:50 to 12:00
        #expect(report.intervals[19].peakWaiting == 1)
        #expect(report.intervals[21].peakWaiting == 1)
        #expect(report.intervals[23].peakWaiting == 1)
        #expect(report.intervals[24].peakWaiting == 0)
    }

    @Test func callsBelongToTheIntervalOfTheirEnqueueTime() {
        let report = f.report([f.call(at: -1), f.call(at: 0), f.call(at: 1799), f.call(at: 1800)])
        #expect(report.intervals[19].figures.offered == 1)
        #expect(report.intervals[20].figures.offered == 2)
        #expect(report.intervals[21].figures.offered == 1)
        #expect(report.heatmap[0][10] == 3 && report.heatmap[0][9] == 1)
    }

    @Test func periodKeepsLocalDaysInclusiveAndComparesWithTheDaysBefore() throws {
        var query = CallQuery()
        query.from = CivilDate(parsing: "2026-11-16")
        query.to = CivilDate(parsing: "2026-11-17")
        let day: Int64 = 86400
        // The 16th, 17th and 18th, then the 15th, 14th and 13th.
        let calls = [
            f.call(at: 0, wait: 10), f.call(at: day, wait: 30), f.call(at: 2 * day, wait: 10),
            f.call(at: -day, wait: 10), f.call(at: -2 * day, wait: 10), f.call(at: -3 * day, wait: 10),
        ]
        let report = f.report(calls, query: query)
        #expect(report.totals.offered == 2)
        #expect(
            report.period.previousFrom?.description == "2026-11-14"
                && report.period.previousTo?.description == "2026-11-15")
        let offered = try #require(report.headline.first { $0.key == .offered })
        #expect(offered.value == 2 && offered.previous == 2 && offered.change == 0)
        let sl = try #require(report.headline.first { $0.key == .serviceLevel })
        #expect(sl.value == 0.5 && sl.previous == 1 && sl.change == -0.5)  // a rate changes in points
        let asa = try #require(report.headline.first { $0.key == .asa })
        #expect(asa.change == 1)  // 20 s against 10 s: +100 %
    }

    @Test func everyDayOfThePeriodIsListedAlsoWithoutCalls() {
        var query = CallQuery()
        query.from = CivilDate(parsing: "2026-11-15")
        query.to = CivilDate(parsing: "2026-11-17")
        let report = f.report([f.call(at: 0)], query: query)
        #expect(report.days.map(\.date) == ["2026-11-15", "2026-11-16", "2026-11-17"])
        #expect(report.days.map(\.figures.offered) == [0, 1, 0])
    }

    @Test func byTableRowsAreSortedByTheirDimensions() {
        var query = CallQuery()
        query.dimensions = [.queue, .hour]
        let calls = [f.call(at: 3600, queue: "b"), f.call(at: 0, queue: "b"), f.call(at: 0, queue: "a")]
        let report = f.report(calls, query: query)
        #expect(report.table.dimensions == ["queue", "hour"])
        #expect(report.table.rows.map(\.keys) == [["a", "10"], ["b", "10"], ["b", "11"]])
    }

    @Test func intervalsOfADaylightSavingDayCarryTheirOffset() {
        var query = CallQuery()
        query.dimensions = [.date, .interval]
        // 2026-10-25 in Berlin: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
        let first = f.call(at: 1_792_888_200 - CallFactory.monday10.seconds)
        let second = f.call(at: 1_792_891_800 - CallFactory.monday10.seconds)
        let report = f.report([first, second], query: query, zone: "Europe/Berlin")
        #expect(report.table.rows.map(\.keys) == [["2026-10-25", "02:30+02:00"], ["2026-10-25", "02:30+01:00"]])
        // Time of day uses the wall clock: both are 02:30.
        #expect(report.intervals[5].figures.offered == 2)
    }

    @Test func categoryFilterKeepsOnlyThoseCategories() {
        var query = CallQuery()
        query.categories = [.complaint]
        let report = f.report([f.call(category: .complaint), f.call(category: .payment)], query: query)
        #expect(report.totals.offered == 1)
        #expect(report.filters.categories == ["complaint"])
    }

    @Test func repeatFiguresAreProvisionalOnlyWithinTheWindowBeforeTheDataEnds() {
        var query = CallQuery()
        query.from = CivilDate(parsing: "2026-11-16")
        query.to = CivilDate(parsing: "2026-11-16")
        let day: Int64 = 86400
        // Data until 2026-11-20 10:00: calls up to 72 h before that (11-17 10:00) are settled.
        #expect(f.report([f.call(at: 0), f.call(at: 4 * day)], query: query).period.repeatsProvisionalAfter == nil)
        // Data until 11-18 10:00: calls ending after 11-15 10:00 may still turn out repeats.
        let provisional = f.report([f.call(at: 0), f.call(at: 2 * day)], query: query).period.repeatsProvisionalAfter
        #expect(provisional == "2026-11-15 10:00")
    }

    @Test func viewsMergedFromCellsInSeveralGenerationsEqualOneGeneration() throws {
        // Calls over two days, queues, categories and repeat callers; a limit of 3 cells merges many times.
        var calls: [CallRecord] = []
        for i in 0..<60 {
            calls.append(
                f.call(
                    at: Int64(i * 1337 % 100_000) - 30_000, wait: Double(i % 37),
                    outcome: i % 6 == 5 ? .abandoned : .answered, queue: ["a", "b", "c"][i % 3],
                    category: CallCategory.allCases[i % 5], caller: "c\(i % 7)", csat: Int8(1 + i % 5)))
        }
        var query = CallQuery()
        query.from = CivilDate(year: 2026, month: 11, day: 16)
        query.to = CivilDate(year: 2026, month: 11, day: 17)
        query.dimensions = [.queue, .hour]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let once = try encoder.encode(f.report(calls, query: query))
        let many = try encoder.encode(f.report(calls, query: query, cellLimit: 3))
        #expect(once == many)
        #expect(f.report(calls, query: query).totals.repeatCallRate != nil)
    }
}
