import HotlineModel

/// The accumulators of the views a report shows, over dense indices: the whole period, time-of-day slots, days,
/// queues (by symbol number), categories (by raw value), subcategories and `--by` rows.
///
/// ``update(_:_:)`` is the one place a call, a cell of calls or a repeat credit is spread over the views:
/// `CallAggregator` and `StoredPeriod` both go through it, so a view added here is counted by both.
struct CallViews {
    var total = CallAccumulator()
    var bySlot: [CallAccumulator]
    var byDay: [CallAccumulator] = []
    var byQueue: [CallAccumulator] = []
    var byCategory = Array(repeating: CallAccumulator(), count: CallCategory.allCases.count)
    var bySubcategory: [CallAccumulator] = []
    var byRow: [CallAccumulator] = []

    init(slotsPerDay: Int) { bySlot = Array(repeating: CallAccumulator(), count: slotsPerDay) }

    /// Applies `change` to the total and to each view `cell` names; a negative index leaves its view out (a stored
    /// row has no subcategory: those come in rows of their own).
    mutating func update(_ cell: ViewCell, _ change: (inout CallAccumulator) -> Void) {
        change(&total)
        if cell.slot >= 0 { change(&bySlot[Int(cell.slot)]) }
        if cell.day >= 0 { change(&byDay[Int(cell.day)]) }
        if cell.queue >= 0 { change(&byQueue[Int(cell.queue)]) }
        if cell.category >= 0 { change(&byCategory[Int(cell.category)]) }
        if cell.subcategory >= 0 { change(&bySubcategory[Int(cell.subcategory)]) }
        if cell.row >= 0 { change(&byRow[Int(cell.row)]) }
    }

    /// Makes room for the queue of symbol number `queue`.
    mutating func addQueue(_ queue: Int) {
        if queue >= byQueue.count { byQueue += Array(repeating: CallAccumulator(), count: queue + 1 - byQueue.count) }
    }

    /// The views keyed as the report wants them: every day and row, the queues, categories and subcategories
    /// with calls. `days`, `subcategories` and `rows` are the keys of the dense indices, in index order.
    func keyed(days: [Int32], subcategories: [SubcategoryKey], rows: [RowKey]) -> Keyed {
        var keyed = Keyed()
        for (i, day) in days.enumerated() { keyed.byDay[day] = byDay[i] }
        for (i, acc) in byQueue.enumerated() where acc.offered > 0 { keyed.byQueue[Symbol(rawValue: UInt32(i))] = acc }
        for category in CallCategory.allCases where byCategory[Int(category.rawValue)].offered > 0 {
            keyed.byCategory[category] = byCategory[Int(category.rawValue)]
        }
        for (i, key) in subcategories.enumerated() where bySubcategory[i].offered > 0 {
            keyed.bySubcategory[key] = bySubcategory[i]
        }
        for (i, key) in rows.enumerated() { keyed.byRow[key] = byRow[i] }
        return keyed
    }

    /// The views by their keys, as ``CallAggregates`` holds them.
    struct Keyed {
        var byDay: [Int32: CallAccumulator] = [:]
        var byQueue: [Symbol: CallAccumulator] = [:]
        var byCategory: [CallCategory: CallAccumulator] = [:]
        var bySubcategory: [SubcategoryKey: CallAccumulator] = [:]
        var byRow: [RowKey: CallAccumulator] = [:]
    }
}

/// The views one call counts in, as indices into ``CallViews``: what a cell of calls, and a repeat credit, names.
struct ViewCell: FastHashable {
    var slot: Int32
    var day: Int32
    var queue: Int32
    var category: Int32
    var subcategory: Int32
    var row: Int32

    /// Calls of the previous period credit only its total.
    static let previousPeriod = ViewCell(slot: -1, day: -1, queue: -1, category: -1, subcategory: -1, row: -1)

    var fastHash: UInt64 {
        (UInt64(UInt32(bitPattern: slot)) | UInt64(UInt32(bitPattern: day)) << 16 | UInt64(
            UInt32(bitPattern: category)) << 40)
            ^ (UInt64(UInt32(bitPattern: queue)) << 24 | UInt64(UInt32(bitPattern: subcategory)) << 44)
            ^ (UInt64(UInt32(bitPattern: row)) &* 0x9E37_79B9_7F4A_7C15)
    }
}
