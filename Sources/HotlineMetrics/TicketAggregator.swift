import HotlineModel

/// Streams tickets into the accumulators of a report: the period's totals and the previous period's, days,
/// categories, subcategories, priorities, SLA cells (category x priority), the `--by` table, and the day-by-day
/// changes of the backlog.
///
/// A ticket counts where METRICS.md puts it: volume (created, first reply) on its local creation day,
/// resolution figures (solved, resolution time, SLA, reopens, satisfaction) on its local solve day. Reply and
/// resolution times are business time when business hours are set, calendar time otherwise. The backlog is
/// every ticket, in the period or before it: +1 on its creation day, -1 on its solve day. Not thread-safe.
public final class TicketAggregator {
    public let settings: TicketSettings
    public let query: CallQuery
    let calendar: LocalCalendar

    struct RowKey: Hashable, FastHashable {
        var day: Int32 = 0
        var weekday: UInt8 = 0
        var category: UInt8 = 0
        var subcategory = Symbol.none
        var priority: UInt8 = 0
        var channel = Symbol.none
        var group = Symbol.none
        var assignee = Symbol.none

        var fastHash: UInt64 {
            let a =
                UInt64(UInt32(bitPattern: day)) | UInt64(weekday) << 32 | UInt64(category) << 40
                | UInt64(priority) << 48
            let b = UInt64(subcategory.rawValue) | UInt64(channel.rawValue) << 32
            let c = UInt64(group.rawValue) | UInt64(assignee.rawValue) << 32
            return (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F) ^ (c &* 0x1656_67B1_9E37_79F9)
        }
    }
    struct SubcategoryKey: Hashable, FastHashable {
        var category: CallCategory
        var subcategory: Symbol

        var fastHash: UInt64 { UInt64(category.rawValue) << 32 | UInt64(subcategory.rawValue) }
    }

    var total = TicketAccumulator()
    var previous = TicketAccumulator()
    var byDay = DayArray(empty: TicketAccumulator())
    /// By category, priority and category x priority (the SLA cells): indexed by raw values.
    var byCategory = [TicketAccumulator](repeating: TicketAccumulator(), count: CallCategory.allCases.count)
    var byPriority = [TicketAccumulator](repeating: TicketAccumulator(), count: TicketPriority.allCases.count)
    var byCell = [TicketAccumulator](
        repeating: TicketAccumulator(), count: CallCategory.allCases.count * TicketPriority.allCases.count)
    var subcategoryIndex = DenseIndex<SubcategoryKey>()
    var bySubcategory: [TicketAccumulator] = []
    var rowIndex = DenseIndex<RowKey>()
    var byRow: [TicketAccumulator] = []
    /// Backlog changes per day: all tickets, by category, by priority, by table row without its date.
    var backlogChanges = DayArray(empty: 0)
    var categoryBacklogChanges = [DayArray<Int>](repeating: DayArray(empty: 0), count: CallCategory.allCases.count)
    var priorityBacklogChanges = [DayArray<Int>](repeating: DayArray(empty: 0), count: TicketPriority.allCases.count)
    var undatedRowIndex = DenseIndex<RowKey>()
    var rowBacklogChanges: [DayArray<Int>] = []
    /// Resolution times by category, for the distribution chart.
    var resolutionByCategory = [WaitHistogram](repeating: WaitHistogram(), count: CallCategory.allCases.count)
    public private(set) var firstDay: Int32?
    public private(set) var lastDay: Int32?
    /// Tickets read and left out of the period's figures (created and solved outside it, or filtered).
    public private(set) var outsidePeriod = 0
    /// Tickets whose status says solved but whose export gives no solve time: out of resolution and backlog.
    public private(set) var solvedWithoutTime = 0
    /// The same by creation day, for the nightly store's day snapshots.
    var solvedWithoutTimeByDay = DayArray(empty: 0)
    public private(set) var read = 0

    private let dims: [Dimension]
    private let from: Int32?
    private let to: Int32?
    private let previousFrom: Int32?
    private let previousTo: Int32?

    public init(settings: TicketSettings, query: CallQuery, calendar: LocalCalendar) {
        self.settings = settings
        self.query = query
        self.calendar = calendar
        dims = query.ticketDimensions
        from = query.from.map { Int32($0.dayNumber) }
        to = query.to.map { Int32($0.dayNumber) }
        previousFrom = query.previous.map { Int32($0.from.dayNumber) }
        previousTo = query.previous.map { Int32($0.to.dayNumber) }
    }

    @inline(__always) private func inPeriod(_ day: Int32) -> Bool {
        (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
    }

    @inline(__always) private func inPrevious(_ day: Int32) -> Bool {
        guard let previousFrom, let previousTo else { return false }
        return day >= previousFrom && day <= previousTo
    }

    /// Time between two instants on the report's clock.
    func duration(from a: Instant, to b: Instant) -> Milliseconds {
        guard let hours = settings.businessHours else { return b - a }
        return hours.seconds(from: a, to: b, calendar: calendar) * 1000
    }

    public func add(_ ticket: TicketRecord) {
        read += 1
        if !query.categories.isEmpty && !query.categories.contains(ticket.category) {
            outsidePeriod += 1
            return
        }
        let createdDay = calendar.stamp(ticket.createdAt).day
        // Solved: the status says so and the export gives the time.
        let solvedAt = ticket.status.isSolved ? ticket.solvedAt : nil
        if ticket.status.isSolved && ticket.solvedAt == nil {
            solvedWithoutTime += 1
            solvedWithoutTimeByDay.update(createdDay) { $0 += 1 }
        }
        let solvedDay = solvedAt.map { calendar.stamp($0).day }
        firstDay = min(firstDay ?? createdDay, createdDay)
        lastDay = max(lastDay ?? createdDay, solvedDay ?? createdDay)

        var c = TicketContribution(satisfiedScore: settings.satisfiedScore)
        c.replyDuration = ticket.firstReplyAt.map { duration(from: ticket.createdAt, to: $0) }
        if let solvedAt {
            c.resolutionDuration = duration(from: ticket.createdAt, to: solvedAt)
            c.reopens = ticket.reopens
            c.satisfaction = ticket.satisfaction
            if let target = settings.target(ticket.category, ticket.priority) {
                c.hasTarget = true
                let replyLate =
                    target.firstReplyMinutes.map { limit in
                        (c.replyDuration ?? 0) > Milliseconds(limit) * 60_000
                    } ?? false
                let resolutionLate =
                    target.resolutionMinutes.map { limit in
                        (c.resolutionDuration ?? 0) > Milliseconds(limit) * 60_000
                    } ?? false
                c.breached = replyLate || resolutionLate
            }
        }

        let category = Int(ticket.category.rawValue)
        let priority = Int(ticket.priority.rawValue)
        let cell = category * TicketPriority.allCases.count + priority
        var subcategory = -1
        func subcategoryRow() -> Int {
            if subcategory < 0 {
                let (index, inserted) = subcategoryIndex.index(
                    of: SubcategoryKey(category: ticket.category, subcategory: ticket.subcategory))
                if inserted { bySubcategory.append(TicketAccumulator()) }
                subcategory = index
            }
            return subcategory
        }
        func row(_ day: Int32) -> Int {
            let (index, inserted) = rowIndex.index(of: rowKey(ticket, day: day))
            if inserted { byRow.append(TicketAccumulator()) }
            return index
        }
        var counted = false
        if inPeriod(createdDay) {
            counted = true
            c.addCreated(to: &total)
            byDay.update(createdDay) { c.addCreated(to: &$0) }
            c.addCreated(to: &byCategory[category])
            c.addCreated(to: &bySubcategory[subcategoryRow()])
            c.addCreated(to: &byPriority[priority])
            c.addCreated(to: &byCell[cell])
            c.addCreated(to: &byRow[row(createdDay)])
        }
        if inPrevious(createdDay) { c.addCreated(to: &previous) }
        if let solvedDay {
            if inPeriod(solvedDay) {
                counted = true
                c.addSolved(to: &total)
                byDay.update(solvedDay) { c.addSolved(to: &$0) }
                c.addSolved(to: &byCategory[category])
                c.addSolved(to: &bySubcategory[subcategoryRow()])
                c.addSolved(to: &byPriority[priority])
                c.addSolved(to: &byCell[cell])
                c.addSolved(to: &byRow[row(solvedDay)])
                if let d = c.resolutionDuration { resolutionByCategory[category].add(minutesOf: d) }
            }
            if inPrevious(solvedDay) { c.addSolved(to: &previous) }
        }
        if !counted { outsidePeriod += 1 }

        // The backlog: a ticket solved at an unknown time cannot be placed, so it stays out of it.
        guard !(ticket.status.isSolved && ticket.solvedAt == nil) else { return }
        let (undated, inserted) = undatedRowIndex.index(of: rowKey(ticket, day: nil))
        if inserted { rowBacklogChanges.append(DayArray(empty: 0)) }
        func change(_ day: Int32, _ by: Int) {
            backlogChanges.update(day) { $0 += by }
            categoryBacklogChanges[category].update(day) { $0 += by }
            priorityBacklogChanges[priority].update(day) { $0 += by }
            rowBacklogChanges[undated].update(day) { $0 += by }
        }
        change(createdDay, 1)
        if let solvedDay { change(solvedDay, -1) }
    }

    /// The table key of a ticket's event on `day` (nil: without the date, for the backlog).
    private func rowKey(_ t: TicketRecord, day: Int32?) -> RowKey {
        rowKey(
            day: day, category: t.category.rawValue, subcategory: t.subcategory, priority: t.priority.rawValue,
            channel: t.channel, group: t.group, assignee: t.assignee)
    }

    private func rowKey(
        day: Int32?, category: UInt8, subcategory: Symbol, priority: UInt8, channel: Symbol = .none,
        group: Symbol = .none, assignee: Symbol = .none
    ) -> RowKey {
        var key = RowKey()
        for dim in dims {
            switch dim {
            case .date: key.day = day ?? 0
            case .weekday:
                // The weekday of the event; the backlog has none.
                key.weekday = day.map { UInt8(CivilDate.weekday(ofDayNumber: Int($0))) } ?? 0
            case .category: key.category = category
            case .subcategory: key.subcategory = subcategory
            case .priority: key.priority = priority
            case .channel: key.channel = channel
            case .group: key.group = group
            case .assignee, .agent: key.assignee = assignee
            case .interval, .hour, .queue, .ivrPath, .ivrNode: break
            }
        }
        return key
    }

    /// Adds a row the nightly store kept: one day's created and solved events of a (category, subcategory,
    /// priority), and its backlog change that day. Channel, group and assignee are not kept there.
    public func add(stored row: DaySnapshot.TicketRow, day: Int32, subcategory: Symbol) {
        let category = Int(row.category)
        let priority = Int(row.priority)
        let acc = row.figures
        if !acc.isEmpty {
            firstDay = min(firstDay ?? day, day)
            lastDay = max(lastDay ?? day, day)
        }
        if inPeriod(day) && !acc.isEmpty {
            total.merge(acc)
            byDay.update(day) { $0.merge(acc) }
            byCategory[category].merge(acc)
            let (sub, newSub) = subcategoryIndex.index(
                of: SubcategoryKey(category: CallCategory(rawValue: row.category) ?? .other, subcategory: subcategory))
            if newSub { bySubcategory.append(TicketAccumulator()) }
            bySubcategory[sub].merge(acc)
            byPriority[priority].merge(acc)
            byCell[category * TicketPriority.allCases.count + priority].merge(acc)
            let (index, inserted) = rowIndex.index(
                of: rowKey(day: day, category: row.category, subcategory: subcategory, priority: row.priority))
            if inserted { byRow.append(TicketAccumulator()) }
            byRow[index].merge(acc)
            resolutionByCategory[category].merge(acc.resolution)
        }
        if inPrevious(day) { previous.merge(acc) }
        guard row.backlogChange != 0 else { return }
        let change = row.backlogChange
        let (undated, inserted) = undatedRowIndex.index(
            of: rowKey(day: nil, category: row.category, subcategory: subcategory, priority: row.priority))
        if inserted { rowBacklogChanges.append(DayArray(empty: 0)) }
        backlogChanges.update(day) { $0 += change }
        categoryBacklogChanges[category].update(day) { $0 += change }
        priorityBacklogChanges[priority].update(day) { $0 += change }
        rowBacklogChanges[undated].update(day) { $0 += change }
    }

    /// Local days with a ticket created or solved (in the period), ascending.
    public var eventDays: [Int32] { byDay.days.filter { !$0.value.isEmpty }.map(\.day) }

    /// Adds a stored day's count of tickets solved without a solve time.
    public func addSolvedWithoutTime(_ n: Int, day: Int32) {
        if inPeriod(day) { solvedWithoutTime += n }
    }

    /// The accumulator of a subcategory, if it had tickets.
    func subcategory(_ category: CallCategory, _ subcategory: Symbol) -> TicketAccumulator? {
        subcategoryIndex.find(SubcategoryKey(category: category, subcategory: subcategory)).map { bySubcategory[$0] }
    }

    /// The backlog changes of an undated table row.
    func backlogChanges(ofRow key: RowKey) -> DayArray<Int>? {
        undatedRowIndex.find(key).map { rowBacklogChanges[$0] }
    }
}
