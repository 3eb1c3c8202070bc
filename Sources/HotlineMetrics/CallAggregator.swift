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
    private let dims: Set<Dimension>
    let slotsPerDay: Int

    var total = CallAccumulator()
    var previous = CallAccumulator()
    var bySlot: [CallAccumulator]
    var byDay: [Int32: CallAccumulator] = [:]
    var byQueue: [Symbol: CallAccumulator] = [:]
    var byCategory: [CallCategory: CallAccumulator] = [:]
    var bySubcategory: [SubcategoryKey: CallAccumulator] = [:]
    var byRow: [RowKey: CallAccumulator] = [:]
    /// Offered calls by weekday (0 = Monday) and hour.
    var heatmap: [[Int]] = Array(repeating: Array(repeating: 0, count: 24), count: 7)
    var firstDay: Int32?
    var lastDay: Int32?
    private var peak = PeakWaitingTracker()
    private var repeats = RepeatCallTracker()
    private var cellIndex: [Cell: UInt32] = [:]
    private var cells: [Cell] = []

    public init(settings: MetricSettings, query: CallQuery, calendar: LocalCalendar, symbols: SymbolTable) {
        self.settings = settings
        self.query = query
        self.calendar = calendar
        self.symbols = symbols
        fromDay = query.from?.dayNumber ?? Int.min
        toDay = query.to?.dayNumber ?? Int.max
        previousRange = query.previous.map { $0.from.dayNumber...$0.to.dayNumber }
        queueFilter = query.queues.isEmpty ? nil : Set(query.queues.map { symbols.intern($0) })
        dims = Set(query.dimensions)
        slotsPerDay = 86400 / Int(calendar.intervalSeconds)
        bySlot = Array(repeating: CallAccumulator(), count: slotsPerDay)
    }

    /// Adds one classified inbound call.
    public func add(_ call: CallRecord) {
        let stamp = calendar.stamp(call.enqueuedAt)
        let day = Int(stamp.day)
        let selected =
            (queueFilter.map { $0.contains(call.queue) } ?? true)
            && (query.categories.isEmpty || query.categories.contains(call.category))
        var cell: UInt32?
        if selected && day >= fromDay && day <= toDay {
            let slot = Int(stamp.secondOfDay) / Int(calendar.intervalSeconds)
            let row = rowKey(call, stamp: stamp, slot: slot)
            let subcategory = SubcategoryKey(category: call.category, subcategory: call.subcategory)
            total.add(call, settings: settings)
            bySlot[slot].add(call, settings: settings)
            byDay[stamp.day, default: CallAccumulator()].add(call, settings: settings)
            byQueue[call.queue, default: CallAccumulator()].add(call, settings: settings)
            byCategory[call.category, default: CallAccumulator()].add(call, settings: settings)
            bySubcategory[subcategory, default: CallAccumulator()].add(call, settings: settings)
            byRow[row, default: CallAccumulator()].add(call, settings: settings)
            heatmap[stamp.weekday][stamp.hour] += 1
            peak.add(enqueued: call.enqueuedAt, wait: call.wait)
            firstDay = min(firstDay ?? stamp.day, stamp.day)
            lastDay = max(lastDay ?? stamp.day, stamp.day)
            if call.isAnswered && call.caller != nil {
                cell = cellID(Cell(previous: false, slot: Int32(slot), day: stamp.day, subcategory: subcategory, queue: call.queue, row: row))
            }
        } else if selected, let previousRange, previousRange.contains(day) {
            previous.add(call, settings: settings)
            if call.isAnswered && call.caller != nil {
                cell = cellID(Cell(previous: true, slot: 0, day: 0, subcategory: SubcategoryKey(category: .other, subcategory: .none), queue: .none, row: RowKey()))
            }
        }
        if let caller = call.caller {
            repeats.add(caller: caller, enqueued: call.enqueuedAt, ended: call.endedAt, cell: cell)
        }
    }

    private func rowKey(_ call: CallRecord, stamp: LocalStamp, slot: Int) -> RowKey {
        var key = RowKey()
        if dims.contains(.date) { key.day = stamp.day }
        if dims.contains(.interval) { key.interval = dims.contains(.date) ? stamp.interval : Int32(slot) }
        if dims.contains(.hour) { key.hour = Int8(stamp.hour) }
        if dims.contains(.weekday) { key.weekday = Int8(stamp.weekday) }
        if dims.contains(.queue) { key.queue = call.queue }
        if dims.contains(.category) || dims.contains(.subcategory) { key.category = call.category.rawValue }
        if dims.contains(.subcategory) { key.subcategory = call.subcategory }
        if dims.contains(.agent) { key.agent = call.agent }
        return key
    }

    private func cellID(_ cell: Cell) -> UInt32 {
        if let id = cellIndex[cell] { return id }
        let id = UInt32(cells.count)
        cells.append(cell)
        cellIndex[cell] = id
        return id
    }

    /// Resolves repeat calls and peaks; the aggregator is spent afterwards.
    public func finish() -> CallAggregates {
        var credits = [Int](repeating: 0, count: cells.count)
        repeats.resolve(window: settings.repeatWindowMillis) { credits[Int($0)] += 1 }
        for (id, n) in credits.enumerated() where n > 0 {
            let cell = cells[id]
            if cell.previous {
                previous.repeats += n
                continue
            }
            total.repeats += n
            bySlot[Int(cell.slot)].repeats += n
            byDay[cell.day]?.repeats += n
            byQueue[cell.queue]?.repeats += n
            byCategory[cell.subcategory.category]?.repeats += n
            bySubcategory[cell.subcategory]?.repeats += n
            byRow[cell.row]?.repeats += n
        }
        let peaks = peak.peaks(calendar: calendar, slotsPerDay: slotsPerDay)
        return CallAggregates(
            settings: settings, query: query, total: total, previous: previous, bySlot: bySlot, byDay: byDay,
            byQueue: byQueue, byCategory: byCategory, bySubcategory: bySubcategory, byRow: byRow, heatmap: heatmap,
            peakBySlot: peaks.bySlot, peakByDay: peaks.byDay, peakByDayInterval: peaks.byDayInterval,
            peakOverall: peaks.overall, firstDay: firstDay, lastDay: lastDay)
    }

    private struct Cell: Hashable {
        var previous: Bool
        var slot: Int32
        var day: Int32
        var subcategory: SubcategoryKey
        var queue: Symbol
        var row: RowKey
    }
}

/// A category and one of its subcategories.
public struct SubcategoryKey: Hashable, Sendable {
    public var category: CallCategory
    public var subcategory: Symbol
}

/// One row of the `--by` table: the values of the chosen dimensions, the others left at zero.
public struct RowKey: Hashable, Sendable {
    public var day: Int32 = 0
    /// Elapsed interval of the day when `date` is a dimension, else the wall-clock slot of the day.
    public var interval: Int32 = 0
    public var hour: Int8 = 0
    public var weekday: Int8 = 0
    public var category: UInt8 = 0
    public var queue: Symbol = .none
    public var subcategory: Symbol = .none
    public var agent: Symbol = .none
}

/// Everything a report needs from the calls, after the pass.
public struct CallAggregates: Sendable {
    public var settings: MetricSettings
    public var query: CallQuery
    public var total: CallAccumulator
    public var previous: CallAccumulator
    public var bySlot: [CallAccumulator]
    public var byDay: [Int32: CallAccumulator]
    public var byQueue: [Symbol: CallAccumulator]
    public var byCategory: [CallCategory: CallAccumulator]
    public var bySubcategory: [SubcategoryKey: CallAccumulator]
    public var byRow: [RowKey: CallAccumulator]
    public var heatmap: [[Int]]
    public var peakBySlot: [Int]
    public var peakByDay: [Int32: Int]
    public var peakByDayInterval: [DayInterval: Int]
    public var peakOverall: Int
    public var firstDay: Int32?
    public var lastDay: Int32?
}
