import HotlineModel

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

    /// One to sixteen bytes as two words (``EightBytes/shortWords(_:count:)``); nil when empty or longer.
    @inline(__always) static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        guard bytes.count > 0, bytes.count <= 16, let base = bytes.baseAddress else { return nil }
        return EightBytes.shortWords(UnsafeRawPointer(base), count: bytes.count)
    }
}
