/// A key whose hash is cheap and good enough for open addressing: a few integer mixes, no SipHash.
///
/// The hot loop looks keys up ~10 times per call; Swift's seeded `Hasher` measured as a third of the run time.
/// These keys are small integers the program made itself (symbols, days, packed fields), not input strings an
/// attacker chooses, so flooding is not a concern.
public protocol FastHashable: Equatable {
    var fastHash: UInt64 { get }
}

/// A key that is already a hash (a callid's key) or a packed integer.
extension UInt64: FastHashable {
    @inlinable public var fastHash: UInt64 { self }
}

/// Maps keys to dense indices 0, 1, 2, ... in order of first appearance: the index of a parallel array.
///
/// Open addressing with linear probing over a power-of-two table, kept at most half full.
/// `@inlinable` so each client module gets a version specialised to its key type: unspecialised, every
/// probe went through value witnesses and measured slower than the dictionary it replaces.
@frozen public struct DenseIndex<Key: FastHashable> {
    @usableFromInline var slots: [UInt32]
    @usableFromInline var storage: [Key] = []

    /// The keys, in index order.
    @inlinable public var keys: [Key] { storage }

    @inlinable public init() { slots = Array(repeating: 0, count: 64) }

    @inlinable public var count: Int { storage.count }

    /// The index of `key`, adding it when new.
    @inlinable @inline(__always) public mutating func index(of key: Key) -> (index: Int, inserted: Bool) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: Self.mix(key.fastHash)) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { break }
            if storage[Int(slot - 1)] == key { return (Int(slot - 1), false) }
            i = (i + 1) & mask
        }
        storage.append(key)
        slots[i] = UInt32(storage.count)
        if storage.count * 2 > slots.count { grow() }
        return (storage.count - 1, true)
    }

    /// The index of `key`, if present.
    @inlinable @inline(__always) public func find(_ key: Key) -> Int? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: Self.mix(key.fastHash)) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return nil }
            if storage[Int(slot - 1)] == key { return Int(slot - 1) }
            i = (i + 1) & mask
        }
    }

    /// `@inlinable` as the look-ups are: unspecialised, re-inserting went through a witness per key and was 4% of
    /// a queue_log report (1,600 instructions a key).
    @inlinable mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for n in storage.indices {
            var i = Int(truncatingIfNeeded: Self.mix(storage[n].fastHash)) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = UInt32(n + 1)
        }
    }

    /// MurmurHash3's 64-bit finaliser: spreads every input bit over the table index.
    @inlinable @inline(__always) public static func mix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }
}

extension CallerKey: FastHashable {
    @inlinable public var fastHash: UInt64 { rawValue }
}

extension Int32: FastHashable {
    @inlinable public var fastHash: UInt64 { UInt64(UInt32(bitPattern: self)) }
}

extension Int64: FastHashable {
    @inlinable public var fastHash: UInt64 { UInt64(bitPattern: self) }
}

/// Plain arrays of its keys: safe to send when the keys are.
extension DenseIndex: Sendable where Key: Sendable {}
