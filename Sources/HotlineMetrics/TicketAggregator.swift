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

    struct RowKey: Hashable {
        var day: Int32 = 0
        var weekday: UInt8 = 0
        var category: UInt8 = 0
        var subcategory = Symbol.none
        var priority: UInt8 = 0
        var channel = Symbol.none
        var group = Symbol.none
        var assignee = Symbol.none
    }
    struct SubcategoryKey: Hashable {
        var category: CallCategory
        var subcategory: Symbol
    }
    struct CellKey: Hashable {
        var category: CallCategory
        var priority: TicketPriority
    }

    var total = TicketAccumulator()
    var previous = TicketAccumulator()
    var byDay: [Int32: TicketAccumulator] = [:]
    var byCategory: [CallCategory: TicketAccumulator] = [:]
    var bySubcategory: [SubcategoryKey: TicketAccumulator] = [:]
    var byPriority: [TicketPriority: TicketAccumulator] = [:]
    var byCell: [CellKey: TicketAccumulator] = [:]
    var byRow: [RowKey: TicketAccumulator] = [:]
    /// Backlog changes per day: all tickets, by category, by priority, by table row without its date.
    var backlogChanges: [Int32: Int] = [:]
    var categoryBacklogChanges: [CallCategory: [Int32: Int]] = [:]
    var priorityBacklogChanges: [TicketPriority: [Int32: Int]] = [:]
    var rowBacklogChanges: [RowKey: [Int32: Int]] = [:]
    /// Resolution times by category, for the distribution chart.
    var resolutionByCategory: [CallCategory: WaitHistogram] = [:]
    public private(set) var firstDay: Int32?
    public private(set) var lastDay: Int32?
    /// Tickets read and left out of the period's figures (created and solved outside it, or filtered).
    public private(set) var outsidePeriod = 0
    /// Tickets whose status says solved but whose export gives no solve time: out of resolution and backlog.
    public private(set) var solvedWithoutTime = 0
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
        if ticket.status.isSolved && ticket.solvedAt == nil { solvedWithoutTime += 1 }
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

        let sub = SubcategoryKey(category: ticket.category, subcategory: ticket.subcategory)
        let cell = CellKey(category: ticket.category, priority: ticket.priority)
        var counted = false
        if inPeriod(createdDay) {
            counted = true
            c.addCreated(to: &total)
            c.addCreated(to: &byDay[createdDay, default: TicketAccumulator()])
            c.addCreated(to: &byCategory[ticket.category, default: TicketAccumulator()])
            c.addCreated(to: &bySubcategory[sub, default: TicketAccumulator()])
            c.addCreated(to: &byPriority[ticket.priority, default: TicketAccumulator()])
            c.addCreated(to: &byCell[cell, default: TicketAccumulator()])
            c.addCreated(to: &byRow[rowKey(ticket, day: createdDay), default: TicketAccumulator()])
        }
        if inPrevious(createdDay) { c.addCreated(to: &previous) }
        if let solvedDay {
            if inPeriod(solvedDay) {
                counted = true
                c.addSolved(to: &total)
                c.addSolved(to: &byDay[solvedDay, default: TicketAccumulator()])
                c.addSolved(to: &byCategory[ticket.category, default: TicketAccumulator()])
                c.addSolved(to: &bySubcategory[sub, default: TicketAccumulator()])
                c.addSolved(to: &byPriority[ticket.priority, default: TicketAccumulator()])
                c.addSolved(to: &byCell[cell, default: TicketAccumulator()])
                c.addSolved(to: &byRow[rowKey(ticket, day: solvedDay), default: TicketAccumulator()])
                if let d = c.resolutionDuration {
                    resolutionByCategory[ticket.category, default: WaitHistogram()].add(minutesOf: d)
                }
            }
            if inPrevious(solvedDay) { c.addSolved(to: &previous) }
        }
        if !counted { outsidePeriod += 1 }

        // The backlog: a ticket solved at an unknown time cannot be placed, so it stays out of it.
        guard !(ticket.status.isSolved && ticket.solvedAt == nil) else { return }
        let undated = rowKey(ticket, day: nil)
        backlogChanges[createdDay, default: 0] += 1
        categoryBacklogChanges[ticket.category, default: [:]][createdDay, default: 0] += 1
        priorityBacklogChanges[ticket.priority, default: [:]][createdDay, default: 0] += 1
        rowBacklogChanges[undated, default: [:]][createdDay, default: 0] += 1
        if let solvedDay {
            backlogChanges[solvedDay, default: 0] -= 1
            categoryBacklogChanges[ticket.category, default: [:]][solvedDay, default: 0] -= 1
            priorityBacklogChanges[ticket.priority, default: [:]][solvedDay, default: 0] -= 1
            rowBacklogChanges[undated, default: [:]][solvedDay, default: 0] -= 1
        }
    }

    /// The table key of a ticket's event on `day` (nil: without the date, for the backlog).
    private func rowKey(_ t: TicketRecord, day: Int32?) -> RowKey {
        var key = RowKey()
        for dim in dims {
            switch dim {
            case .date: key.day = day ?? 0
            case .weekday:
                // The weekday of the event; the backlog has none.
                key.weekday = day.map { UInt8(CivilDate.weekday(ofDayNumber: Int($0))) } ?? 0
            case .category: key.category = t.category.rawValue
            case .subcategory: key.subcategory = t.subcategory
            case .priority: key.priority = t.priority.rawValue
            case .channel: key.channel = t.channel
            case .group: key.group = t.group
            case .assignee, .agent: key.assignee = t.assignee
            case .interval, .hour, .queue: break
            }
        }
        return key
    }

    /// Open tickets at the end of `day`, from a day -> change map.
    static func backlog(_ changes: [Int32: Int]?, atEndOf day: Int32) -> Int {
        guard let changes else { return 0 }
        return changes.reduce(0) { $0 + ($1.key <= day ? $1.value : 0) }
    }
}
