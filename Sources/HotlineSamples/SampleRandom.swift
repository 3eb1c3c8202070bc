import Foundation

/// SplitMix64: a small, fast generator whose sequence depends only on the seed, so samples are reproducible (and
/// tests' random inputs can be read again).
struct SampleRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Exponentially distributed with the given mean.
    mutating func exponential(mean: Double) -> Double { -log(1 - unit()) * mean }

    /// Poisson-distributed count (Knuth for small means, a normal approximation above 30).
    mutating func poisson(_ mean: Double) -> Int {
        if mean > 30 {
            let u1 = max(unit(), 1e-12)
            let u2 = unit()
            let z = sqrt(-2 * log(u1)) * cos(2 * Double.pi * u2)
            return max(0, Int((mean + z * sqrt(mean)).rounded()))
        }
        let limit = exp(-mean)
        var k = 0
        var p = 1.0
        repeat {
            k += 1
            p *= unit()
        } while p > limit
        return k - 1
    }

    /// An index chosen with probability proportional to its weight.
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            x -= w
            if x < 0 { return i }
        }
        return weights.count - 1
    }
}
