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
    private let rowDimensions: RowDimensions
    /// The views the period's rows count in, over dense indices as `CallAggregator` keeps them.
    private var views: CallViews
    private var days = DenseIndex<Int32>()
    private var subcategories = DenseIndex<SubcategoryKey>()
    private var rows = DenseIndex<RowKey>()
    /// Everything else the report needs; its views are filled from ``views`` at ``finish(latestEnqueue:)``.
    private var a: CallAggregates
    private let tickets: TicketAggregator
    private var latest: Int64?
    private var profiles: DayProfiles
    /// The journey of the period's days.
    public private(set) var journey = JourneyAccumulator()

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
        rowDimensions = RowDimensions(query.callDimensions)
        views = CallViews(slotsPerDay: slotsPerDay)
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
        for (path, n) in snap.ivr.paths {
            profiles.ivr.add(path: symbols.intern(path), day: day, entries: n.entries, abandoned: n.ivrAbandoned)
        }
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
        // Resolutions count on their solve day, chaser calls on theirs: from the snapshots of the calls whose tickets
        // they concern, in the period or before it.
        journey.mergeResolutions(snap.journey, solvedIn: from...to)
        journey.mergeChasers(snap.journey, on: from...to)
        guard day >= from && day <= to else { return }
        a.ivr.merge(snap.ivr)
        var dayJourney = snap.journey
        dayJourney.resolutions = [:]
        dayJourney.chaserCalls = [:]
        journey.merge(dayJourney)
        let weekday = CivilDate.weekday(ofDayNumber: Int(day))
        for row in snap.calls {
            let queue = symbols.intern(row.queue)
            let category = CallCategory(rawValue: row.category) ?? .other
            let (dayIndex, newDay) = days.index(of: day)
            if newDay { views.byDay.append(CallAccumulator()) }
            views.addQueue(Int(queue.rawValue))
            let (rowIndex, newRow) = rows.index(
                of: rowDimensions.key(
                    day: day, interval: row.interval, slot: row.slot, hour: row.hour, weekday: Int8(weekday),
                    queue: queue, category: row.category))
            if newRow { views.byRow.append(CallAccumulator()) }
            // Subcategories come in rows of their own, below.
            let cell = ViewCell(
                slot: Int(row.slot) < slotsPerDay ? row.slot : -1, day: Int32(dayIndex), queue: Int32(queue.rawValue),
                category: Int32(category.rawValue), subcategory: -1, row: Int32(rowIndex))
            views.update(cell) { $0.merge(row.figures) }
            a.heatmap[weekday][Int(row.hour)] += row.figures.offered
        }
        if !snap.calls.isEmpty {
            a.firstDay = min(a.firstDay ?? day, day)
            a.lastDay = max(a.lastDay ?? day, day)
        }
        for row in snap.subcategories {
            let (index, inserted) = subcategories.index(
                of: SubcategoryKey(
                    category: CallCategory(rawValue: row.category) ?? .other, subcategory: symbols.intern(row.name)))
            if inserted { views.bySubcategory.append(CallAccumulator()) }
            views.bySubcategory[index].merge(row.figures)
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
        var calls = a
        let keyed = views.keyed(days: days.keys, subcategories: subcategories.keys, rows: rows.keys)
        calls.total = views.total
        calls.bySlot = views.bySlot
        calls.byDay = keyed.byDay
        calls.byQueue = keyed.byQueue
        calls.byCategory = keyed.byCategory
        calls.bySubcategory = keyed.bySubcategory
        calls.byRow = keyed.byRow
        return (calls, tickets)
    }
}
