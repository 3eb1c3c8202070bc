import HotlineModel

/// Streams calls into the accumulators of every view a report shows, in one pass.
///
/// Views: the whole period, the previous period, time-of-day slots (wall clock), local days, queues, categories,
/// subcategories, the hour x weekday heatmap and the `--by` table; plus the peak-waiting sweep and the
/// repeat-call tracker. Calls outside the period or filters still count as "called again" for repeat figures.
///
/// - Complexity: O(1) per call (a few hash look-ups); ``finish()`` is O(seconds covered + calls).
public final class CallAggregator {
    public let settings: MetricSettings
    public let query: CallQuery
    let calendar: LocalCalendar
    let symbols: SymbolTable

    private let fromDay: Int
    private let toDay: Int
    private let previousRange: ClosedRange<Int>?
    private let queueFilter: Set<Symbol>?
    /// Per category raw value, whether it is selected; empty when all are.
    private let categoryFilter: [Bool]
    private let rowDimensions: RowDimensions
    let slotsPerDay: Int

    var previous = CallAccumulator()
    // Views keyed by small integers live in arrays; the others map keys to dense indices of parallel arrays.
    private var views: CallViews
    private var days = DenseIndex<Int32>()
    /// Answered calls by agent symbol number.
    private let byAgent = UnsharedArray<CallAccumulator>()
    private var agentEvents: [Symbol: [AgentEvent]] = [:]
    /// Distinct (day, wall-clock slot, agent) seen answering: observed staffing.
    private var agentSlots = DenseIndex<Int64>()
    /// By agent symbol number, the (day, slot, agent) key last put in `agentSlots` (-1: none): an agent answers
    /// many calls of a slot one after another, and each look-up in the set of a month's keys was a cache miss, a
    /// tenth of the aggregating thread's time on 10M calls.
    private let lastAgentSlot = UnsharedArray<Int64>()
    private var subcategories = DenseIndex<SubcategoryKey>()
    private var rows = DenseIndex<RowKey>()
    /// Offered calls by weekday (0 = Monday) and hour, at `weekday * 24 + hour`. The per-call arrays are
    /// ``UnsharedArray``s: written with a store, without `Array`'s uniqueness check.
    private let heatmapCounts = UnsharedArray<Int>(repeating: 0, count: 7 * 24)
    var firstDay: Int32?
    var lastDay: Int32?
    /// The latest enqueue time of any call read, in or out of the period: repeat figures for answered calls
    /// ending within the repeat window before it may still change with later data.
    private var latestEnqueue: Instant?
    /// Calls read that fall outside the period (previous period included) or the filters.
    private var outside = 0
    private let peak = PeakWaitingTracker()
    /// Every day read within the filters, by wall-clock slot: what the exceptions compare with.
    private var profiles: DayProfiles
    /// Queues with calls in the previous period: a comparison over fewer queues says so.
    private var previousQueues = Set<Symbol>()
    /// Queues (by symbol number) and days of every call read, in the period and filters or not.
    private var queuesRead: [Bool] = []
    private var daysRead: ClosedRange<Int32>?
    private var repeats: RepeatCallTracker
    /// IVR calls of the period and filters: totals here, per path by the path's symbol number (an array: a
    /// dictionary look-up per call showed in the profile of the call aggregator).
    private var ivr = IVRAccumulator<Symbol>()
    private let ivrByPath = UnsharedArray<IVRPathCounts>()
    private var cells = DenseIndex<ViewCell>()
    /// With ``addsOncePerCall``: the calls of each cell of the current generation, merged into every view when
    /// the generation is full (``cellLimit``) and at ``finish()``, so memory stays bounded over long periods.
    private let cellCalls = UnsharedArray<CallAccumulator>()
    /// Every cell ever made, by global id (generation base + index): what a repeat credit names.
    private var cellKeys: [ViewCell] = []
    private var cellBase = 0
    /// Cells per generation; tests set it low to exercise the merging.
    var cellLimit = 1 << 15
    /// Each call is added once, to its cell (slot, day, queue, category, subcategory, row), and the views are merged
    /// from the cells at the end: a third less work per call than adding it to eight views. Not when the table has
    /// an agent column: cells times agents would hold too many accumulators.
    private let addsOncePerCall: Bool
    /// Whether a call's table row follows from its cell (its slot, day, queue, category and subcategory): true
    /// unless the table has agents, IVR paths or nodes, or elapsed intervals of dates, or the interval does not
    /// divide the hour. The row is then looked up once per cell of a generation, not for every call (the look-up
    /// was 8% of the aggregator's instructions).
    private let rowsFollowCells: Bool
    private var lastDay32: Int32 = .min
    private var lastDayIndex = 0

    /// `spillsAside`: the repeat-call runs of a long period are sorted and written on another thread (a report
    /// given more than one).
    public init(
        settings: MetricSettings, query: CallQuery, calendar: LocalCalendar, symbols: SymbolTable,
        spillsAside: Bool = false
    ) {
        repeats = RepeatCallTracker(spillsAside: spillsAside)
        self.settings = settings
        self.query = query
        self.calendar = calendar
        self.symbols = symbols
        uniformThreshold = settings.targets.isEmpty ? settings.serviceLevelMillis : nil
        fromDay = query.from?.dayNumber ?? Int.min
        toDay = query.to?.dayNumber ?? Int.max
        previousRange = query.previous.map { $0.from.dayNumber...$0.to.dayNumber }
        queueFilter = query.queues.isEmpty ? nil : Set(query.queues.map { symbols.intern($0) })
        categoryFilter = query.categories.isEmpty ? [] : CallCategory.allCases.map { query.categories.contains($0) }
        rowDimensions = RowDimensions(query.callDimensions)
        addsOncePerCall = !rowDimensions.agent
        rowsFollowCells =
            addsOncePerCall && !rowDimensions.keepsPath && !(rowDimensions.interval && rowDimensions.date)
            && 3600 % calendar.intervalSeconds == 0
        slotsPerDay = 86400 / Int(calendar.intervalSeconds)
        views = CallViews(slotsPerDay: slotsPerDay)
        profiles = DayProfiles(slotsPerDay: slotsPerDay)
    }

    /// The one service-level threshold of every call, when no queue or category has its own.
    private let uniformThreshold: Milliseconds?
    /// Thresholds by queue symbol and category, looked up by name once per pair (-1: not looked up yet).
    private var thresholdCache: [Milliseconds] = []

    /// The threshold a call is held to: its queue's, else its category's, else the default (ServiceTargets).
    private func threshold(of call: CallRecord) -> Milliseconds {
        let categories = CallCategory.allCases.count
        let i = Int(call.queue.rawValue) * categories + Int(call.category.rawValue)
        if i >= thresholdCache.count {
            thresholdCache += Array(
                repeating: -1, count: (Int(call.queue.rawValue) + 1) * categories - thresholdCache.count)
        }
        if thresholdCache[i] >= 0 { return thresholdCache[i] }
        let t = settings.targets.target(
            default: settings.defaultTarget, queue: symbols[call.queue], category: call.category)
        thresholdCache[i] = Milliseconds(t.thresholdSeconds) * 1000
        return thresholdCache[i]
    }

    /// Adds one classified inbound call.
    public func add(_ call: CallRecord) {
        let stamp = calendar.stamp(call.enqueuedAt)
        let day = Int(stamp.day)
        if call.isIVRCall,
            call.outcome.endsInIVR ? queueFilter == nil : queueFilter.map { $0.contains(call.queue) } ?? true,
            categoryFilter.isEmpty || categoryFilter[Int(call.category.rawValue)]
        {
            // Every day read, in the period or not: the usual the IVR drop-off exception compares with.
            if query.keepsDayProfiles {
                profiles.ivr.add(path: call.ivrPath, day: stamp.day, abandoned: call.outcome == .ivrAbandoned ? 1 : 0)
            }
            if day >= fromDay, day <= toDay {
                ivr.addTotals(call)
                if !call.ivrPath.isNone {
                    let i = Int(call.ivrPath.rawValue)
                    if i >= ivrByPath.count {
                        ivrByPath.append(repeating: IVRPathCounts(), count: i + 1 - ivrByPath.count)
                    }
                    ivrByPath[i].add(call)
                }
            }
        }
        if call.outcome.endsInIVR {
            // Never offered to a queue: only in the IVR figures, and a caller's later call for repeat calls.
            if call.enqueuedAt > latestEnqueue ?? Instant(milliseconds: .min) { latestEnqueue = call.enqueuedAt }
            if let caller = call.caller {
                repeats.add(
                    caller: caller, call: call.callKey, enqueued: call.enqueuedAt, ended: call.endedAt, cell: nil)
            }
            return
        }
        // What was read at all, whatever the filters: a filter or period that matches nothing names what exists.
        let q = Int(call.queue.rawValue)
        if q >= queuesRead.count { queuesRead += Array(repeating: false, count: q + 1 - queuesRead.count) }
        // Written only when new: a write makes the array unique (a call, not inlined) for every call.
        if !queuesRead[q] { queuesRead[q] = true }
        daysRead =
            daysRead.map { min($0.lowerBound, stamp.day)...max($0.upperBound, stamp.day) }
            ?? stamp.day...stamp.day
        let selected =
            (queueFilter.map { $0.contains(call.queue) } ?? true)
            && (categoryFilter.isEmpty || categoryFilter[Int(call.category.rawValue)])
        var cell: UInt32?
        let threshold = uniformThreshold ?? threshold(of: call)
        // The call's subcategory index, made here for every selected call and used again below (a second look-up
        // copied the index's arrays, a retain and release each, for every call).
        var sub = 0
        if selected {
            // Every day read, in the period or not: the usual the exceptions compare with.
            let newSub: Bool
            (sub, newSub) = subcategories.index(
                of: SubcategoryKey(category: call.category, subcategory: call.subcategory))
            if newSub { views.bySubcategory.append(CallAccumulator()) }
            if query.keepsDayProfiles {
                profiles.add(
                    call, day: stamp.day, slot: Int(stamp.secondOfDay) / Int(calendar.intervalSeconds),
                    subcategory: sub, threshold: threshold, settings: settings)
            }
        }
        if selected && day >= fromDay && day <= toDay {
            let slot = Int(stamp.secondOfDay) / Int(calendar.intervalSeconds)
            if stamp.day != lastDay32 {
                let (index, inserted) = days.index(of: stamp.day)
                if inserted { views.byDay.append(CallAccumulator()) }
                lastDay32 = stamp.day
                lastDayIndex = index
            }
            let queue = Int(call.queue.rawValue)
            views.addQueue(queue)
            // With `rowsFollowCells` the cell is looked up by its other fields, row 0; a new one gets its row.
            let viewCell = ViewCell(
                slot: Int32(slot), day: Int32(lastDayIndex), queue: Int32(queue),
                category: Int32(call.category.rawValue), subcategory: Int32(sub),
                row: rowsFollowCells ? 0 : row(of: call, stamp: stamp, slot: slot))

            if addsOncePerCall {
                let id = cellID(viewCell) { rowsFollowCells ? row(of: call, stamp: stamp, slot: slot) : $0.row }
                cellCalls[id - cellBase].add(call, threshold: threshold, settings: settings)
                if call.isAnswered && call.caller != nil { cell = UInt32(id) }
                if cellCalls.count >= cellLimit { flushCells() }
            } else {
                views.update(viewCell) { $0.add(call, threshold: threshold, settings: settings) }
                if call.isAnswered && call.caller != nil { cell = UInt32(cellID(viewCell)) }
            }
            if !call.agent.isNone {
                let agent = Int(call.agent.rawValue)
                if agent >= byAgent.count {
                    lastAgentSlot.append(repeating: -1, count: agent + 1 - byAgent.count)
                    byAgent.append(repeating: CallAccumulator(), count: agent + 1 - byAgent.count)
                }
                let agentSlot = Int64(lastDayIndex) << 40 | Int64(slot) << 32 | Int64(agent)
                if lastAgentSlot[agent] != agentSlot {
                    _ = agentSlots.index(of: agentSlot)
                    lastAgentSlot[agent] = agentSlot
                }
                byAgent[agent].add(call, threshold: threshold, settings: settings)
            }
            heatmapCounts[stamp.weekday * 24 + stamp.hour] += 1
            peak.add(enqueued: call.enqueuedAt, wait: call.wait)
            firstDay = min(firstDay ?? stamp.day, stamp.day)
            lastDay = max(lastDay ?? stamp.day, stamp.day)
        } else if selected, day == fromDay - 1, fromDay != Int.min {
            // Calls of the day before may still wait after midnight: the period's first peaks count them.
            peak.add(enqueued: call.enqueuedAt, wait: call.wait)
            if let previousRange, previousRange.contains(day) {
                previous.add(call, threshold: threshold, settings: settings)
                previousQueues.insert(call.queue)
                if call.isAnswered && call.caller != nil { cell = previousPeriodCell() }
            }
            outside += 1
        } else if selected, let previousRange, previousRange.contains(day) {
            previous.add(call, threshold: threshold, settings: settings)
            previousQueues.insert(call.queue)
            outside += 1
            if call.isAnswered && call.caller != nil { cell = previousPeriodCell() }
        } else {
            outside += 1
        }
        if call.enqueuedAt > latestEnqueue ?? Instant(milliseconds: .min) { latestEnqueue = call.enqueuedAt }
        if let caller = call.caller {
            repeats.add(caller: caller, call: call.callKey, enqueued: call.enqueuedAt, ended: call.endedAt, cell: cell)
        }
    }

    /// Adds classified inbound calls in order, as `add` one by one.
    public func add(contentsOf calls: [CallRecord]) {
        for call in calls { add(call) }
    }

    /// Adds an agent state change (from a queue log).
    public func add(_ event: AgentEvent) {
        agentEvents[event.agent, default: []].append(event)
    }

    /// Resolves repeat calls and peaks; the aggregator is spent afterwards.
    public func finish() -> CallAggregates {
        flushCells()
        var credits = [Int](repeating: 0, count: cellKeys.count)
        repeats.resolve(window: settings.repeatWindowMillis) { credits[Int($0)] += 1 }
        for (id, n) in credits.enumerated() where n > 0 {
            let cell = cellKeys[id]
            if cell == .previousPeriod {
                previous.repeats += n
                continue
            }
            views.update(cell) { $0.repeats += n }
        }
        var keyed = views.keyed(days: days.keys, subcategories: subcategories.keys, rows: rows.keys)
        if rowDimensions.ivrNode {
            var nodeRows = IVRNodes(symbols: symbols)
            keyed.byRow = nodeRows.fannedOut(keyed.byRow, keepsPath: rowDimensions.ivrPath)
        }
        profiles.subcategoryKeys = subcategories.keys
        var agentMap: [Symbol: CallAccumulator] = [:]
        for (i, acc) in byAgent.elements.enumerated() where acc.offered > 0 {
            var withoutRepeats = acc
            // Repeats are not credited per agent (it would multiply the repeat cells by the agents): no value, not 0.
            withoutRepeats.repeatEligible = 0
            agentMap[Symbol(rawValue: UInt32(i))] = withoutRepeats
        }
        let periodStart = fromDay == Int.min ? Int64.min : calendar.startOfDay(fromDay) * 1000
        let periodEnd = toDay == Int.max ? Int64.max : calendar.startOfDay(toDay + 1) * 1000
        // A session still open closes where the data ends: the latest call or agent event read.
        let latestAgentEvent = agentEvents.values.flatMap { $0.map(\.time) }.max()
        let dataEnd = [latestEnqueue, latestAgentEvent].compactMap { $0 }.max() ?? Instant(milliseconds: 0)
        var activity: [Symbol: AgentActivity] = [:]
        for (agent, events) in agentEvents {
            activity[agent] = AgentActivity.replay(events, period: periodStart..<periodEnd, dataEnd: dataEnd)
        }
        var agentsBySlot = [Int](repeating: 0, count: slotsPerDay)
        var agentsByWeekdaySlot = Array(repeating: [Int](repeating: 0, count: slotsPerDay), count: 7)
        let dayKeys = days.keys
        for key in agentSlots.keys {
            let slot = Int((key >> 32) & 0xFF)
            agentsBySlot[slot] += 1
            let dayIndex = Int(key >> 40)
            if dayIndex < dayKeys.count {
                agentsByWeekdaySlot[CivilDate.weekday(ofDayNumber: Int(dayKeys[dayIndex]))][slot] += 1
            }
        }
        var peaks = peak.peaks(
            calendar: calendar, slotsPerDay: slotsPerDay,
            timelineDays: query.keepsWaitingTimelines && fromDay <= toDay ? Int32(fromDay)...Int32(toDay) : nil)
        // Only the period's days: the day before was swept for its calls still waiting after midnight.
        peaks.byDaySlot = peaks.byDaySlot.filter { Int($0.key) >= fromDay && Int($0.key) <= toDay }
        peaks.byDay = peaks.byDay.filter { Int($0.key) >= fromDay && Int($0.key) <= toDay }
        var peakBySlot = [Int](repeating: 0, count: slotsPerDay)
        for slots in peaks.byDaySlot.values {
            for (slot, p) in slots.enumerated() where p > peakBySlot[slot] { peakBySlot[slot] = p }
        }
        let heatmap = heatmapCounts.elements
        var aggregates = CallAggregates(
            settings: settings, query: query, total: views.total, previous: previous, bySlot: views.bySlot,
            byDay: keyed.byDay, byQueue: keyed.byQueue, byCategory: keyed.byCategory,
            bySubcategory: keyed.bySubcategory, byRow: keyed.byRow,
            heatmap: (0..<7).map { Array(heatmap[$0 * 24..<$0 * 24 + 24]) },
            peakBySlot: peakBySlot, peakByDay: peaks.byDay, peakByDaySlot: peaks.byDaySlot,
            firstDay: firstDay, lastDay: lastDay,
            repeatsProvisionalAfter: latestEnqueue.map { $0 + -settings.repeatWindowMillis }, outside: outside,
            byAgent: agentMap, agentActivity: activity, agentDaysBySlot: agentsBySlot,
            agentDaysByWeekdaySlot: agentsByWeekdaySlot, profiles: profiles, previousQueues: previousQueues,
            queuesRead: queuesRead.indices.filter { queuesRead[$0] }.map { Symbol(rawValue: UInt32($0)) },
            daysRead: daysRead)
        for (i, counts) in ivrByPath.elements.enumerated() where counts.entries > 0 {
            ivr.paths[Symbol(rawValue: UInt32(i))] = counts
        }
        aggregates.ivr = ivr.rekeyed { symbols[$0] }
        aggregates.waitingByDay = peaks.timelines
        return aggregates
    }

    /// The index of a call's table row, made (with its accumulator) when new.
    @inline(__always) private func row(of call: CallRecord, stamp: LocalStamp, slot: Int) -> Int32 {
        let (row, newRow) = rows.index(
            of: rowDimensions.key(
                day: stamp.day, interval: stamp.interval, slot: Int32(slot), hour: Int8(stamp.hour),
                weekday: Int8(stamp.weekday), queue: call.queue, category: call.category.rawValue,
                subcategory: call.subcategory, agent: call.agent, ivrPath: call.ivrPath))
        if newRow { views.byRow.append(CallAccumulator()) }
        return Int32(row)
    }

    /// The global id of a cell, made when new; `rowOfNew` gives a new cell's row from its look-up key (with
    /// ``rowsFollowCells`` that key's row is 0, a stand-in).
    @inline(__always) private func cellID(_ cell: ViewCell, rowOfNew: (ViewCell) -> Int32 = { $0.row }) -> Int {
        let (index, inserted) = cells.index(of: cell)
        if inserted {
            var made = cell
            made.row = rowOfNew(cell)
            cellKeys.append(made)
            if addsOncePerCall { cellCalls.append(CallAccumulator()) }
        }
        return cellBase + index
    }

    /// The cell that stands for the previous period (its calls credit only `previous`).
    private func previousPeriodCell() -> UInt32 { UInt32(cellID(ViewCell.previousPeriod)) }

    /// Merges the current generation of cells into the views and starts a new one.
    private func flushCells() {
        guard addsOncePerCall else { return }
        // The keys as made (`cellKeys`), not as looked up: with `rowsFollowCells` the look-up key has row 0.
        for index in 0..<cells.count where cellKeys[cellBase + index] != .previousPeriod {
            let cell = cellKeys[cellBase + index]
            let calls = cellCalls[index]
            views.update(cell) { $0.merge(calls) }
        }
        cellBase += cells.count
        cells = DenseIndex()
        cellCalls.removeAll()
    }
}
