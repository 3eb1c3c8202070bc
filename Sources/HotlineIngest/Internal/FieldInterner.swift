import Foundation
import HotlineModel

/// Maps field bytes to ``Symbol``s without building a `String` when the value was seen before.
///
/// An open-addressing hash table over an arena of the distinct values' bytes (word-at-a-time hashes). A value is
/// decoded and checked once, when first seen; invalid UTF-8 (or a U+FFFD left by a transcoder) and C0 control
/// bytes other than TAB, LF and CR are refused then, so the caller can reject the record naming the field.
final class FieldInterner {
    private struct Slot {
        var hash: UInt64
        var offset: Int32
        var length: Int32
        /// Symbol raw value + 1; 0 marks an empty slot, `UInt32.max` an invalid value.
        var symbolPlusOne: UInt32
    }

    private let symbols: SymbolTable
    private var slots: [Slot]
    private var arena: [UInt8] = []
    private var used = 0

    init(symbols: SymbolTable) {
        self.symbols = symbols
        slots = Array(repeating: Slot(hash: 0, offset: 0, length: 0, symbolPlusOne: 0), count: 256)
    }

    /// The symbol for `bytes`, or nil when they are not valid text.
    @inline(__always) func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Symbol? {
        if bytes.isEmpty { return Symbol.none }
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot.symbolPlusOne == 0 { break }
            if slot.hash == hash && Int(slot.length) == bytes.count && matches(slot, bytes) {
                return slot.symbolPlusOne == UInt32.max ? nil : Symbol(rawValue: slot.symbolPlusOne - 1)
            }
            index = (index + 1) & mask
        }
        return insert(bytes, hash: hash, at: index)
    }

    @inline(__always) private func matches(_ slot: Slot, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { a in
            guard let stored = a.baseAddress, let given = bytes.baseAddress else { return bytes.isEmpty }
            let n = bytes.count
            // 8 to 16 bytes (most queue names, labels, agents and outcomes): two word compares, not a call to
            // memcmp (below 8, gathering the words measured dearer than memcmp). The lengths are equal.
            if n >= 8 && n <= 16 {
                return EightBytes.shortWords(UnsafeRawPointer(stored + Int(slot.offset)), count: n)
                    == EightBytes.shortWords(UnsafeRawPointer(given), count: n)
            }
            return memcmp(stored + Int(slot.offset), given, n) == 0
        }
    }

    /// A hash of field bytes taken eight at a time (a multiply-xor per word, the tail as one more word): the
    /// byte-wise FNV it replaces was most of the interning time on the reading thread, and the byte-wise tail a
    /// fifth of what was left.
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        var i = 0
        let n = bytes.count
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            i += 8
        }
        if i < n {
            // The last bytes as one word: the final eight (overlapping bytes already hashed) when there are eight,
            // else gathered by four, two and one. Values are compared in full on a hash match.
            let tail =
                n >= 8 ? raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) : EightBytes.gathered(raw, count: n)
            hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
        }
        // A full finaliser: values that differ only in their last bytes (`Agent/1000`, `Agent/1001`) differ in
        // the high bytes of the last word, and a shift or two left 80 agent names on 8 table slots.
        return DenseIndex<UInt64>.mix(hash)
    }

    private func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, at index: Int) -> Symbol? {
        var symbol: Symbol?
        // A control byte (a NUL a PBX left) is no text either: the record is rejected naming the field.
        if UTF8Validation.isValid(bytes) && !bytes.contains(where: DisplayText.isControl) {
            let text = String(decoding: bytes, as: UTF8.self)
            if !text.unicodeScalars.contains("\u{FFFD}") { symbol = symbols.intern(text) }
        }
        let offset = Int32(arena.count)
        arena.append(contentsOf: bytes)
        slots[index] = Slot(
            hash: hash, offset: offset, length: Int32(bytes.count),
            symbolPlusOne: symbol.map { $0.rawValue + 1 } ?? UInt32.max)
        used += 1
        if used * 2 > slots.count { grow() }
        return symbol
    }

    private func grow() {
        let old = slots
        slots = Array(repeating: Slot(hash: 0, offset: 0, length: 0, symbolPlusOne: 0), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.symbolPlusOne != 0 {
            var index = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[index].symbolPlusOne != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
