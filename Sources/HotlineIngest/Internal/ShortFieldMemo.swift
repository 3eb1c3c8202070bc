/// Fewer than eight bytes as one word, the first in the lowest byte, read by four, two and one: no load past the
/// last byte (the field may end the buffer).
@inline(__always) func gatheredWord(_ p: UnsafeRawPointer, count n: Int) -> UInt64 {
    var word: UInt64 = 0
    var i = 0
    var shift: UInt64 = 0
    if n - i >= 4 {
        word = UInt64(p.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian)
        shift = 32
        i += 4
    }
    if n - i >= 2 {
        word |= UInt64(p.loadUnaligned(fromByteOffset: i, as: UInt16.self).littleEndian) << shift
        shift += 16
        i += 2
    }
    if n - i >= 1 { word |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << shift }
    return word
}

/// The last value of a column of short words (a call's direction, its outcome) and what it was read as. Such a
/// column repeats one word row after row: two word compares instead of interning the bytes again and looking up
/// what the symbol means (~120 instructions a field on the 10M-call benchmark). Only values that were read, and so
/// interned, are remembered: what the symbol table holds, and in which order, does not change.
struct ShortFieldMemo<Value> {
    private var length = -1
    private var first: UInt64 = 0
    private var last: UInt64 = 0
    private var value: Value?

    /// What `bytes` were read as, when they are the bytes remembered.
    @inline(__always) func recall(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        guard bytes.count == length, let (a, b) = Self.words(bytes), a == first, b == last else { return nil }
        return value
    }

    @inline(__always) mutating func remember(_ bytes: UnsafeBufferPointer<UInt8>, as value: Value) {
        guard let (a, b) = Self.words(bytes) else { return }
        (length, first, last, self.value) = (bytes.count, a, b, value)
    }

    /// One to sixteen bytes as two words: for eight or more the first eight and the last eight (overlapping),
    /// else the bytes and zero. Nil when empty or longer.
    @inline(__always) static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        let n = bytes.count
        guard n > 0, n <= 16, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        if n >= 8 {
            return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
        }
        return (gatheredWord(raw, count: n), 0)
    }
}
