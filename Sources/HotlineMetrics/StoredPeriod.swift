import HotlineModel

/// Rebuilds the aggregates of a report from the nightly store's day snapshots: the period's days merged, and
/// the days of the period before for the comparison. A month is the merge of its days.
///
/// The `--by` table can have the dimensions the snapshots keep: date, interval, hour, weekday, queue, category
/// for calls; date, weekday, category, subcategory, priority for tickets.
public final class StoredPeriod {
    public static let callDimensions: Set<Dimension> = [.date, .interval, .hour, .weekday, .queue, .category]
    public static let ticketDimensions: Set<Dimension> = [.date, .weekday, .category, .subcategory, .priority]

    /// All at once, for snapshots already in memory.
    public static func aggregates(
        _ snapshots: [DaySnapshot], settings: MetricSettings, ticketSettings: TicketSettings, query: CallQuery,
        calendar: LocalCalendar, symbols: SymbolTable, latestEnqueue: Int64? = nil
    ) -> (calls: CallAggregates, tickets: TicketAggregator) {
        let period = StoredPeriod(
            settings: settings, ticketSettings: ticketSettings, query: query, calendar: calendar, symbols: symbols)
        for snap in snapshots.sorted(by: { $0.day < $1.day }) { period.add(snap) }
        return period.finish(latestEnqueue: latestEnqueue)
    }

    private let settings: MetricSettings
    private let symbols: SymbolTable
    private let from: Int32
    private let to: Int32
    private let previousRange: ClosedRange<Int32>?
    private let slotsPerDay: Int
    private let dims: Set<Dimension>
    private var a: CallAggregates
    private let tickets: TicketAggregator
    private var latest: Int64?
    private var profiles: DayProfiles

    /// Days are added one at a time (in any order), so a year never sits in memory at once.
    public init(
        settings: MetricSettings, ticketSettings: TicketSettings, query: CallQuery, calendar: LocalCalendar,
        symbols: SymbolTable
    ) {
        self.settings = settings
        self.symbols = symbols
        from = query.from.map { Int32($0.dayNumber) } ?? .min
        to = query.to.map { Int32($0.dayNumber) } ?? .max
        previousRange = query.previous.map { Int32($0.from.dayNumber)...Int32($0.to.dayNumber) }
        let slotsPerDay = 86400 / Int(calendar.intervalSeconds)
        self.slotsPerDay = slotsPerDay
        dims = Set(query.callDimensions)
        a = CallAggregates(
            settings: settings, query: query, total: CallAccumulator(), previous: CallAccumulator(),
            bySlot: Array(repeating: CallAccumulator(), count: slotsPerDay), byDay: [:], byQueue: [:],
            byCategory: [:], bySubcategory: [:], byRow: [:],
            heatmap: Array(repeating: Array(repeating: 0, count: 24), count: 7),
            peakBySlot: Array(repeating: 0, count: slotsPerDay), peakByDay: [:], firstDay: nil, lastDay: nil,
            repeatsProvisionalAfter: nil, outside: 0, agentDaysBySlot: Array(repeating: 0, count: slotsPerDay),
            agentDaysByWeekdaySlot: Array(repeating: Array(repeating: 0, count: slotsPerDay), count: 7))
        tickets = TicketAggregator(settings: ticketSettings, query: query, calendar: calendar)
        profiles = DayProfiles(slotsPerDay: slotsPerDay)
    }

    public func add(_ snap: DaySnapshot) {
        let day = snap.day
        if let l = snap.latestEnqueue { latest = max(latest ?? l, l) }
        for row in snap.tickets {
            tickets.add(stored: row, day: day, subcategory: symbols.intern(row.subcategory))
        }
        tickets.addSolvedWithoutTime(snap.ticketsSolvedWithoutTime, day: day)
        // Every day given, in the period or not: the usual the exceptions compare with.
        for row in snap.calls { profiles.add(row.figures, day: day, slot: Int(row.slot)) }
        for row in snap.subcategories where row.figures.offered > 0 {
            profiles.add(
                offered: row.figures.offered, day: day,
                SubcategoryKey(
                    category: CallCategory(rawValue: row.category) ?? .other, subcategory: symbols.intern(row.name)))
        }
        if let previousRange, previousRange.contains(day) {
            for row in snap.calls {
                a.previous.merge(row.figures)
                a.previousQueues.insert(symbols.intern(row.queue))
            }
        }
        guard day >= from && day <= to else { return }
        let weekday = CivilDate.weekday(ofDayNumber: Int(day))
        for row in snap.calls {
            let acc = row.figures
            let queue = symbols.intern(row.queue)
            let category = CallCategory(rawValue: row.category) ?? .other
            a.total.merge(acc)
            if Int(row.slot) < slotsPerDay { a.bySlot[Int(row.slot)].merge(acc) }
            a.byDay[day, default: CallAccumulator()].merge(acc)
            a.byQueue[queue, default: CallAccumulator()].merge(acc)
            a.byCategory[category, default: CallAccumulator()].merge(acc)
            var key = RowKey()
            if dims.contains(.date) { key.day = day }
            if dims.contains(.interval) { key.interval = dims.contains(.date) ? row.interval : row.slot }
            if dims.contains(.hour) { key.hour = row.hour }
            if dims.contains(.weekday) { key.weekday = Int8(weekday) }
            if dims.contains(.queue) { key.queue = queue }
            if dims.contains(.category) { key.category = row.category }
            a.byRow[key, default: CallAccumulator()].merge(acc)
            a.heatmap[weekday][Int(row.hour)] += acc.offered
        }
        if !snap.calls.isEmpty {
            a.firstDay = min(a.firstDay ?? day, day)
            a.lastDay = max(a.lastDay ?? day, day)
        }
        for row in snap.subcategories {
            let key = SubcategoryKey(
                category: CallCategory(rawValue: row.category) ?? .other, subcategory: symbols.intern(row.name))
            a.bySubcategory[key, default: CallAccumulator()].merge(row.figures)
        }
        for row in snap.agents {
            let agent = symbols.intern(row.name)
            if row.figures.offered > 0 { a.byAgent[agent, default: CallAccumulator()].merge(row.figures) }
            if let loggedIn = row.loggedIn {
                var activity = a.agentActivity[agent] ?? AgentActivity()
                activity.loggedIn += loggedIn
                activity.paused += row.paused
                activity.ringNoAnswer += row.ringNoAnswer
                for (reason, ms) in row.pausedByReason {
                    activity.pausedByReason[symbols.intern(reason), default: 0] += ms
                }
                a.agentActivity[agent] = activity
            }
        }
        for (slot, n) in snap.agentsBySlot.enumerated() where slot < slotsPerDay {
            a.agentDaysBySlot[slot] += n
            a.agentDaysByWeekdaySlot[weekday][slot] += n
        }
        if !snap.peaks.isEmpty {
            a.peakByDaySlot[day] = snap.peaks
            a.peakByDay[day] = snap.peaks.max() ?? 0
            for (slot, p) in snap.peaks.enumerated() where slot < slotsPerDay && p > a.peakBySlot[slot] {
                a.peakBySlot[slot] = p
            }
        }
    }

    public func finish(latestEnqueue: Int64? = nil) -> (calls: CallAggregates, tickets: TicketAggregator) {
        if let latestEnqueue { latest = max(latest ?? latestEnqueue, latestEnqueue) }
        a.repeatsProvisionalAfter = latest.map { Instant(milliseconds: $0) + -settings.repeatWindowMillis }
        a.profiles = profiles
        return (a, tickets)
    }
}
