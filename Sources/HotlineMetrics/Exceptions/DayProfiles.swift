import HotlineModel

/// Per local day and wall-clock slot, the few counts the exceptions compare with the usual: for every day read
/// (in the period or not: the usual comes from the other days), within the queue and category filters.
///
/// Small: days x slots x 20 bytes (two months of 15-minute slots: 110 KB), plus offered calls per day and
/// subcategory.
public struct DayProfiles: Sendable {
    public struct Cell: Sendable, Equatable {
        public var offered: Int32 = 0
        public var shortAbandoned: Int32 = 0
        public var answeredWithin: Int32 = 0
        public var abandoned: Int32 = 0
        /// The longest wait of a call enqueued in the slot, whole seconds.
        public var longestWait: Int32 = 0

        /// Offered less short abandons: the service-level and abandonment denominator.
        public var eligible: Int { Int(offered - shortAbandoned) }

        public var serviceLevel: Double? { eligible > 0 ? Double(answeredWithin) / Double(eligible) : nil }
        public var abandonmentRate: Double? { eligible > 0 ? Double(abandoned) / Double(eligible) : nil }

        mutating func merge(_ other: Cell) {
            offered += other.offered
            shortAbandoned += other.shortAbandoned
            answeredWithin += other.answeredWithin
            abandoned += other.abandoned
            longestWait = max(longestWait, other.longestWait)
        }
    }

    public let slotsPerDay: Int
    private var dayIndex = DenseIndex<Int32>()
    private var cells: [Cell] = []
    /// The subcategories the counts are indexed by (the aggregator's own dense index, or this one's).
    var subcategoryKeys: [SubcategoryKey] = []
    private var subcategoryIndex = DenseIndex<SubcategoryKey>()
    /// Offered calls per day (by dense day index), per subcategory (by dense subcategory index).
    private var subcategoryCounts: [[Int32]] = []
    private var lastDay: Int32 = .min
    private var lastIndex = 0
    /// IVR calls by day and path, with or without queue data that day.
    public var ivr = IVRDayCounts()

    public init(slotsPerDay: Int) { self.slotsPerDay = max(1, slotsPerDay) }

    /// The days with at least one call, in order.
    public var days: [Int32] { dayIndex.keys.sorted() }

    private mutating func index(of day: Int32) -> Int {
        if day == lastDay { return lastIndex }
        let (index, inserted) = dayIndex.index(of: day)
        if inserted {
            cells += Array(repeating: Cell(), count: slotsPerDay)
            subcategoryCounts.append([])
        }
        lastDay = day
        lastIndex = index
        return index
    }

    /// Adds one call of `day` at wall-clock `slot`; `subcategory` is its index in ``subcategoryKeys`` (set when
    /// the calls are all added).
    mutating func add(
        _ call: CallRecord, day: Int32, slot: Int, subcategory: Int, threshold: Milliseconds, settings: MetricSettings
    ) {
        let d = index(of: day)
        var cell = cells[d * slotsPerDay + min(slot, slotsPerDay - 1)]
        cell.offered += 1
        if call.isAnswered {
            if call.wait <= threshold { cell.answeredWithin += 1 }
        } else if call.outcome == .abandoned {
            if call.wait < settings.shortAbandonMillis { cell.shortAbandoned += 1 } else { cell.abandoned += 1 }
        }
        cell.longestWait = max(cell.longestWait, Int32(clamping: (call.wait + 999) / 1000))
        cells[d * slotsPerDay + min(slot, slotsPerDay - 1)] = cell
        count(1, day: d, subcategory: subcategory)
    }

    private mutating func count(_ n: Int, day d: Int, subcategory s: Int) {
        if subcategoryCounts[d].count <= s {
            subcategoryCounts[d] += Array(repeating: 0, count: s + 1 - subcategoryCounts[d].count)
        }
        subcategoryCounts[d][s] += Int32(clamping: n)
    }

    /// Adds a stored day's counts of one slot.
    mutating func add(_ acc: CallAccumulator, day: Int32, slot: Int) {
        guard acc.offered > 0 else { return }
        let d = index(of: day)
        var cell = Cell()
        cell.offered = Int32(clamping: acc.offered)
        cell.shortAbandoned = Int32(clamping: acc.shortAbandoned)
        cell.answeredWithin = Int32(clamping: acc.answeredWithinThreshold)
        cell.abandoned = Int32(clamping: acc.abandoned)
        cell.longestWait = Int32(clamping: ((acc.longestWait ?? 0) + 999) / 1000)
        cells[d * slotsPerDay + min(max(slot, 0), slotsPerDay - 1)].merge(cell)
    }

    /// Adds a stored day's offered calls of one subcategory.
    mutating func add(offered: Int, day: Int32, _ key: SubcategoryKey) {
        let d = index(of: day)
        let (s, inserted) = subcategoryIndex.index(of: key)
        if inserted { subcategoryKeys.append(key) }
        count(offered, day: d, subcategory: s)
    }

    /// The slots of `day`; nil when no call was read that day.
    public func cells(of day: Int32) -> ArraySlice<Cell>? {
        guard let d = dayIndex.find(day) else { return nil }
        return cells[(d * slotsPerDay)..<((d + 1) * slotsPerDay)]
    }

    /// Offered calls of `day` by subcategory.
    public func subcategoryOffered(on day: Int32) -> [SubcategoryKey: Int] {
        guard let d = dayIndex.find(day) else { return [:] }
        var counts: [SubcategoryKey: Int] = [:]
        for (s, n) in subcategoryCounts[d].enumerated() where n > 0 && s < subcategoryKeys.count {
            counts[subcategoryKeys[s], default: 0] += Int(n)
        }
        return counts
    }
}
