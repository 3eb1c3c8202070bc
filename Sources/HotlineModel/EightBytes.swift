/// Eight bytes tested and read at once (SWAR): the digits of a clock, a zone offset, a phone number; short field
/// values hashed, compared and tested as one or two words. Byte by byte, each was a load, a test and a branch.
public enum EightBytes {
    /// The eight bytes at `p` (unaligned), the first in the lowest byte.
    @inlinable @inline(__always) public static func word(at p: UnsafePointer<UInt8>) -> UInt64 {
        UnsafeRawPointer(p).loadUnaligned(as: UInt64.self).littleEndian
    }

    /// The bytes of `word` that `mask` selects (0xFF each), each minus `0`; nil unless every one is an ASCII
    /// digit. A digit has high nibble 3, and still 3 with 6 added (0x39 + 6 = 0x3F: no carry into the next byte).
    @inlinable @inline(__always) public static func digitValues(_ word: UInt64, mask: UInt64) -> UInt64? {
        let digits = word & mask
        let highNibbles = mask & 0xF0F0_F0F0_F0F0_F0F0
        let threes = mask & 0x3030_3030_3030_3030
        guard digits & highNibbles == threes, (digits &+ (mask & 0x0606_0606_0606_0606)) & highNibbles == threes
        else { return nil }
        return digits &- threes
    }

    /// Byte `index` (0 is the first) of `values`.
    @inlinable @inline(__always) public static func byte(_ values: UInt64, _ index: UInt64) -> Int {
        Int((values >> (index * 8)) & 0xFF)
    }

    /// Fewer than eight bytes at `p` as one word, the first in the lowest byte and zeros above the last, read by
    /// four, two and one: no load past the last byte (a field may end its buffer).
    @inlinable @inline(__always) public static func gathered(_ p: UnsafeRawPointer, count n: Int) -> UInt64 {
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

    /// One to sixteen bytes at `p` as two words that, with the count, tell them apart: for eight or more the first
    /// eight and the last eight (overlapping), else the bytes gathered and zero.
    @inlinable @inline(__always) public static func shortWords(_ p: UnsafeRawPointer, count n: Int) -> (
        UInt64, UInt64
    ) {
        if n >= 8 {
            return (
                p.loadUnaligned(as: UInt64.self).littleEndian,
                p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self).littleEndian
            )
        }
        return (gathered(p, count: n), 0)
    }
}
