/// A moment in time: whole milliseconds since 1970-01-01T00:00:00Z.
///
/// Integer milliseconds keep sums and differences exact, so the same inputs always give the same figures,
/// whatever order they were read in.
public struct Instant: Hashable, Comparable, Sendable {
    public var milliseconds: Int64

    @inlinable public init(milliseconds: Int64) { self.milliseconds = milliseconds }
    @inlinable public init(seconds: Int64) { self.milliseconds = seconds * 1000 }

    /// Whole seconds since the epoch, rounded towards negative infinity.
    @inlinable public var seconds: Int64 { milliseconds.floorDivided(by: 1000) }

    @inlinable public static func < (a: Instant, b: Instant) -> Bool { a.milliseconds < b.milliseconds }
    @inlinable public static func + (a: Instant, d: Milliseconds) -> Instant {
        Instant(milliseconds: a.milliseconds + d)
    }
    @inlinable public static func - (a: Instant, b: Instant) -> Milliseconds { a.milliseconds - b.milliseconds }
}

/// A duration in whole milliseconds.
public typealias Milliseconds = Int64

extension Int64 {
    /// Division rounding towards negative infinity (Swift's `/` rounds towards zero).
    @inlinable @inline(__always) public func floorDivided(by divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }

    /// Division rounding towards positive infinity, for non-negative values.
    @inlinable @inline(__always) public func ceilDivided(by divisor: Int64) -> Int64 {
        (self + divisor - 1).floorDivided(by: divisor)
    }
}
