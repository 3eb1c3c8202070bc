import HotlineModel

/// Call keys to array positions for ``OpenCallTable``: open addressing with linear probing over a power-of-two
/// table kept at most half full, and backward-shift deletion (no tombstones, so a long log's opens and closes
/// never slow the probes).
///
/// By hand rather than a `Dictionary`: the keys are already 64-bit hashes of the callids, and the dictionary's
/// seeded SipHash of each was 6% of reading a queue_log (three look-ups per call).
struct KeyPositionMap {
    private var keys: [UInt64]
    /// Position + 1; 0 marks an empty slot.
    private var values: [UInt32]
    private(set) var count = 0

    init() {
        keys = Array(repeating: 0, count: 64)
        values = Array(repeating: 0, count: 64)
    }

    @inline(__always) private func home(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: DenseIndex<UInt64>.mix(key)) & mask
    }

    subscript(key: UInt64) -> UInt32? {
        get {
            let mask = keys.count - 1
            var i = home(key, mask: mask)
            while values[i] != 0 {
                if keys[i] == key { return values[i] - 1 }
                i = (i + 1) & mask
            }
            return nil
        }
        set {
            if let newValue { set(key, newValue) } else { remove(key) }
        }
    }

    private mutating func set(_ key: UInt64, _ value: UInt32) {
        let mask = keys.count - 1
        var i = home(key, mask: mask)
        while values[i] != 0 {
            if keys[i] == key {
                values[i] = value + 1
                return
            }
            i = (i + 1) & mask
        }
        keys[i] = key
        values[i] = value + 1
        count += 1
        if count * 2 > keys.count { grow() }
    }

    /// Empties the key's slot and moves back the entries after it that probed past it, so every probe still ends
    /// at the first empty slot.
    private mutating func remove(_ key: UInt64) {
        let mask = keys.count - 1
        var i = home(key, mask: mask)
        while values[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        guard values[i] != 0 else { return }
        count -= 1
        var hole = i
        var j = (i + 1) & mask
        while values[j] != 0 {
            let wanted = home(keys[j], mask: mask)
            // The entry at j may fill the hole when its home is not in (hole, j] cyclically.
            let between = hole <= j ? (wanted > hole && wanted <= j) : (wanted > hole || wanted <= j)
            if !between {
                keys[hole] = keys[j]
                values[hole] = values[j]
                hole = j
            }
            j = (j + 1) & mask
        }
        values[hole] = 0
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for n in oldKeys.indices where oldValues[n] != 0 {
            var i = home(oldKeys[n], mask: mask)
            while values[i] != 0 { i = (i + 1) & mask }
            keys[i] = oldKeys[n]
            values[i] = oldValues[n]
        }
    }
}
