/// Eight bytes tested and read at once (SWAR): the digits of a clock, a zone offset, a phone number. Byte by
/// byte, each digit was a load, a test and a branch.
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
}
