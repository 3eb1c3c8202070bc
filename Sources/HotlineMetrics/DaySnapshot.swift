import HotlineModel

/// One local day's aggregates, as the nightly store keeps them: enough to rebuild every figure of a report over
/// any run of days by merging, without the records.
///
/// Calls by (elapsed interval, queue, category) with the interval's wall-clock slot and hour; subcategories;
/// agents (calls, logged-in and paused time); distinct agents answering per slot; peak calls waiting per slot.
/// Tickets by (category, subcategory, priority): the day's created and solved events and the backlog change.
/// Repeat calls are credited on the day of the call, from the data read up to the snapshot's making.
public struct DaySnapshot: Sendable, Equatable {
    public var day: Int32
    public var calls: [CallRow] = []
    public var subcategories: [SubcategoryRow] = []
    public var agents: [AgentRow] = []
    public var agentsBySlot: [Int] = []
    public var peaks: [Int] = []
    /// How many calls wait second by second (format 4 on): what the peaks of several sites merge from.
    public var waiting: WaitingTimeline?
    /// The latest enqueue time of the data the snapshot was made from (for provisional repeats).
    public var latestEnqueue: Int64?
    public var tickets: [TicketRow] = []
    public var ticketsSolvedWithoutTime = 0
    /// The day's IVR calls (docs/METRICS.md, "IVR"), nodes and paths by their text.
    public var ivr = IVRAccumulator<String>()
    /// The day's journey (docs/METRICS.md, "Journey"): escalations and chaser calls of its calls, resolutions of
    /// its solved tickets; not linkable when the day's ticket exports carry no links.
    public var journey = JourneyAccumulator()

    public struct CallRow: Sendable, Equatable {
        public var interval: Int32
        public var slot: Int32
        public var hour: Int8
        public var queue: String
        public var category: UInt8
        public var figures: CallAccumulator
    }

    public struct SubcategoryRow: Sendable, Equatable {
        public var category: UInt8
        public var name: String
        public var figures: CallAccumulator
    }

    public struct AgentRow: Sendable, Equatable {
        public var name: String
        public var figures: CallAccumulator
        public var loggedIn: Int64?
        public var paused: Int64 = 0
        public var ringNoAnswer = 0
        public var pausedByReason: [String: Int64] = [:]
    }

    public struct TicketRow: Sendable, Equatable {
        public var category: UInt8
        public var subcategory: String
        public var priority: UInt8
        public var figures: TicketAccumulator
        public var backlogChange: Int
    }

    public init(day: Int32) { self.day = day }

    public var isEmpty: Bool {
        calls.isEmpty && tickets.isEmpty && agents.isEmpty && ivr.entries == 0 && !journey.linkable
    }

    /// The dimensions the runs behind a snapshot must use.
    public static let callDimensions: [Dimension] = [.date, .interval, .queue, .category]
    public static let ticketDimensions: [Dimension] = [.date, .category, .subcategory, .priority]

    /// The snapshot of `day` from a pass whose period is exactly that day, calls by ``callDimensions`` and
    /// tickets by ``ticketDimensions``.
    public init(
        day: Int32, calls a: CallAggregates, tickets t: TicketAggregator?, journey: JourneyAccumulator? = nil,
        symbols: SymbolTable, calendar: LocalCalendar
    ) {
        self.day = day
        self.journey = journey ?? JourneyAccumulator()
        let slotSeconds = Int(calendar.intervalSeconds)
        for (key, acc) in a.byRow where key.day == day && acc.offered > 0 {
            let start = calendar.startOfDay(Int(day)) + Int64(key.interval) * calendar.intervalSeconds
            let wall = calendar.wallClock(atSecond: start).secondOfDay
            calls.append(
                CallRow(
                    interval: key.interval, slot: Int32(wall / slotSeconds), hour: Int8(wall / 3600),
                    queue: DisplayText.cut(symbols[key.queue]), category: key.category, figures: acc))
        }
        calls.sort { ($0.interval, $0.queue, $0.category) < ($1.interval, $1.queue, $1.category) }
        subcategories = a.bySubcategory.map {
            SubcategoryRow(category: $0.key.category.rawValue, name: symbols[$0.key.subcategory], figures: $0.value)
        }.sorted { ($0.category, $0.name) < ($1.category, $1.name) }
        var names = Set(a.byAgent.keys)
        names.formUnion(a.agentActivity.keys)
        agents = names.map { agent in
            var row = AgentRow(name: DisplayText.cut(symbols[agent]), figures: a.byAgent[agent] ?? CallAccumulator())
            if let activity = a.agentActivity[agent] {
                row.loggedIn = activity.loggedIn
                row.paused = activity.paused
                row.ringNoAnswer = activity.ringNoAnswer
                for (reason, ms) in activity.pausedByReason { row.pausedByReason[symbols[reason], default: 0] += ms }
            }
            return row
        }.sorted { $0.name < $1.name }
        agentsBySlot = a.agentDaysBySlot
        peaks = a.peakByDaySlot[day] ?? []
        waiting = a.query.keepsWaitingTimelines ? a.waitingByDay[day] ?? WaitingTimeline() : nil
        latestEnqueue = a.repeatsProvisionalAfter.map { $0.milliseconds + a.settings.repeatWindowMillis }
        ivr = a.ivr
        if let t {
            for (key, acc) in zip(t.rowIndex.keys, t.byRow) where key.day == day {
                tickets.append(
                    TicketRow(
                        category: key.category, subcategory: symbols[key.subcategory], priority: key.priority,
                        figures: acc, backlogChange: 0))
            }
            for (key, changes) in zip(t.undatedRowIndex.keys, t.rowBacklogChanges) where changes[day] != 0 {
                let sub = symbols[key.subcategory]
                if let i = tickets.firstIndex(where: {
                    $0.category == key.category && $0.subcategory == sub && $0.priority == key.priority
                }) {
                    tickets[i].backlogChange += changes[day]
                } else {
                    tickets.append(
                        TicketRow(
                            category: key.category, subcategory: sub, priority: key.priority,
                            figures: TicketAccumulator(), backlogChange: changes[day]))
                }
            }
            tickets.sort { ($0.category, $0.subcategory, $0.priority) < ($1.category, $1.subcategory, $1.priority) }
            ticketsSolvedWithoutTime = t.solvedWithoutTimeByDay[day]
        }
    }
}

// MARK: - Encoding

extension DaySnapshot {
    /// 2 added the IVR counts at the end, 3 the journey after them; older snapshots read with none.
    static let formatVersion: UInt64 = 4

    /// The snapshot as bytes for the store.
    public func encoded() -> [UInt8] {
        var w = BinaryWriter()
        w.uint(Self.formatVersion)
        w.int(Int64(day))
        w.uint(UInt64(calls.count))
        for row in calls {
            w.int(Int64(row.interval))
            w.int(Int64(row.slot))
            w.int(Int64(row.hour))
            w.string(row.queue)
            w.uint(UInt64(row.category))
            row.figures.write(to: &w)
        }
        w.uint(UInt64(subcategories.count))
        for row in subcategories {
            w.uint(UInt64(row.category))
            w.string(row.name)
            row.figures.write(to: &w)
        }
        w.uint(UInt64(agents.count))
        for row in agents {
            w.string(row.name)
            row.figures.write(to: &w)
            w.optional(row.loggedIn)
            w.int(row.paused)
            w.int(row.ringNoAnswer)
            w.uint(UInt64(row.pausedByReason.count))
            for (reason, ms) in row.pausedByReason.sorted(by: { $0.key < $1.key }) {
                w.string(reason)
                w.int(ms)
            }
        }
        for list in [agentsBySlot, peaks] {
            w.uint(UInt64(list.count))
            for v in list { w.int(v) }
        }
        w.optional(latestEnqueue)
        w.uint(UInt64(tickets.count))
        for row in tickets {
            w.uint(UInt64(row.category))
            w.string(row.subcategory)
            w.uint(UInt64(row.priority))
            row.figures.write(to: &w)
            w.int(row.backlogChange)
        }
        w.int(ticketsSolvedWithoutTime)
        ivr.write(to: &w)
        journey.write(to: &w)
        w.uint(waiting == nil ? 0 : 1)
        waiting?.write(to: &w)
        return w.bytes
    }

    public struct UnreadableSnapshot: Error, CustomStringConvertible {
        public var description: String { "a day snapshot in the store is damaged or of an unknown format" }
    }

    /// A stored day's calls added up, without their waits (`index.html` lists each day's offered calls, service
    /// level and abandonment, over the whole retention): the rest of the snapshot is not decoded.
    public static func callTotals(decoding bytes: [UInt8]) throws -> (day: Int32, calls: CallAccumulator) {
        var r = BinaryReader(bytes)
        do {
            let version = try r.uint()
            guard (1...Self.formatVersion).contains(version) else { throw UnreadableSnapshot() }
            let day = Int32(truncatingIfNeeded: try r.int64())
            var total = CallAccumulator()
            for _ in 0..<(try r.count()) {
                for _ in 0..<3 { _ = try r.int64() }
                try r.skipString()
                _ = try r.uint()
                total.merge(try CallAccumulator.read(from: &r, waits: false))
            }
            return (day, total)
        } catch is BinaryReader.Malformed {
            throw UnreadableSnapshot()
        }
    }

    /// The day's calls added up without their waits, as bytes the store keeps beside the snapshot.
    public func encodedCallTotals() -> [UInt8] {
        var total = CallAccumulator()
        for row in calls { total.merge(row.figures) }
        total.waits = WaitHistogram()
        var w = BinaryWriter()
        w.uint(1)
        total.write(to: &w)
        return w.bytes
    }

    /// The totals ``encodedCallTotals()`` wrote.
    public static func callTotals(decodingTotals bytes: [UInt8]) throws -> CallAccumulator {
        var r = BinaryReader(bytes)
        do {
            guard try r.uint() == 1 else { throw UnreadableSnapshot() }
            let total = try CallAccumulator.read(from: &r)
            guard r.isAtEnd else { throw UnreadableSnapshot() }
            return total
        } catch is BinaryReader.Malformed {
            throw UnreadableSnapshot()
        }
    }

    public init(decoding bytes: [UInt8]) throws {
        var r = BinaryReader(bytes)
        do {
            let version = try r.uint()
            guard (1...Self.formatVersion).contains(version) else { throw UnreadableSnapshot() }
            day = Int32(truncatingIfNeeded: try r.int64())
            for _ in 0..<(try r.count()) {
                let interval = Int32(truncatingIfNeeded: try r.int64())
                let slot = Int32(truncatingIfNeeded: try r.int64())
                let hour = Int8(truncatingIfNeeded: try r.int64())
                let queue = try r.string()
                let category = UInt8(truncatingIfNeeded: try r.uint())
                calls.append(
                    CallRow(
                        interval: interval, slot: slot, hour: hour, queue: queue, category: category,
                        figures: try CallAccumulator.read(from: &r)))
            }
            for _ in 0..<(try r.count()) {
                let category = UInt8(truncatingIfNeeded: try r.uint())
                let name = try r.string()
                subcategories.append(
                    SubcategoryRow(category: category, name: name, figures: try CallAccumulator.read(from: &r)))
            }
            for _ in 0..<(try r.count()) {
                var row = AgentRow(name: try r.string(), figures: try CallAccumulator.read(from: &r))
                row.loggedIn = try r.optional()
                row.paused = try r.int64()
                row.ringNoAnswer = try r.int()
                for _ in 0..<(try r.count()) { row.pausedByReason[try r.string()] = try r.int64() }
                agents.append(row)
            }
            agentsBySlot = try (0..<(try r.count())).map { _ in try r.int() }
            peaks = try (0..<(try r.count())).map { _ in try r.int() }
            latestEnqueue = try r.optional()
            for _ in 0..<(try r.count()) {
                let category = UInt8(truncatingIfNeeded: try r.uint())
                let subcategory = try r.string()
                let priority = UInt8(truncatingIfNeeded: try r.uint())
                let figures = try TicketAccumulator.read(from: &r)
                tickets.append(
                    TicketRow(
                        category: category, subcategory: subcategory, priority: priority, figures: figures,
                        backlogChange: try r.int()))
            }
            ticketsSolvedWithoutTime = try r.int()
            if version >= 2 { ivr = try IVRAccumulator<String>.read(from: &r) }
            if version >= 3 { journey = try JourneyAccumulator.read(from: &r) }
            if version >= 4, try r.uint() == 1 { waiting = try WaitingTimeline.read(from: &r) }
        } catch is BinaryReader.Malformed {
            throw UnreadableSnapshot()
        }
    }
}
