import HotlineModel

/// Caller keys to dense indices, with the key stored in the slot itself.
///
/// With millions of callers every look-up misses the cache; keeping the key beside the index makes that one
/// miss instead of the two a ``DenseIndex`` takes (slot, then the key array).
struct CallerTable {
    private struct Slot {
        /// The caller key; 0 marks an empty slot (no ``CallerKey`` is 0: phone keys carry a tag bit, interned
        /// callers are never the empty symbol).
        var key: UInt64
        var index: UInt32
    }

    private var slots: [Slot] = Array(repeating: Slot(key: 0, index: 0), count: 1 << 12)
    private(set) var count = 0

    @inline(__always) mutating func index(of caller: CallerKey) -> (index: Int, inserted: Bool) {
        let key = caller.rawValue
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: DenseIndex<CallerKey>.mix(key)) & mask
        while true {
            let slot = slots[i]
            if slot.key == key { return (Int(slot.index), false) }
            if slot.key == 0 { break }
            i = (i + 1) & mask
        }
        slots[i] = Slot(key: key, index: UInt32(count))
        count += 1
        // Kept at most 5/8 full: fewer probes than 3/4, less memory than 1/2.
        if count * 8 > slots.count * 5 { grow() }
        return (count - 1, true)
    }

    /// Reads the slot `caller` hashes to, so a later ``index(of:)`` finds it in the cache. Touching the slots of
    /// a few hundred calls in a row lets the processor wait for their cache misses together instead of one by
    /// one inside the aggregation of each call; the result only keeps the reads from being optimised away.
    @inline(__always) func touch(_ caller: CallerKey) -> UInt64 {
        let mask = slots.count - 1
        return slots[Int(truncatingIfNeeded: DenseIndex<CallerKey>.mix(caller.rawValue)) & mask].key
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: 0, index: 0), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.key != 0 {
            var i = Int(truncatingIfNeeded: DenseIndex<CallerKey>.mix(slot.key)) & mask
            while slots[i].key != 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}
