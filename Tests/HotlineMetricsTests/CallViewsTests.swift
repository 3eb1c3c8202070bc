import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

/// The views of a report are filled in one place (`CallViews.update`) and its `--by` rows keyed in one place
/// (`RowDimensions`), for calls read and for stored days alike.
@Suite struct CallViewsTests {
    let f = CallFactory()

    @Test func anUpdateReachesTheTotalAndEveryViewItsCellNames() {
        var views = CallViews(slotsPerDay: 4)
        views.byDay = [CallAccumulator(), CallAccumulator()]
        views.addQueue(2)
        views.bySubcategory = [CallAccumulator()]
        views.byRow = [CallAccumulator()]
        let cell = ViewCell(slot: 3, day: 1, queue: 2, category: 4, subcategory: 0, row: 0)
        views.update(cell) { $0.offered += 1 }
        #expect(views.total.offered == 1 && views.bySlot[3].offered == 1 && views.byDay[1].offered == 1)
        #expect(views.byQueue.count == 3 && views.byQueue[2].offered == 1 && views.byCategory[4].offered == 1)
        #expect(views.bySubcategory[0].offered == 1 && views.byRow[0].offered == 1)
        #expect(views.bySlot[0].offered == 0 && views.byDay[0].offered == 0 && views.byQueue[0].offered == 0)
    }

    @Test func aNegativeIndexLeavesItsViewOutButTheTotalCounts() {
        var views = CallViews(slotsPerDay: 2)
        views.update(.previousPeriod) { $0.offered += 1 }
        #expect(views.total.offered == 1)
        #expect(views.bySlot.allSatisfy { $0.offered == 0 } && views.byCategory.allSatisfy { $0.offered == 0 })
    }

    @Test func aRowKeyKeepsOnlyTheChosenDimensionsAndTheSlotWhenTheTableHasNoDate() {
        let queue = Symbol(rawValue: 7)
        let agent = Symbol(rawValue: 9)
        func key(_ dims: [HotlineMetrics.Dimension]) -> RowKey {
            RowDimensions(dims).key(
                day: 20_000, interval: 21, slot: 20, hour: 10, weekday: 0, queue: queue, category: 1,
                subcategory: Symbol(rawValue: 8), agent: agent)
        }
        #expect(key([.date, .interval]) == RowKey(day: 20_000, interval: 21))
        #expect(key([.interval]) == RowKey(interval: 20))
        #expect(key([.hour, .queue]) == RowKey(hour: 10, queue: queue))
        #expect(key([.subcategory]) == RowKey(category: 1, subcategory: Symbol(rawValue: 8)))
        #expect(key([.weekday, .agent]) == RowKey(weekday: 0, agent: agent))
    }

    @Test func aStoredDayGivesTheViewsOfTheCallsItWasMadeFrom() throws {
        let calls = [
            f.call(at: 0, queue: "a", category: .payment), f.call(at: 700, outcome: .abandoned, queue: "b"),
            f.call(at: 3_600, queue: "a", category: .account), f.call(at: 7_300, wait: 40, queue: "b"),
        ]
        let calendar = LocalCalendar(zone: try #require(TimeZone(identifier: "Asia/Shanghai")))
        let day = calendar.stamp(CallFactory.monday10).day
        func aggregates(_ dimensions: [HotlineMetrics.Dimension]) -> CallAggregates {
            var query = CallQuery()
            query.from = CivilDate(dayNumber: Int(day))
            query.to = query.from
            query.dimensions = dimensions
            let aggregator = CallAggregator(
                settings: MetricSettings(), query: query, calendar: calendar, symbols: f.symbols)
            aggregator.add(contentsOf: calls)
            return aggregator.finish()
        }
        let snapshot = DaySnapshot(
            day: day, calls: aggregates(DaySnapshot.callDimensions), tickets: nil, symbols: f.symbols,
            calendar: calendar)
        let dimensions: [HotlineMetrics.Dimension] = [.hour, .queue, .category]
        let direct = aggregates(dimensions)
        var query = direct.query
        query.dimensions = dimensions
        let stored = StoredPeriod.aggregates(
            [snapshot], settings: MetricSettings(), ticketSettings: TicketSettings(), query: query,
            calendar: calendar, symbols: f.symbols
        ).calls
        #expect(stored.total == direct.total)
        #expect(stored.bySlot == direct.bySlot)
        #expect(stored.byDay == direct.byDay)
        #expect(stored.byQueue == direct.byQueue)
        #expect(stored.byCategory == direct.byCategory)
        #expect(stored.bySubcategory == direct.bySubcategory)
        #expect(stored.byRow == direct.byRow)
    }
}
